import type { PageServerLoad } from './$types';
import { canSeeConfidential, hasRole, requireRole } from '$lib/server/auth/guard';
import { parseSimpleFilter } from '$lib/list-params';
import { listSources, SOURCE_PAGE_SIZE } from '$lib/server/queries/sources';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const filter = parseSimpleFilter(event.url.searchParams);
	return {
		filter,
		result: listSources(event.locals.db, filter, SOURCE_PAGE_SIZE, {
			includeConfidential: canSeeConfidential(user)
		}),
		canEdit: hasRole(user, 'editor'),
		deleted: event.url.searchParams.has('deleted')
	};
};
