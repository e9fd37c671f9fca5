import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { exchangeUpdateSchema } from '$lib/schemas/exchange';
import {
	exchangeDetailToForm,
	exchangeFormToJson,
	exchangeFormValues
} from '$lib/schemas/exchange-form';
import { fieldErrors } from '$lib/schemas/user';
import { getExchange } from '$lib/server/queries/exchange-detail';
import { updateExchange } from '$lib/server/queries/exchange-save';
import { writeFailure } from '$lib/server/form-errors';
import { parseId } from '$lib/server/route-params';
import { exchangeFormOptions } from '../../form-options';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	const id = parseId(event.params.id);
	const exchange = getExchange(event.locals.db, id, { includeConfidential: true });
	if (!exchange) error(404, 'Not found');
	return {
		id,
		titleKo: exchange.titleKo,
		values: exchangeDetailToForm(exchange),
		...exchangeFormOptions(event.locals.db)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		const values = exchangeFormValues(await event.request.formData());
		const parsed = exchangeUpdateSchema.safeParse(exchangeFormToJson(values));
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		try {
			updateExchange(event.locals.db, id, parsed.data, user);
		} catch (e) {
			return writeFailure(e, values);
		}
		redirect(303, `/exchanges/${id}`);
	}
};
