/** Reading the dashboard rollups into tallies, per scope, audience and whole years. */
import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import type { Granularity } from '$lib/dashboard';
import {
	bump,
	emptyAgreementTally,
	emptyExchangeTally,
	type AgreementTally,
	type ExchangeTally,
	type PartnerSummary
} from './dashboard-tally';
import type { RollupScope } from './rollups';

/** The year rows to read; `allYearsRow` tables keep a y = -1 total (undated records included). */
function yearCond(years: RollupScope['years'], allYearsRow: boolean): SQL {
	if (years === 'all') return allYearsRow ? sql`AND y = -1` : sql`AND y >= 0`;
	return sql`AND y BETWEEN ${years[0]} AND ${years[1]}`;
}

/**
 * Rows of a time rollup at a granularity, `y|m|v` with m as bucketKey reads it: whole-year
 * total rows (m = -1) for years, month rows for months, month rows folded to quarters.
 */
function timeRows(db: Conn, table: 'dash_r_type' | 'dash_r_mode', where: SQL, g: Granularity) {
	const col = sql.raw(table === 'dash_r_type' ? 'type' : 'mode');
	const t = sql.raw(table);
	if (g === 'year')
		return db.all<{ y: number; m: number; v: string; n: number }>(
			sql`SELECT y, m, ${col} AS v, n FROM ${t} WHERE ${where} AND m = -1`
		);
	if (g === 'month')
		return db.all<{ y: number; m: number; v: string; n: number }>(
			sql`SELECT y, m, ${col} AS v, n FROM ${t} WHERE ${where} AND m >= 0`
		);
	return db.all<{ y: number; m: number; v: string; n: number }>(
		sql`SELECT y, CASE WHEN m = 0 THEN 0 ELSE ((m + 2) / 3) * 3 END AS m, ${col} AS v, sum(n) AS n
		FROM ${t} WHERE ${where} AND m >= 0 GROUP BY 1, 2, 3`
	);
}

/** First and last year with counts in a scope: the span of an open period. */
export function rollupSpan(db: Conn, s: Omit<RollupScope, 'years'>): [number, number] | null {
	// Two walks from either end of the key's rows, not min() and max() over all of them.
	const first = (dir: SQL) =>
		sql`(SELECT y FROM dash_r_type WHERE k = ${s.k} AND audience = ${s.audience} AND m = -1 AND n > 0
		ORDER BY y ${dir} LIMIT 1)`;
	const r = db.get<{ lo: number | null; hi: number | null }>(
		sql`SELECT ${first(sql`ASC`)} AS lo, ${first(sql`DESC`)} AS hi`
	);
	return r?.lo != null && r.hi != null ? [r.lo, r.hi] : null;
}

/**
 * The partner figures of a scope, summed in SQL (see ExchangeTally.partners); limit 0: the count
 * only. One year's rows (or the all-years row) hold each partner once: no summing needed, and
 * SQLite reads them in place instead of copying them into a temporary table first.
 */
function partnerSummary(db: Conn, s: RollupScope, home: string, limit: number): PartnerSummary {
	const where = sql`k = ${s.k} AND audience = ${s.audience} ${yearCond(s.years, true)}`;
	const onePerPartner = s.years === 'all' || s.years[0] === s.years[1];
	if (!limit) {
		const r = db.get<{ n: number }>(
			onePerPartner
				? sql`SELECT count(*) AS n FROM dash_r_partner WHERE ${where} AND n > 0`
				: sql`SELECT count(DISTINCT partner) AS n FROM dash_r_partner WHERE ${where} AND n > 0`
		);
		return { engaged: r?.n ?? 0, top: [], byCountry: [] };
	}
	const p = onePerPartner
		? sql`p AS (SELECT partner, n FROM dash_r_partner WHERE ${where} AND n > 0)`
		: sql`p AS MATERIALIZED (
			SELECT partner, sum(n) AS n FROM dash_r_partner WHERE ${where} GROUP BY partner HAVING sum(n) > 0
		)`;
	const rows = db.all<{ kind: 'e' | 't' | 'c'; a: string | number; n: number }>(
		sql`WITH ${p}
		SELECT 'e' AS kind, '' AS a, count(*) AS n FROM p
		UNION ALL SELECT * FROM (SELECT 't', partner, n FROM p ORDER BY n DESC, partner LIMIT ${limit})
		UNION ALL SELECT * FROM (SELECT 'c', o.country, count(*) AS n FROM p JOIN organizations o ON o.id = p.partner
			WHERE o.country IS NOT NULL AND o.country <> ${home} GROUP BY o.country ORDER BY n DESC, o.country)`
	);
	return {
		engaged: rows.find((r) => r.kind === 'e')?.n ?? 0,
		top: rows.filter((r) => r.kind === 't').map((r) => [Number(r.a), r.n]),
		byCountry: rows.filter((r) => r.kind === 'c').map((r) => [String(r.a), r.n])
	};
}

/**
 * Every exchange figure of a scope from the rollups. With `partners` the partner counts are
 * summarised in SQL (enough when the rollups answer the whole period); without, every partner's
 * count is returned, to be added to the partial years counted from the records.
 */
export function exchangeTallyFromRollups(
	db: Conn,
	s: RollupScope,
	g: Granularity = 'month',
	partners?: { home: string; limit: number }
): ExchangeTally {
	const t = emptyExchangeTally();
	const base = sql`k = ${s.k} AND audience = ${s.audience}`;
	const series = sql`${base} ${yearCond(s.years, false)}`;
	const totals = yearCond(s.years, true);
	for (const r of timeRows(db, 'dash_r_type', series, g)) bump(t.type, `${r.y}|${r.m}|${r.v}`, r.n);
	for (const r of timeRows(db, 'dash_r_mode', series, g)) bump(t.mode, `${r.y}|${r.m}|${r.v}`, r.n);
	for (const r of db.all<{ v: string; n: number }>(
		sql`SELECT country AS v, sum(n) AS n FROM dash_r_country WHERE ${base} ${totals} GROUP BY 1`
	))
		bump(t.country, r.v, r.n);
	if (partners) t.partners = partnerSummary(db, s, partners.home, partners.limit);
	else
		for (const r of db.all<{ v: number; n: number }>(
			sql`SELECT partner AS v, sum(n) AS n FROM dash_r_partner WHERE ${base} ${totals} GROUP BY 1`
		))
			bump(t.partner, r.v, r.n);
	for (const r of db.all<{ v: string; n: number }>(
		sql`SELECT field AS v, sum(n) AS n FROM dash_r_field WHERE ${base} ${totals} GROUP BY 1`
	))
		bump(t.field, r.v, r.n);
	return t;
}

/**
 * Agreements and follow-up actions by state. Rollups keep the month an open item falls due; only
 * the current month needs the exact day, read from the snapshot tables.
 */
export function agreementTallyFromRollups(db: Conn, s: RollupScope, today: string): AgreementTally {
	const t = emptyAgreementTally();
	const month = today.slice(0, 7);
	const where = sql`k = ${s.k} AND audience = ${s.audience} ${yearCond(s.years, true)}`;
	for (const r of db.all<{ item: string; state: string; n: number }>(
		sql`SELECT item, state, sum(n) AS n FROM dash_r_state WHERE ${where} GROUP BY 1, 2`
	)) {
		if (r.item === 'agreement') bump(t.status, r.state, r.n);
		else if (r.state === 'done') t.actions.done += r.n;
	}
	// Open items due this month count as due until the exact days move the past ones below.
	for (const r of db.all<{ item: string; none: number; overdue: number; due: number }>(
		sql`SELECT item, sum(CASE WHEN due_ym = '' THEN n ELSE 0 END) AS none,
			sum(CASE WHEN due_ym <> '' AND due_ym < ${month} THEN n ELSE 0 END) AS overdue,
			sum(CASE WHEN due_ym >= ${month} THEN n ELSE 0 END) AS due
		FROM dash_r_due WHERE ${where} GROUP BY 1`
	)) {
		const c = r.item === 'agreement' ? t.agreements : t.actions;
		c.none += r.none;
		c.overdue += r.overdue;
		c.due += r.due;
	}
	const [agreements, actions] = overdueThisMonth(db, s, `${month}-01`, today);
	t.agreements.overdue += agreements;
	t.agreements.due -= agreements;
	t.actions.overdue += actions;
	t.actions.due -= actions;
	return t;
}

/** The snapshot rows of agreements a scope may count (alias `s`). */
export function snapshotScope(s: RollupScope): SQL {
	return sql`${s.audience === 'viewer' ? sql`s.vis = 'normal'` : sql`1`}
		${s.years === 'all' ? sql`` : sql`AND s.y BETWEEN ${s.years[0]} AND ${s.years[1]}`}
		${s.k === '*' ? sql`` : sql`AND EXISTS (SELECT 1 FROM dash_ag_key g WHERE g.agreement_id = s.agreement_id AND g.kind = 's' AND g.key = ${s.k})`}`;
}

function overdueThisMonth(
	db: Conn,
	s: RollupScope,
	first: string,
	today: string
): [number, number] {
	const scope = snapshotScope(s);
	const a = db.get<{ n: number }>(
		sql`SELECT count(*) AS n FROM dash_ag_snap s
		WHERE s.open = 1 AND s.due_end >= ${first} AND s.due_end < ${today} AND ${scope}`
	);
	const f = db.get<{ n: number }>(
		sql`SELECT count(*) AS n FROM dash_fu_snap f JOIN dash_ag_snap s ON s.agreement_id = f.agreement_id
		WHERE f.done = 0 AND f.due_date >= ${first} AND f.due_date < ${today} AND ${scope}`
	);
	return [a?.n ?? 0, f?.n ?? 0];
}
