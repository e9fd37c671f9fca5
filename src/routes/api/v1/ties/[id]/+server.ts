import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser } from '$lib/server/api';
import { getTie, tieFormValues, updateTie } from '$lib/server/queries/ties';
import { softDelete } from '$lib/server/queries/trash';
import { tieUpdateSchema } from '$lib/schemas/tie';
import { notFound, readPatch, refused } from '$lib/server/api-records';
import { pathId } from '$lib/server/api-write';

export const GET: RequestHandler = (event) =>
	api(() => {
		apiUser(event, 'viewer');
		const tie = getTie(event.locals.db, pathId(event.params.id));
		return tie && !tie.deletedAt ? json({ data: tie }) : notFound();
	});

/** Changes the fields given (to end a tie: `{"status":"ended","endedOn":"2009-05-12","version":…}`). */
export const PATCH: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		const tie = getTie(event.locals.db, id);
		if (!tie || tie.deletedAt) notFound();
		const { version: _v, ...stored } = tieFormValues(tie);
		const { version, ...input } = await readPatch(event.request, stored, tieUpdateSchema);
		const r = updateTie(event.locals.db, id, input, version, user);
		if (!r.ok) refused(r);
		return json({ data: r.row });
	});

export const DELETE: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		if (!softDelete(event.locals.db, 'tie', id, user)) notFound();
		return json({ data: { id, deleted: true } });
	});
