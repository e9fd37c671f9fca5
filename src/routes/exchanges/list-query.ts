import { exchangeFilterParams, type ExchangeFilter } from '$lib/filters';
import type { ExchangeSort } from '$lib/server/queries/exchanges';

/** The list's query string: the filter, then the sort (when not the default), then a cursor. */
export function exchangeListQuery(
	filter: ExchangeFilter,
	sort: ExchangeSort,
	cursor: { after?: string | null; before?: string | null } = {}
): string {
	const p = exchangeFilterParams(filter);
	if (sort !== 'date_desc') p.set('sort', sort);
	if (cursor.after) p.set('after', cursor.after);
	else if (cursor.before) p.set('before', cursor.before);
	const s = p.toString();
	return s ? `?${s}` : '';
}
