import type { PageServerLoad } from './$types';
import { canSeeConfidential, hasRole, requireRole } from '$lib/server/auth/guard';
import { parsePartnerFilter, partnerFilterParams } from '$lib/partner-filter';
import { listPartners } from '$lib/server/queries/partners-list';
import { partnerCountries } from '$lib/server/queries/organizations';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const filter = parsePartnerFilter(event.url.searchParams);
	const db = event.locals.db;
	return {
		filter,
		query: partnerFilterParams(filter, false).toString(),
		result: listPartners(
			db,
			filter,
			{ includeConfidential: canSeeConfidential(user) },
			{ locale: getLocale() }
		),
		countries: partnerCountries(db),
		canEdit: hasRole(user, 'editor'),
		deleted: event.url.searchParams.has('deleted')
	};
};
