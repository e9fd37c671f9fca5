import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseId } from '$lib/server/route-params';
import { organizationUpdateSchema } from '$lib/schemas/organization';
import {
	getOrganization,
	organizationFormValues,
	updateOrganization
} from '$lib/server/queries/organizations';
import { invalidForm, readForm, writeFailed } from '$lib/server/record-forms';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	const org = getOrganization(event.locals.db, parseId(event.params.id));
	if (!org || org.deletedAt) error(404, 'Not found');
	return { organization: org, values: organizationFormValues(event.locals.db, org) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		const form = await readForm(event.request, organizationUpdateSchema);
		if (!form.ok) return invalidForm('update', form.values, form.errors);
		const { version, ...input } = form.data;
		const r = updateOrganization(event.locals.db, id, input, version, user);
		if (!r.ok) return writeFailed('update', r, form.values);
		redirect(303, `/partners/${id}`);
	}
};
