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
		adminPassword: env.ADMIN_PASSWORD || undefined
	};
}
