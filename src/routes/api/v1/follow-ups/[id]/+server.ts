import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, ApiError, apiUser } from '$lib/server/api';
import { apiWrite, parseOr400, pathId, readObject } from '$lib/server/api-write';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { followUpUpdateSchema } from '$lib/schemas/follow-up';
import { deleteFollowUp, getFollowUp, updateFollowUp } from '$lib/server/queries/follow-ups';

const notFound = () => new ApiError(404, 'not_found', 'Not found');

export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const f = getFollowUp(event.locals.db, pathId(event.params.id), {
			includeConfidential: canSeeConfidential(user)
		});
		if (!f) throw notFound();
		return json({ data: f });
	});

/** Changes the fields given (`done: true` marks it done); `version` is required (409 when stale). */
export const PATCH: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		const db = event.locals.db;
		const current = getFollowUp(db, id, { includeConfidential: true });
		if (!current) throw notFound();
		const patch = await readObject(event.request);
		const base = {
			agreementId: current.agreementId,
			action: current.action,
			owner: current.owner,
			dueDate: current.dueDate,
			done: current.doneAt !== null
		};
		const data = parseOr400(followUpUpdateSchema, { ...base, ...patch });
		const row = apiWrite(() => updateFollowUp(db, id, data, user));
		return json({ data: row });
	});

export const DELETE: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		if (
			!getFollowUp(event.locals.db, id, { includeConfidential: true }) ||
			!deleteFollowUp(event.locals.db, id, user)
		)
			throw notFound();
		return json({ data: { id, deleted: true } });
	});
