import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canSeeConfidential, hasRole, requireRole } from '$lib/server/auth/guard';
import { getExchange } from '$lib/server/queries/exchange-detail';
import { deleteExchange } from '$lib/server/queries/exchange-save';
import { recordHistory } from '$lib/server/queries/audit';
import { getHome } from '$lib/server/queries/settings';
import { parseId } from '$lib/server/route-params';
import { attachmentActions } from '$lib/server/attachment-actions';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const id = parseId(event.params.id);
	const db = event.locals.db;
	const exchange = getExchange(db, id, { includeConfidential: canSeeConfidential(user) });
	if (!exchange) error(404, 'Not found');
	return {
		exchange,
		history: recordHistory(db, [{ type: 'exchange', ids: [id] }]),
		home: getHome(db).nameKo,
		canEdit: hasRole(user, 'editor')
	};
};

const files = attachmentActions('exchange');

export const actions: Actions = {
	uploadAttachment: files.uploadAttachment,
	deleteAttachment: files.deleteAttachment,
	delete: (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		if (!deleteExchange(event.locals.db, id, user)) return fail(404, { error: 'not_found' });
		redirect(303, `/exchanges?deleted=${id}`);
	}
};
