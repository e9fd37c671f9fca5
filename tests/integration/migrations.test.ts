import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	openMigratedDatabase,
	migrateDatabase,
	assertHealthy,
	openDatabase
} from '../../src/lib/server/db';
import { MIGRATIONS } from '../helpers/db';
import { writeFileSync } from 'node:fs';

describe('migrations', () => {
	it('apply to an empty database and create every table', () => {
		const db = openMigratedDatabase(join(mkdtempSync(join(tmpdir(), 'g-')), 'a.db'), MIGRATIONS);
		const tables = db.$client
			.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
			.all()
			.map((r) => (r as { name: string }).name);
		for (const t of [
			'users',
			'sessions',
			'organizations',
			'organization_aliases',
			'ties',
			'exchanges',
			'exchange_organizations',
			'exchange_fields',
			'people',
			'agreements',
			'agreement_status_history',
			'follow_ups',
			'sources',
			'source_links',
			'attachments',
			'audit_log',
			'settings',
			'search_fts'
		])
			expect(tables).toContain(t);
	});

	it('are idempotent: a second run changes nothing', () => {
		const path = join(mkdtempSync(join(tmpdir(), 'g-')), 'b.db');
		const db = openMigratedDatabase(path, MIGRATIONS);
		const count = () =>
			(db.$client.prepare('SELECT count(*) n FROM __drizzle_migrations').get() as { n: number }).n;
		const before = count();
		migrateDatabase(db, MIGRATIONS);
		expect(count()).toBe(before);
		expect(before).toBeGreaterThanOrEqual(2);
	});

	it('open every connection with WAL, synchronous=FULL and foreign keys', () => {
		const db = openMigratedDatabase(join(mkdtempSync(join(tmpdir(), 'g-')), 'c.db'), MIGRATIONS);
		expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
	});

	it('refuse a corrupt file with a clear message', () => {
		const path = join(mkdtempSync(join(tmpdir(), 'g-')), 'bad.db');
		writeFileSync(path, 'SQLite format 3\0' + 'x'.repeat(5000));
		expect(() => assertHealthy(openDatabase(path))).toThrow(/integrity|malformed|not a database/i);
	});
});
