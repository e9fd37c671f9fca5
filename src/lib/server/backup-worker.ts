/**
 * Runs a backup (and the pruning after it) in a worker thread with its own database
 * connection, so the server's event loop never waits on VACUUM INTO or integrity_check.
 * The worker runs this very module: when loaded inside a worker that was given a backup job,
 * it does the job and reports back. That keeps it working in the built app, where the module
 * lives in some bundled chunk whose URL only `import.meta.url` knows.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createBackup, pruneBackups, type BackupInfo, type BackupOptions } from './backup';

const JOB = 'gyoryu-backup';

export interface BackupJob extends Omit<BackupOptions, 'now'> {
	keep: number;
}

type Reply = { ok: true; info: BackupInfo; pruned: string[] } | { ok: false; error: string };

function runJob(job: BackupJob): Reply {
	try {
		const info = createBackup(job);
		return { ok: true, info, pruned: pruneBackups(job.outDir, job.keep) };
	} catch (e) {
		return { ok: false, error: e instanceof Error ? e.message : String(e) };
	}
}

if (!isMainThread && (workerData as { job?: string } | null)?.job === JOB) {
	parentPort?.postMessage(runJob((workerData as { options: BackupJob }).options));
}

/** Makes a backup in a worker thread; resolves with it, or rejects with the worker's error. */
export function backupInWorker(job: BackupJob): Promise<{ info: BackupInfo; pruned: string[] }> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL(import.meta.url), {
			workerData: { job: JOB, options: job }
		});
		let settled = false;
		worker.once('message', (reply: Reply) => {
			settled = true;
			if (reply.ok) resolve({ info: reply.info, pruned: reply.pruned });
			else reject(new Error(reply.error));
		});
		worker.once('error', (e) => {
			settled = true;
			reject(e);
		});
		worker.once('exit', (code) => {
			if (!settled) reject(new Error(`the backup worker stopped (exit code ${code})`));
		});
	});
}
