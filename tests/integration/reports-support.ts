/** Shared by the reports-* tests: rendering into temp files and reading each format back. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DB } from '../../src/lib/server/db';
import { insertExchange, type ExchangeInput } from '../../src/lib/server/queries/exchanges-write';
import { renderReport, type ReportJob } from '../../src/lib/server/reports/render';
import { parsePartialDate } from '../../src/lib/dates';

export const VIEWER = { includeConfidential: false, displayName: '열람자' };
export const EDITOR = { includeConfidential: true, displayName: '편집자' };
export const YEAR_2020 = { from: '2020-01-01', to: '2020-12-31' };
export const NOW = '2021-03-02T01:00:00.000Z';

const dir = mkdtempSync(join(tmpdir(), 'gyoryu-reports-test-'));
let n = 0;

/** Renders a job inline (Vitest runs no worker) and returns the file's path and result. */
export async function render(db: DB, job: ReportJob) {
	const path = join(dir, `${++n}.${job.format}`);
	const result = await renderReport(db, job, path);
	return { path, result };
}

export function briefingJob(
	format: ReportJob['format'],
	extra: Partial<Extract<ReportJob, { kind: 'briefing' }>> = {}
): Extract<ReportJob, { kind: 'briefing' }> {
	return {
		kind: 'briefing',
		format: format as 'pdf',
		filter: YEAR_2020,
		viewer: VIEWER,
		now: NOW,
		...extra
	};
}

export const pdfText = (path: string) =>
	execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

export const pdfPages = (path: string) =>
	Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);

export const zipList = (path: string) =>
	execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');

export const zipEntry = (path: string, entry: string) =>
	execFileSync('unzip', ['-p', path, entry], { encoding: 'utf8', maxBuffer: 64 << 20 });

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e]);

/** The text runs of an Office XML part (w:t in Word, a:t in PowerPoint), joined per paragraph. */
export function xmlText(xml: string): string {
	return xml
		.split(/<\/(?:w|a):p>/)
		.map((p) =>
			[...p.matchAll(/<(?:w|a):t(?:\s[^>]*)?>([^<]*)<\/(?:w|a):t>/g)]
				.map((m) => decode(m[1]))
				.join('')
		)
		.join('\n');
}

export const readUtf8 = (path: string) => readFileSync(path, 'utf8');

/** An exchange written through the app's own write code (links, search entry, audit row). */
export function addExchange(
	db: DB,
	input: Partial<Omit<ExchangeInput, 'date'>> & { titleKo: string; date?: string }
): number {
	const date = parsePartialDate(input.date ?? '2020-06-15');
	if (!date) throw new Error(`bad date ${input.date}`);
	return db.transaction(
		(tx) => insertExchange(tx, { type: 'meeting', mode: 'in_person', ...input, date }, null).id
	);
}
