import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser, readJson } from '$lib/server/api';
import { parseSimpleFilter } from '$lib/list-params';
import { createPerson, listPeople } from '$lib/server/queries/people';
import { personSchema } from '$lib/schemas/person';
import { created, refused } from '$lib/server/api-records';

/** People, `?q=왕&organization=3&page=2`. */
export const GET: RequestHandler = (event) =>
	api(() => {
		apiUser(event, 'viewer');
		const r = listPeople(event.locals.db, parseSimpleFilter(event.url.searchParams));
		return json({ data: r.rows, page: r.page, pageCount: r.pageCount, total: r.total });
	});

export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const input = await readJson(event.request, personSchema);
		const r = createPerson(event.locals.db, input, user);
		if (!r.ok) refused(r);
		return created(r.row, `/api/v1/people/${r.row.id}`);
	});
