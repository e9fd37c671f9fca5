/**
 * The dashboard's query as it lives in the URL (`/dashboard?period=last_5_years&country=CN`),
 * the period and granularity rules, and the exchange-list link behind every bar. Shared by the
 * server (queries, stats API) and the page, so a bar always links to exactly its records.
 */
import { exchangeFilterParams, parseExchangeFilter, type ExchangeFilter } from '$lib/filters';
import { isValidDay, daysInMonth } from '$lib/dates';

export const periodKeys = ['this_year', 'last_year', 'last_5_years', 'all', 'custom'] as const;
export type PeriodKey = (typeof periodKeys)[number];
export const granularities = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof granularities)[number];

/** The filters the dashboard offers besides the period; the period itself is `from`/`to`. */
export type DashboardFilter = Pick<
	ExchangeFilter,
	'country' | 'partner' | 'type' | 'mode' | 'field' | 'department'
>;

export interface DashboardParams {
	period?: PeriodKey;
	from?: string;
	to?: string;
	granularity?: Granularity;
	filter: DashboardFilter;
}

const dimensionKeys = ['country', 'partner', 'type', 'mode', 'field', 'department'] as const;

/** Keeps only the dashboard's own dimensions of an exchange filter. */
export function dashboardFilter(f: ExchangeFilter): DashboardFilter {
	const out: DashboardFilter = {};
	for (const k of dimensionKeys) if (f[k] !== undefined) Object.assign(out, { [k]: f[k] });
	return out;
}

export function parseDashboardParams(params: URLSearchParams): DashboardParams {
	const f = parseExchangeFilter(params);
	const period = periodKeys.find((p) => p === params.get('period'));
	const granularity = granularities.find((g) => g === params.get('granularity'));
	const out: DashboardParams = { filter: dashboardFilter(f) };
	if (period) out.period = period;
	if (granularity) out.granularity = granularity;
	if (f.from) out.from = f.from;
	if (f.to) out.to = f.to;
	if (out.from && out.to && out.from > out.to) [out.from, out.to] = [out.to, out.from];
	return out;
}

/** Query parameters in a stable order; a custom period carries its from/to, the others do not. */
export function dashboardSearch(p: DashboardParams): string {
	const custom = !p.period || p.period === 'custom';
	const q = exchangeFilterParams({
		...p.filter,
		from: custom ? p.from : undefined,
		to: custom ? p.to : undefined
	});
	const out = new URLSearchParams();
	if (p.period && p.period !== 'custom') out.set('period', p.period);
	for (const [k, v] of q) out.set(k, v);
	if (p.granularity) out.set('granularity', p.granularity);
	const s = out.toString();
	return s ? `?${s}` : '';
}

const year = (d: string) => Number(d.slice(0, 4));

/** First and last day of a named period; undefined bounds for "all". */
export function periodRange(
	period: Exclude<PeriodKey, 'custom'>,
	today: string
): { from?: string; to?: string } {
	const y = year(today);
	switch (period) {
		case 'this_year':
			return { from: `${y}-01-01`, to: `${y}-12-31` };
		case 'last_year':
			return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
		case 'last_5_years':
			return { from: `${y - 4}-01-01`, to: `${y}-12-31` };
		case 'all':
			return {};
	}
}

const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const fromDate = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: string, n: number) =>
	fromDate(new Date(toDate(d).getTime() + n * 864e5));

/**
 * The period of equal length just before: whole years map to whole years (so "2020" compares
 * with "2019" and five years with the five before), anything else to the same number of days.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
	if (from.endsWith('-01-01') && to.endsWith('-12-31')) {
		const n = year(to) - year(from) + 1;
		return { from: `${year(from) - n}-01-01`, to: `${year(to) - n}-12-31` };
	}
	const days = Math.round((toDate(to).getTime() - toDate(from).getTime()) / 864e5) + 1;
	return { from: addDays(from, -days), to: addDays(from, -1) };
}

/** Months from the first to the last month of the span, both included. */
export function spanMonths(from: string, to: string): number {
	return (year(to) - year(from)) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** ≤ 18 months → months, ≤ 6 years → quarters, longer → years. */
export function autoGranularity(from: string, to: string): Granularity {
	const n = spanMonths(from, to);
	return n <= 18 ? 'month' : n <= 72 ? 'quarter' : 'year';
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
export const monthEnd = (y: number, m: number) => `${y}-${pad2(m)}-${pad2(daysInMonth(y, m))}`;

export function isDay(v: string | undefined): v is string {
	return !!v && isValidDay(v);
}

/** The exchange-list URL for a bar: the dashboard's filter, narrowed to the bar, held only. */
export function exchangesHref(
	base: DashboardFilter,
	patch: Partial<ExchangeFilter> & { from?: string; to?: string }
): string {
	const f: ExchangeFilter = { ...base, ...patch, status: ['held'] };
	return `/exchanges?${exchangeFilterParams(f).toString()}`;
}

const safeValue = /^[\w-]+$/;

/**
 * `exchangesHref` for the many cells of one chart's table: the query is spelled once per shape
 * with placeholders and filled in per cell (a URLSearchParams for each of a few hundred cells
 * cost ~1.5 ms a page). Values that would need escaping take `exchangesHref` itself.
 */
export function exchangesHrefMaker(
	base: DashboardFilter,
	dim: 'type' | 'mode'
): (cell: { from: string; to: string; precision?: string[]; value?: string }) => string {
	const shapes = new Map<string, string[]>();
	return ({ from, to, precision, value }) => {
		const patch = { from, to, precision, ...(value === undefined ? {} : { [dim]: [value] }) };
		const values = [from, to, ...(precision ?? []), ...(value === undefined ? [] : [value])];
		if (!values.every((v) => safeValue.test(v))) return exchangesHref(base, patch);
		const shape = `${precision?.join() ?? ''}|${value === undefined ? '' : 'v'}`;
		let parts = shapes.get(shape);
		if (!parts) {
			const marked: Partial<ExchangeFilter> = { ...patch, from: '\u0001', to: '\u0002' };
			if (value !== undefined) marked[dim] = ['\u0003'] as ExchangeFilter[typeof dim];
			parts = exchangesHref(base, marked).split(/%0[123]/);
			shapes.set(shape, parts);
		}
		const fill = value === undefined ? [from, to] : [from, to, value];
		// A control character in the filter itself would add a placeholder: spell it in full.
		if (parts.length !== fill.length + 1) return exchangesHref(base, patch);
		return parts.reduce((out, part, i) => out + (i ? fill[i - 1] : '') + part, '');
	};
}

/**
 * A bar for value `v` of a dimension that an exchange can have several of (country, partner,
 * field) is reproducible by a filter only when the dashboard is not filtered on that dimension,
 * or the filter already includes `v`: "has CN and JP" has no list filter.
 */
export function linkable<T>(current: T[] | undefined, v: T): boolean {
	return !current?.length || current.includes(v);
}
