import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { canSeeConfidential, requireRole } from '$lib/server/auth/guard';
import { parseSimpleFilter } from '$lib/list-params';
import { listSources } from '$lib/server/queries/sources';
import { csvResponse, toCsv } from '$lib/server/csv';
import { m } from '$lib/paraglide/messages';

/** Every source matching the list's current filter, for Excel. */
export const GET: RequestHandler = (event) => {
	if (!event.locals.user) error(401, 'Sign-in required');
	const user = requireRole(event, 'viewer');
	const filter = { ...parseSimpleFilter(event.url.searchParams), page: 1 };
	const { rows } = listSources(event.locals.db, filter, 100_000, {
		includeConfidential: canSeeConfidential(user)
	});
	const body = toCsv(
		[
			'ID',
			m.source_title_label(),
			m.source_publisher(),
			m.source_url(),
			m.source_published_at(),
			m.source_records()
		],
		rows.map((s) => [s.id, s.title, s.publisher, s.url, s.publishedAt, s.linkCount])
	);
	return csvResponse(body, 'sources.csv');
};
