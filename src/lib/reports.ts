/**
 * A briefing request as it lives in the URL, shared by the report page, its download links and
 * `GET /api/v1/reports/briefing.{pdf,docx,xlsx,csv,pptx}`: the dashboard's filter and period
 * plus the sections, the grouping of the exchange table and the language.
 */
import { exchangeFilterParams, parseExchangeFilter, type ExchangeFilter } from '$lib/filters';
import { dashboardFilter } from '$lib/dashboard';

export const reportSections = [
	'figures',
	'charts',
	'exchanges',
	'agreements',
	'partners',
	'anniversaries'
] as const;
export type ReportSection = (typeof reportSections)[number];
export const reportFormats = ['pdf', 'docx', 'xlsx', 'csv', 'pptx'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export type ReportLang = 'ko' | 'en';
export type ReportGroupBy = 'month' | 'partner';

export interface ReportRequest {
	filter: ExchangeFilter;
	sections: ReportSection[];
	groupBy: ReportGroupBy;
	lang: ReportLang;
}

export function isReportFormat(v: string): v is ReportFormat {
	return (reportFormats as readonly string[]).includes(v);
}

/** Reads a request, dropping what is not valid; no `sections` means all of them. */
export function parseReportRequest(params: URLSearchParams): ReportRequest {
	const f = parseExchangeFilter(params);
	const filter: ExchangeFilter = { ...dashboardFilter(f) };
	if (f.from) filter.from = f.from;
	if (f.to) filter.to = f.to;
	if (filter.from && filter.to && filter.from > filter.to)
		[filter.from, filter.to] = [filter.to, filter.from];
	const asked = params
		.getAll('sections')
		.flatMap((v) => v.split(','))
		.filter((s): s is ReportSection => (reportSections as readonly string[]).includes(s));
	return {
		filter,
		sections: params.has('sections')
			? reportSections.filter((s) => asked.includes(s))
			: [...reportSections],
		groupBy: params.get('group') === 'partner' ? 'partner' : 'month',
		lang: params.get('lang') === 'en' ? 'en' : 'ko'
	};
}

/** Query parameters for a request, in a stable order (defaults left out). */
export function reportParams(r: ReportRequest): URLSearchParams {
	const p = exchangeFilterParams(r.filter);
	if (r.sections.length !== reportSections.length) p.set('sections', r.sections.join(','));
	if (r.groupBy !== 'month') p.set('group', r.groupBy);
	p.set('lang', r.lang);
	return p;
}

export function briefingHref(r: ReportRequest, format: ReportFormat): string {
	return `/api/v1/reports/briefing.${format}?${reportParams(r).toString()}`;
}
