/**
 * better-sqlite3 compiles SQL on every `prepare()`, and drizzle prepares each query anew. An
 * INSERT into a table with the dashboard's rollup triggers compiles every trigger with it, so
 * without reuse most of a write's time went into compiling (measured: 45 % of bulk generation,
 * ~1 ms per statement). This keeps the most recently used compiled statements per connection.
 */
import type Database from 'better-sqlite3';

const MAX_STATEMENTS = 500;
/** Statements with long IN-lists are one-offs; caching them would only evict the useful ones. */
const MAX_SQL_LENGTH = 4000;

export function cacheStatements(sqlite: Database.Database): void {
	const prepare = sqlite.prepare.bind(sqlite);
	const cache = new Map<string, Database.Statement>();
	const cachedPrepare = (source: string): Database.Statement => {
		const hit = cache.get(source);
		// A statement still being iterated cannot run a second time at once: compile another.
		if (hit && !hit.busy) {
			cache.delete(source);
			cache.set(source, hit);
			// Result modes stick to a statement; drizzle sets raw() for some queries and not others.
			if (hit.reader) hit.raw(false).pluck(false).expand(false);
			return hit;
		}
		const statement = prepare(source);
		if (!hit && source.length <= MAX_SQL_LENGTH) {
			cache.set(source, statement);
			if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
		}
		return statement;
	};
	sqlite.prepare = cachedPrepare as typeof sqlite.prepare;
}
