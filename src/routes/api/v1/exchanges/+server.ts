import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser, readJson } from '$lib/server/api';
import { apiWrite, limitParam } from '$lib/server/api-write';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { parseExchangeFilter } from '$lib/filters';
import { exchangeSchema } from '$lib/schemas/exchange';
import { listExchanges, parseExchangeSort } from '$lib/server/queries/exchanges';
import { getExchange } from '$lib/server/queries/exchange-detail';
import { createExchange } from '$lib/server/queries/exchange-save';

/** The exchanges of a filter (the list's own: `?from=&to=&type=&country=&q=`), a keyset page. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const params = event.url.searchParams;
		const page = listExchanges(
			event.locals.db,
			parseExchangeFilter(params),
			{ includeConfidential: canSeeConfidential(user) },
			{
				sort: parseExchangeSort(params.get('sort')),
				after: params.get('after'),
				before: params.get('before'),
				limit: limitParam(event.url)
			}
		);
		return json({
			data: page.rows.map(({ updatedAt: _u, ...r }) => r),
			next: page.next,
			prev: page.prev
		});
	});

export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const data = await readJson(event.request, exchangeSchema);
		const row = apiWrite(() => createExchange(event.locals.db, data, user));
		return json(
			{ data: getExchange(event.locals.db, row.id, { includeConfidential: true }) },
			{ status: 201, headers: { location: `/api/v1/exchanges/${row.id}` } }
		);
	});
