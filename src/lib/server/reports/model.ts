/**
 * Builds the briefing model for a filter and a viewer. Figures, charts, the pivot and the
 * anniversaries are the dashboard's own (`dashboardStats`), the rows are selected with the same
 * held-exchange and dated-agreement conditions, so a briefing never disagrees with the dashboard.
 */
import type { Conn } from '../db';
import type { ExchangeFilter } from '$lib/filters';
import { seoulToday } from '$lib/dates';
import { dashboardFilter, type DashboardParams } from '$lib/dashboard';
import type { DashboardStats } from '$lib/dashboard-stats';
import { dashboardStats } from '../queries/dashboard';
import { getHome } from '../queries/settings';
import {
	briefingExchangeBatches,
	countBriefingExchanges,
	organizationNames
} from '../queries/briefing';
import { briefingAgreements, briefingPartners } from '../queries/briefing-records';
import { filterLines, seoulTimestamp } from './describe';
import { chartViews, figureViews, pivotView } from './model-figures';
import {
	agreementView,
	anniversaryView,
	exchangeView,
	groupExchanges,
	localized,
	partnerView
} from './model-records';
import { msg, reportText } from './text';
import {
	briefingSections,
	type Briefing,
	type BriefingOptions,
	type BriefingViewer,
	type ExchangeView
} from './types';

/** Rows laid out in PDF/DOCX; beyond it the documents say where the rest is (XLSX, CSV). */
export const DOCUMENT_ROW_LIMIT = 5000;

/** The dashboard query for a briefing filter: its period as given, "all" when it has none. */
export function dashboardParams(
	f: ExchangeFilter,
	granularity?: DashboardParams['granularity']
): DashboardParams {
	const p: DashboardParams = {
		period: f.from || f.to ? 'custom' : 'all',
		filter: dashboardFilter(f),
		granularity
	};
	if (f.from) p.from = f.from;
	if (f.to) p.to = f.to;
	return p;
}

/**
 * The dashboard's default period for a filter: this year when it has held exchanges, else the
 * latest year that has (the demo opens on 2020).
 */
export function defaultBriefingPeriod(
	db: Conn,
	f: ExchangeFilter,
	viewer: BriefingViewer,
	today?: string
): { from?: string; to?: string } {
	const { period } = dashboardStats(db, { filter: dashboardFilter(f) }, viewer, { today });
	return { from: period.from, to: period.to };
}

/** Only the dimensions the dashboard filters on: the briefing takes the same filter. */
export function briefingFilter(f: ExchangeFilter): ExchangeFilter {
	return { ...dashboardFilter(f), ...(f.from && { from: f.from }), ...(f.to && { to: f.to }) };
}

/** The month-granular stats behind the pivot, reusing `stats` when it already is. */
function monthStats(db: Conn, f: ExchangeFilter, viewer: BriefingViewer, stats: DashboardStats) {
	if (stats.granularity === 'month') return stats;
	return dashboardStats(db, dashboardParams(f, 'month'), viewer, { today: stats.today });
}

/** Up to `limit` exchange rows, oldest first. */
export function exchangeViews(
	db: Conn,
	f: ExchangeFilter,
	viewer: BriefingViewer,
	lang: Briefing['lang'],
	limit: number
): ExchangeView[] {
	const rows: ExchangeView[] = [];
	for (const batch of briefingExchangeBatches(db, f, viewer, Math.min(1000, limit))) {
		for (const x of batch) {
			if (rows.length >= limit) return rows;
			rows.push(exchangeView(lang, x));
		}
	}
	return rows;
}

export function buildBriefing(
	db: Conn,
	filter: ExchangeFilter,
	viewer: BriefingViewer,
	opts: BriefingOptions & { pivot?: boolean } = {}
): Briefing {
	const f = briefingFilter(filter);
	const lang = opts.lang ?? 'ko';
	const sections = briefingSections.filter((s) => (opts.sections ?? briefingSections).includes(s));
	const groupBy = opts.groupBy ?? 'month';
	const now = opts.now ?? new Date();
	const today = seoulToday(now);
	const t = reportText(lang);
	const stats = dashboardStats(db, dashboardParams(f), viewer, { today });
	const home = getHome(db);
	const names = organizationNames(db, [
		...(f.partner ?? []).filter((p): p is number => p !== 'none'),
		...stats.anniversaries.map((a) => a.organizationId)
	]);
	const total = countBriefingExchanges(db, f, viewer);
	const limit = opts.rowLimit ?? DOCUMENT_ROW_LIMIT;
	const rows = sections.includes('exchanges') ? exchangeViews(db, f, viewer, lang, limit) : [];
	const omitted = sections.includes('exchanges') ? total - rows.length : 0;
	const agreements = sections.includes('agreements')
		? briefingAgreements(db, f, viewer).map((a) => agreementView(lang, a, today))
		: [];
	const partners = sections.includes('partners')
		? briefingPartners(db, f, viewer).map((p) => partnerView(lang, p, today))
		: [];
	const lines = filterLines(lang, f, (id) => {
		const o = names.get(id);
		return o ? localized(lang, o.nameKo, o.nameEn) : `#${id}`;
	});
	return {
		lang,
		text: t,
		title: msg(lang, 'report_title', { home: lang === 'en' ? home.nameEn : home.nameKo }),
		filter: f,
		filterLines: lines,
		filterSummary: lines.map((l) => l.value).join(' · '),
		generatedAt: now.toISOString(),
		generatedAtLabel: seoulTimestamp(now),
		generatedBy: opts.generatedBy ?? viewer.displayName,
		sections,
		groupBy,
		empty: total === 0 && !stats.figures.some((x) => x.key === 'agreements' && x.value > 0),
		figures: figureViews(stats, lang),
		charts: sections.includes('charts') ? chartViews(stats, lang) : [],
		exchangeTotal: total,
		exchangeGroups: groupExchanges(lang, rows, groupBy),
		exchangesOmitted: omitted,
		exchangeTotalLabel: msg(lang, 'report_exchanges_total', { n: total }),
		exchangesOmittedLabel: omitted
			? msg(lang, 'report_rows_omitted', { shown: rows.length, omitted })
			: null,
		agreements,
		partners,
		anniversaries: sections.includes('anniversaries')
			? stats.anniversaries.map((a) =>
					anniversaryView(lang, a, names.get(a.organizationId)?.nameNative ?? null)
				)
			: [],
		pivot: opts.pivot
			? pivotView(monthStats(db, f, viewer, stats).exchangesByType, lang)
			: { rows: [], types: [], counts: [] }
	};
}
