import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { agreementSchema } from '$lib/schemas/agreement';
import {
	agreementFormToJson,
	agreementFormValues,
	emptyAgreementForm
} from '$lib/schemas/agreement-form';
import { fieldErrors } from '$lib/schemas/user';
import { getExchange } from '$lib/server/queries/exchange-detail';
import { createAgreement } from '$lib/server/queries/agreement-save';
import { writeFailure } from '$lib/server/form-errors';
import { partialDateLabel } from '$lib/dates';
import { agreementFormOptions } from '../form-options';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	const db = event.locals.db;
	const viewer = { includeConfidential: true };
	// Started from an exchange's page: link it, and take its counterparts and date.
	const exchangeId = Number(event.url.searchParams.get('exchange'));
	const exchange =
		Number.isSafeInteger(exchangeId) && exchangeId > 0 ? getExchange(db, exchangeId, viewer) : null;
	const values = emptyAgreementForm();
	if (exchange) {
		values.exchangeId = String(exchange.id);
		values.agreed = partialDateLabel(exchange.datePrecision, exchange.dateStart, exchange.dateEnd);
		values.partners = exchange.partners
			.filter((p) => p.role === 'partner' || p.role === 'organizer')
			.map((p) => ({ id: String(p.id), name: p.nameKo }));
		values.visibility = exchange.visibility;
	}
	const options = agreementFormOptions(db, viewer);
	if (exchange && !options.exchanges.some((x) => x.id === exchange.id))
		options.exchanges.unshift({
			id: exchange.id,
			label: exchange.titleKo,
			detail: exchange.dateStart
		});
	return { values, ...options };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const values = agreementFormValues(await event.request.formData());
		const parsed = agreementSchema.safeParse(agreementFormToJson(values));
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		let id: number;
		try {
			id = createAgreement(event.locals.db, parsed.data, user).id;
		} catch (e) {
			return writeFailure(e, values);
		}
		redirect(303, `/agreements/${id}`);
	}
};
