import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser, readJson } from '$lib/server/api';
import { parseSimpleFilter } from '$lib/list-params';
import { createSource, listSources } from '$lib/server/queries/sources';
import { sourceSchema } from '$lib/schemas/source';
import { created } from '$lib/server/api-records';

/** Sources, newest first: `?q=워크숍&page=2` (three characters or more also search the text). */
export const GET: RequestHandler = (event) =>
	api(() => {
		apiUser(event, 'viewer');
		const r = listSources(event.locals.db, parseSimpleFilter(event.url.searchParams));
		return json({ data: r.rows, page: r.page, pageCount: r.pageCount, total: r.total });
	});

export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const input = await readJson(event.request, sourceSchema);
		const row = createSource(event.locals.db, input, user);
		return created(row, `/api/v1/sources/${row.id}`);
	});
