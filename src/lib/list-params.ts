/** `?q=…&page=…` for the people and sources lists, read and written the same way. */
export interface SimpleFilter {
	q?: string;
	organization?: number;
	page?: number;
}

export function parseSimpleFilter(params: URLSearchParams): SimpleFilter {
	const f: SimpleFilter = {};
	const q = params.get('q')?.trim();
	if (q) f.q = q.slice(0, 200);
	const org = Number(params.get('organization'));
	if (Number.isSafeInteger(org) && org > 0) f.organization = org;
	const page = Number(params.get('page'));
	if (Number.isInteger(page) && page > 1 && page < 100_000) f.page = page;
	return f;
}

export function simpleFilterQuery(f: SimpleFilter, page?: number): string {
	const p = new URLSearchParams();
	if (f.q) p.set('q', f.q);
	if (f.organization) p.set('organization', String(f.organization));
	if (page && page > 1) p.set('page', String(page));
	const s = p.toString();
	return s ? `?${s}` : '';
}
