import type { PageServerLoad } from './$types';
import { canSeeConfidential, requireRole } from '$lib/server/auth/guard';
import { searchEverything } from '$lib/server/queries/search-query';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const q = event.url.searchParams.get('q') ?? '';
	return {
		q,
		result: searchEverything(event.locals.db, q, {
			includeConfidential: canSeeConfidential(user)
		})
	};
};
