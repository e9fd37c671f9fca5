import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser } from '$lib/server/api';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { searchEverything } from '$lib/server/queries/search-query';
import { searchTypes, type SearchType } from '$lib/server/queries/search';

/** One search over everything the caller may see: `?q=산둥&type=organization,person`. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const types = (event.url.searchParams.get('type') ?? '')
			.split(',')
			.filter((t): t is SearchType => (searchTypes as readonly string[]).includes(t));
		const limit = Math.min(Math.max(Number(event.url.searchParams.get('limit')) || 20, 1), 100);
		return json({
			data: searchEverything(
				event.locals.db,
				event.url.searchParams.get('q') ?? '',
				{ includeConfidential: canSeeConfidential(user) },
				{ types, limit }
			)
		});
	});
