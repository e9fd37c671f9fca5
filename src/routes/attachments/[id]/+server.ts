import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { canSeeConfidential, requireRole } from '$lib/server/auth/guard';
import { parseId } from '$lib/server/route-params';
import { attachmentResponse } from '$lib/server/attachment-response';
import { getVisibleAttachment } from '$lib/server/queries/attachments';

/** Downloads a file, if the viewer may see the record it hangs on. */
export const GET: RequestHandler = (event) => {
	if (!event.locals.user) error(401, 'Sign-in required');
	const user = requireRole(event, 'viewer');
	const a = getVisibleAttachment(event.locals.db, parseId(event.params.id), {
		includeConfidential: canSeeConfidential(user)
	});
	if (!a) error(404, 'Not found');
	return attachmentResponse(a, event.locals.config.dataDir);
};
