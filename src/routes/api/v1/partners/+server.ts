import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser, readJson } from '$lib/server/api';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { parsePartnerFilter } from '$lib/partner-filter';
import { listPartners } from '$lib/server/queries/partners-list';
import { createOrganization, listAliases } from '$lib/server/queries/organizations';
import { organizationSchema } from '$lib/schemas/organization';
import { created } from '$lib/server/api-records';

/** Partners, filtered like the list page (`?q=산동&country=CN&scope=foreign&tie=sister&sort=name&page=2`). */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const filter = parsePartnerFilter(event.url.searchParams);
		const r = listPartners(event.locals.db, filter, {
			includeConfidential: canSeeConfidential(user)
		});
		return json({ data: r.rows, page: r.page, pageCount: r.pageCount, total: r.total });
	});

export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const input = await readJson(event.request, organizationSchema);
		const row = createOrganization(event.locals.db, input, user);
		return created(
			{ ...row, aliases: listAliases(event.locals.db, row.id) },
			`/api/v1/partners/${row.id}`
		);
	});
