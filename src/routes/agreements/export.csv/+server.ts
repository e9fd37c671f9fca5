import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { canSeeConfidential, requireRole } from '$lib/server/auth/guard';
import { parseAgreementFilter } from '$lib/agreement-filters';
import { agreementCsv } from '$lib/server/agreement-csv';
import { csvResponse } from '$lib/server/csv';
import { getLocale } from '$lib/paraglide/runtime';

/** Every agreement of the list's current filter as CSV for Excel. */
export const GET: RequestHandler = (event) => {
	// A file, not a page: a signed-out client gets 401 rather than the sign-in form.
	if (!event.locals.user) error(401, 'Sign-in required');
	const user = requireRole(event, 'viewer');
	const body = agreementCsv(
		event.locals.db,
		parseAgreementFilter(event.url.searchParams),
		{ includeConfidential: canSeeConfidential(user) },
		getLocale()
	);
	return csvResponse(body, 'agreements.csv');
};
