/**
 * Everything the dashboard and `GET /api/v1/stats` show, from one function. Counts come from the
 * rollups when the filter is a period alone or with one country, type, mode or field (whole years
 * from the rollups, partial years from the records), otherwise straight from the records on
 * covering indexes.
 */
import { sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { seoulToday } from '$lib/dates';
import {
	autoGranularity,
	previousPeriod,
	periodRange,
	type DashboardFilter,
	type DashboardParams,
	type Granularity,
	type PeriodKey
} from '$lib/dashboard';
import type { DashboardStats, KeyFigure } from '$lib/dashboard-stats';
import { exchangeTypes, modes } from '$lib/vocab';
import type { Visibility } from './exchange-filter';
import { getHome } from './settings';
import { agreementTallyFromRecords } from './dashboard-agreements';
import {
	exchangeTallyFromRecords,
	heldWhere,
	mergeAgreementTallies,
	mergeExchangeTallies,
	type AgreementTally,
	type ExchangeTally
} from './dashboard-tally';
import { agreementTallyFromRollups, exchangeTallyFromRollups, rollupSpan } from './rollups-read';
import type { Audience } from './rollups';
import { buildBuckets, dataYears, ranked, timeSeries, unknownMonthYears } from './dashboard-series';
import { latestExchanges, overdueItems, tiesSeries } from './dashboard-lists';
import { anniversaries } from './dashboard-anniversaries';
import {
	agreementRows,
	countryRows,
	fieldRows,
	followUpRows,
	countPartnerCountries,
	partnerRows,
	partnersMap
} from './dashboard-rows';
import { cached } from './dashboard-cache';
import { rollupScopeKey, splitPeriod } from './dashboard-scope';

const TOP_PARTNERS = 10;

export interface DashboardOptions {
	/** Asia/Seoul calendar day; overdue and "this year" are relative to it. */
	today?: string;
	/** Reuse a result while no write has happened since (default on). */
	cache?: boolean;
}

interface Counts {
	ex: ExchangeTally;
	ag: AgreementTally;
	rollups: boolean;
}

interface Ctx {
	db: Conn;
	/** The home country: not a partner country on the map nor in the countries figure. */
	home: string;
	filter: DashboardFilter;
	viewer: Visibility;
	audience: Audience;
	k: string | null;
	today: string;
}

/** Counts for a period; `figuresOnly` (the previous period) skips the partner ranking. */
function count(
	c: Ctx,
	from: string | undefined,
	to: string | undefined,
	g: Granularity,
	figuresOnly = false
): Counts {
	const split = splitPeriod(from, to);
	if (c.k === null) {
		const f = { ...c.filter, from, to };
		return {
			ex: exchangeTallyFromRecords(c.db, f, c.viewer),
			ag: agreementTallyFromRecords(c.db, f, c.viewer, c.today),
			rollups: false
		};
	}
	const ex: ExchangeTally[] = [];
	const ag: AgreementTally[] = [];
	if (split.years) {
		const scope = { k: c.k, audience: c.audience, years: split.years };
		const whole = !split.partial.length
			? { home: c.home, limit: figuresOnly ? 0 : TOP_PARTNERS }
			: undefined;
		ex.push(exchangeTallyFromRollups(c.db, scope, g, whole));
		ag.push(agreementTallyFromRollups(c.db, scope, c.today));
	}
	for (const p of split.partial) {
		ex.push(exchangeTallyFromRecords(c.db, { ...c.filter, ...p }, c.viewer));
		ag.push(agreementTallyFromRecords(c.db, { ...c.filter, ...p }, c.viewer, c.today));
	}
	return { ex: mergeExchangeTallies(ex), ag: mergeAgreementTallies(ag), rollups: !!split.years };
}

function latestHeldYear(c: Ctx, maxYear: number): number | null {
	if (c.k !== null) {
		const r = c.db.get<{ y: number | null }>(
			sql`SELECT max(y) AS y FROM dash_r_type WHERE k = ${c.k} AND audience = ${c.audience}
			AND y <= ${maxYear} AND m = -1 AND n > 0`
		);
		return r?.y ?? null;
	}
	const r = c.db.get<{ d: string | null }>(
		sql`SELECT max(date_start) AS d FROM exchanges WHERE ${heldWhere({ ...c.filter, to: `${maxYear}-12-31` }, c.viewer)}`
	);
	return r?.d ? Number(r.d.slice(0, 4)) : null;
}

/** The asked-for period; with none, this year if it has held exchanges, else the latest year that has. */
function resolvePeriod(c: Ctx, p: DashboardParams): DashboardStats['period'] {
	const key: PeriodKey = p.period ?? (p.from || p.to ? 'custom' : 'this_year');
	const base = key === 'custom' ? { from: p.from, to: p.to } : periodRange(key, c.today);
	let defaulted: DashboardStats['period']['defaulted'] = null;
	let period = { key, ...base };
	if (!p.period && !p.from && !p.to) {
		const thisYear = Number(c.today.slice(0, 4));
		const latest = latestHeldYear(c, thisYear);
		if (latest === null) defaulted = 'no_data';
		else if (latest !== thisYear) {
			defaulted = 'latest_year';
			period = { key: 'custom', from: `${latest}-01-01`, to: `${latest}-12-31` };
		}
	}
	const previous = period.from && period.to ? previousPeriod(period.from, period.to) : null;
	return { ...period, defaulted, previous };
}

function figures(cur: Counts, prev: Counts | null, home: string): KeyFigure[] {
	const of = (x: Counts) => {
		const total = [...x.ex.type.values()].reduce((s, n) => s + n, 0);
		let online = 0;
		for (const [key, n] of x.ex.mode) if (key.endsWith('|online')) online += n;
		const statuses = agreementRows(x.ag);
		return {
			exchanges: total,
			partners: x.ex.partners?.engaged ?? [...x.ex.partner.values()].filter((n) => n > 0).length,
			countries: [...x.ex.country].filter(([k, n]) => n > 0 && /^[A-Z]{2}$/.test(k) && k !== home)
				.length,
			online_share: total ? online / total : 0,
			agreements: statuses.reduce((s, r) => s + r.n, 0),
			open: statuses.filter((r) => r.open).reduce((s, r) => s + r.n, 0),
			overdue: x.ag.agreements.overdue + x.ag.actions.overdue
		};
	};
	const now = of(cur);
	const before = prev ? of(prev) : null;
	return (Object.keys(now) as (keyof typeof now)[]).map((key) => ({
		key,
		value: now[key],
		previous: before ? before[key] : null
	}));
}

/** The granularity asked for, or the one the span calls for (open periods: the data's span). */
function chooseGranularity(c: Ctx, p: DashboardParams, period: DashboardStats['period']) {
	if (p.granularity) return p.granularity;
	if (period.from && period.to) return autoGranularity(period.from, period.to);
	if (c.k === null) return null;
	const span = rollupSpan(c.db, { k: c.k, audience: c.audience });
	return span
		? autoGranularity(period.from ?? `${span[0]}-01-01`, period.to ?? `${span[1]}-12-31`)
		: 'year';
}

function compute(c: Ctx, p: DashboardParams): DashboardStats {
	const period = resolvePeriod(c, p);
	const chosen = chooseGranularity(c, p, period);
	const cur = count(c, period.from, period.to, chosen ?? 'month');
	const prev = period.previous
		? count(c, period.previous.from, period.previous.to, 'year', true)
		: null;
	const span = dataYears(cur.ex.type);
	const spanFrom = period.from ?? (span ? `${span[0]}-01-01` : c.today);
	const spanTo = period.to ?? (span ? `${span[1]}-12-31` : c.today);
	const granularity = chosen ?? autoGranularity(spanFrom, spanTo);
	const unknown = granularity === 'year' ? new Set<number>() : unknownMonthYears(cur.ex.type);
	const buckets = span || period.from ? buildBuckets(spanFrom, spanTo, granularity, unknown) : [];
	const split = splitPeriod(period.from, period.to);
	const listFilter = { ...c.filter, from: period.from, to: period.to };
	const annual = anniversaries(c.db, c.filter, c.viewer, period, c.today);
	return {
		period,
		granularity,
		granularityAuto: !p.granularity,
		filter: c.filter,
		today: c.today,
		figures: figures(cur, prev, c.home),
		exchangesByType: timeSeries(cur.ex.type, exchangeTypes, buckets, granularity),
		exchangesByMode: timeSeries(cur.ex.mode, [...modes, 'unknown'], buckets, granularity),
		byCountry: countryRows(cur.ex.country),
		topPartners: partnerRows(
			c.db,
			cur.ex.partners?.top ?? ranked(cur.ex.partner).slice(0, TOP_PARTNERS)
		),
		ties: tiesSeries(c.db, c.filter, period.from, period.to),
		agreementsByStatus: agreementRows(cur.ag),
		followUps: followUpRows(cur.ag),
		byField: fieldRows(cur.ex.field),
		partnersMap: partnersMap(
			cur.ex.partners?.byCountry ?? countPartnerCountries(c.db, cur.ex.partner, c.home)
		),
		anniversaries: annual.items,
		overdue: overdueItems(
			c.db,
			c.k !== null
				? {
						scope: split.years && { k: c.k, audience: c.audience, years: split.years },
						records: split.partial.map((p) => ({ ...c.filter, ...p })),
						viewer: c.viewer
					}
				: { scope: null, records: [listFilter], viewer: c.viewer },
			c.today
		),
		latest: latestExchanges(c.db, listFilter, c.viewer),
		fromRollups: cur.rollups
	};
}

/** The dashboard for a query, as this viewer may see it. */
export function dashboardStats(
	db: Conn,
	params: DashboardParams,
	viewer: Visibility,
	opts: DashboardOptions = {}
): DashboardStats {
	const ctx: Ctx = {
		db,
		home: getHome(db).country,
		filter: params.filter,
		viewer,
		audience: viewer.includeConfidential ? 'editor' : 'viewer',
		k: rollupScopeKey(params.filter),
		today: opts.today ?? seoulToday()
	};
	if (opts.cache === false) return compute(ctx, params);
	const key = JSON.stringify([ctx.audience, ctx.today, params]);
	return cached(db, key, () => compute(ctx, params));
}
