import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseId } from '$lib/server/route-params';
import { personUpdateSchema } from '$lib/schemas/person';
import { getPerson, personFormValues, updatePerson } from '$lib/server/queries/people';
import { partnerChoices } from '$lib/server/queries/pick-lists';
import { invalidForm, readForm, writeFailed } from '$lib/server/record-forms';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	const person = getPerson(event.locals.db, parseId(event.params.id));
	if (!person || person.deletedAt) error(404, 'Not found');
	return { person, values: personFormValues(person), partners: partnerChoices(event.locals.db) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		const form = await readForm(event.request, personUpdateSchema);
		if (!form.ok) return invalidForm('update', form.values, form.errors);
		const { version, ...input } = form.data;
		const r = updatePerson(event.locals.db, id, input, version, user);
		if (!r.ok) return writeFailed('update', r, form.values);
		redirect(303, `/people/${id}`);
	}
};
