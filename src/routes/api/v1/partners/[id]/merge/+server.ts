import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser, readJson } from '$lib/server/api';
import { mergeOrganizations } from '$lib/server/queries/organizations-merge';
import { mergeSchema } from '$lib/schemas/organization';
import { refused } from '$lib/server/api-records';
import { pathId } from '$lib/server/api-write';

/** Merges the duplicate `mergeId` into this partner: its links move here, it goes to the trash. */
export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const { mergeId } = await readJson(event.request, mergeSchema);
		const r = mergeOrganizations(event.locals.db, pathId(event.params.id), mergeId, user);
		if (!r.ok) refused(r);
		return json({ data: r.row });
	});
