/**
 * Restoring a backup folder (made by createBackup) over the app's database, with the app
 * stopped. Refused unless the folder holds an intact Gyoryu database whose migrations are a
 * prefix of the ones this code knows: an older schema is migrated at the next start, a newer
 * one (made by a later version of the app) would be silently misread, so it is refused.
 */
import {
	closeSync,
	copyFileSync,
	existsSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readdirSync,
	renameSync,
	rmSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { databasePath } from './db';
import { BACKUP_DB_FILE, integrityProblems, readManifest, type BackupManifest } from './backup';
import { blobPath } from './queries/attachments';

export class RestoreRefused extends Error {}

const requiredTables = ['users', 'exchanges', 'organizations', 'audit_log', '__drizzle_migrations'];

export interface BackupCheck {
	manifest: BackupManifest;
	/** Migrations in the backup and in this code. */
	backupMigrations: number;
	knownMigrations: number;
}

function schemaFacts(dbFile: string): { tables: Set<string>; hashes: string[] } {
	const db = new Database(dbFile, { readonly: true, fileMustExist: true });
	try {
		const tables = new Set(
			(
				db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
					name: string;
				}[]
			).map((r) => r.name)
		);
		const hashes = tables.has('__drizzle_migrations')
			? (
					db.prepare('SELECT hash FROM __drizzle_migrations ORDER BY created_at, id').all() as {
						hash: string;
					}[]
				).map((r) => r.hash)
			: [];
		return { tables, hashes };
	} catch (e) {
		throw new RestoreRefused(`${dbFile} is not a readable SQLite database (${String(e)})`);
	} finally {
		db.close();
	}
}

/** Everything restore checks before touching the live database; throws RestoreRefused. */
export function checkBackup(dir: string, migrationsFolder: string): BackupCheck {
	const manifest = readManifest(dir);
	const dbFile = join(dir, BACKUP_DB_FILE);
	if (!manifest || !existsSync(dbFile))
		throw new RestoreRefused(
			`${dir} is not a Gyoryu backup (it needs ${BACKUP_DB_FILE} and a Gyoryu manifest.json)`
		);
	const problems = integrityProblems(dbFile);
	if (problems.length)
		throw new RestoreRefused(`The backup database is damaged: ${problems.slice(0, 3).join('; ')}`);
	const { tables, hashes } = schemaFacts(dbFile);
	const missing = requiredTables.filter((t) => !tables.has(t));
	if (missing.length)
		throw new RestoreRefused(`The backup is not a Gyoryu database (no ${missing.join(', ')})`);
	const known = readMigrationFiles({ migrationsFolder });
	if (hashes.length > known.length)
		throw new RestoreRefused(
			`The backup was made by a newer version of Gyoryu (${hashes.length} schema migrations; ` +
				`this version knows ${known.length}). Upgrade the app first, then restore.`
		);
	const differs = hashes.findIndex((h, i) => h !== known[i].hash);
	if (differs >= 0)
		throw new RestoreRefused(
			`The backup's schema migration #${differs + 1} differs from this version's: it was not ` +
				'made by this line of Gyoryu versions.'
		);
	return { manifest, backupMigrations: hashes.length, knownMigrations: known.length };
}

/** True when another process (the running app) has the database open. */
export function databaseInUse(dbFile: string): boolean {
	if (!existsSync(dbFile)) return false;
	const db = new Database(dbFile, { fileMustExist: true, timeout: 0 });
	try {
		db.pragma('locking_mode = EXCLUSIVE');
		db.exec('BEGIN EXCLUSIVE; COMMIT');
		return false;
	} catch {
		return true;
	} finally {
		db.close();
	}
}

export interface RestoreOptions {
	backupDir: string;
	databaseUrl: string;
	dataDir: string;
	migrationsFolder: string;
	now?: Date;
}

export interface RestoreResult extends BackupCheck {
	/** Where the database that was replaced was kept, if there was one. */
	previous: string | null;
	files: number;
}

/**
 * Puts the backup's database in place of the live one (kept beside it as
 * `<name>.before-restore-<time>`) and copies back the attachment files it references.
 */
export function restoreBackup(options: RestoreOptions): RestoreResult {
	const check = checkBackup(options.backupDir, options.migrationsFolder);
	const target = databasePath(options.databaseUrl);
	if (databaseInUse(target))
		throw new RestoreRefused(`${target} is in use: stop the app before restoring.`);
	mkdirSync(dirname(target), { recursive: true });
	const incoming = `${target}.restoring`;
	copyFileSync(join(options.backupDir, BACKUP_DB_FILE), incoming);
	const fd = openSync(incoming, 'r');
	fsyncSync(fd);
	closeSync(fd);
	let previous: string | null = null;
	if (existsSync(target)) {
		const stamp = (options.now ?? new Date()).toISOString().replace(/[-:.]/g, '');
		previous = `${target}.before-restore-${stamp}`;
		renameSync(target, previous);
	}
	// The replaced database's write-ahead log must not be replayed into the restored one.
	for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
	renameSync(incoming, target);
	let files = 0;
	const from = join(options.backupDir, 'files');
	if (existsSync(from))
		for (const f of readdirSync(from, { recursive: true, withFileTypes: true })) {
			if (!f.isFile() || !/^[0-9a-f]{64}$/.test(f.name)) continue;
			const to = blobPath(options.dataDir, basename(f.name));
			if (existsSync(to)) continue;
			mkdirSync(dirname(to), { recursive: true });
			copyFileSync(join(f.parentPath, f.name), to);
			files++;
		}
	return { ...check, previous, files };
}
