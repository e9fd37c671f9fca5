import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser } from '$lib/server/api';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { listAttachments, parentVisible } from '$lib/server/queries/attachments';
import { parentType } from '$lib/server/api-attachments';
import { notFound } from '$lib/server/api-records';
import { pathId } from '$lib/server/api-write';

/** The files of a record the caller may see; download each from /api/v1/attachments/{id}. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const type = parentType(event.params.entity);
		const id = pathId(event.params.id);
		const viewer = { includeConfidential: canSeeConfidential(user) };
		if (!parentVisible(event.locals.db, type, id, viewer)) notFound();
		return json({ data: listAttachments(event.locals.db, type, id) });
	});
