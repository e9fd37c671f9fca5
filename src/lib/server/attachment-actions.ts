/**
 * The upload and delete form actions of the Attachments component, for any record page:
 * `export const actions = { ...attachmentActions('organization'), … }`.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from './auth/guard';
import { parseId } from './route-params';
import {
	addAttachment,
	deleteAttachment,
	getAttachment,
	MAX_ATTACHMENT_BYTES,
	type AttachmentParent
} from './queries/attachments';

type Event = RequestEvent<{ id: string }>;

export function attachmentActions(entityType: AttachmentParent) {
	return {
		uploadAttachment: async (event: Event) => {
			const user = requireRole(event, 'editor');
			const entityId = parseId(event.params.id);
			const form = await event.request.formData().catch(() => null);
			const file = form?.get('file');
			const refuse = (e: string) => fail(400, { action: 'uploadAttachment', errors: { file: e } });
			if (!(file instanceof File) || file.size === 0) return refuse('partner_file_empty');
			if (file.size > MAX_ATTACHMENT_BYTES) return refuse('partner_file_too_large');
			const r = addAttachment(
				event.locals.db,
				event.locals.config.dataDir,
				{
					entityType,
					entityId,
					filename: file.name,
					bytes: new Uint8Array(await file.arrayBuffer())
				},
				user
			);
			if (!r.ok) return refuse(r.error);
			return { action: 'uploadAttachment', ok: true };
		},
		deleteAttachment: async (event: Event) => {
			const user = requireRole(event, 'editor');
			const entityId = parseId(event.params.id);
			const form = await event.request.formData().catch(() => null);
			const a = getAttachment(event.locals.db, Number(form?.get('attachmentId')));
			if (!a || a.deletedAt || a.entityType !== entityType || a.entityId !== entityId)
				return fail(404, { action: 'deleteAttachment', errors: { file: 'not_found' } });
			deleteAttachment(event.locals.db, a.id, user);
			return { action: 'deleteAttachment', ok: true };
		}
	};
}
