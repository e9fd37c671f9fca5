import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, ApiError, apiUser, readJson } from '$lib/server/api';
import { createTie, listTies } from '$lib/server/queries/ties';
import { tieSchema } from '$lib/schemas/tie';
import { created, refused } from '$lib/server/api-records';
import { pathId } from '$lib/server/api-write';

/** A partner's ties, oldest first: `?partner=3`. */
export const GET: RequestHandler = (event) =>
	api(() => {
		apiUser(event, 'viewer');
		const partner = event.url.searchParams.get('partner');
		if (!partner)
			throw new ApiError(400, 'validation', 'Give the partner', { partner: 'required' });
		return json({ data: listTies(event.locals.db, pathId(partner)) });
	});

/** Adds a dated tie (friendship 2008, then sister 2009, are two ties). */
export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const input = await readJson(event.request, tieSchema);
		const r = createTie(event.locals.db, input, user);
		if (!r.ok) refused(r);
		return created(r.row, `/api/v1/ties/${r.row.id}`);
	});
