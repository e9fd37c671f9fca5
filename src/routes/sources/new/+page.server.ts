import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { sourceSchema } from '$lib/schemas/source';
import { createSource } from '$lib/server/queries/sources';
import { invalidForm, readForm } from '$lib/server/record-forms';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const form = await readForm(event.request, sourceSchema);
		if (!form.ok) return invalidForm('create', form.values, form.errors);
		const s = createSource(event.locals.db, form.data, user);
		redirect(303, `/sources/${s.id}`);
	}
};
