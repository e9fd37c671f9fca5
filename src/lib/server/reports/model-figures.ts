/** Key figures, charts and the month × type pivot of a briefing, from the dashboard's own stats. */
import type { Bucket, DashboardStats, TimeSeries } from '$lib/dashboard-stats';
import { countryName } from './describe';
import { msg, reportText, vocab } from './text';
import type { ChartView, FigureView, Lang, PivotView } from './types';

const nf = (lang: Lang) => new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-GB');
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function figureViews(stats: DashboardStats, lang: Lang): FigureView[] {
	const n = nf(lang);
	return stats.figures.map((f) => {
		const share = f.key === 'online_share';
		const display = share ? pct(f.value) : n.format(f.value);
		let change: string | null = null;
		if (f.previous !== null) {
			const d = share ? (f.value - f.previous) * 100 : f.value - f.previous;
			const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
			const abs = Math.abs(d);
			change = share ? `${sign}${abs.toFixed(1)}%p` : `${sign}${n.format(abs)}`;
		}
		return {
			key: f.key,
			label: msg(lang, `report_fig_${f.key}`),
			value: f.value,
			display,
			previous: f.previous,
			change
		};
	});
}

/** A bar's label: 2020-11, 2020 Q3 / 2020년 3분기, 2020, 2020 (month unknown). */
export function bucketLabel(b: Bucket, lang: Lang): string {
	if (b.kind === 'unknown')
		return msg(lang, b.unit === 'quarter' ? 'report_quarter_unknown' : 'report_month_unknown', {
			year: b.y
		});
	if (b.kind === 'quarter') return msg(lang, 'report_quarter', { year: b.y, q: b.part });
	if (b.kind === 'month') return b.key;
	return String(b.y);
}

function timeChart(
	key: string,
	s: TimeSeries,
	vocabKind: string,
	lang: Lang,
	kind: ChartView['kind']
): ChartView {
	const t = reportText(lang);
	return {
		key,
		title: msg(lang, `report_ch_${key}`),
		kind,
		horizontal: false,
		labels: s.buckets.map((b) => bucketLabel(b, lang)),
		series: s.keys.map((k, i) => ({
			label: k === 'unknown' ? t.mode_unknown : vocab(lang, vocabKind, k),
			data: s.counts[i]
		}))
	};
}

/** A printed bar chart keeps its first bars and sums the rest into one, so totals stay. */
const MAX_BARS = 15;

function barChart(
	key: string,
	all: { label: string; n: number }[],
	lang: Lang,
	horizontal = true
): ChartView {
	const rest = all.slice(MAX_BARS - 1);
	const rows =
		all.length > MAX_BARS
			? [
					...all.slice(0, MAX_BARS - 1),
					{
						label: msg(lang, 'report_other', { n: rest.length }),
						n: rest.reduce((s, r) => s + r.n, 0)
					}
				]
			: all;
	return {
		key,
		title: msg(lang, `report_ch_${key}`),
		kind: 'bar',
		horizontal,
		labels: rows.map((r) => r.label),
		series: [{ label: reportText(lang).ch_count, data: rows.map((r) => r.n) }]
	};
}

/** The dashboard's charts that print well, empty ones left out. */
export function chartViews(stats: DashboardStats, lang: Lang): ChartView[] {
	const name = (ko: string, en: string | null) => (lang === 'en' && en ? en : ko);
	const charts = [
		timeChart('by_type', stats.exchangesByType, 'type', lang, 'stacked'),
		timeChart('by_mode', stats.exchangesByMode, 'mode', lang, 'share'),
		barChart(
			'country',
			stats.byCountry.map((r) => ({ label: countryName(lang, r.key), n: r.n })),
			lang
		),
		barChart(
			'partners',
			stats.topPartners.map((p) => ({ label: name(p.nameKo, p.nameEn), n: p.n })),
			lang
		),
		barChart(
			'agstatus',
			stats.agreementsByStatus.map((r) => ({ label: vocab(lang, 'agstatus', r.status), n: r.n })),
			lang
		),
		barChart(
			'fields',
			stats.byField.map((r) => ({ label: vocab(lang, 'field', r.field), n: r.n })),
			lang
		),
		{
			key: 'ties',
			title: msg(lang, 'report_ch_ties'),
			kind: 'stacked' as const,
			horizontal: false,
			labels: stats.ties.years.map(String),
			series: stats.ties.kinds.map((k, i) => ({
				label: vocab(lang, 'tie', k),
				data: stats.ties.counts[i]
			}))
		}
	];
	return charts.filter((c) => c.series.some((s) => s.data.some((v) => v > 0)));
}

/** Every month of the period (and each year's "month unknown" row) by exchange type. */
export function pivotView(s: TimeSeries, lang: Lang): PivotView {
	return {
		rows: s.buckets.map((b) => ({ key: b.key, label: bucketLabel(b, lang) })),
		types: s.keys.map((k) => ({ key: k, label: vocab(lang, 'type', k) })),
		counts: s.buckets.map((_, j) => s.keys.map((_k, i) => s.counts[i][j]))
	};
}
