import type { PageServerLoad } from './$types';
import { canSeeConfidential, requireRole } from '$lib/server/auth/guard';
import { buildBriefing, defaultBriefingPeriod } from '$lib/server/reports/model';
import { warmReportWorker } from '$lib/server/reports/pool';
import { filterChoices } from '$lib/server/queries/dashboard-rows';
import { listPartnerSummaries } from '$lib/server/queries/organizations';
import { parseReportRequest } from '$lib/reports';

/** The preview lays out at most this many exchange rows; the files have them all. */
const PREVIEW_ROWS = 1000;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	const { db } = event.locals;
	const viewer = { includeConfidential: canSeeConfidential(user), displayName: user.displayName };
	const params = event.url.searchParams;
	const request = parseReportRequest(params);
	// No period asked for: the dashboard's default. Fields sent empty ask for all time.
	if (!params.has('from') && !params.has('to'))
		Object.assign(request.filter, defaultBriefingPeriod(db, request.filter, viewer));
	const briefing = buildBriefing(db, request.filter, viewer, {
		sections: request.sections,
		lang: request.lang,
		groupBy: request.groupBy,
		rowLimit: PREVIEW_ROWS
	});
	// The first download should not wait for the worker to start.
	warmReportWorker(db).catch((e: unknown) => console.error('[reports] worker start failed', e));
	return {
		request,
		briefing,
		countries: filterChoices(db, []).countries,
		partners: listPartnerSummaries(db, 1000).map((p) => ({
			id: p.id,
			nameKo: p.nameKo,
			nameEn: p.nameEn
		}))
	};
};
