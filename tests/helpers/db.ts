/** A fresh, migrated SQLite file per test file: real database, no mocks. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openMigratedDatabase, type DB } from '../../src/lib/server/db';
import { loadDemoData } from '../../src/lib/server/demo/load-demo';

export const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

export function freshDb(): DB {
	const dir = mkdtempSync(join(tmpdir(), 'gyoryu-test-'));
	return openMigratedDatabase(join(dir, 'test.db'), MIGRATIONS);
}

/** A fresh database with the demo records of the two source articles. */
export function demoDb(): DB {
	const db = freshDb();
	loadDemoData(db);
	return db;
}
