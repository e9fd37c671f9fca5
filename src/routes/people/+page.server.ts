import type { PageServerLoad } from './$types';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import { parseSimpleFilter } from '$lib/list-params';
import { listPeople } from '$lib/server/queries/people';
import { getOrganization } from '$lib/server/queries/organizations';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const filter = parseSimpleFilter(event.url.searchParams);
	const db = event.locals.db;
	const org = filter.organization ? getOrganization(db, filter.organization) : null;
	return {
		filter,
		result: listPeople(db, filter),
		organization: org ? { id: org.id, nameKo: org.nameKo, nameEn: org.nameEn } : null,
		canEdit: hasRole(user, 'editor'),
		deleted: event.url.searchParams.has('deleted')
	};
};
