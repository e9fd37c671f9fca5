/**
 * A small response cache for the dashboard. Every write bumps `dash_version` in its own
 * transaction (a trigger does it), so a cached result is reused only while nothing changed.
 * Keys include the visibility class: a viewer never gets an editor's counts.
 */
import { sql } from 'drizzle-orm';
import type { Conn } from '../db';

const MAX_ENTRIES = 200;
/** Per database: tests and tools may open several in one process. */
const caches = new WeakMap<object, Map<string, unknown>>();

export function dataVersion(db: Conn): number {
	return db.get<{ v: number }>(sql`SELECT v FROM dash_version WHERE id = 1`)?.v ?? 0;
}

export function cached<T>(db: Conn, key: string, compute: () => T): T {
	let entries = caches.get(db);
	if (!entries) caches.set(db, (entries = new Map()));
	const full = `${dataVersion(db)}|${key}`;
	if (entries.has(full)) {
		const hit = entries.get(full) as T;
		entries.delete(full);
		entries.set(full, hit);
		return hit;
	}
	const value = compute();
	entries.set(full, value);
	if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return value;
}

export function clearDashboardCache(db: Conn): void {
	caches.delete(db);
}
