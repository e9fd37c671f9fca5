/** Chart helpers shared by the server-drawn report charts and the preview's Chart.js charts. */
export interface ReportChartData {
	kind: 'stacked' | 'bar' | 'share';
	labels: string[];
	series: { label: string; data: number[] }[];
}

/** Long labels (titles at their maximum length) would squeeze the bars to nothing. */
export const shortLabel = (s: string, max = 28): string =>
	[...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s;

/** Series as drawn: the "share" kind becomes percentages of each bar's total. */
export function drawnSeries(c: ReportChartData): { label: string; data: number[] }[] {
	if (c.kind !== 'share') return c.series;
	const totals = c.labels.map((_, j) => c.series.reduce((s, x) => s + x.data[j], 0));
	return c.series.map((s) => ({
		label: s.label,
		data: s.data.map((v, j) => (totals[j] ? Math.round((v / totals[j]) * 1000) / 10 : 0))
	}));
}
