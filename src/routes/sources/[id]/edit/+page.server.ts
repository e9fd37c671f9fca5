import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseId } from '$lib/server/route-params';
import { seoulLocalInput, sourceUpdateSchema } from '$lib/schemas/source';
import { getSource, sourceFormValues, updateSource } from '$lib/server/queries/sources';
import { invalidForm, readForm, writeFailed } from '$lib/server/record-forms';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	const source = getSource(event.locals.db, parseId(event.params.id));
	if (!source || source.deletedAt) error(404, 'Not found');
	const values = sourceFormValues(source);
	return {
		source: { id: source.id, title: source.title },
		values: { ...values, publishedAt: seoulLocalInput(values.publishedAt) }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		const form = await readForm(event.request, sourceUpdateSchema);
		if (!form.ok) return invalidForm('update', form.values, form.errors);
		const { version, ...input } = form.data;
		const r = updateSource(event.locals.db, id, input, version, user);
		if (!r.ok) return writeFailed('update', r, form.values);
		redirect(303, `/sources/${id}`);
	}
};
