/**
 * What the server runs beside requests: the backup schedule, and a clean stop. adapter-node
 * answers SIGTERM/SIGINT by refusing new connections, letting in-flight requests finish and
 * then emitting `sveltekit:shutdown`; only then do we wait for a running backup and close the
 * database, so its write-ahead log is checkpointed and removed.
 */
import type { AppConfig } from './config';
import type { DB } from './db';
import { BackupService, setBackupService } from './backup-schedule';

export function startOperations(
	config: AppConfig,
	db: DB,
	log: (line: string) => void = console.log
): BackupService {
	const backups = new BackupService({
		databaseUrl: config.databaseUrl,
		dataDir: config.dataDir,
		backupDir: config.backupDir,
		keep: config.backupKeep,
		intervalHours: config.backupIntervalHours,
		startDelaySeconds: config.backupStartDelaySeconds,
		// Imported on demand so the worker module is a chunk of its own in the built app.
		run: async (job) => (await import('./backup-worker')).backupInWorker(job),
		log
	});
	setBackupService(backups);
	backups.start();
	process.once('sveltekit:shutdown', async () => {
		await backups.stop();
		if (db.$client.open) db.$client.close();
		log('[gyoryu] stopped: requests finished, database closed');
	});
	return backups;
}
