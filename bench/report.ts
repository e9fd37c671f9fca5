/** The benchmark's table, as printed and as written to bench/results.md. */
import type { Measured } from './measure';
import type { BundleSize } from './bundle';
import type { ReportBench } from '../src/lib/server/reports/bench';

export interface Row {
	route: string;
	c1?: Measured;
	c32?: Measured;
}

const ms = (v: number | undefined) =>
	v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1);
const cells = (m?: Measured) =>
	m
		? [ms(m.p50), ms(m.p95), ms(m.p99), m.rps.toFixed(0), String(m.failed)]
		: ['–', '–', '–', '–', '–'];

/** The briefings' line of a results file (found again by its first words when re-measured). */
export const BRIEFINGS_PREFIX = 'Briefings (through the report worker';

export function briefingsLine(b: ReportBench, year: number): string {
	return `${BRIEFINGS_PREFIX}, ${year}): full-year PDF ${(b.pdf.ms / 1000).toFixed(2)} s (${(b.pdf.bytes / 1e6).toFixed(1)} MB), XLSX of all exchanges ${(b.xlsx.ms / 1000).toFixed(2)} s (${(b.xlsx.rows ?? 0).toLocaleString('en')} rows, ${(b.xlsx.bytes / 1e6).toFixed(1)} MB), memory growth ${b.rssGrowthMb} MB (targets at 100,000: ≤ 2 s, ≤ 10 s, ≤ 150 MB).`;
}

export function report(r: {
	n: number;
	sizeMb: number;
	duration: number;
	rows: Row[];
	rssCold: number;
	rssWarm: number;
	bundle: BundleSize;
	searchPage: boolean;
	briefings: string | null;
	cpuCheckMs: number;
}): string {
	const head =
		'| route | c=1 p50 ms | p95 | p99 | req/s | failed | c=32 p50 ms | p95 | p99 | req/s | failed |';
	const lines = [
		`## ${r.n.toLocaleString('en')} exchanges`,
		'',
		`Database ${r.sizeMb.toFixed(0)} MB · ${r.duration} s per measurement after 1 s warm-up · ${new Date().toISOString().slice(0, 10)} · 2-core machine, Node ${process.versions.node} · CPU check ${r.cpuCheckMs.toFixed(0)} ms (a fixed loop; lower is faster)`,
		'',
		head,
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		...r.rows.map((x) => `| ${x.route} | ${[...cells(x.c1), ...cells(x.c32)].join(' | ')} |`),
		'',
		`Server RSS (max while measured): cold run ${r.rssCold.toFixed(0)} MB, warm run ${r.rssWarm.toFixed(0)} MB.`,
		'',
		`First view of /dashboard: ${r.bundle.firstViewKb.toFixed(1)} KB of JS + CSS gzipped in ${r.bundle.files} files (target ≤ 200 KB); the world-map chunk, loaded when scrolled into view: ${r.bundle.mapKb.toFixed(1)} KB gzipped.`,
		...(r.briefings ? ['', r.briefings] : []),
		'',
		'"cold" = dashboard response cache off (GYORYU_DASHBOARD_CACHE=0); "warm" = cache on, same query repeated.',
		'"floor: dashboard SQL in-process" = the dashboard\'s query function on better-sqlite3 without HTTP or rendering (c=1 column: 30 sequential runs).',
		r.searchPage
			? ''
			: 'There is no /search page yet, so search is measured on GET /api/v1/search?q=.',
		''
	];
	return lines.join('\n');
}
