/**
 * Backups: a snapshot taken while writes go on restores to exactly the commits made before it
 * began; the files it references come with it; a damaged or newer-schema backup is refused, an
 * older one is migrated at start; old backups are pruned to BACKUP_KEEP.
 */
import { spawn } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	utimesSync,
	writeFileSync,
	writeSync,
	closeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, openMigratedDatabase, type DB } from '../../src/lib/server/db';
import { exchangeSchema, exchangeUpdateSchema } from '../../src/lib/schemas/exchange';
import { createExchange, updateExchange } from '../../src/lib/server/queries/exchange-save';
import { addAttachment, blobPath } from '../../src/lib/server/queries/attachments';
import { loadDemoData } from '../../src/lib/server/demo/load-demo';
import {
	BACKUP_DB_FILE,
	createBackup,
	integrityProblems,
	listBackups,
	pruneBackups
} from '../../src/lib/server/backup';
import { RestoreRefused, checkBackup, restoreBackup } from '../../src/lib/server/restore';
import { MIGRATIONS } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { ROOT } from '../helpers/server';

const tmp = () => mkdtempSync(join(tmpdir(), 'gyoryu-backup-'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);

interface Site {
	dir: string;
	dbPath: string;
	dataDir: string;
	db: DB;
}

async function site(): Promise<Site & { editor: { id: number; role: 'editor' } }> {
	const dir = tmp();
	const dbPath = join(dir, 'app.db');
	const db = openMigratedDatabase(dbPath, MIGRATIONS);
	loadDemoData(db);
	const editor = { id: (await makeUser(db, 'editor')).id, role: 'editor' as const };
	return { dir, dbPath, dataDir: join(dir, 'files'), db, editor };
}

/** Runs `npm run backup -- --out DIR` against a database; resolves with its exit code. */
function backupCli(dbPath: string, dataDir: string, out: string) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const p = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', '--out', out], {
			cwd: ROOT,
			env: { ...process.env, DATABASE_URL: dbPath, DATA_DIR: dataDir }
		});
		let output = '';
		p.stdout.on('data', (d) => (output += d));
		p.stderr.on('data', (d) => (output += d));
		p.on('exit', (code) => resolve({ code, output }));
	});
}

type AuditRow = { id: number; action: string; entity_type: string; entity_id: number };
const auditOf = (db: Database.Database) =>
	db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];

describe('a backup taken during writes', () => {
	it('restores to exactly the records and audit log committed before its snapshot', async () => {
		const s = await site();
		const partner = s.db.$client.prepare('SELECT id FROM organizations LIMIT 1').get() as {
			id: number;
		};
		const file = addAttachment(
			s.db,
			s.dataDir,
			{ entityType: 'exchange', entityId: 1, filename: 'photo.png', bytes: PNG },
			s.editor
		);
		expect(file.ok).toBe(true);
		// Some bulk, so that the snapshot takes a while and writes land while it runs.
		const filler = s.db.$client.prepare('INSERT INTO sources (title, body) VALUES (?, ?)');
		s.db.$client.transaction(() => {
			for (let i = 0; i < 600; i++) filler.run(`filler ${i}`, '가나다라마바사 '.repeat(3000));
		})();

		const created: number[] = [];
		let step = 0;
		const write = () => {
			step++;
			if (created.length && step % 3 === 0) {
				const id = created[step % created.length];
				const v = s.db.$client.prepare('SELECT version FROM exchanges WHERE id = ?').get(id) as {
					version: number;
				};
				const data = exchangeUpdateSchema.parse({
					type: 'meeting',
					date: '2021-03-04',
					titleKo: `수정 ${step}`,
					partners: [{ organizationId: partner.id }],
					version: v.version
				});
				updateExchange(s.db, id, data, s.editor);
			} else {
				const data = exchangeSchema.parse({
					type: 'meeting',
					date: '2021-03-04',
					titleKo: `백업 중 쓰기 ${step}`,
					partners: [{ organizationId: partner.id }]
				});
				created.push(createExchange(s.db, data, s.editor).id);
			}
		};

		let running = true;
		let writesWhileBackup = 0;
		const out = join(s.dir, 'backups');
		const cli = backupCli(s.dbPath, s.dataDir, out).finally(() => (running = false));
		while (running) {
			write();
			writesWhileBackup++;
			await new Promise((r) => setTimeout(r, 2));
		}
		for (let i = 0; i < 10; i++) write();
		const { code, output } = await cli;
		expect(code, output).toBe(0);
		expect(writesWhileBackup).toBeGreaterThan(5);

		const [backup] = listBackups(out);
		expect(backup.verified).toBe(true);
		const target = join(s.dir, 'restored', 'app.db');
		const restored = restoreBackup({
			backupDir: backup.path,
			databaseUrl: target,
			dataDir: join(s.dir, 'restored', 'files'),
			migrationsFolder: MIGRATIONS
		});
		expect(restored.files).toBe(1);
		expect(
			readFileSync(blobPath(join(s.dir, 'restored', 'files'), file.ok ? file.row.sha256 : ''))
		).toEqual(Buffer.from(PNG));

		const live = auditOf(s.db.$client);
		const back = new Database(target, { readonly: true });
		const snap = auditOf(back);
		const k = snap.at(-1)!.id;
		// The restored audit log is exactly the live one up to the snapshot: no gap, nothing after.
		expect(snap).toEqual(live.filter((a) => a.id <= k));
		// Writes were made both before and after the snapshot began.
		expect(live.filter((a) => a.id > k && a.entity_type === 'exchange').length).toBeGreaterThan(0);
		expect(
			snap.filter((a) => a.entity_type === 'exchange' && a.action === 'create').length
		).toBeGreaterThan(8);

		// Each record is in the state its audit entries up to the snapshot describe.
		const restoredRows = new Map(
			(
				back.prepare('SELECT id, version, title_ko FROM exchanges').all() as {
					id: number;
					version: number;
					title_ko: string;
				}[]
			).map((r) => [r.id, r])
		);
		const expected = new Map<number, { version: number; title: string }>();
		for (const a of snap.filter((x) => x.entity_type === 'exchange')) {
			const after = JSON.parse(
				(back.prepare('SELECT after FROM audit_log WHERE id = ?').get(a.id) as { after: string })
					.after
			);
			expected.set(a.entity_id, { version: after.version, title: after.titleKo });
		}
		expect(
			[...restoredRows.values()]
				.map((r) => [r.id, r.version, r.title_ko])
				.sort((a, b) => Number(a[0]) - Number(b[0]))
		).toEqual(
			[...expected.entries()]
				.map(([id, e]) => [id, e.version, e.title])
				.sort((a, b) => Number(a[0]) - Number(b[0]))
		);
		back.close();
		const reopened = openMigratedDatabase(target, MIGRATIONS);
		expect(reopened.$client.pragma('integrity_check', { simple: true })).toBe('ok');
		reopened.$client.close();
		s.db.$client.close();
		rmSync(s.dir, { recursive: true, force: true }); // about 40 MB of filler, three times over
	}, 120_000);
});

describe('restore checks', () => {
	async function freshBackup() {
		const s = await site();
		s.db.$client.close();
		const info = createBackup({
			databaseUrl: s.dbPath,
			dataDir: s.dataDir,
			outDir: join(s.dir, 'b')
		});
		return { s, info };
	}

	it('refuses a backup made by a newer version of the app (more migrations than it knows)', async () => {
		const { s, info } = await freshBackup();
		const db = new Database(join(info.path, BACKUP_DB_FILE));
		db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
			'from-the-future',
			Date.now() + 1e9
		);
		db.close();
		expect(() => checkBackup(info.path, MIGRATIONS)).toThrow(RestoreRefused);
		expect(() =>
			restoreBackup({
				backupDir: info.path,
				databaseUrl: join(s.dir, 'target.db'),
				dataDir: join(s.dir, 'files2'),
				migrationsFolder: MIGRATIONS
			})
		).toThrow(/newer version of Gyoryu .*Upgrade the app first/);
		expect(existsSync(join(s.dir, 'target.db'))).toBe(false);
	});

	it('npm run restore says why it refuses, and exits non-zero', async () => {
		const { s, info } = await freshBackup();
		const db = new Database(join(info.path, BACKUP_DB_FILE));
		db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('x', 9e15);
		db.close();
		const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
			const p = spawn(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', info.path], {
				cwd: ROOT,
				env: { ...process.env, DATABASE_URL: join(s.dir, 'cli-target.db') }
			});
			let output = '';
			p.stderr.on('data', (d) => (output += d));
			p.stdout.on('data', (d) => (output += d));
			p.on('exit', (code) => resolve({ code, output }));
		});
		expect(result.code).toBe(1);
		expect(result.output).toMatch(/restore refused: The backup was made by a newer version/);
	}, 60_000);

	it('accepts an older schema, which the app migrates when it starts', async () => {
		const dir = tmp();
		// The migrations folder as it was when only the first migration existed.
		const old = join(dir, 'old-drizzle');
		mkdirSync(join(old, 'meta'), { recursive: true });
		const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
		const first = journal.entries[0];
		writeFileSync(
			join(old, 'meta/_journal.json'),
			JSON.stringify({ ...journal, entries: [first] })
		);
		copyFileSync(join(MIGRATIONS, `${first.tag}.sql`), join(old, `${first.tag}.sql`));
		const oldDb = openMigratedDatabase(join(dir, 'old.db'), old);
		oldDb.$client.close();
		const info = createBackup({
			databaseUrl: join(dir, 'old.db'),
			dataDir: join(dir, 'f'),
			outDir: join(dir, 'b')
		});

		const target = join(dir, 'new', 'app.db');
		const r = restoreBackup({
			backupDir: info.path,
			databaseUrl: target,
			dataDir: join(dir, 'nf'),
			migrationsFolder: MIGRATIONS
		});
		expect(r.backupMigrations).toBe(1);
		expect(r.knownMigrations).toBe(journal.entries.length);
		const db = openMigratedDatabase(target, MIGRATIONS);
		const count = db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
			n: number;
		};
		expect(count.n).toBe(journal.entries.length);
		expect(
			db.$client.prepare("SELECT name FROM sqlite_master WHERE name = 'search_fts'").get()
		).toBeTruthy();
	});

	it('keeps the replaced database beside the restored one', async () => {
		const { s, info } = await freshBackup();
		const r = restoreBackup({
			backupDir: info.path,
			databaseUrl: s.dbPath,
			dataDir: s.dataDir,
			migrationsFolder: MIGRATIONS
		});
		expect(r.previous).toMatch(/app\.db\.before-restore-/);
		expect(existsSync(r.previous!)).toBe(true);
		expect(existsSync(s.dbPath)).toBe(true);
	});

	it('refuses while the app has the database open', async () => {
		const { s, info } = await freshBackup();
		const running = openDatabase(s.dbPath);
		expect(() =>
			restoreBackup({
				backupDir: info.path,
				databaseUrl: s.dbPath,
				dataDir: s.dataDir,
				migrationsFolder: MIGRATIONS
			})
		).toThrow(/in use: stop the app/);
		running.$client.close();
	});
});

describe('integrity_check', () => {
	it('passes on a fresh backup and is recorded in its manifest', async () => {
		const s = await site();
		const info = createBackup({
			databaseUrl: s.dbPath,
			dataDir: s.dataDir,
			outDir: join(s.dir, 'b')
		});
		expect(info.manifest?.integrity).toBe('ok');
		expect(integrityProblems(join(info.path, BACKUP_DB_FILE))).toEqual([]);
	});

	it('catches a damaged backup, and restore refuses it', async () => {
		const s = await site();
		s.db.$client.close();
		const info = createBackup({
			databaseUrl: s.dbPath,
			dataDir: s.dataDir,
			outDir: join(s.dir, 'b')
		});
		const file = join(info.path, BACKUP_DB_FILE);
		const fd = openSync(file, 'r+');
		for (const page of [4, 8, 16]) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
		closeSync(fd);
		expect(integrityProblems(file).length).toBeGreaterThan(0);
		expect(() => checkBackup(info.path, MIGRATIONS)).toThrow(/damaged/);
	});
});

describe('BACKUP_KEEP', () => {
	it('keeps the newest backups and drops older ones and abandoned partial folders', async () => {
		const s = await site();
		s.db.$client.close();
		const out = join(s.dir, 'b');
		const names = [1, 2, 3, 4].map(
			(d) =>
				createBackup({
					databaseUrl: s.dbPath,
					dataDir: s.dataDir,
					outDir: out,
					now: new Date(`2030-01-0${d}T03:00:00Z`)
				}).name
		);
		mkdirSync(join(out, '.gyoryu-stale.partial'));
		utimesSync(join(out, '.gyoryu-stale.partial'), new Date(0), new Date(0));
		mkdirSync(join(out, '.gyoryu-running.partial'));
		const removed = pruneBackups(out, 2);
		expect(removed.sort()).toEqual(names.slice(0, 2));
		expect(listBackups(out).map((b) => b.name)).toEqual([names[3], names[2]]);
		expect(existsSync(join(out, '.gyoryu-stale.partial'))).toBe(false);
		expect(existsSync(join(out, '.gyoryu-running.partial'))).toBe(true);
	});
});
