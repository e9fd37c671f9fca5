import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser } from '$lib/server/api';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { getPartnerStory } from '$lib/server/queries/partner-story';
import {
	getOrganization,
	listAliases,
	organizationFormValues,
	updateOrganization
} from '$lib/server/queries/organizations';
import { softDelete } from '$lib/server/queries/trash';
import { organizationUpdateSchema } from '$lib/schemas/organization';
import { notFound, readPatch, refused } from '$lib/server/api-records';
import { pathId } from '$lib/server/api-write';

/** The partner's whole story: names, ties, exchanges and agreements the caller may see, people, sources. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const story = getPartnerStory(event.locals.db, pathId(event.params.id), {
			includeConfidential: canSeeConfidential(user)
		});
		return story ? json({ data: story }) : notFound();
	});

/** Changes the fields given; `version` must be the one the caller read. */
export const PATCH: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const db = event.locals.db;
		const id = pathId(event.params.id);
		const org = getOrganization(db, id);
		if (!org || org.deletedAt) notFound();
		const { version: _v, ...stored } = organizationFormValues(db, org);
		const { version, ...input } = await readPatch(event.request, stored, organizationUpdateSchema);
		const r = updateOrganization(db, id, input, version, user);
		if (!r.ok) refused(r);
		return json({ data: { ...r.row, aliases: listAliases(db, id) } });
	});

/** Moves the partner to the trash (an editor can restore it). */
export const DELETE: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		if (!softDelete(event.locals.db, 'organization', id, user)) notFound();
		return json({ data: { id, deleted: true } });
	});
