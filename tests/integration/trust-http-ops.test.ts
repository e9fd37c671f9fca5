/**
 * Operations over real HTTP against the built app: graceful shutdown on SIGTERM, the in-app
 * backups (worker thread, admin page, download, daily schedule, BACKUP_KEEP).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, VIEWER, cookieFor, startServer, type RunningServer } from '../helpers/server';
import { listBackups } from '../../src/lib/server/backup';
import { checkBackup } from '../../src/lib/server/restore';
import { MIGRATIONS } from '../helpers/db';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown on SIGTERM', () => {
	it('finishes the request in flight, refuses new ones, and closes the database', async () => {
		const server = await startServer({ demo: false });
		const body = new URLSearchParams({
			email: 'slow@example.org',
			password: 'not-the-password'
		}).toString();
		const url = new URL(`${server.url}/login`);
		const response = new Promise<number>((resolve, reject) => {
			const req = request(
				{
					host: url.hostname,
					port: url.port,
					path: '/login',
					method: 'POST',
					agent: false,
					headers: {
						origin: server.url,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded',
						'content-length': Buffer.byteLength(body)
					}
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode ?? 0));
				}
			);
			req.on('error', reject);
			// Half the body now, the rest after the server was told to stop.
			req.write(body.slice(0, 10));
			setTimeout(() => server.proc.kill('SIGTERM'), 300);
			setTimeout(() => req.end(body.slice(10)), 1200);
		});
		const exited = new Promise<number | null>((r) => server.proc.once('exit', (code) => r(code)));
		await sleep(700);
		await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
		expect(await response).toBe(400);
		expect(await exited).toBe(0);
		expect(server.log.join('')).toContain('database closed');
		// Closing the last connection checkpoints the write-ahead log and removes it.
		expect(existsSync(`${server.dbPath}-wal`)).toBe(false);
	}, 60_000);
});

describe('backups in the running app', () => {
	let app: RunningServer;
	let admin: string;
	beforeAll(async () => {
		app = await startServer({
			demo: true,
			env: { BACKUP_KEEP: '2' },
			prepare: (db) => {
				// Bulk, so that a backup takes long enough to see whether requests wait for it.
				const filler = db.$client.prepare('INSERT INTO sources (title, body) VALUES (?, ?)');
				db.$client.transaction(() => {
					for (let i = 0; i < 800; i++) filler.run(`filler ${i}`, '교류 협력 '.repeat(6000));
				})();
			}
		});
		admin = await cookieFor(app.url, ADMIN);
	}, 90_000);
	afterAll(async () => {
		await app?.stop();
		// About 70 MB of filler and three backups of it.
		if (app) rmSync(dirname(app.dbPath), { recursive: true, force: true });
	});

	const backupDir = () => join(dirname(app.dbPath), 'backups');

	it('"back up now" runs in a worker thread while requests keep being answered', async () => {
		let done = false;
		const started = Date.now();
		const made = fetch(`${app.url}/admin/backups?/backupNow`, {
			method: 'POST',
			redirect: 'manual',
			body: new URLSearchParams(),
			headers: {
				cookie: admin,
				origin: app.url,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			}
		}).finally(() => (done = true));
		const latencies: number[] = [];
		while (!done) {
			const t = Date.now();
			expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
			latencies.push(Date.now() - t);
			await sleep(20);
		}
		const took = Date.now() - started;
		expect((await made).status).toBe(200);
		const [backup] = listBackups(backupDir());
		expect(backup.verified).toBe(true);
		expect(backup.manifest?.synchronous).toBe(2);
		expect(backup.manifest?.counts.exchanges).toBeGreaterThan(0);
		// Had the backup run on the request thread, one health check would have waited for all of it.
		expect(took).toBeGreaterThan(300);
		expect(latencies.length).toBeGreaterThan(3);
		expect(Math.max(...latencies)).toBeLessThan(took / 2);
	}, 120_000);

	it('the admin page lists it; a viewer may not see it', async () => {
		const [backup] = listBackups(backupDir());
		const html = await (
			await fetch(`${app.url}/admin/backups`, { headers: { cookie: admin } })
		).text();
		expect(html).toContain(backup.name);
		const viewer = await cookieFor(app.url, VIEWER);
		const r = await fetch(`${app.url}/admin/backups`, {
			headers: { cookie: viewer },
			redirect: 'manual'
		});
		expect(r.status).toBe(403);
	});

	it('downloads as a tar that unpacks to a restorable backup', async () => {
		const [backup] = listBackups(backupDir());
		expect((await fetch(`${app.url}/admin/backups/${backup.name}`)).status).toBe(401);
		const viewer = await cookieFor(app.url, VIEWER);
		expect(
			(await fetch(`${app.url}/admin/backups/${backup.name}`, { headers: { cookie: viewer } }))
				.status
		).toBe(403);
		const r = await fetch(`${app.url}/admin/backups/${backup.name}`, {
			headers: { cookie: admin }
		});
		expect(r.status).toBe(200);
		expect(r.headers.get('content-disposition')).toBe(`attachment; filename="${backup.name}.tar"`);
		const dir = mkdtempSync(join(tmpdir(), 'gyoryu-tar-'));
		writeFileSync(join(dir, 'b.tar'), Buffer.from(await r.arrayBuffer()));
		execFileSync('tar', ['-xf', 'b.tar'], { cwd: dir });
		const unpacked = join(dir, backup.name);
		expect(readdirSync(unpacked).sort()).toEqual(['gyoryu.db', 'manifest.json']);
		const sha = createHash('sha256')
			.update(readFileSync(join(unpacked, 'gyoryu.db')))
			.digest('hex');
		expect(sha).toBe(backup.manifest?.database.sha256);
		expect(checkBackup(unpacked, MIGRATIONS).manifest.createdAt).toBe(backup.createdAt);
		for (const bad of ['..%2F..%2Fapp.db', 'gyoryu-1', 'backups'])
			expect(
				(await fetch(`${app.url}/admin/backups/${bad}`, { headers: { cookie: admin } })).status
			).toBe(404);
	});

	it('keeps BACKUP_KEEP backups', async () => {
		for (let i = 0; i < 2; i++)
			await fetch(`${app.url}/admin/backups?/backupNow`, {
				method: 'POST',
				body: new URLSearchParams(),
				headers: {
					cookie: admin,
					origin: app.url,
					'content-type': 'application/x-www-form-urlencoded'
				}
			});
		expect(listBackups(backupDir())).toHaveLength(2);
	}, 120_000);
});

describe('the daily backup', () => {
	it('is made on its own into BACKUP_DIR (default: beside the database)', async () => {
		const server = await startServer({ demo: false, env: { BACKUP_START_DELAY_SECONDS: '1' } });
		try {
			const dir = join(dirname(server.dbPath), 'backups');
			const written = /backup gyoryu-\d{8}-\d{9}Z written and verified/;
			// The folder appears a moment before the worker's message reaches the log.
			for (let i = 0; i < 150 && !written.test(server.log.join('')); i++) await sleep(200);
			expect(listBackups(dir)).toHaveLength(1);
			expect(server.log.join('')).toMatch(written);
		} finally {
			await server.stop();
		}
	}, 60_000);
});
