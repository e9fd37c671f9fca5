/** GET /partners/{id}/dossier.pdf|.docx — the partner's one-to-two-page dossier. */
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { canSeeConfidential, requireRole } from '$lib/server/auth/guard';
import { exportReport, fileResponse } from '$lib/server/reports/export';
import { getLocale } from '$lib/paraglide/runtime';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'viewer');
	const format = event.params.format;
	const id = Number(event.params.id);
	if ((format !== 'pdf' && format !== 'docx') || !Number.isInteger(id) || id < 1)
		error(404, 'Not found');
	const file = await exportReport(
		event.locals.db,
		{
			kind: 'dossier',
			format,
			organizationId: id,
			lang: (event.url.searchParams.get('lang') ?? getLocale()) === 'en' ? 'en' : 'ko',
			viewer: { includeConfidential: canSeeConfidential(user), displayName: user.displayName },
			now: new Date().toISOString()
		},
		user
	);
	if (!file) error(404, 'Not found');
	return fileResponse(file);
};
