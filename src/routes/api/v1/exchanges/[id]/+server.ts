import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, ApiError, apiUser } from '$lib/server/api';
import { apiWrite, parseOr400, pathId, readObject } from '$lib/server/api-write';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { exchangeUpdateSchema } from '$lib/schemas/exchange';
import { exchangeDetailToForm, exchangeFormToJson } from '$lib/schemas/exchange-form';
import { getExchange } from '$lib/server/queries/exchange-detail';
import { deleteExchange, updateExchange } from '$lib/server/queries/exchange-save';

const notFound = () => new ApiError(404, 'not_found', 'Not found');

export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const x = getExchange(event.locals.db, pathId(event.params.id), {
			includeConfidential: canSeeConfidential(user)
		});
		if (!x) throw notFound();
		return json({ data: x });
	});

/** Changes the fields given, over the stored record; `version` is required (409 when stale). */
export const PATCH: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		const db = event.locals.db;
		const current = getExchange(db, id, { includeConfidential: true });
		if (!current) throw notFound();
		const patch = await readObject(event.request);
		const base = exchangeFormToJson(exchangeDetailToForm(current));
		// A new date replaces the stored range unless the patch gives its end too.
		if ('date' in patch && !('dateEnd' in patch)) delete base.dateEnd;
		const data = parseOr400(exchangeUpdateSchema, { ...base, version: undefined, ...patch });
		apiWrite(() => updateExchange(db, id, data, user));
		return json({ data: getExchange(db, id, { includeConfidential: true }) });
	});

/** Moves the exchange to the trash (restorable by an editor). */
export const DELETE: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		if (!deleteExchange(event.locals.db, id, user)) throw notFound();
		return json({ data: { id, deleted: true } });
	});
