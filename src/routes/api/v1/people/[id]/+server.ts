import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser } from '$lib/server/api';
import { canSeeConfidential } from '$lib/server/auth/guard';
import {
	getPerson,
	getPersonDetail,
	personFormValues,
	updatePerson
} from '$lib/server/queries/people';
import { softDelete } from '$lib/server/queries/trash';
import { personUpdateSchema } from '$lib/schemas/person';
import { notFound, readPatch, refused } from '$lib/server/api-records';
import { pathId } from '$lib/server/api-write';

/** The person, their organization and the exchanges (visible to the caller) they took part in. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const d = getPersonDetail(event.locals.db, pathId(event.params.id), {
			includeConfidential: canSeeConfidential(user)
		});
		return d ? json({ data: d }) : notFound();
	});

export const PATCH: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		const person = getPerson(event.locals.db, id);
		if (!person || person.deletedAt) notFound();
		const { version: _v, ...stored } = personFormValues(person);
		const { version, ...input } = await readPatch(event.request, stored, personUpdateSchema);
		const r = updatePerson(event.locals.db, id, input, version, user);
		if (!r.ok) refused(r);
		return json({ data: r.row });
	});

export const DELETE: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		if (!softDelete(event.locals.db, 'person', id, user)) notFound();
		return json({ data: { id, deleted: true } });
	});
