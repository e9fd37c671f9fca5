import type { PageServerLoad } from './$types';
import { requireRole, canSeeConfidential } from '$lib/server/auth/guard';
import { listRecentExchanges } from '$lib/server/queries/exchanges';
import { listPartnerSummaries } from '$lib/server/queries/organizations';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const db = event.locals.db;
	return {
		recent: listRecentExchanges(db, { includeConfidential: canSeeConfidential(user) }, 10),
		partners: listPartnerSummaries(db)
	};
};
