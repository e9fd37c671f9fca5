/**
 * The dashboard rollups, kept by the triggers of drizzle/0002_dashboard_rollups.sql: their
 * scopes and audiences, rebuilding them, and checking them against a count made in plain code.
 * Reading them: rollups-read.ts.
 */
import { sql } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import { expectedRollups } from './rollups-expected';

/** Viewers count normal records only; editors and admins count confidential ones too. */
export type Audience = 'viewer' | 'editor';

/** Which rollup rows to read: one scope, one audience, the years. */
export interface RollupScope {
	/** '*' for all exchanges, a country key (ISO code or INTL), or 't:<type>', 'm:<mode>', 'f:<field>'. */
	k: string;
	audience: Audience;
	/** Whole calendar years, or every record including undated agreements. */
	years: 'all' | [number, number];
}

const rollupTables = [
	'dash_r_type',
	'dash_r_mode',
	'dash_r_country',
	'dash_r_partner',
	'dash_r_field',
	'dash_r_state',
	'dash_r_due',
	'dash_r_tie'
] as const;
const workTables = ['dash_ex_snap', 'dash_ex_key', 'dash_ag_snap', 'dash_ag_key', 'dash_fu_snap'];

/** Rebuilds every rollup from the records (after a restore from an old backup, say). */
export function recountRollups(db: DB): void {
	db.transaction((tx) => {
		for (const t of [...rollupTables, ...workTables]) tx.run(sql.raw(`DELETE FROM ${t}`));
		tx.run(sql`INSERT INTO dash_ex_dirty (exchange_id) SELECT id FROM exchanges`);
		tx.run(sql`INSERT INTO dash_ag_dirty (agreement_id) SELECT id FROM agreements`);
		// The ties' tables have no queue: their views say what they hold (drizzle/0006).
		tx.run(sql`DELETE FROM dash_tie_ms`);
		tx.run(sql`INSERT INTO dash_tie_ms SELECT * FROM dash_tie_ms_all`);
		tx.run(sql`INSERT INTO dash_r_tie (k, y, kind, n)
			SELECT k.k, CAST(substr(t.date_start, 1, 4) AS integer), t.kind, count(*)
			FROM ties t JOIN dash_org_keys k ON k.org = t.organization_id
			WHERE t.deleted_at IS NULL AND t.date_start IS NOT NULL GROUP BY 1, 2, 3`);
	});
}

/** Rollup rows as `table|key…` → n, zero rows left out. */
export function readRollups(db: Conn): Map<string, number> {
	const out = new Map<string, number>();
	for (const table of rollupTables)
		for (const row of db.all<Record<string, string | number>>(
			sql.raw(`SELECT * FROM ${table} WHERE n <> 0`)
		)) {
			const { n, ...key } = row;
			out.set(`${table}|${Object.values(key).join('|')}`, Number(n));
		}
	// Milestones are rows, not counts.
	for (const m of db.all<Record<string, string | number | null>>(
		sql`SELECT tie_id, years, org, country, intl, start, end FROM dash_tie_ms`
	))
		out.set(`dash_tie_ms|${Object.values(m).join('|')}`, 1);
	return out;
}

/** Differences between the rollups and a fresh count (empty when they agree), at most `limit`. */
export function verifyRollups(db: Conn, limit = 20): string[] {
	const actual = readRollups(db);
	const expected = expectedRollups(db);
	const diffs: string[] = [];
	for (const key of new Set([...actual.keys(), ...expected.keys()])) {
		const a = actual.get(key) ?? 0;
		const e = expected.get(key) ?? 0;
		if (a !== e) diffs.push(`${key}: rollup ${a}, recount ${e}`);
		if (diffs.length >= limit) break;
	}
	return diffs;
}
