/**
 * The office files open in a real office suite: LibreOffice converts each to PDF and the
 * Korean text is still there. Skipped, saying so, where LibreOffice is not installed
 * (apt-get install libreoffice-core libreoffice-writer libreoffice-calc libreoffice-impress).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDb } from '../helpers/db';
import type { DB } from '../../src/lib/server/db';
import { briefingJob, pdfText, render } from './reports-support';

const office = spawnSync('which', ['libreoffice']).status === 0;
if (!office)
	console.warn(
		'reports-libreoffice: LibreOffice is not installed; skipping the open-in-office checks'
	);

/** Converts with LibreOffice (its own profile, one output folder per file) and extracts the text. */
function officeText(path: string): string {
	const out = mkdtempSync(join(tmpdir(), 'gyoryu-lo-'));
	execFileSync(
		'libreoffice',
		[
			`-env:UserInstallation=file://${out}/profile`,
			'--headless',
			'--convert-to',
			'pdf',
			'--outdir',
			out,
			path
		],
		{ timeout: 120_000, stdio: 'ignore' }
	);
	const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'));
	if (!pdf) throw new Error(`LibreOffice did not convert ${path}`);
	return pdfText(join(out, pdf));
}

describe.skipIf(!office)('LibreOffice opens the briefing', () => {
	let db: DB;
	beforeAll(() => {
		db = demoDb();
	});

	it('DOCX', { timeout: 180_000 }, async () => {
		const { path } = await render(db, briefingJob('docx'));
		// Table cells wrap, so compare without the line breaks and spaces.
		const text = officeText(path).replace(/\s+/g, '');
		expect(text).toContain('주요지표');
		expect(text).toContain('제1회경기-중국산둥성우호협력연석회의');
		expect(text).toContain('山东省');
	});

	it('XLSX', { timeout: 180_000 }, async () => {
		const { path } = await render(db, briefingJob('xlsx'));
		const text = officeText(path);
		expect(text).toContain('교류 건수');
		expect(text).toContain('화상회의');
	});

	it('PPTX', { timeout: 180_000 }, async () => {
		const { path } = await render(db, briefingJob('pptx'));
		const text = officeText(path);
		expect(text).toContain('진행 중인 약속');
		expect(text).toContain('경기도 국제교류 브리핑');
	});
});
