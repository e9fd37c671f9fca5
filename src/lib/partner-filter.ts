/**
 * The partner list's filter, kept in the URL (`/partners?q=산동&country=CN&tie=sister&sort=name`)
 * so a filtered list can be shared and exported as CSV with the same rows.
 */
import { scopes, tieKinds } from '$lib/vocab';

export const partnerSorts = ['name', 'country', 'exchanges', 'recent'] as const;
export type PartnerSort = (typeof partnerSorts)[number];

export interface PartnerFilter {
	q?: string;
	/** ISO codes; 'INTL' for international bodies. */
	country?: string[];
	scope?: string[];
	/** Kinds of current (not ended) ties; 'none' for partners without one. */
	tie?: string[];
	sort?: PartnerSort;
	page?: number;
}

const listOf = (params: URLSearchParams, key: string) => {
	const values = params
		.getAll(key)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter(Boolean);
	return values.length ? [...new Set(values)] : undefined;
};

/** Reads the filter from query parameters, dropping values that are not valid. */
export function parsePartnerFilter(params: URLSearchParams): PartnerFilter {
	const f: PartnerFilter = {};
	const q = params.get('q')?.trim();
	if (q) f.q = q.slice(0, 200);
	const country = listOf(params, 'country')
		?.map((c) => c.toUpperCase())
		.filter((c) => /^[A-Z]{2}$/.test(c) || c === 'INTL');
	if (country?.length) f.country = country;
	const scope = listOf(params, 'scope')?.filter((s) => (scopes as readonly string[]).includes(s));
	if (scope?.length) f.scope = scope;
	const tie = listOf(params, 'tie')?.filter(
		(t) => t === 'none' || (tieKinds as readonly string[]).includes(t)
	);
	if (tie?.length) f.tie = tie;
	const sort = params.get('sort');
	if (sort && (partnerSorts as readonly string[]).includes(sort)) f.sort = sort as PartnerSort;
	const page = Number(params.get('page'));
	if (Number.isInteger(page) && page > 1 && page < 100_000) f.page = page;
	return f;
}

/** Writes the filter back to query parameters; `page` only when asked. */
export function partnerFilterParams(f: PartnerFilter, withPage = true): URLSearchParams {
	const p = new URLSearchParams();
	if (f.q) p.set('q', f.q);
	if (f.country?.length) p.set('country', f.country.join(','));
	if (f.scope?.length) p.set('scope', f.scope.join(','));
	if (f.tie?.length) p.set('tie', f.tie.join(','));
	if (f.sort) p.set('sort', f.sort);
	if (withPage && f.page && f.page > 1) p.set('page', String(f.page));
	return p;
}
