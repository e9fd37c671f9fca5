import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { canSeeConfidential, hasRole, requireRole } from '$lib/server/auth/guard';
import { parseId } from '$lib/server/route-params';
import { getPartnerStory } from '$lib/server/queries/partner-story';
import { recordHistory } from '$lib/server/queries/audit';
import { listAttachments } from '$lib/server/queries/attachments';
import { mergeCandidates } from '$lib/server/queries/pick-lists';
import { createTie, endTie, getTie, tieFormValues, updateTie } from '$lib/server/queries/ties';
import { mergeOrganizations } from '$lib/server/queries/organizations-merge';
import { softDelete } from '$lib/server/queries/trash';
import { tieEndSchema, tieSchema, tieUpdateSchema } from '$lib/schemas/tie';
import { mergeSchema } from '$lib/schemas/organization';
import { fieldErrors } from '$lib/schemas/user';
import { formValues, invalidForm, writeFailed } from '$lib/server/record-forms';
import { attachmentActions } from '$lib/server/attachment-actions';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const id = parseId(event.params.id);
	const db = event.locals.db;
	const story = getPartnerStory(db, id, { includeConfidential: canSeeConfidential(user) });
	if (!story) error(404, 'Not found');
	const files = listAttachments(db, 'organization', id);
	const canEdit = hasRole(user, 'editor');
	return {
		story,
		tieValues: story.ties.map(tieFormValues),
		files,
		history: recordHistory(db, [
			{ type: 'organization', ids: [id] },
			{ type: 'tie', ids: story.ties.map((t) => t.id) },
			{ type: 'attachment', ids: files.map((f) => f.id) }
		]),
		canEdit,
		mergeChoices: canEdit ? mergeCandidates(db, story.organization) : []
	};
};

/** The posted tie, checked to belong to this partner. */
async function tiePost(event: RequestEvent) {
	const id = parseId(event.params.id);
	const values = formValues(await event.request.formData());
	const tieId = Number(values.tieId);
	const tie = Number.isInteger(tieId) ? getTie(event.locals.db, tieId) : null;
	if (!tie || tie.deletedAt || tie.organizationId !== id) error(404, 'Not found');
	return { id, tie, values };
}

const fileActions = attachmentActions('organization');

export const actions: Actions = {
	addTie: async (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		const values = formValues(await event.request.formData());
		const parsed = tieSchema.safeParse({ ...values, organizationId: id });
		if (!parsed.success) return invalidForm('addTie', values, fieldErrors(parsed.error));
		const r = createTie(event.locals.db, parsed.data, user);
		if (!r.ok) return writeFailed('addTie', r, values);
		return { action: 'addTie', ok: true };
	},
	updateTie: async (event) => {
		const user = requireRole(event, 'editor');
		const { id, tie, values } = await tiePost(event);
		const parsed = tieUpdateSchema.safeParse({ ...values, organizationId: id });
		if (!parsed.success)
			return fail(400, {
				action: 'updateTie',
				tieId: tie.id,
				values,
				errors: fieldErrors(parsed.error)
			});
		const { version, ...input } = parsed.data;
		const r = updateTie(event.locals.db, tie.id, input, version, user);
		if (!r.ok) return withTie(writeFailed('updateTie', r, values), tie.id);
		return { action: 'updateTie', tieId: tie.id, ok: true };
	},
	endTie: async (event) => {
		const user = requireRole(event, 'editor');
		const { tie, values } = await tiePost(event);
		const parsed = tieEndSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, {
				action: 'endTie',
				tieId: tie.id,
				values,
				errors: fieldErrors(parsed.error)
			});
		const r = endTie(event.locals.db, tie.id, parsed.data.endedOn, parsed.data.version, user);
		if (!r.ok) return withTie(writeFailed('endTie', r, values), tie.id);
		return { action: 'endTie', tieId: tie.id, ok: true };
	},
	deleteTie: async (event) => {
		const user = requireRole(event, 'editor');
		const { tie } = await tiePost(event);
		softDelete(event.locals.db, 'tie', tie.id, user);
		return { action: 'deleteTie', ok: true };
	},
	merge: async (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		const values = formValues(await event.request.formData());
		const parsed = mergeSchema.safeParse(values);
		if (!parsed.success) return invalidForm('merge', values, fieldErrors(parsed.error));
		if (values.confirm !== 'yes')
			return invalidForm('merge', values, { confirm: 'partner_merge_confirm_required' });
		const r = mergeOrganizations(event.locals.db, id, parsed.data.mergeId, user);
		if (!r.ok) return writeFailed('merge', r, values);
		return { action: 'merge', ok: true, moved: r.row.moved };
	},
	delete: async (event) => {
		const user = requireRole(event, 'editor');
		const id = parseId(event.params.id);
		if (!softDelete(event.locals.db, 'organization', id, user)) error(404, 'Not found');
		redirect(303, '/partners?deleted=1');
	},
	uploadAttachment: fileActions.uploadAttachment,
	deleteAttachment: fileActions.deleteAttachment
};

/** Marks a refused tie edit with its tie, so the message shows on that row's form. */
function withTie<T extends { data: object }>(failure: T, tieId: number) {
	Object.assign(failure.data, { tieId });
	return failure;
}
