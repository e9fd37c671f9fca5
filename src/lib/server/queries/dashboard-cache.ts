/**
 * A small response cache for the dashboard. Every write bumps `dash_version` in its own
 * transaction (a trigger does it), so a cached result is reused only while nothing changed.
 * Keys include the visibility class: a viewer never gets an editor's counts.
 */
import { sql } from 'drizzle-orm';
import type { Conn } from '../db';

const MAX_ENTRIES = 200;
/** Per database: tests and tools may open several in one process. */
const caches = new WeakMap<object, { version: number; entries: Map<string, unknown> }>();

export function dataVersion(db: Conn): number {
	return db.get<{ v: number }>(sql`SELECT v FROM dash_version WHERE id = 1`)?.v ?? 0;
}

export function cached<T>(db: Conn, key: string, compute: () => T): T {
	const version = dataVersion(db);
	let cache = caches.get(db);
	// Results of an older version can never be used again: let them go at once.
	if (!cache || cache.version !== version)
		caches.set(db, (cache = { version, entries: new Map() }));
	const { entries } = cache;
	if (entries.has(key)) {
		const hit = entries.get(key) as T;
		entries.delete(key);
		entries.set(key, hit);
		return hit;
	}
	const value = compute();
	entries.set(key, value);
	if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return value;
}

export function clearDashboardCache(db: Conn): void {
	caches.delete(db);
}
