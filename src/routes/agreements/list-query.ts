import { agreementFilterParams, type AgreementFilter } from '$lib/agreement-filters';
import type { AgreementSort } from '$lib/server/queries/agreements';

/** The list's query string: the filter, then the sort (when not the default), then a cursor. */
export function agreementListQuery(
	filter: AgreementFilter,
	sort: AgreementSort,
	cursor: { after?: string | null; before?: string | null } = {}
): string {
	const p = agreementFilterParams(filter);
	if (sort !== 'due_asc') p.set('sort', sort);
	if (cursor.after) p.set('after', cursor.after);
	else if (cursor.before) p.set('before', cursor.before);
	const s = p.toString();
	return s ? `?${s}` : '';
}
