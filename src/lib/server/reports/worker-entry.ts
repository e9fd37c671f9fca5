/**
 * The report worker's side. The pool starts a worker thread whose only code is
 * `import(url)` of this module, found by its own URL: right both in the built app (a chunk of
 * the server bundle, since the pool imports this module dynamically) and under tsx (the .ts
 * file, once the pool has registered tsx's loader in the worker). Imported in a thread marked
 * by the pool, the module starts serving jobs; it opens its own read-only connection to the
 * database file.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../db/schema';
import type { Conn } from '../db';
import { renderReport, type RenderResult, type ReportJob } from './render';

export interface JobMessage {
	id: number;
	dbPath: string;
	job: ReportJob;
	out: string;
}

export type ResultMessage =
	{ id: number; ok: true; result: RenderResult } | { id: number; ok: false; error: string };

const connections = new Map<string, Conn>();

function connect(path: string): Conn {
	let db = connections.get(path);
	if (!db) {
		const sqlite = new Database(path, { readonly: true, fileMustExist: true });
		sqlite.pragma('busy_timeout = 5000');
		db = drizzle(sqlite, { schema });
		connections.set(path, db);
	}
	return db;
}

/** Renders each job it is sent, one at a time, and answers with the result or the error. */
function serveReports(): void {
	const port = parentPort;
	if (!port) throw new Error('serveReports() runs inside a worker thread');
	let queue = Promise.resolve();
	port.on('message', (m: JobMessage) => {
		queue = queue.then(async () => {
			let reply: ResultMessage;
			try {
				reply = { id: m.id, ok: true, result: await renderReport(connect(m.dbPath), m.job, m.out) };
			} catch (e) {
				reply = {
					id: m.id,
					ok: false,
					error: e instanceof Error ? (e.stack ?? e.message) : String(e)
				};
			}
			port.postMessage(reply);
		});
	});
}

/** The mark the pool puts on its workers' data. */
export const REPORT_WORKER = 'gyoryu-report-worker';

/** This module's URL, for the pool to hand to the worker. */
export const workerModuleUrl = import.meta.url;

// A side effect at the top level on purpose: a bundler keeps it, where it would drop an
// exported function that nothing in the bundle calls.
if (!isMainThread && workerData === REPORT_WORKER) serveReports();
