/**
 * Starts the built app (`node build`) on a free port with its own fresh database file, for
 * HTTP-level tests (Vitest) and end-to-end specs (Playwright).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openMigratedDatabase, type DB } from '../../src/lib/server/db';
import { loadDemoData } from '../../src/lib/server/demo/load-demo';
import { createUser } from '../../src/lib/server/auth/users';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN = { email: 'admin@example.org', password: 'admin-password-123' };
export const EDITOR = { email: 'editor@example.org', password: 'editor-password-123' };
export const VIEWER = { email: 'viewer@example.org', password: 'viewer-password-123' };

export function freePort(): Promise<number> {
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

export interface RunningServer {
	url: string;
	dbPath: string;
	dataDir: string;
	proc: ChildProcess;
	log: string[];
	stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
	demo?: boolean;
	/** false: start from an empty database, as a fresh installation does (the app creates its admin). */
	fresh?: boolean;
	env?: Record<string, string>;
	/** Extra set-up on the database before the server opens it. */
	prepare?: (db: DB) => void | Promise<void>;
	dbPath?: string;
}

/** Creates the database with the three test users (and the demo records unless demo: false). */
export async function prepareDatabase(dbPath: string, options: ServerOptions = {}): Promise<void> {
	const db = openMigratedDatabase(dbPath, join(ROOT, 'drizzle'));
	await createUser(db, { ...ADMIN, displayName: '관리자', role: 'admin' }, null);
	await createUser(db, { ...EDITOR, displayName: '편집자', role: 'editor' }, null);
	await createUser(db, { ...VIEWER, displayName: '열람자', role: 'viewer' }, null);
	if (options.demo !== false) loadDemoData(db);
	await options.prepare?.(db);
	db.$client.close();
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const dir = mkdtempSync(join(tmpdir(), 'gyoryu-srv-'));
	const dbPath = options.dbPath ?? join(dir, 'app.db');
	if (!options.dbPath && !options.fresh) await prepareDatabase(dbPath, options);
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const log: string[] = [];
	const proc = spawn(process.execPath, [process.env.BUILD_OUT ?? 'build'], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_URL: dbPath,
			DATA_DIR: join(dir, 'files'),
			GYORYU_DEMO: '0',
			BODY_SIZE_LIMIT: '25M',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	proc.stdout?.on('data', (d) => log.push(String(d)));
	proc.stderr?.on('data', (d) => log.push(String(d)));
	for (let i = 0; ; i++) {
		if (proc.exitCode !== null) throw new Error(`server exited: ${log.join('')}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			/* not listening yet */
		}
		if (i > 300) throw new Error(`server did not start: ${log.join('')}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		dbPath,
		dataDir: join(dir, 'files'),
		proc,
		log,
		async stop(signal = 'SIGTERM') {
			if (proc.exitCode !== null || proc.signalCode !== null) return;
			const exited = new Promise((r) => proc.once('exit', r));
			proc.kill(signal);
			await exited;
		}
	};
}

/** Signs in over HTTP and returns the session cookie header value. */
export async function cookieFor(
	baseUrl: string,
	who: { email: string; password: string },
	origin = baseUrl
): Promise<string> {
	const body = new URLSearchParams({ email: who.email, password: who.password, next: '/' });
	const r = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
	});
	const set = r.headers.get('set-cookie') ?? '';
	const m = /gyoryu_session=([^;]+)/.exec(set);
	if (!m) throw new Error(`sign-in failed for ${who.email}: ${r.status}`);
	return `gyoryu_session=${m[1]}`;
}
