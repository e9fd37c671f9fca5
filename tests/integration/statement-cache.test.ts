/**
 * Compiled statements are reused per connection (db/statement-cache.ts): a reused one must behave
 * as a freshly prepared one — result mode reset, and a second copy while one is being iterated.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from '../helpers/db';

const db = freshDb();

describe('the statement cache', () => {
	it('hands back the same compiled statement for the same SQL', () => {
		const a = db.$client.prepare('SELECT 1 AS one');
		expect(db.$client.prepare('SELECT 1 AS one')).toBe(a);
	});

	it('resets raw, pluck and expand modes left by an earlier use', () => {
		db.$client.prepare('SELECT 1 AS one, 2 AS two').raw(true);
		expect(db.$client.prepare('SELECT 1 AS one, 2 AS two').all()).toEqual([{ one: 1, two: 2 }]);
		db.$client.prepare('SELECT 1 AS one, 2 AS two').pluck(true);
		expect(db.$client.prepare('SELECT 1 AS one, 2 AS two').get()).toEqual({ one: 1, two: 2 });
		// drizzle reads joined rows with raw() and plain rows without, on the same SQL text
		const q = sql`SELECT 3 AS three`;
		expect(db.values(q)).toEqual([[3]]);
		expect(db.all(q)).toEqual([{ three: 3 }]);
	});

	it('compiles another copy while the cached one is still being iterated', () => {
		const text = 'SELECT value FROM json_each(?)';
		const seen: number[] = [];
		for (const row of db.$client.prepare(text).iterate('[1,2]') as Iterable<{ value: number }>) {
			const inner = db.$client.prepare(text).all('[10]') as { value: number }[];
			seen.push(row.value, inner[0].value);
		}
		expect(seen).toEqual([1, 10, 2, 10]);
	});
});
