/** `npm run db:migrate`: applies the committed migrations in drizzle/ to DATABASE_URL. */
import { loadConfig } from '../src/lib/server/config';
import { openMigratedDatabase } from '../src/lib/server/db';

const config = loadConfig(process.env);
const db = openMigratedDatabase(config.databaseUrl, config.migrationsDir);
db.$client.close();
console.log(`migrated ${config.databaseUrl}`);
