/** Run-time settings, read once from the environment by the server or a command-line tool. */
import { resolve, dirname, join } from 'node:path';

export interface AppConfig {
	databaseUrl: string;
	dataDir: string;
	migrationsDir: string;
	origin: string;
	secureCookies: boolean;
	demo: boolean;
	adminEmail?: string;
	adminPassword?: string;
	/** Daily backups: where (BACKUP_DIR), how many kept (BACKUP_KEEP), how often and first when. */
	backupDir: string;
	backupKeep: number;
	backupIntervalHours: number;
	backupStartDelaySeconds: number;
	/** REQUIRE_2FA_FOR_ADMINS=1: an admin without two-factor sign-in is sent to enrol first. */
	requireTwoFactorForAdmins: boolean;
	/** GYORYU_DASHBOARD_CACHE=0 turns the dashboard's response cache off (the benchmark's cold run). */
	dashboardCache: boolean;
	/**
	 * GYORYU_HEAP_GROWING_PERCENT (default 50): how far V8 lets the heap grow past what survived
	 * the last full collection before collecting again; 0 leaves V8's own, lazier choice.
	 */
	heapGrowingPercent: number;
}

/** A whole number from the environment, or the fallback; a malformed value is an error. */
function intSetting(
	env: Record<string, string | undefined>,
	name: string,
	fallback: number
): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0)
		throw new Error(`${name} must be a whole number of 0 or more (got "${raw}")`);
	return n;
}

export function loadConfig(
	env: Record<string, string | undefined>,
	cwd = process.cwd()
): AppConfig {
	const databaseUrl = env.DATABASE_URL || './data/gyoryu.db';
	const dbPath = databaseUrl.replace(/^file:/, '');
	const origin = env.ORIGIN || 'http://localhost:3000';
	let parsed: URL;
	try {
		parsed = new URL(origin);
	} catch {
		throw new Error(`ORIGIN must be a URL such as http://localhost:3000 (got "${origin}")`);
	}
	return {
		databaseUrl,
		dataDir: resolve(cwd, env.DATA_DIR || join(dirname(dbPath), 'files')),
		migrationsDir: resolve(cwd, env.MIGRATIONS_DIR || 'drizzle'),
		origin,
		secureCookies: parsed.protocol === 'https:',
		demo: env.GYORYU_DEMO !== '0',
		adminEmail: env.ADMIN_EMAIL || undefined,
		adminPassword: env.ADMIN_PASSWORD || undefined,
		backupDir: resolve(cwd, env.BACKUP_DIR || join(dirname(dbPath), 'backups')),
		backupKeep: Math.max(1, intSetting(env, 'BACKUP_KEEP', 14)),
		backupIntervalHours: intSetting(env, 'BACKUP_INTERVAL_HOURS', 24),
		backupStartDelaySeconds: intSetting(env, 'BACKUP_START_DELAY_SECONDS', 600),
		requireTwoFactorForAdmins: env.REQUIRE_2FA_FOR_ADMINS === '1',
		dashboardCache: env.GYORYU_DASHBOARD_CACHE !== '0',
		heapGrowingPercent: intSetting(env, 'GYORYU_HEAP_GROWING_PERCENT', 50)
	};
}
