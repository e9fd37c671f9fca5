import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseAuditQuery } from '$lib/audit-filter';
import { auditFacets, listAuditLog } from '$lib/server/queries/audit';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const query = parseAuditQuery(event.url.searchParams);
	return {
		query,
		page: listAuditLog(event.locals.db, query),
		facets: auditFacets(event.locals.db)
	};
};
