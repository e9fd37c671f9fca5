import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser } from '$lib/server/api';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { dashboardStats } from '$lib/server/queries/dashboard';
import { parseDashboardParams } from '$lib/dashboard';

/** Key figures and every chart's series, for the same query parameters as /dashboard. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const stats = dashboardStats(
			event.locals.db,
			parseDashboardParams(event.url.searchParams),
			{ includeConfidential: canSeeConfidential(user) },
			{ cache: event.locals.config.dashboardCache }
		);
		return json(stats);
	});
