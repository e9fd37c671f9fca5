import { error } from '@sveltejs/kit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { isBackupName } from '$lib/server/backup';
import { tarStream } from '$lib/server/tar';

/** One backup folder as a tar file (database, attachment files, manifest). Admins only. */
export const GET: RequestHandler = (event) => {
	// A file, not a page: a signed-out request gets 401 rather than the sign-in redirect.
	if (!event.locals.user) error(401, 'Sign-in required');
	requireRole(event, 'admin');
	const { name } = event.params;
	const dir = join(event.locals.config.backupDir, name);
	if (!isBackupName(name) || !existsSync(dir)) error(404, 'Not found');
	return new Response(tarStream(dir, name), {
		headers: {
			'content-type': 'application/x-tar',
			'content-disposition': `attachment; filename="${name}.tar"`,
			'cache-control': 'no-store'
		}
	});
};
