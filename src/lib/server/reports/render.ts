/**
 * One report job → one file on disk. The job is plain data (it crosses to a worker thread),
 * the file is written where the caller says, and the same code runs in the worker, in tests
 * and on the command line.
 */
import { stat, writeFile } from 'node:fs/promises';
import type { Conn } from '../db';
import type { ExchangeFilter } from '$lib/filters';
import { briefingExchangeBatches } from '../queries/briefing';
import { buildBriefing, briefingFilter } from './model';
import { exchangeView } from './model-records';
import { buildDossier } from './dossier';
import type {
	BriefingFormat,
	BriefingSection,
	BriefingViewer,
	ExchangeView,
	GroupBy,
	Lang
} from './types';

export interface BriefingJob {
	kind: 'briefing';
	format: BriefingFormat;
	filter: ExchangeFilter;
	viewer: BriefingViewer;
	sections?: BriefingSection[];
	lang?: Lang;
	groupBy?: GroupBy;
	/** ISO timestamp the file says it was made at. */
	now: string;
}

export interface DossierJob {
	kind: 'dossier';
	format: 'pdf' | 'docx';
	organizationId: number;
	viewer: BriefingViewer;
	lang?: Lang;
	now: string;
}

export type ReportJob = BriefingJob | DossierJob;

export interface RenderResult {
	/** False when the dossier's partner does not exist or is not visible. */
	found: boolean;
	bytes: number;
	/** Exchange rows written (XLSX, CSV), null for the document formats. */
	rows: number | null;
}

/**
 * Exchanges per batch for the spreadsheets. Small on purpose: a batch lives while its rows are
 * written, and rows that outlive a young-generation GC teach V8 to allocate such rows straight
 * into the old generation, which then grows by ~1 KB per row until a full GC (an XLSX of
 * 100,000 exchanges: +90 MB with batches of 2,000, flat with 100). The extra queries cost
 * ~0.1 s per 100,000 rows.
 */
const SPREADSHEET_BATCH = 100;

/** All the briefing's exchanges, streamed in batches (for the spreadsheet formats). */
function* exchangeRows(db: Conn, job: BriefingJob): Generator<ExchangeView[]> {
	const f = briefingFilter(job.filter);
	for (const batch of briefingExchangeBatches(db, f, job.viewer, SPREADSHEET_BATCH))
		yield batch.map((x) => exchangeView(job.lang ?? 'ko', x));
}

async function renderBriefing(db: Conn, job: BriefingJob, out: string): Promise<number | null> {
	const flat = job.format === 'xlsx' || job.format === 'csv';
	const b = buildBriefing(db, job.filter, job.viewer, {
		sections: job.sections,
		lang: job.lang,
		groupBy: job.groupBy,
		now: new Date(job.now),
		// The spreadsheets stream every row themselves.
		rowLimit: flat ? 0 : undefined,
		pivot: job.format === 'xlsx'
	});
	// Each writer is loaded when first asked for: the document ones bring fonts, a canvas and
	// their libraries (~150 MB in the worker), which a CSV or an XLSX never needs.
	switch (job.format) {
		case 'pdf':
			await writeFile(out, await (await import('./pdf')).briefingPdf(b));
			return null;
		case 'docx':
			await writeFile(out, await (await import('./docx')).briefingDocx(b));
			return null;
		case 'pptx':
			await writeFile(out, await (await import('./pptx')).briefingPptx(b));
			return null;
		case 'xlsx':
			return (await import('./xlsx')).briefingXlsx(b, exchangeRows(db, job), out);
		case 'csv':
			return (await import('./csv')).briefingCsv(b, exchangeRows(db, job), out);
	}
}

export async function renderReport(db: Conn, job: ReportJob, out: string): Promise<RenderResult> {
	let rows: number | null = null;
	if (job.kind === 'briefing') rows = await renderBriefing(db, job, out);
	else {
		const d = buildDossier(db, job.organizationId, job.viewer, {
			lang: job.lang,
			now: new Date(job.now)
		});
		if (!d) return { found: false, bytes: 0, rows: null };
		const { dossierDocx, dossierPdf } = await import('./dossier-files');
		await writeFile(out, job.format === 'pdf' ? await dossierPdf(d) : await dossierDocx(d));
	}
	return { found: true, bytes: (await stat(out)).size, rows };
}
