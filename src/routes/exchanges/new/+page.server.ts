import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { exchangeSchema } from '$lib/schemas/exchange';
import {
	emptyExchangeForm,
	exchangeDetailToForm,
	exchangeFormToJson,
	exchangeFormValues
} from '$lib/schemas/exchange-form';
import { fieldErrors } from '$lib/schemas/user';
import { getExchange } from '$lib/server/queries/exchange-detail';
import { createExchange } from '$lib/server/queries/exchange-save';
import { writeFailure } from '$lib/server/form-errors';
import { exchangeFormOptions } from '../form-options';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'editor');
	const db = event.locals.db;
	// "Duplicate as new": a recurring meeting starts from the last one, minus date and outcomes.
	const fromId = Number(event.url.searchParams.get('from'));
	const original =
		Number.isSafeInteger(fromId) && fromId > 0
			? getExchange(db, fromId, { includeConfidential: true })
			: null;
	const values = original
		? exchangeDetailToForm(original, { duplicate: true })
		: { ...emptyExchangeForm(), department: user.department ?? '' };
	return {
		values,
		duplicateOf: original ? { id: original.id, titleKo: original.titleKo } : null,
		...exchangeFormOptions(db)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const values = exchangeFormValues(await event.request.formData());
		const parsed = exchangeSchema.safeParse(exchangeFormToJson(values));
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		let id: number;
		try {
			id = createExchange(event.locals.db, parsed.data, user).id;
		} catch (e) {
			return writeFailure(e, values);
		}
		redirect(303, `/exchanges/${id}`);
	}
};
