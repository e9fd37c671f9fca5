import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canSeeConfidential, hasRole, requireRole } from '$lib/server/auth/guard';
import { parseId } from '$lib/server/route-params';
import { getPersonDetail } from '$lib/server/queries/people';
import { recordHistory } from '$lib/server/queries/audit';
import { listAttachments } from '$lib/server/queries/attachments';
import { softDelete } from '$lib/server/queries/trash';
import { attachmentActions } from '$lib/server/attachment-actions';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const id = parseId(event.params.id);
	const db = event.locals.db;
	const detail = getPersonDetail(db, id, { includeConfidential: canSeeConfidential(user) });
	if (!detail) error(404, 'Not found');
	const files = listAttachments(db, 'person', id);
	return {
		detail,
		files,
		history: recordHistory(db, [
			{ type: 'person', ids: [id] },
			{ type: 'attachment', ids: files.map((f) => f.id) }
		]),
		canEdit: hasRole(user, 'editor')
	};
};

const fileActions = attachmentActions('person');

export const actions: Actions = {
	delete: async (event) => {
		const user = requireRole(event, 'editor');
		if (!softDelete(event.locals.db, 'person', parseId(event.params.id), user))
			error(404, 'Not found');
		redirect(303, '/people?deleted=1');
	},
	uploadAttachment: fileActions.uploadAttachment,
	deleteAttachment: fileActions.deleteAttachment
};
