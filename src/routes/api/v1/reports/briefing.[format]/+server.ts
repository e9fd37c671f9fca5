/**
 * GET /api/v1/reports/briefing.{pdf,docx,xlsx,csv,pptx}?from=…&to=…&country=…&partner=…&type=…&lang=ko
 * The briefing as a file, built in the report worker; viewers never get confidential records.
 */
import type { RequestHandler } from './$types';
import { api, apiUser, ApiError } from '$lib/server/api';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { exportReport, fileResponse } from '$lib/server/reports/export';
import { isReportFormat, parseReportRequest } from '$lib/reports';

export const GET: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'viewer');
		const format = event.params.format;
		if (!isReportFormat(format))
			throw new ApiError(404, 'unknown_format', 'Formats: pdf, docx, xlsx, csv, pptx');
		const req = parseReportRequest(event.url.searchParams);
		const file = await exportReport(
			event.locals.db,
			{
				kind: 'briefing',
				format,
				filter: req.filter,
				sections: req.sections,
				groupBy: req.groupBy,
				lang: req.lang,
				viewer: { includeConfidential: canSeeConfidential(user), displayName: user.displayName },
				now: new Date().toISOString()
			},
			user
		);
		if (!file) throw new ApiError(404, 'not_found', 'Nothing to export');
		return fileResponse(file);
	});
