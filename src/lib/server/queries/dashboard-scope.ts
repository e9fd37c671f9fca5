/** Which counts can come from the rollups: the scope of a filter, and the whole years of a period. */
import type { DashboardFilter } from '$lib/dashboard';
import type { RollupScope } from './rollups';

const scopePrefix: Partial<Record<keyof DashboardFilter, string>> = {
	country: '',
	type: 't:',
	mode: 'm:',
	field: 'f:'
};

/**
 * The rollup scope a filter can be answered from: no filter, or a single value of one of
 * country, type, mode or field. Anything else is counted from the records.
 */
export function rollupScopeKey(f: DashboardFilter): string | null {
	const dims = (Object.keys(f) as (keyof DashboardFilter)[]).filter((k) => f[k] !== undefined);
	if (!dims.length) return '*';
	const [dim] = dims;
	const values = f[dim];
	const prefix = scopePrefix[dim];
	if (dims.length > 1 || prefix === undefined || !Array.isArray(values) || values.length !== 1)
		return null;
	return `${prefix}${values[0]}`;
}

/** Whole calendar years (for the rollups) and the partial years around them (for the records). */
export function splitPeriod(
	from?: string,
	to?: string
): { years: RollupScope['years'] | null; partial: { from?: string; to?: string }[] } {
	if (!from && !to) return { years: 'all', partial: [] };
	const y = (d: string) => Number(d.slice(0, 4));
	const lo = !from ? 1 : from.endsWith('-01-01') ? y(from) : y(from) + 1;
	const hi = !to ? 9999 : to.endsWith('-12-31') ? y(to) : y(to) - 1;
	if (lo > hi) return { years: null, partial: [{ from, to }] };
	const partial: { from?: string; to?: string }[] = [];
	if (from && !from.endsWith('-01-01')) partial.push({ from, to: `${y(from)}-12-31` });
	if (to && !to.endsWith('-12-31')) partial.push({ from: `${y(to)}-01-01`, to });
	return { years: [lo, hi], partial };
}
