/**
 * The exchange filter, shared by the exchange list, the dashboard, the stats API and the
 * briefings. It lives in the URL (`?from=2020-01-01&to=2020-12-31&type=video_conference`),
 * so a link can be shared and every chart bar links to exactly its records.
 */
import { exchangeStatuses, exchangeTypes, fields, modes, scopes } from '$lib/vocab';
import { isValidDay } from '$lib/dates';

export interface ExchangeFilter {
	/** First and last day of the period, inclusive (YYYY-MM-DD). */
	from?: string;
	to?: string;
	type?: string[];
	status?: string[];
	mode?: string[];
	field?: string[];
	/** Partner organisation ids (as partner or organiser), or 'none' for exchanges without one. */
	partner?: (number | 'none')[];
	/** ISO country codes of the partners; 'INTL' for international bodies. */
	country?: string[];
	scope?: string[];
	precision?: string[];
	department?: string;
	q?: string;
}

const listOf = (params: URLSearchParams, key: string, allowed?: readonly string[]) => {
	const values = params
		.getAll(key)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter(Boolean);
	const kept = allowed ? values.filter((v) => allowed.includes(v)) : values;
	return kept.length ? [...new Set(kept)] : undefined;
};

/** Reads a filter from query parameters, silently dropping values that are not valid. */
export function parseExchangeFilter(params: URLSearchParams): ExchangeFilter {
	const f: ExchangeFilter = {};
	const from = params.get('from');
	const to = params.get('to');
	if (from && isValidDay(from)) f.from = from;
	if (to && isValidDay(to)) f.to = to;
	f.type = listOf(params, 'type', exchangeTypes);
	f.status = listOf(params, 'status', exchangeStatuses);
	f.mode = listOf(params, 'mode', modes);
	f.field = listOf(params, 'field', fields);
	f.scope = listOf(params, 'scope', scopes);
	f.precision = listOf(params, 'precision', ['day', 'month', 'year']);
	f.country = listOf(params, 'country')
		?.map((c) => c.toUpperCase())
		.filter((c) => /^[A-Z]{2}$/.test(c) || c === 'INTL');
	if (f.country && !f.country.length) f.country = undefined;
	const partners = listOf(params, 'partner')
		?.map((p) => (p === 'none' ? 'none' : Number(p)))
		.filter((p): p is number | 'none' => p === 'none' || (Number.isInteger(p) && p > 0));
	f.partner = partners?.length ? partners : undefined;
	const department = params.get('department')?.trim();
	if (department) f.department = department.slice(0, 200);
	const q = params.get('q')?.trim();
	if (q) f.q = q.slice(0, 200);
	for (const k of Object.keys(f) as (keyof ExchangeFilter)[]) if (f[k] === undefined) delete f[k];
	return f;
}

/** Writes a filter back to query parameters (stable order, so equal filters give equal URLs). */
export function exchangeFilterParams(f: ExchangeFilter): URLSearchParams {
	const p = new URLSearchParams();
	if (f.from) p.set('from', f.from);
	if (f.to) p.set('to', f.to);
	for (const key of [
		'type',
		'status',
		'mode',
		'field',
		'partner',
		'country',
		'scope',
		'precision'
	] as const) {
		const values = f[key];
		if (values?.length) p.set(key, values.join(','));
	}
	if (f.department) p.set('department', f.department);
	if (f.q) p.set('q', f.q);
	return p;
}
