/**
 * The app's own backups: one when the newest in BACKUP_DIR is older than the interval
 * (daily by default), checked a while after start-up and then every few minutes, plus
 * "back up now" from the admin page. One backup at a time; each runs in a worker thread.
 */
import { listBackups, type BackupInfo } from './backup';
import type { BackupJob } from './backup-worker';

export interface BackupScheduleOptions {
	databaseUrl: string;
	dataDir: string;
	backupDir: string;
	keep: number;
	/** 0 turns the automatic backups off ("back up now" still works). */
	intervalHours: number;
	startDelaySeconds: number;
	/** How the backup runs; the server passes the worker-thread runner. */
	run: (job: BackupJob) => Promise<{ info: BackupInfo; pruned: string[] }>;
	log?: (line: string) => void;
}

const CHECK_EVERY_MS = 5 * 60_000;

export class BackupService {
	private timer: NodeJS.Timeout | null = null;
	private current: Promise<BackupInfo> | null = null;
	lastError: string | null = null;

	constructor(private readonly options: BackupScheduleOptions) {}

	get running(): boolean {
		return this.current !== null;
	}

	get backupDir(): string {
		return this.options.backupDir;
	}

	/** Starts the automatic checks. The timers never keep the process alive on their own. */
	start(): void {
		if (this.options.intervalHours <= 0 || this.timer) return;
		this.timer = setTimeout(() => this.tick(), this.options.startDelaySeconds * 1000);
		this.timer.unref();
	}

	private tick(): void {
		this.timer = setTimeout(() => this.tick(), CHECK_EVERY_MS);
		this.timer.unref();
		if (this.isDue()) this.backupNow().catch(() => {});
	}

	/** Whether the newest backup is older than the interval (or there is none). */
	isDue(now = Date.now()): boolean {
		const newest = listBackups(this.options.backupDir)[0];
		if (!newest) return true;
		return now - Date.parse(newest.createdAt) >= this.options.intervalHours * 3_600_000;
	}

	/** Makes a backup now, or joins the one already running. */
	backupNow(): Promise<BackupInfo> {
		this.current ??= this.options
			.run({
				databaseUrl: this.options.databaseUrl,
				dataDir: this.options.dataDir,
				outDir: this.options.backupDir,
				keep: this.options.keep
			})
			.then(({ info, pruned }) => {
				this.lastError = null;
				this.options.log?.(
					`[gyoryu] backup ${info.name} written and verified` +
						(pruned.length ? `; removed ${pruned.length} old` : '')
				);
				return info;
			})
			.catch((e: unknown) => {
				this.lastError = e instanceof Error ? e.message : String(e);
				this.options.log?.(`[gyoryu] backup failed: ${this.lastError}`);
				throw e;
			})
			.finally(() => {
				this.current = null;
			});
		return this.current;
	}

	/** Stops the checks and waits for a running backup to finish (for a clean shutdown). */
	async stop(): Promise<void> {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		await this.current?.catch(() => {});
	}
}

let service: BackupService | null = null;

/** The server's backup service, set once at start-up (null in command-line tools and tests). */
export function backupService(): BackupService | null {
	return service;
}

export function setBackupService(s: BackupService | null): void {
	service = s;
}
