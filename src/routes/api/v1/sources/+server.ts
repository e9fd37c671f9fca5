import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser, readJson } from '$lib/server/api';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { parseSimpleFilter } from '$lib/list-params';
import { createSource, listSources, SOURCE_PAGE_SIZE } from '$lib/server/queries/sources';
import { sourceSchema } from '$lib/schemas/source';
import { created } from '$lib/server/api-records';

/** Sources, newest first: `?q=워크숍&page=2` (three characters or more also search the text). */
export const GET: RequestHandler = (event) =>
	api(() => {
		const viewer = { includeConfidential: canSeeConfidential(apiUser(event, 'viewer')) };
		const filter = parseSimpleFilter(event.url.searchParams);
		const r = listSources(event.locals.db, filter, SOURCE_PAGE_SIZE, viewer);
		return json({ data: r.rows, page: r.page, pageCount: r.pageCount, total: r.total });
	});

export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const input = await readJson(event.request, sourceSchema);
		const row = createSource(event.locals.db, input, user);
		return created(row, `/api/v1/sources/${row.id}`);
	});
