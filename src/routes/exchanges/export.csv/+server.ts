import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { canSeeConfidential, requireRole } from '$lib/server/auth/guard';
import { parseExchangeFilter } from '$lib/filters';
import { exchangeCsvStream } from '$lib/server/exchange-csv';
import { getLocale } from '$lib/paraglide/runtime';

/** The rows of the list's current filter, all of them, as CSV for Excel. */
export const GET: RequestHandler = (event) => {
	// A file, not a page: a signed-out client gets 401 rather than the sign-in form.
	if (!event.locals.user) error(401, 'Sign-in required');
	const user = requireRole(event, 'viewer');
	const filter = parseExchangeFilter(event.url.searchParams);
	const stream = exchangeCsvStream(
		event.locals.db,
		filter,
		{ includeConfidential: canSeeConfidential(user) },
		getLocale()
	);
	return new Response(stream, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="exchanges.csv"',
			'cache-control': 'no-store'
		}
	});
};
