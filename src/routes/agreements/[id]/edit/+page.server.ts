import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { agreementUpdateSchema } from '$lib/schemas/agreement';
import {
	agreementDetailToForm,
	agreementFormToJson,
	agreementFormValues
} from '$lib/schemas/agreement-form';
import { fieldErrors } from '$lib/schemas/user';
import { getAgreement } from '$lib/server/queries/agreements';
import { updateAgreement } from '$lib/server/queries/agreement-save';
import { writeFailure } from '$lib/server/form-errors';
import { parseId } from '$lib/server/route-params';
import { agreementFormOptions } from '../../form-options';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	const id = parseId(event.params.id);
	const viewer = { includeConfidential: true };
	const agreement = getAgreement(event.locals.db, id, viewer);
	if (!agreement) error(404, 'Not found');
	return {
		id,
		titleKo: agreement.titleKo,
		values: agreementDetailToForm(agreement),
		...agreementFormOptions(event.locals.db, viewer)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		const values = agreementFormValues(await event.request.formData());
		const parsed = agreementUpdateSchema.safeParse(agreementFormToJson(values));
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		try {
			updateAgreement(event.locals.db, id, parsed.data, user);
		} catch (e) {
			return writeFailure(e, values);
		}
		redirect(303, `/agreements/${id}`);
	}
};
