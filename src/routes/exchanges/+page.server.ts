import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { canSeeConfidential, hasRole, requireRole } from '$lib/server/auth/guard';
import { exchangeFilterParams, parseExchangeFilter } from '$lib/filters';
import { countExchanges, listExchanges, parseExchangeSort } from '$lib/server/queries/exchanges';
import { partnerChoices } from '$lib/server/queries/pick-lists';
import { exchangeListQuery } from './list-query';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const params = event.url.searchParams;
	const filter = parseExchangeFilter(params);
	const sort = parseExchangeSort(params.get('sort'));
	const after = params.get('after');
	const before = params.get('before');
	// One spelling per filter, so equal filters share one URL (and blank fields vanish from it).
	const canonical = exchangeListQuery(filter, sort, { after, before });
	if (!params.has('deleted') && canonical !== event.url.search)
		redirect(307, `/exchanges${canonical}`);

	const db = event.locals.db;
	const viewer = { includeConfidential: canSeeConfidential(user) };
	return {
		filter,
		sort,
		query: exchangeFilterParams(filter).toString(),
		page: listExchanges(db, filter, viewer, { sort, after, before, limit: 50 }),
		total: countExchanges(db, filter, viewer),
		partners: partnerChoices(db),
		canEdit: hasRole(user, 'editor'),
		deleted: params.has('deleted')
	};
};
