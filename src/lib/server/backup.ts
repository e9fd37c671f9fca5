/**
 * Backups: a consistent database snapshot plus the attachment files it references, and a
 * manifest. The snapshot is `VACUUM INTO` on a connection of its own: it reads inside one read
 * transaction, so it sees exactly the commits made before it began and finishes however many
 * writes follow (the online backup API restarts on every write from another connection).
 * Each backup is written into a hidden `.partial` folder, checked with a full
 * `integrity_check`, and only then renamed into place, so a listed backup is a complete one.
 */
import { createHash } from 'node:crypto';
import {
	closeSync,
	copyFileSync,
	existsSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from './db';
import { blobPath } from './queries/attachments';

export const BACKUP_DB_FILE = 'gyoryu.db';
export const MANIFEST_FILE = 'manifest.json';
const NAME = /^gyoryu-\d{8}-\d{6}(?:\d{3})?Z$/;

export interface BackupManifest {
	app: 'gyoryu';
	format: 1;
	/** When the snapshot's read transaction began (UTC). */
	createdAt: string;
	finishedAt: string;
	migrations: { count: number; lastHash: string | null; lastCreatedAt: number | null };
	counts: Record<string, number>;
	database: { file: string; bytes: number; sha256: string };
	files: { count: number; bytes: number; missing: string[] };
	integrity: 'ok';
	/** Read back from the connection that made the snapshot: 2 means synchronous=FULL. */
	synchronous: number;
}

export interface BackupInfo {
	name: string;
	path: string;
	createdAt: string;
	bytes: number;
	verified: boolean;
	manifest: BackupManifest | null;
}

const countedTables: Record<string, string> = {
	exchanges: 'exchanges',
	organizations: 'organizations',
	ties: 'ties',
	agreements: 'agreements',
	followUps: 'follow_ups',
	people: 'people',
	sources: 'sources',
	attachments: 'attachments',
	users: 'users',
	auditLog: 'audit_log'
};

/** `gyoryu-20250102-030405678Z`: sorts by time, and two backups never share a name. */
export function backupName(at: Date): string {
	const d = at.toISOString().replace(/[-:.]/g, ''); // 20250102T030405678Z
	return `gyoryu-${d.slice(0, 8)}-${d.slice(9)}`;
}

function fsyncPath(path: string): void {
	const fd = openSync(path, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

function sha256File(path: string): string {
	return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Full `integrity_check` of a database file, opened read-only; the problems found, or []. */
export function integrityProblems(path: string): string[] {
	// Read-only and never written, so synchronous does not apply; every writing connection
	// goes through openDatabase.
	let db: Database.Database | null = null;
	try {
		db = new Database(path, { readonly: true, fileMustExist: true });
		const rows = db.pragma('integrity_check') as { integrity_check: string }[];
		return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
	} catch (e) {
		// A badly damaged file fails to open or to scan at all.
		return [e instanceof Error ? e.message : String(e)];
	} finally {
		db?.close();
	}
}

interface SnapshotFacts {
	counts: Record<string, number>;
	migrations: BackupManifest['migrations'];
	hashes: string[];
}

function readSnapshot(path: string): SnapshotFacts {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		const counts: Record<string, number> = {};
		for (const [key, table] of Object.entries(countedTables))
			counts[key] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
		const migrations = db
			.prepare('SELECT hash, created_at AS at FROM __drizzle_migrations ORDER BY created_at, id')
			.all() as { hash: string; at: number }[];
		const hashes = (
			db.prepare('SELECT DISTINCT sha256 FROM attachments').all() as {
				sha256: string;
			}[]
		).map((r) => r.sha256);
		const last = migrations.at(-1);
		return {
			counts,
			migrations: {
				count: migrations.length,
				lastHash: last?.hash ?? null,
				lastCreatedAt: last ? Number(last.at) : null
			},
			hashes
		};
	} finally {
		db.close();
	}
}

/** Copies each referenced file into the backup, checking the copy against its content hash. */
function copyFiles(dataDir: string, dest: string, hashes: string[]): BackupManifest['files'] {
	const files: BackupManifest['files'] = { count: 0, bytes: 0, missing: [] };
	for (const sha of hashes) {
		const from = blobPath(dataDir, sha);
		if (!existsSync(from)) {
			files.missing.push(sha);
			continue;
		}
		const to = blobPath(dest, sha);
		mkdirSync(dirname(to), { recursive: true });
		copyFileSync(from, to);
		if (sha256File(to) !== sha) throw new Error(`attachment ${sha} changed while it was copied`);
		fsyncPath(to);
		files.count++;
		files.bytes += statSync(to).size;
	}
	return files;
}

export interface BackupOptions {
	databaseUrl: string;
	dataDir: string;
	/** The folder that holds the backups; each one is a sub-folder named after its time. */
	outDir: string;
	now?: Date;
}

/** Makes one verified backup under `outDir` and returns it. */
export function createBackup(options: BackupOptions): BackupInfo {
	const started = options.now ?? new Date();
	const name = backupName(started);
	const final = join(options.outDir, name);
	const partial = join(options.outDir, `.${name}.partial`);
	mkdirSync(options.outDir, { recursive: true });
	if (existsSync(final)) throw new Error(`a backup named ${name} already exists`);
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial);
	try {
		const dbFile = join(partial, BACKUP_DB_FILE);
		const db = openDatabase(options.databaseUrl);
		let synchronous: number;
		try {
			synchronous = db.$client.pragma('synchronous', { simple: true }) as number;
			db.$client.prepare('VACUUM INTO ?').run(dbFile);
		} finally {
			db.$client.close();
		}
		fsyncPath(dbFile);
		const problems = integrityProblems(dbFile);
		if (problems.length) throw new Error(`integrity_check failed: ${problems.join('; ')}`);
		const facts = readSnapshot(dbFile);
		const files = copyFiles(options.dataDir, join(partial, 'files'), facts.hashes);
		const manifest: BackupManifest = {
			app: 'gyoryu',
			format: 1,
			createdAt: started.toISOString(),
			finishedAt: new Date().toISOString(),
			migrations: facts.migrations,
			counts: facts.counts,
			database: { file: BACKUP_DB_FILE, bytes: statSync(dbFile).size, sha256: sha256File(dbFile) },
			files,
			integrity: 'ok',
			synchronous
		};
		const manifestPath = join(partial, MANIFEST_FILE);
		writeFileSync(manifestPath, JSON.stringify(manifest, null, '\t') + '\n');
		fsyncPath(manifestPath);
		fsyncPath(partial);
		renameSync(partial, final);
		fsyncPath(options.outDir);
		return infoFor(final, name);
	} catch (e) {
		rmSync(partial, { recursive: true, force: true });
		throw e;
	}
}

export function readManifest(dir: string): BackupManifest | null {
	try {
		const m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
		return m.app === 'gyoryu' ? m : null;
	} catch {
		return null;
	}
}

function infoFor(path: string, name: string): BackupInfo {
	const manifest = readManifest(path);
	return {
		name,
		path,
		createdAt: manifest?.createdAt ?? statSync(path).mtime.toISOString(),
		bytes: manifest ? manifest.database.bytes + manifest.files.bytes : 0,
		verified: manifest?.integrity === 'ok',
		manifest
	};
}

/** Whether `name` is a backup folder's name (the download route accepts nothing else). */
export function isBackupName(name: string): boolean {
	return NAME.test(name);
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter(isBackupName)
		.map((name) => infoFor(join(dir, name), name))
		.sort((a, b) => b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` backups and drops the rest, and any abandoned partial folder. */
export function pruneBackups(dir: string, keep: number, now = Date.now()): string[] {
	const removed: string[] = [];
	for (const old of listBackups(dir).slice(Math.max(1, keep))) {
		rmSync(old.path, { recursive: true, force: true });
		removed.push(old.name);
	}
	if (existsSync(dir))
		for (const f of readdirSync(dir).filter((f) => f.endsWith('.partial'))) {
			// A partial folder older than a day belongs to a run that died (kill -9, power cut).
			if (now - statSync(join(dir, f)).mtimeMs > 86_400_000)
				rmSync(join(dir, f), { recursive: true, force: true });
		}
	return removed;
}
