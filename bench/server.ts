/** Starts the built app (`node build-db`) on the benchmark database, in the dashboard's port range. */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, copyFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/** The Node options `npm start` and deploy/gyoryu.env.example give the server (NODE_OPTIONS). */
export const PRODUCTION_NODE_ARGS = ['--max-semi-space-size=32'];

/**
 * A copy of a dataset to measure on: the runs create exchanges (thousands a run), and on the
 * dataset itself every run would measure a larger one than its name says.
 */
export function workingCopy(dataset: string, copy: string): string {
	const db = new Database(dataset);
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.close();
	removeDatabase(copy);
	copyFileSync(dataset, copy);
	return copy;
}

/** Deletes an SQLite file with its WAL and shared-memory files. */
export function removeDatabase(path: string): void {
	for (const ext of ['', '-wal', '-shm']) rmSync(path + ext, { force: true });
}

export interface BenchServer {
	url: string;
	proc: ChildProcess;
	stop(): Promise<void>;
}

export async function startServer(
	dbPath: string,
	port: number,
	env: Record<string, string> = {}
): Promise<BenchServer> {
	const url = `http://127.0.0.1:${port}`;
	const log: string[] = [];
	// BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server alone.
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const args = [...PRODUCTION_NODE_ARGS, ...nodeArgs, process.env.BUILD_OUT ?? 'build-db'];
	const proc = spawn(process.execPath, args, {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_URL: dbPath,
			GYORYU_DEMO: '0',
			BACKUP_INTERVAL_HOURS: '0',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// BENCH_SERVER_LOG names a file that gets everything the server prints (with --trace-gc, say).
	const logFile = process.env.BENCH_SERVER_LOG;
	const keep = (d: Buffer) => {
		log.push(String(d));
		if (logFile) appendFileSync(logFile, d);
	};
	proc.stdout?.on('data', keep);
	proc.stderr?.on('data', keep);
	for (let i = 0; ; i++) {
		if (proc.exitCode !== null) throw new Error(`server exited: ${log.join('')}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			/* not listening yet */
		}
		// Start-up runs an integrity check over the whole file: minutes at a million exchanges.
		if (i > 6000) throw new Error(`server did not start: ${log.join('')}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		proc,
		async stop() {
			if (proc.exitCode !== null) return;
			const exited = new Promise((r) => proc.once('exit', r));
			proc.kill('SIGTERM');
			await exited;
		}
	};
}

/** Signs in over HTTP and returns the session cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
	const r = await fetch(`${url}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email, password, next: '/' }),
		redirect: 'manual',
		headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' }
	});
	const m = /gyoryu_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '');
	if (!m) throw new Error(`sign-in failed: ${r.status}`);
	return `gyoryu_session=${m[1]}`;
}
