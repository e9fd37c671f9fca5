import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser } from '$lib/server/api';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { deleteAttachment, getVisibleAttachment } from '$lib/server/queries/attachments';
import { attachmentResponse } from '$lib/server/attachment-response';
import { notFound } from '$lib/server/api-records';
import { pathId } from '$lib/server/api-write';

/** The file itself, with its type and name. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const a = getVisibleAttachment(event.locals.db, pathId(event.params.id), {
			includeConfidential: canSeeConfidential(user)
		});
		return a ? attachmentResponse(a, event.locals.config.dataDir) : notFound();
	});

/** Moves the file to the trash. */
export const DELETE: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'editor');
		const id = pathId(event.params.id);
		const a = getVisibleAttachment(event.locals.db, id, { includeConfidential: true });
		if (!a || !deleteAttachment(event.locals.db, id, user)) notFound();
		return json({ data: { id, deleted: true } });
	});
