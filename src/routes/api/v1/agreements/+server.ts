import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser, readJson } from '$lib/server/api';
import { apiWrite, limitParam } from '$lib/server/api-write';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { parseAgreementFilter } from '$lib/agreement-filters';
import { agreementSchema } from '$lib/schemas/agreement';
import { getAgreement, listAgreements, parseAgreementSort } from '$lib/server/queries/agreements';
import { createAgreement } from '$lib/server/queries/agreement-save';

/** Agreements by `?status=&kind=&partner=&dueFrom=&dueTo=&open=1&overdue=1&exchange=&q=`. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const params = event.url.searchParams;
		const page = listAgreements(
			event.locals.db,
			parseAgreementFilter(params),
			{ includeConfidential: canSeeConfidential(user) },
			{
				sort: parseAgreementSort(params.get('sort')),
				after: params.get('after'),
				before: params.get('before'),
				limit: limitParam(event.url)
			}
		);
		return json({ data: page.rows, next: page.next, prev: page.prev });
	});

export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const data = await readJson(event.request, agreementSchema);
		const row = apiWrite(() => createAgreement(event.locals.db, data, user));
		return json(
			{ data: getAgreement(event.locals.db, row.id, { includeConfidential: true }) },
			{ status: 201, headers: { location: `/api/v1/agreements/${row.id}` } }
		);
	});
