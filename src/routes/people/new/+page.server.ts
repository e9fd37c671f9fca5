import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { personSchema } from '$lib/schemas/person';
import { createPerson } from '$lib/server/queries/people';
import { partnerChoices } from '$lib/server/queries/pick-lists';
import { invalidForm, readForm, writeFailed } from '$lib/server/record-forms';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	return {
		partners: partnerChoices(event.locals.db),
		organizationId: event.url.searchParams.get('organization') ?? ''
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const form = await readForm(event.request, personSchema);
		if (!form.ok) return invalidForm('create', form.values, form.errors);
		const r = createPerson(event.locals.db, form.data, user);
		if (!r.ok) return writeFailed('create', r, form.values);
		redirect(303, `/people/${r.row.id}`);
	}
};
