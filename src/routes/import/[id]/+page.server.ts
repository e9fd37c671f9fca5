import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import { getBatch } from '$lib/server/import/batches';
import { undoBatch } from '$lib/server/import/undo';

const batchId = (raw: string) => {
	const id = Number(raw);
	if (!Number.isSafeInteger(id) || id < 1) error(404, 'Not found');
	return id;
};

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'editor');
	const batch = getBatch(event.locals.db, batchId(event.params.id));
	if (!batch) error(404, 'Not found');
	return { batch, canUndo: hasRole(user, 'admin') };
};

export const actions: Actions = {
	undo: async (event) => {
		const admin = requireRole(event, 'admin');
		const id = batchId(event.params.id);
		const form = await event.request.formData();
		const mode = form.get('mode') === 'skip' ? 'skip' : 'refuse';
		const result = undoBatch(event.locals.db, id, admin, mode);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Not found');
			return fail(409, { reason: result.reason, conflicts: result.conflicts, mode });
		}
		redirect(303, `/import/${id}`);
	}
};
