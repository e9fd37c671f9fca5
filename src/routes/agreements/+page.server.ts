import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { canSeeConfidential, hasRole, requireRole } from '$lib/server/auth/guard';
import { agreementFilterParams, parseAgreementFilter } from '$lib/agreement-filters';
import { listAgreements, parseAgreementSort } from '$lib/server/queries/agreements';
import { partnerChoices } from '$lib/server/queries/pick-lists';
import { agreementListQuery } from './list-query';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const params = event.url.searchParams;
	const filter = parseAgreementFilter(params);
	const sort = parseAgreementSort(params.get('sort'));
	const after = params.get('after');
	const before = params.get('before');
	const canonical = agreementListQuery(filter, sort, { after, before });
	if (!params.has('deleted') && canonical !== event.url.search)
		redirect(307, `/agreements${canonical}`);
	const db = event.locals.db;
	return {
		filter,
		sort,
		query: agreementFilterParams(filter).toString(),
		page: listAgreements(
			db,
			filter,
			{ includeConfidential: canSeeConfidential(user) },
			{
				sort,
				after,
				before,
				limit: 50
			}
		),
		partners: partnerChoices(db),
		canEdit: hasRole(user, 'editor'),
		deleted: params.has('deleted')
	};
};
