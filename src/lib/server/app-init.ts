/** Start-up: open and migrate the database, create the first admin, load the demo records. */
import { openMigratedDatabase, type DB } from './db';
import type { AppConfig } from './config';
import { ensureAdmin } from './auth/users';
import { loadDemoData } from './demo/load-demo';

export async function startApp(
	config: AppConfig,
	log: (line: string) => void = console.log
): Promise<DB> {
	const db = openMigratedDatabase(config.databaseUrl, config.migrationsDir);
	await ensureAdmin(db, { email: config.adminEmail, password: config.adminPassword }, log);
	if (config.demo && loadDemoData(db))
		log('[gyoryu] loaded the demo records from the two source articles');
	return db;
}
