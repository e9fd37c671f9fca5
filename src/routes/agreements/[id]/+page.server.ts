import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canSeeConfidential, hasRole, requireRole } from '$lib/server/auth/guard';
import { getAgreement } from '$lib/server/queries/agreements';
import { changeAgreementStatus, deleteAgreement } from '$lib/server/queries/agreement-save';
import {
	createFollowUp,
	deleteFollowUp,
	getFollowUp,
	setFollowUpDone
} from '$lib/server/queries/follow-ups';
import { recordHistory } from '$lib/server/queries/audit';
import { statusChangeSchema } from '$lib/schemas/agreement';
import { followUpSchema } from '$lib/schemas/follow-up';
import { fieldErrors } from '$lib/schemas/user';
import { writeFailure } from '$lib/server/form-errors';
import { parseId } from '$lib/server/route-params';
import { attachmentActions } from '$lib/server/attachment-actions';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const id = parseId(event.params.id);
	const db = event.locals.db;
	const agreement = getAgreement(db, id, { includeConfidential: canSeeConfidential(user) });
	if (!agreement) error(404, 'Not found');
	return {
		agreement,
		history: recordHistory(db, [
			{ type: 'agreement', ids: [id] },
			{ type: 'follow_up', ids: agreement.followUps.map((f) => f.id) }
		]),
		canEdit: hasRole(user, 'editor')
	};
};

const formOf = async (request: Request) => Object.fromEntries(await request.formData());

const files = attachmentActions('agreement');

export const actions: Actions = {
	uploadAttachment: files.uploadAttachment,
	deleteAttachment: files.deleteAttachment,
	delete: (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		if (!deleteAgreement(event.locals.db, id, user)) return fail(404, { action: 'delete' });
		redirect(303, `/agreements?deleted=${id}`);
	},
	status: async (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		const values = await formOf(event.request);
		const parsed = statusChangeSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { action: 'status', values, errors: fieldErrors(parsed.error) });
		try {
			changeAgreementStatus(event.locals.db, id, parsed.data, user);
		} catch (e) {
			return writeFailure(e, values, { action: 'status' });
		}
		return { action: 'status', ok: true };
	},
	addFollowUp: async (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		const values = { ...(await formOf(event.request)), agreementId: String(id) };
		const parsed = followUpSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { action: 'addFollowUp', values, errors: fieldErrors(parsed.error) });
		createFollowUp(event.locals.db, parsed.data, user);
		return { action: 'addFollowUp', ok: true };
	},
	followUpDone: async (event) => {
		const user = requireRole(event, 'editor');
		const agreementId = parseId(event.params.id);
		const form = await event.request.formData();
		const id = Number(form.get('followUpId'));
		const version = Number(form.get('version'));
		const viewer = { includeConfidential: true };
		const current = Number.isSafeInteger(id) ? getFollowUp(event.locals.db, id, viewer) : null;
		if (!current || current.agreementId !== agreementId)
			return fail(404, { action: 'followUpDone' });
		try {
			setFollowUpDone(event.locals.db, id, form.get('done') === '1', version, user);
		} catch (e) {
			return writeFailure(e, {}, { action: 'followUpDone' });
		}
		return { action: 'followUpDone', ok: true };
	},
	deleteFollowUp: async (event) => {
		const user = requireRole(event, 'editor');
		const agreementId = parseId(event.params.id);
		const id = Number((await event.request.formData()).get('followUpId'));
		const current = Number.isSafeInteger(id)
			? getFollowUp(event.locals.db, id, { includeConfidential: true })
			: null;
		if (!current || current.agreementId !== agreementId)
			return fail(404, { action: 'deleteFollowUp' });
		deleteFollowUp(event.locals.db, id, user);
		return { action: 'deleteFollowUp', ok: true };
	}
};
