import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser } from '$lib/server/api';
import { canSeeConfidential } from '$lib/server/auth/guard';
import {
	getSource,
	recordsFromSource,
	sourceFormValues,
	updateSource
} from '$lib/server/queries/sources';
import { softDelete } from '$lib/server/queries/trash';
import { sourceUpdateSchema } from '$lib/schemas/source';
import { notFound, readPatch, refused } from '$lib/server/api-records';
import { pathId } from '$lib/server/api-write';

/** The source with every record made from it that the caller may see. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const id = pathId(event.params.id);
		const source = getSource(event.locals.db, id);
		if (!source || source.deletedAt) notFound();
		const records = recordsFromSource(event.locals.db, id, {
			includeConfidential: canSeeConfidential(user)
		});
		return json({ data: { ...source, records } });
	});

export const PATCH: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		const source = getSource(event.locals.db, id);
		if (!source || source.deletedAt) notFound();
		const { version: _v, ...stored } = sourceFormValues(source);
		const { version, ...input } = await readPatch(event.request, stored, sourceUpdateSchema);
		const r = updateSource(event.locals.db, id, input, version, user);
		if (!r.ok) refused(r);
		return json({ data: r.row });
	});

export const DELETE: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		if (!softDelete(event.locals.db, 'source', id, user)) notFound();
		return json({ data: { id, deleted: true } });
	});
