import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, ApiError, apiUser } from '$lib/server/api';
import { apiWrite, parseOr400, pathId, readObject } from '$lib/server/api-write';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { agreementUpdateSchema } from '$lib/schemas/agreement';
import { agreementDetailToForm, agreementFormToJson } from '$lib/schemas/agreement-form';
import { getAgreement } from '$lib/server/queries/agreements';
import { deleteAgreement, updateAgreement } from '$lib/server/queries/agreement-save';

const notFound = () => new ApiError(404, 'not_found', 'Not found');

export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const a = getAgreement(event.locals.db, pathId(event.params.id), {
			includeConfidential: canSeeConfidential(user)
		});
		if (!a) throw notFound();
		return json({ data: a });
	});

/**
 * Changes the fields given, over the stored record; `version` is required (409 when stale).
 * A new status or due date is appended to the status history.
 */
export const PATCH: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		const db = event.locals.db;
		const current = getAgreement(db, id, { includeConfidential: true });
		if (!current) throw notFound();
		const patch = await readObject(event.request);
		const base = agreementFormToJson(agreementDetailToForm(current));
		const data = parseOr400(agreementUpdateSchema, { ...base, version: undefined, ...patch });
		apiWrite(() => updateAgreement(db, id, data, user));
		return json({ data: getAgreement(db, id, { includeConfidential: true }) });
	});

export const DELETE: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		if (!deleteAgreement(event.locals.db, id, user)) throw notFound();
		return json({ data: { id, deleted: true } });
	});
