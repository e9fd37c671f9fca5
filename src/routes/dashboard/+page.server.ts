import type { PageServerLoad } from './$types';
import { canSeeConfidential, requireRole } from '$lib/server/auth/guard';
import { dashboardStats } from '$lib/server/queries/dashboard';
import { filterChoices } from '$lib/server/queries/dashboard-rows';
import { parseDashboardParams } from '$lib/dashboard';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const { db, config } = event.locals;
	const params = parseDashboardParams(event.url.searchParams);
	const stats = dashboardStats(
		db,
		params,
		{ includeConfidential: canSeeConfidential(user) },
		{ cache: config.dashboardCache }
	);
	const chosen = (params.filter.partner ?? []).filter((p): p is number => p !== 'none');
	const choices = filterChoices(db, [
		...new Set([...chosen, ...stats.topPartners.map((p) => p.id)])
	]);
	return { stats, params, choices };
};
