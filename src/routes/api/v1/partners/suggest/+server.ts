import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser } from '$lib/server/api';
import { suggestPartners } from '$lib/server/queries/organizations';

/** Typeahead over every partner name and alias (any length: 산둥 works), prefix matches first. */
export const GET: RequestHandler = (event) =>
	api(() => {
		apiUser(event, 'viewer');
		const q = (event.url.searchParams.get('q') ?? '').slice(0, 200);
		const limit = Math.min(Math.max(Number(event.url.searchParams.get('limit')) || 10, 1), 50);
		return json({ data: suggestPartners(event.locals.db, q, limit) });
	});
