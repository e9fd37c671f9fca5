import { cacheStatements } from './statement-cache';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The database or a transaction on it: what every write helper accepts. */
export type Conn = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;
export { schema };

/** Accepts a plain path or a `file:` URL, as DATABASE_URL may be written either way. */
export function databasePath(url: string): string {
	return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

/**
 * Opens the SQLite file with the pragmas every connection must have: WAL so readers never
 * block the writer, synchronous=FULL so an acknowledged write survives a power cut,
 * foreign keys on, and a busy timeout so a second process waits instead of failing.
 */
export function openDatabase(url: string): DB {
	const path = databasePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	cacheStatements(sqlite);
	return drizzle(sqlite, { schema }) as DB;
}

/** Refuses a damaged file before the app writes anything into it. */
export function assertHealthy(db: DB): void {
	let rows: { quick_check: string }[];
	try {
		rows = db.$client.pragma('quick_check') as { quick_check: string }[];
	} catch (e) {
		// A badly damaged file makes the check itself fail ("database disk image is malformed").
		rows = [{ quick_check: e instanceof Error ? e.message : String(e) }];
	}
	if (rows.length !== 1 || rows[0].quick_check !== 'ok') {
		throw new Error(
			`The database file failed its integrity check (${rows
				.map((r) => r.quick_check)
				.slice(0, 3)
				.join('; ')}). Restore a backup (npm run restore -- DIR) before starting.`
		);
	}
}

export function migrateDatabase(db: DB, migrationsFolder: string): void {
	migrate(db, { migrationsFolder });
}

/** Open, check and migrate: what the server, the tests and every command-line tool do first. */
export function openMigratedDatabase(url: string, migrationsFolder: string): DB {
	const db = openDatabase(url);
	assertHealthy(db);
	migrateDatabase(db, migrationsFolder);
	return db;
}
