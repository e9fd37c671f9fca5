/**
 * Bulk generation with the rollup refresh triggers off, then one recount by the app's own
 * `recountRollups`. With them on, every linked row (a partner, a field) refreshes its exchange
 * again: three refreshes for a typical exchange where one is enough. Only for a database no
 * other process writes, and an interrupted run leaves it without triggers: generate it again
 * (`--fresh`), as the bench does for any half-written file.
 */
import { sql } from 'drizzle-orm';
import type { DB } from '../src/lib/server/db';
import { recountRollups } from '../src/lib/server/queries/rollups';

export function withRollupsDeferred<T>(db: DB, load: () => T, log: (s: string) => void): T {
	const triggers = db.all<{ name: string; sql: string }>(
		sql`SELECT name, sql FROM sqlite_master
		WHERE type = 'trigger' AND name IN ('dash_ex_refresh', 'dash_ag_refresh')`
	);
	if (triggers.length !== 2) throw new Error('rollup refresh triggers not found');
	for (const t of triggers) db.run(sql.raw(`DROP TRIGGER ${t.name}`));
	const result = load();
	db.transaction((tx) => {
		tx.run(sql`DELETE FROM dash_ex_dirty`);
		tx.run(sql`DELETE FROM dash_ag_dirty`);
		for (const t of triggers) tx.run(sql.raw(t.sql));
	});
	const t0 = performance.now();
	recountRollups(db);
	log(`rollups recounted in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
	return result;
}
