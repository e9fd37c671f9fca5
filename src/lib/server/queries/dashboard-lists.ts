/** The dashboard's lists (latest exchanges, overdue follow-ups) and the ties chart. */
import { and, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import type { ExchangeFilter } from '$lib/filters';
import type { Precision } from '$lib/dates';
import type { DashboardFilter } from '$lib/dashboard';
import type { LatestExchange, OverdueItem, TiesSeries } from '$lib/dashboard-stats';
import { tieKinds } from '$lib/vocab';
import type { Visibility } from './exchange-filter';
import { closedStatusesSql, datedAgreements, heldWhere } from './dashboard-tally';
import type { RollupScope } from './rollups';
import { snapshotScope } from './rollups-read';

const json = (values: unknown[]) => JSON.stringify(values);

/** Partner names of many records in one query, keyed by record id. */
function namesOf(db: Conn, table: 'exchange' | 'agreement', ids: number[]) {
	const rows =
		table === 'exchange'
			? db.all<{ rid: number; id: number; name_ko: string; name_en: string | null }>(
					sql`SELECT eo.exchange_id AS rid, o.id, o.name_ko, o.name_en FROM exchange_organizations eo
					JOIN organizations o ON o.id = eo.organization_id
					WHERE eo.role IN ('partner', 'organizer') AND eo.exchange_id IN (SELECT value FROM json_each(${json(ids)}))
					ORDER BY o.name_ko`
				)
			: db.all<{ rid: number; id: number; name_ko: string; name_en: string | null }>(
					sql`SELECT ao.agreement_id AS rid, o.id, o.name_ko, o.name_en FROM agreement_organizations ao
					JOIN organizations o ON o.id = ao.organization_id
					WHERE ao.agreement_id IN (SELECT value FROM json_each(${json(ids)})) ORDER BY o.name_ko`
				);
	const out = new Map<number, { id: number; nameKo: string; nameEn: string | null }[]>();
	for (const r of rows) {
		const list = out.get(r.rid) ?? [];
		if (!list.some((p) => p.id === r.id))
			list.push({ id: r.id, nameKo: r.name_ko, nameEn: r.name_en });
		out.set(r.rid, list);
	}
	return out;
}

/** The newest held exchanges in the period, newest first. */
export function latestExchanges(
	db: Conn,
	f: ExchangeFilter,
	viewer: Visibility,
	limit = 10
): LatestExchange[] {
	const rows = db.all<{
		id: number;
		title_ko: string;
		title_en: string | null;
		type: string;
		mode: string | null;
		date_precision: Precision;
		date_start: string;
		date_end: string;
	}>(
		sql`SELECT id, title_ko, title_en, type, mode, date_precision, date_start, date_end FROM exchanges
		WHERE ${heldWhere(f, viewer)} ORDER BY date_start DESC, id DESC LIMIT ${limit}`
	);
	const partners = namesOf(
		db,
		'exchange',
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({
		id: r.id,
		titleKo: r.title_ko,
		titleEn: r.title_en,
		type: r.type,
		mode: r.mode,
		datePrecision: r.date_precision,
		dateStart: r.date_start,
		dateEnd: r.date_end,
		partners: partners.get(r.id) ?? []
	}));
}

interface OverdueRef {
	item: 'agreement' | 'action';
	id: number;
	agreement_id: number;
	due: string;
}

const MAX_YEARS_APART = 100;

/**
 * Overdue references from the snapshot tables (whole years, rollup scope): no date arithmetic per
 * row. A span of years reads each year's open items newest-due first on (y, due) indexes and
 * stops at the `limit`-th of the scope, then keeps the newest of those; a walk over every overdue
 * item in due order would pass all later years' items first.
 */
function overdueFromSnapshots(db: Conn, s: RollupScope, today: string, limit: number) {
	// A compound SELECT holds at most 500 parts: a span of centuries walks the due index instead.
	if (s.years === 'all' || s.years[1] - s.years[0] > MAX_YEARS_APART) {
		const scope = snapshotScope(s);
		return db.all<OverdueRef>(
			sql`SELECT * FROM (
				SELECT * FROM (SELECT 'agreement' AS item, s.agreement_id AS id, s.agreement_id, s.due_end AS due
					FROM dash_ag_snap s WHERE s.open = 1 AND s.due_end < ${today} AND ${scope}
					ORDER BY s.due_end DESC LIMIT ${limit})
				UNION ALL
				SELECT * FROM (SELECT 'action', f.follow_up_id, f.agreement_id, f.due_date
					FROM dash_fu_snap f JOIN dash_ag_snap s ON s.agreement_id = f.agreement_id
					WHERE f.done = 0 AND f.due_date < ${today} AND ${scope}
					ORDER BY f.due_date DESC LIMIT ${limit})
			) ORDER BY due DESC, id DESC LIMIT ${limit}`
		);
	}
	const inScope = (alias: 's' | 'f', year: number) =>
		sql`${sql.raw(alias)}.y = ${year}
		${s.audience === 'viewer' ? sql`AND ${sql.raw(alias)}.vis = 'normal'` : sql``}
		${s.k === '*' ? sql`` : sql`AND EXISTS (SELECT 1 FROM dash_ag_key g WHERE g.agreement_id = ${sql.raw(alias)}.agreement_id AND g.kind = 's' AND g.key = ${s.k})`}`;
	const parts: SQL[] = [];
	for (let y = s.years[0]; y <= s.years[1]; y++)
		parts.push(
			sql`SELECT * FROM (SELECT 'agreement' AS item, s.agreement_id AS id, s.agreement_id, s.due_end AS due
				FROM dash_ag_snap s WHERE s.open = 1 AND s.due_end < ${today} AND ${inScope('s', y)}
				ORDER BY s.due_end DESC LIMIT ${limit})`,
			sql`SELECT * FROM (SELECT 'action', f.follow_up_id, f.agreement_id, f.due_date
				FROM dash_fu_snap f WHERE f.done = 0 AND f.due_date < ${today} AND ${inScope('f', y)}
				ORDER BY f.due_date DESC LIMIT ${limit})`
		);
	return db.all<OverdueRef>(
		sql`SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) ORDER BY due DESC, id DESC LIMIT ${limit}`
	);
}

function overdueFromRecords(
	db: Conn,
	f: ExchangeFilter,
	viewer: Visibility,
	today: string,
	limit: number
) {
	const dated = datedAgreements(f, viewer);
	return db.all<OverdueRef>(
		sql`SELECT * FROM (
			SELECT 'agreement' AS item, d.id, d.id AS agreement_id, d.due_end AS due FROM (${dated}) d
			WHERE d.status NOT IN ${closedStatusesSql} AND d.due_end < ${today}
			UNION ALL
			SELECT 'action', fu.id, d.id, fu.due_date FROM (${dated}) d
			JOIN follow_ups fu ON fu.agreement_id = d.id AND fu.deleted_at IS NULL
			WHERE fu.done_at IS NULL AND fu.due_date < ${today}
		) ORDER BY due DESC, id DESC LIMIT ${limit}`
	);
}

const newestDueFirst = (a: OverdueRef, b: OverdueRef) =>
	a.due === b.due ? b.id - a.id : a.due < b.due ? 1 : -1;

/**
 * Open agreements and follow-up actions past their due date, most recently due first: the whole
 * years of a rollup scope from the snapshots, every other part of the period (`records`, e.g.
 * the partial years at its ends) from the records.
 */
export function overdueItems(
	db: Conn,
	source: { scope: RollupScope | null; records: ExchangeFilter[]; viewer: Visibility },
	today: string,
	limit = 10
): OverdueItem[] {
	const refs = [
		...(source.scope ? overdueFromSnapshots(db, source.scope, today, limit) : []),
		...source.records.flatMap((f) => overdueFromRecords(db, f, source.viewer, today, limit))
	]
		.sort(newestDueFirst)
		.slice(0, limit);
	if (!refs.length) return [];
	const agreementIds = [...new Set(refs.map((r) => r.agreement_id))];
	const details = new Map(
		db
			.all<{
				id: number;
				title_ko: string;
				title_en: string | null;
				status: string;
				due_precision: Precision | null;
				due_start: string | null;
				due_end: string | null;
			}>(
				sql`SELECT id, title_ko, title_en, status, due_precision, due_start, due_end FROM agreements
				WHERE id IN (SELECT value FROM json_each(${json(agreementIds)}))`
			)
			.map((r) => [r.id, r])
	);
	const actionIds = refs.filter((r) => r.item === 'action').map((r) => r.id);
	const actions = new Map(
		db
			.all<{ id: number; action: string; due_date: string }>(
				sql`SELECT id, action, due_date FROM follow_ups WHERE id IN (SELECT value FROM json_each(${json(actionIds)}))`
			)
			.map((r) => [r.id, r])
	);
	const partners = namesOf(db, 'agreement', agreementIds);
	return refs.map((r) => {
		const a = details.get(r.agreement_id)!;
		const action = r.item === 'action' ? actions.get(r.id) : undefined;
		return {
			item: r.item,
			id: r.id,
			agreementId: r.agreement_id,
			titleKo: action ? action.action : a.title_ko,
			titleEn: action ? null : a.title_en,
			status: a.status,
			duePrecision: action ? 'day' : (a.due_precision ?? 'day'),
			dueStart: action ? action.due_date : (a.due_start ?? r.due),
			dueEnd: action ? action.due_date : (a.due_end ?? r.due),
			partners: (partners.get(r.agreement_id) ?? []).map((p) => p.nameKo)
		};
	});
}

/** Ties and anniversaries follow the partner and country filters (the others concern exchanges). */
export function tieOrgCondition(
	f: DashboardFilter,
	col: { org: SQL; country: SQL; intl: SQL } = {
		org: sql`t.organization_id`,
		country: sql`o.country`,
		intl: sql`o.scope = 'international'`
	}
): SQL | undefined {
	const c: SQL[] = [];
	const ids = f.partner?.filter((p): p is number => p !== 'none') ?? [];
	if (f.partner?.length)
		c.push(ids.length ? sql`${col.org} IN (SELECT value FROM json_each(${json(ids)}))` : sql`0`);
	if (f.country?.length) {
		const codes = f.country.filter((x) => x !== 'INTL');
		// One country (the usual filter) as an equality, so an index on it yields rows in date order.
		const opts: SQL[] = [
			codes.length === 1
				? sql`${col.country} = ${codes[0]}`
				: sql`${col.country} IN (SELECT value FROM json_each(${json(codes)}))`
		];
		if (f.country.includes('INTL')) opts.push(col.intl);
		c.push(sql`(${sql.join(opts, sql` OR `)})`);
	}
	return c.length ? and(...c) : undefined;
}

/**
 * Ties established per year and kind under the filter: from the rollup (drizzle/0006) for all
 * partners or one country key; from the ties themselves for partners or several countries (a body
 * both international and of a country would count twice in a sum of scopes).
 */
function tieCounts(db: Conn, f: DashboardFilter): { y: number; kind: string; n: number }[] {
	const scope = f.partner?.length
		? null
		: !f.country?.length
			? '*'
			: f.country.length === 1
				? f.country[0]
				: null;
	if (scope !== null)
		return db.all(sql`SELECT y, kind, n FROM dash_r_tie WHERE k = ${scope} AND n > 0 ORDER BY y`);
	const org = tieOrgCondition(f);
	return db.all(
		sql`SELECT CAST(substr(t.date_start, 1, 4) AS integer) AS y, t.kind, count(*) AS n
		FROM ties t JOIN organizations o ON o.id = t.organization_id
		WHERE t.deleted_at IS NULL AND o.deleted_at IS NULL AND t.date_start IS NOT NULL
		${org ? sql`AND ${org}` : sql``} GROUP BY 1, 2 ORDER BY 1`
	);
}

/** Ties established per year by kind, from the first tie to the period's end, with the running total. */
export function tiesSeries(db: Conn, f: DashboardFilter, from?: string, to?: string): TiesSeries {
	const rows = tieCounts(db, f);
	if (!rows.length) return { years: [], kinds: [], counts: [], cumulative: [] };
	// From the first tie on, whatever the period: a tie's story is longer than a year's view.
	const lo = Math.min(rows[0].y, from ? Number(from.slice(0, 4)) : rows[0].y);
	const hi = to ? Number(to.slice(0, 4)) : Math.max(rows[rows.length - 1].y, lo);
	const years = Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
	const kinds = tieKinds.filter((k) => rows.some((r) => r.kind === k && r.y >= lo && r.y <= hi));
	const counts = kinds.map((k) =>
		years.map((y) => rows.find((r) => r.kind === k && r.y === y)?.n ?? 0)
	);
	const cumulative = years.map((y) => rows.filter((r) => r.y <= y).reduce((s, r) => s + r.n, 0));
	return { years, kinds, counts, cumulative };
}
