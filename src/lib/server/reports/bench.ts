/**
 * What `npm run bench` measures for briefings: the full-year PDF and the XLSX of all
 * exchanges, both as HTTP paths for the built server (so server RSS is part of the measure)
 * and as a direct run through the report worker.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DB } from '../db';
import { runReport, stopReportWorkers } from './pool';
import type { BriefingJob } from './render';

/** The two bench requests; a viewer's session or read token is enough. */
export function reportBenchPaths(year: number): { pdf: string; xlsx: string } {
	return {
		pdf: `/api/v1/reports/briefing.pdf?from=${year}-01-01&to=${year}-12-31&lang=ko`,
		xlsx: '/api/v1/reports/briefing.xlsx?lang=ko'
	};
}

export interface ReportBench {
	pdf: { ms: number; bytes: number };
	xlsx: { ms: number; bytes: number; rows: number | null };
	/** Peak growth of this process's resident memory over both runs (the worker lives in it). */
	rssGrowthMb: number;
}

/**
 * Runs both briefings once through the worker, after a warm-up job so the times exclude the
 * worker's start, and stops the worker afterwards.
 */
export async function benchReports(db: DB, year: number): Promise<ReportBench> {
	const dir = await mkdtemp(join(tmpdir(), 'gyoryu-bench-reports-'));
	const viewer = { includeConfidential: false, displayName: 'bench' };
	const job = (format: 'pdf' | 'xlsx', filter: BriefingJob['filter']): BriefingJob => ({
		kind: 'briefing',
		format,
		filter,
		viewer,
		now: new Date().toISOString()
	});
	const yearFilter = { from: `${year}-01-01`, to: `${year}-12-31` };
	try {
		await runReport(
			db,
			{ ...job('pdf', yearFilter), sections: ['figures'] },
			join(dir, 'warm.pdf')
		);
		const rss0 = process.memoryUsage().rss;
		let peak = rss0;
		// The main thread is idle while the worker builds, so sampling sees the peak.
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
		let t0 = performance.now();
		const pdf = await runReport(db, job('pdf', yearFilter), join(dir, 'year.pdf'));
		const pdfMs = performance.now() - t0;
		t0 = performance.now();
		const xlsx = await runReport(db, job('xlsx', {}), join(dir, 'all.xlsx'));
		const xlsxMs = performance.now() - t0;
		clearInterval(sampler);
		return {
			pdf: { ms: Math.round(pdfMs), bytes: pdf.bytes },
			xlsx: { ms: Math.round(xlsxMs), bytes: xlsx.bytes, rows: xlsx.rows },
			rssGrowthMb: Math.round((peak - rss0) / 2 ** 20)
		};
	} finally {
		await stopReportWorkers();
		await rm(dir, { recursive: true, force: true });
	}
}
