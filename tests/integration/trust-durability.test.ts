/**
 * Durability: every connection the app opens runs with synchronous=FULL (2), so an
 * acknowledged write survives a power cut; a damaged file is refused at start-up.
 */
import {
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	statSync,
	writeSync,
	closeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, openMigratedDatabase } from '../../src/lib/server/db';
import { loadConfig } from '../../src/lib/server/config';
import { startApp } from '../../src/lib/server/app-init';
import { createBackup } from '../../src/lib/server/backup';
import { loadDemoData } from '../../src/lib/server/demo/load-demo';
import { MIGRATIONS } from '../helpers/db';
import { ROOT, startServer } from '../helpers/server';

const tmp = () => mkdtempSync(join(tmpdir(), 'gyoryu-trust-'));

function pragmas(db: ReturnType<typeof openDatabase>) {
	const p = (name: string) => db.$client.pragma(name, { simple: true });
	return {
		synchronous: p('synchronous'),
		journal: p('journal_mode'),
		foreignKeys: p('foreign_keys'),
		busyTimeout: p('busy_timeout')
	};
}

describe('synchronous=FULL on every connection', () => {
	it('openDatabase: the connection every server, tool and worker uses', () => {
		const db = openDatabase(join(tmp(), 'a.db'));
		expect(pragmas(db)).toEqual({
			synchronous: 2,
			journal: 'wal',
			foreignKeys: 1,
			busyTimeout: 5000
		});
	});

	it("the server's own connection, opened by startApp at start-up", async () => {
		const dir = tmp();
		const config = loadConfig(
			{ DATABASE_URL: join(dir, 'app.db'), GYORYU_DEMO: '0', ADMIN_PASSWORD: 'start-app-password' },
			ROOT
		);
		const db = await startApp(config, () => {});
		expect(pragmas(db).synchronous).toBe(2);
		expect(pragmas(db).journal).toBe('wal');
	});

	it("the backup's connection reports synchronous=FULL in its manifest", () => {
		const dir = tmp();
		const db = openMigratedDatabase(join(dir, 'app.db'), MIGRATIONS);
		db.$client.close();
		const info = createBackup({
			databaseUrl: join(dir, 'app.db'),
			dataDir: join(dir, 'files'),
			outDir: join(dir, 'backups')
		});
		expect(info.manifest?.synchronous).toBe(2);
	});

	it('no code outside db/index.ts opens a writable SQLite connection of its own', () => {
		const files = (dir: string): string[] =>
			readdirSync(dir).flatMap((f) => {
				const p = join(dir, f);
				if (f === 'paraglide' || f === 'node_modules') return [];
				return statSync(p).isDirectory() ? files(p) : /\.(ts|js|svelte)$/.test(f) ? [p] : [];
			});
		const opened: string[] = [];
		for (const file of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'scripts'))]) {
			const src = readFileSync(file, 'utf8');
			for (const m of src.matchAll(/new Database\(([^)]*)\)/g)) {
				const where = relative(ROOT, file);
				if (where === join('src', 'lib', 'server', 'db', 'index.ts')) continue;
				// Read-only connections never write, so synchronous does not apply to them.
				if (/readonly: true/.test(m[1])) continue;
				opened.push(`${where}: ${m[0]}`);
			}
		}
		// The one exception: restore's lock probe, which only asks whether the app is running.
		expect(opened).toEqual([
			`${join('src', 'lib', 'server', 'restore.ts')}: new Database(dbFile, { fileMustExist: true, timeout: 0 })`
		]);
	});
});

describe('start-up integrity check', () => {
	function corruptDatabase(): string {
		const dir = tmp();
		const path = join(dir, 'app.db');
		const db = openMigratedDatabase(path, MIGRATIONS);
		loadDemoData(db);
		db.$client.pragma('wal_checkpoint(TRUNCATE)');
		db.$client.close();
		const fd = openSync(path, 'r+');
		for (const page of [5, 9, 20]) writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, page * 4096);
		closeSync(fd);
		return path;
	}

	it('refuses a damaged file with a message that says what to do', () => {
		expect(() => openMigratedDatabase(corruptDatabase(), MIGRATIONS)).toThrow(
			/failed its integrity check.*npm run restore/
		);
	});

	it('the built server does not start on a damaged file', async () => {
		const err = await startServer({ dbPath: corruptDatabase() }).then(
			(s) => s.stop().then(() => null),
			(e: Error) => e
		);
		expect(err?.message).toMatch(/failed its integrity check/);
	}, 60_000);
});
