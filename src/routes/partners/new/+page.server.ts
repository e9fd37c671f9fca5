import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { organizationSchema } from '$lib/schemas/organization';
import { createOrganization } from '$lib/server/queries/organizations';
import { invalidForm, readForm } from '$lib/server/record-forms';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const form = await readForm(event.request, organizationSchema);
		if (!form.ok) return invalidForm('create', form.values, form.errors);
		const org = createOrganization(event.locals.db, form.data, user);
		redirect(303, `/partners/${org.id}`);
	}
};
