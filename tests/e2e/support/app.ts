/**
 * Each spec file gets its own server on its own freshly seeded database file, so one spec's
 * edits never change another's expected numbers. Call `useApp()` at the top of a spec.
 */
import { test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openMigratedDatabase } from '../../../src/lib/server/db';
import { loadDemoData } from '../../../src/lib/server/demo/load-demo';
import { createUser } from '../../../src/lib/server/auth/users';

export const ADMIN = { email: 'admin@example.org', password: 'admin-password-123' };
export const EDITOR = { email: 'editor@example.org', password: 'editor-password-123' };
export const VIEWER = { email: 'viewer@example.org', password: 'viewer-password-123' };

const root = resolve(__dirname, '../../..');

function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() =>
				addr && typeof addr === 'object' ? ok(addr.port) : fail(new Error('no port'))
			);
		});
	});
}

async function waitForHealth(url: string, proc: ChildProcess, log: string[]): Promise<void> {
	for (let i = 0; i < 200; i++) {
		if (proc.exitCode !== null) throw new Error(`server exited: ${log.join('')}`);
		try {
			const r = await fetch(`${url}/healthz`);
			if (r.ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server did not start: ${log.join('')}`);
}

export interface App {
	url: string;
	dbPath: string;
}

export function useApp(options: { demo?: boolean } = {}): App {
	const app: App = { url: '', dbPath: '' };
	let proc: ChildProcess | null = null;
	test.beforeAll(async () => {
		const dir = mkdtempSync(join(tmpdir(), 'gyoryu-e2e-'));
		app.dbPath = join(dir, 'e2e.db');
		const db = openMigratedDatabase(app.dbPath, join(root, 'drizzle'));
		await createUser(db, { ...ADMIN, displayName: '관리자', role: 'admin' }, null);
		await createUser(db, { ...EDITOR, displayName: '편집자', role: 'editor' }, null);
		await createUser(db, { ...VIEWER, displayName: '열람자', role: 'viewer' }, null);
		if (options.demo !== false) loadDemoData(db);
		db.$client.close();
		const port = await freePort();
		app.url = `http://127.0.0.1:${port}`;
		const log: string[] = [];
		proc = spawn(process.execPath, [process.env.BUILD_OUT ?? 'build'], {
			cwd: root,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: app.url,
				DATABASE_URL: app.dbPath,
				GYORYU_DEMO: '0',
				BODY_SIZE_LIMIT: '25M'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		proc.stdout?.on('data', (d) => log.push(String(d)));
		proc.stderr?.on('data', (d) => log.push(String(d)));
		await waitForHealth(app.url, proc, log);
	});
	test.afterAll(async () => {
		if (proc && proc.exitCode === null) {
			const exited = new Promise((r) => proc!.once('exit', r));
			proc.kill('SIGTERM');
			await exited;
		}
	});
	return app;
}
