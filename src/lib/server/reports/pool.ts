/**
 * Runs report jobs off the caller's event loop: PDF, DOCX, XLSX and PPTX take from a fraction
 * of a second to several seconds of CPU, which on the request thread would stall every other
 * user. One worker thread by default (REPORT_WORKERS to change), started on first use and ended
 * after a minute without work.
 * Under Vitest, for an in-memory database, or with REPORT_WORKERS=0 the job runs inline.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DB } from '../db';
import type { RenderResult, ReportJob } from './render';
import type { JobMessage, ResultMessage } from './worker-entry';

export type Renderer = 'worker' | 'inline';

interface Slot {
	worker: Worker;
	busy: number;
	pending: Map<number, { resolve: (r: RenderResult) => void; reject: (e: Error) => void }>;
	/** Ends an idle worker, handing its memory (fonts, a long PDF's heap) back. */
	idle?: NodeJS.Timeout;
}

const IDLE_MS = 60_000;
const slots: Slot[] = [];
let nextId = 1;

const poolSize = () => {
	const n = Number(process.env.REPORT_WORKERS ?? '1');
	return Number.isInteger(n) && n >= 0 ? Math.min(n, 4) : 1;
};

/**
 * A worker holds the process open only while it has work: a command-line run waits for its
 * file and then exits; an idle worker ends after a while.
 */
function markIdle(slot: Slot): void {
	clearTimeout(slot.idle);
	if (slot.busy > 0) {
		slot.worker.ref();
		return;
	}
	slot.worker.unref();
	slot.idle = setTimeout(() => {
		const at = slots.indexOf(slot);
		if (at >= 0) slots.splice(at, 1);
		void slot.worker.terminate();
	}, IDLE_MS);
	slot.idle.unref();
}

const tsxApiUrl = () =>
	pathToFileURL(
		createRequire(import.meta.url)
			.resolve('tsx/esm/api')
			.replace(/\.cjs$/, '.mjs')
	).href;

async function startWorker(): Promise<Slot> {
	// A dynamic import keeps the worker module in a chunk of its own in the server bundle.
	const { workerModuleUrl: url, REPORT_WORKER } = await import('./worker-entry');
	const load = `import(${JSON.stringify(url)})`;
	// Under tsx (the command line) the worker first registers tsx's loader (ESM build of its
	// API: require.resolve finds the CommonJS one next to it) to import the .ts module.
	const code = url.endsWith('.ts')
		? `import(${JSON.stringify(tsxApiUrl())}).then((t) => t.register()).then(() => ${load})`
		: load;
	const worker = new Worker(code, {
		eval: true,
		workerData: REPORT_WORKER,
		// A larger young generation: building a long PDF allocates many short-lived objects,
		// and fewer scavenges make it markedly faster. A bounded old generation makes V8 collect
		// it before it doubles (under the default 4 GB limit a 100,000-row XLSX after a PDF left
		// ~100 MB of garbage standing); a report's live data is a few tens of MB.
		resourceLimits: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 1024 }
	});
	const slot: Slot = { worker, busy: 0, pending: new Map() };
	worker.on('message', (m: ResultMessage) => {
		const p = slot.pending.get(m.id);
		if (!p) return;
		slot.pending.delete(m.id);
		slot.busy--;
		markIdle(slot);
		if (m.ok) p.resolve(m.result);
		else p.reject(new Error(`report worker: ${m.error}`));
	});
	const fail = (e: Error) => {
		const at = slots.indexOf(slot);
		if (at >= 0) slots.splice(at, 1);
		for (const p of slot.pending.values()) p.reject(e);
		slot.pending.clear();
	};
	worker.on('error', fail);
	worker.on('exit', (code) => fail(new Error(`report worker exited (${code})`)));
	slots.push(slot);
	// After the listeners: adding a 'message' listener refs the worker again.
	markIdle(slot);
	return slot;
}

/** Workers being started: counted so that a burst of first jobs cannot start more than the pool's size. */
const starting = new Set<Promise<Slot>>();

async function freeSlot(size: number): Promise<Slot> {
	const idle = slots.find((s) => s.busy === 0);
	if (idle) return idle;
	if (slots.length + starting.size < size) {
		const start = startWorker().finally(() => starting.delete(start));
		starting.add(start);
		return start;
	}
	if (!slots.length) await Promise.race(starting);
	return slots.reduce((a, b) => (b.busy < a.busy ? b : a));
}

/** Whether jobs for this database go to a worker thread. */
export function usesWorker(db: DB): boolean {
	return poolSize() > 0 && !process.env.VITEST && !db.$client.memory;
}

/** Renders `job` into the file `out`, in a worker thread when possible. */
export async function runReport(
	db: DB,
	job: ReportJob,
	out: string
): Promise<RenderResult & { renderer: Renderer }> {
	if (!usesWorker(db)) {
		const { renderReport } = await import('./render');
		return { ...(await renderReport(db, job, out)), renderer: 'inline' };
	}
	const slot = await freeSlot(poolSize());
	const id = nextId++;
	const result = await new Promise<RenderResult>((resolve, reject) => {
		slot.pending.set(id, { resolve, reject });
		slot.busy++;
		markIdle(slot);
		const message: JobMessage = { id, dbPath: db.$client.name, job, out };
		slot.worker.postMessage(message);
	});
	return { ...result, renderer: 'worker' };
}

/** Worker threads alive or starting (the pool never holds more than its size). */
export function reportWorkerCount(): number {
	return slots.length + starting.size;
}

/** Stops the workers (tests and tools that want a clean exit). */
export async function stopReportWorkers(): Promise<void> {
	await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
}

/** Starts the worker ahead of the first download (the report page calls it as it loads). */
export async function warmReportWorker(db: DB): Promise<void> {
	if (usesWorker(db) && !slots.length && !starting.size) await freeSlot(poolSize());
}
