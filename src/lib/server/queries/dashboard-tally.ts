/**
 * Mergeable counts behind every chart, and how to count them straight from the records (the
 * path for filters the rollups do not cover, for partial years, and the reference the rollups
 * are tested against). Counting rules: only held, live exchanges; an exchange counts once per
 * distinct partner country, once per partner, once per field.
 */
import { and, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import type { ExchangeFilter } from '$lib/filters';
import { exchangeFilterWhere, periodCondition, type Visibility } from './exchange-filter';

export interface ExchangeTally {
	/** `${y}|${m}|${type}`; m = 0 when only the year is known. */
	type: Map<string, number>;
	/** `${y}|${m}|${mode}`; mode 'unknown' when not recorded. */
	mode: Map<string, number>;
	country: Map<string, number>;
	partner: Map<number, number>;
	field: Map<string, number>;
	/**
	 * Instead of `partner`, when counted from the rollups alone: what the dashboard shows of the
	 * partners, summed in SQL rather than shipping every partner's count to JavaScript.
	 */
	partners?: PartnerSummary;
}

export interface PartnerSummary {
	engaged: number;
	/** The most active partners, [id, count], largest first. */
	top: [number, number][];
	/** Partners engaged per foreign country, [code, partners], largest first. */
	byCountry: [string, number][];
}

export interface DueCounts {
	overdue: number;
	due: number;
	none: number;
}

export interface AgreementTally {
	status: Map<string, number>;
	/** Open agreements by due date. */
	agreements: DueCounts;
	/** Follow-up actions not done by due date, and done. */
	actions: DueCounts & { done: number };
}

export const emptyExchangeTally = (): ExchangeTally => ({
	type: new Map(),
	mode: new Map(),
	country: new Map(),
	partner: new Map(),
	field: new Map()
});

export const emptyAgreementTally = (): AgreementTally => ({
	status: new Map(),
	agreements: { overdue: 0, due: 0, none: 0 },
	actions: { overdue: 0, due: 0, none: 0, done: 0 }
});

export function bump<K>(map: Map<K, number>, key: K, n: number): void {
	if (n) map.set(key, (map.get(key) ?? 0) + n);
}

export function mergeExchangeTallies(parts: ExchangeTally[]): ExchangeTally {
	// A partner summary cannot be added to; it only ever comes alone.
	if (parts.length === 1) return parts[0];
	const out = emptyExchangeTally();
	for (const p of parts)
		for (const k of ['type', 'mode', 'country', 'partner', 'field'] as const)
			for (const [key, n] of p[k] as Map<string | number, number>)
				bump(out[k] as Map<string | number, number>, key, n);
	return out;
}

export function mergeAgreementTallies(parts: AgreementTally[]): AgreementTally {
	const out = emptyAgreementTally();
	for (const p of parts) {
		for (const [k, n] of p.status) bump(out.status, k, n);
		for (const k of ['overdue', 'due', 'none'] as const) {
			out.agreements[k] += p.agreements[k];
			out.actions[k] += p.actions[k];
		}
		out.actions.done += p.actions.done;
	}
	return out;
}

export const counterpart = sql.raw(`('partner', 'organizer')`);
export const closedStatusesSql = sql.raw(`('signed', 'completed', 'cancelled')`);

/** The held exchanges a filter selects (the dashboard never counts planned or cancelled ones). */
export function heldWhere(f: ExchangeFilter, viewer: Visibility): SQL {
	return and(exchangeFilterWhere(f, viewer), sql.raw(`"exchanges"."status" = 'held'`))!;
}

export const partnerIds = (f: ExchangeFilter) =>
	f.partner?.filter((p): p is number => p !== 'none') ?? [];

/**
 * With a partner filter (and no "none"), start from that partner's links (an index) instead of
 * testing every exchange of the period.
 */
function partnerDriver(f: ExchangeFilter): SQL | null {
	const ids = partnerIds(f);
	if (!ids.length || f.partner?.includes('none')) return null;
	return sql`AND "exchanges"."id" IN (SELECT exchange_id FROM exchange_organizations
		WHERE organization_id IN (${inList(ids)}) AND role IN ${counterpart})`;
}

interface TallyRow {
	kind: 't' | 'c' | 'p' | 'f';
	a: string | number;
	m: number | null;
	type: string | null;
	mode: string | null;
	n: number;
}

/**
 * Counts every chart's exchange figures for one filter (with its period) from the records, in
 * one statement over the selected exchanges (materialised once).
 */
export function exchangeTallyFromRecords(
	db: Conn,
	f: ExchangeFilter,
	viewer: Visibility
): ExchangeTally {
	const t = emptyExchangeTally();
	const driver = partnerDriver(f);
	// The held exchanges' covering index answers a period without reading the table; a partner's
	// links (the driver) are fewer still.
	const source = driver ? sql`exchanges` : sql`exchanges INDEXED BY dash_ex_held_idx`;
	const rows = db.all<TallyRow>(sql`
		WITH ex AS MATERIALIZED (
			SELECT "exchanges"."id" AS id, date_start, date_precision, type, mode FROM ${source}
			WHERE ${heldWhere(f, viewer)} ${driver ?? sql``}
		),
		links AS MATERIALIZED (
			SELECT eo.exchange_id AS id, eo.organization_id AS org, o.country, o.scope
			FROM ex CROSS JOIN exchange_organizations eo ON eo.exchange_id = ex.id AND eo.role IN ${counterpart}
			JOIN organizations o ON o.id = eo.organization_id
		)
		SELECT 't' AS kind, CAST(substr(date_start, 1, 4) AS integer) AS a,
			CASE WHEN date_precision = 'year' THEN 0 ELSE CAST(substr(date_start, 6, 2) AS integer) END AS m,
			type, coalesce(mode, 'unknown') AS mode, count(*) AS n
		FROM ex GROUP BY 2, 3, 4, 5
		UNION ALL
		SELECT 'c', key, NULL, NULL, NULL, count(*) FROM (
			SELECT id, coalesce(country, CASE WHEN scope = 'international' THEN NULL ELSE '??' END) AS key
			FROM links
			UNION SELECT id, 'INTL' FROM links WHERE scope = 'international'
			UNION SELECT id, 'NONE' FROM ex WHERE id NOT IN (SELECT id FROM links)
		) WHERE key IS NOT NULL GROUP BY key
		UNION ALL
		SELECT 'p', org, NULL, NULL, NULL, count(DISTINCT id) FROM links GROUP BY org
		UNION ALL
		SELECT 'f', ef.field, NULL, NULL, NULL, count(*)
		FROM ex JOIN exchange_fields ef ON ef.exchange_id = ex.id GROUP BY ef.field`);
	for (const r of rows) {
		if (r.kind === 't') {
			bump(t.type, `${r.a}|${r.m}|${r.type}`, r.n);
			bump(t.mode, `${r.a}|${r.m}|${r.mode}`, r.n);
		} else if (r.kind === 'c') bump(t.country, String(r.a), r.n);
		else if (r.kind === 'p') bump(t.partner, Number(r.a), r.n);
		else bump(t.field, String(r.a), r.n);
	}
	return t;
}

export const inList = (values: (string | number)[]) =>
	sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	);

/**
 * The same dashboard filter applied to agreements: partner and country through the agreement's
 * own partners, field through its fields, type/mode/department through its exchange.
 */
function agreementDimensions(f: ExchangeFilter): SQL[] {
	const c: SQL[] = [];
	const ids = f.partner?.filter((p): p is number => p !== 'none') ?? [];
	if (ids.length || f.partner?.includes('none')) {
		const alt: SQL[] = [];
		if (ids.length)
			alt.push(
				sql`EXISTS (SELECT 1 FROM agreement_organizations ao WHERE ao.agreement_id = a.id AND ao.organization_id IN (${inList(ids)}))`
			);
		if (f.partner?.includes('none'))
			alt.push(
				sql`NOT EXISTS (SELECT 1 FROM agreement_organizations ao WHERE ao.agreement_id = a.id)`
			);
		c.push(sql`(${sql.join(alt, sql` OR `)})`);
	}
	if (f.country?.length) {
		const codes = f.country.filter((x) => x !== 'INTL');
		const opts: SQL[] = [];
		if (codes.length) opts.push(sql`o.country IN (${inList(codes)})`);
		if (f.country.includes('INTL')) opts.push(sql`o.scope = 'international'`);
		// CROSS JOIN keeps the agreement's own few links as the outer loop: left to itself the
		// planner walked every organisation of a large country for each agreement (100 ms a year).
		c.push(
			sql`EXISTS (SELECT 1 FROM agreement_organizations ao CROSS JOIN organizations o ON o.id = ao.organization_id WHERE ao.agreement_id = a.id AND (${sql.join(opts, sql` OR `)}))`
		);
	}
	if (f.field?.length)
		c.push(
			sql`EXISTS (SELECT 1 FROM agreement_fields af WHERE af.agreement_id = a.id AND af.field IN (${inList(f.field)}))`
		);
	const ex: SQL[] = [];
	if (f.type?.length) ex.push(sql`x2.type IN (${inList(f.type)})`);
	if (f.mode?.length) ex.push(sql`x2.mode IN (${inList(f.mode)})`);
	if (f.department) ex.push(sql`x2.department = ${f.department}`);
	if (ex.length)
		c.push(
			sql`EXISTS (SELECT 1 FROM exchanges x2 WHERE x2.id = a.exchange_id AND x2.visibility = 'normal' AND ${sql.join(ex, sql` AND `)})`
		);
	return c;
}

const sourceDay = sql.raw(`(SELECT min(date(s.published_at, '+9 hours')) FROM source_links sl
	JOIN sources s ON s.id = sl.source_id WHERE sl.entity_type = 'agreement' AND sl.entity_id = a.id)`);

/**
 * Live agreements with the date they belong to: agreed-on, else their exchange's, else their
 * source article's (as a Seoul calendar day), filtered like the exchanges. A confidential
 * exchange lends an agreement nothing (as in the rollups, migration 0004): a viewer's counts
 * must not move when a normal agreement is linked to one.
 */
export function datedAgreements(f: ExchangeFilter, viewer: Visibility): SQL {
	const where = [sql`a.deleted_at IS NULL`, ...agreementDimensions(f)];
	if (!viewer.includeConfidential) where.push(sql`a.visibility = 'normal'`);
	const ids = partnerIds(f);
	if (ids.length && !f.partner?.includes('none'))
		where.push(
			sql`a.id IN (SELECT agreement_id FROM agreement_organizations WHERE organization_id IN (${inList(ids)}))`
		);
	// The year of an agreement's date is kept with the rollups: a bounded period reads only its
	// years instead of dating every agreement (the exact period test follows below).
	if (f.from || f.to)
		where.push(
			sql`a.id IN (SELECT agreement_id FROM dash_ag_snap WHERE y BETWEEN ${f.from ? Number(f.from.slice(0, 4)) : 1} AND ${f.to ? Number(f.to.slice(0, 4)) : 9999})`
		);
	const dated = sql`SELECT a.id, a.status, a.due_start, a.due_end, a.due_precision, a.title_ko, a.title_en,
		CASE WHEN a.agreed_start IS NOT NULL THEN coalesce(a.agreed_precision, 'day')
			WHEN x.id IS NOT NULL THEN x.date_precision ELSE 'day' END AS eff_precision,
		coalesce(a.agreed_start, x.date_start, ${sourceDay}) AS eff_start,
		CASE WHEN a.agreed_start IS NOT NULL THEN coalesce(a.agreed_end, a.agreed_start)
			WHEN x.id IS NOT NULL THEN x.date_end ELSE ${sourceDay} END AS eff_end
		FROM agreements a LEFT JOIN exchanges x ON x.id = a.exchange_id AND x.visibility = 'normal'
		WHERE ${and(...where)}`;
	const period = periodCondition(
		{
			precision: sql.raw('d.eff_precision'),
			start: sql.raw('d.eff_start'),
			end: sql.raw('d.eff_end')
		},
		f.from,
		f.to
	);
	return sql`SELECT d.* FROM (${dated}) d${period ? sql` WHERE ${period}` : sql``}`;
}
