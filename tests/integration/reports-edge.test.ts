/**
 * Briefings at the edges: an empty period still gives a valid file that says so; titles and
 * summaries at the schemas' maximum lengths, emoji and mixed scripts do not break any format;
 * CSV quotes Korean text with commas, quotes and line breaks and neutralises formulas.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { demoDb } from '../helpers/db';
import type { DB } from '../../src/lib/server/db';
import { execFileSync } from 'node:child_process';
import { LIMITS } from '../../src/lib/schemas/text';
import { fallbackFontFor } from '../../src/lib/server/reports/pdf-fallback';
import {
	NOW,
	VIEWER,
	addExchange,
	briefingJob,
	pdfPages,
	pdfText,
	readUtf8,
	render,
	xmlText,
	zipEntry,
	zipList
} from './reports-support';

const EMPTY = { from: '1990-01-01', to: '1990-12-31' };
const EMPTY_KO = '이 조건에 해당하는 기록이 없습니다.';

let db: DB;
beforeAll(() => {
	db = demoDb();
});

describe('an empty period', () => {
	it('PDF says there is nothing', async () => {
		const { path } = await render(db, briefingJob('pdf', { filter: EMPTY }));
		const text = pdfText(path);
		expect(text).toContain(EMPTY_KO);
		expect(text).toContain('교류 0건');
		expect(pdfPages(path)).toBeGreaterThanOrEqual(1);
	});

	it('DOCX and PPTX say there is nothing', async () => {
		const docx = await render(db, briefingJob('docx', { filter: EMPTY }));
		expect(xmlText(zipEntry(docx.path, 'word/document.xml'))).toContain(EMPTY_KO);
		const pptx = await render(db, briefingJob('pptx', { filter: EMPTY }));
		expect(xmlText(zipEntry(pptx.path, 'ppt/slides/slide1.xml'))).toContain(EMPTY_KO);
	});

	it('XLSX and CSV have their headers and no rows', async () => {
		const xlsx = await render(db, briefingJob('xlsx', { filter: EMPTY }));
		expect(xlsx.result.rows).toBe(0);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(xlsx.path);
		expect(wb.getWorksheet('교류 활동')!.actualRowCount).toBe(1);
		const about: string[] = [];
		wb.getWorksheet('개요')!.eachRow((r) => about.push(String(r.getCell(1).value)));
		expect(about).toContain(EMPTY_KO);
		const csv = await render(db, briefingJob('csv', { filter: EMPTY }));
		expect(readUtf8(csv.path).trimEnd().split('\r\n')).toHaveLength(1);
	});
});

describe('long titles, emoji and mixed scripts', () => {
	const piece = '경기도–山东省·神奈川県 협력 🎉👩‍💻🇰🇷 مرحبا สวัสดี नमस्ते ';
	const longTitle = piece.repeat(20).slice(0, LIMITS.title).trim();
	const longSummary = `요약 ${'가나다라마바사 山东省 🙂 '.repeat(2000)}`.slice(0, LIMITS.long);
	const f = { from: '2031-01-01', to: '2031-12-31' };
	beforeAll(() => {
		const partner = db.$client
			.prepare(`SELECT id FROM organizations WHERE name_ko = '산둥성'`)
			.pluck()
			.get() as number;
		for (let i = 0; i < 3; i++)
			addExchange(db, {
				titleKo: `${i} ${longTitle}`.slice(0, LIMITS.title),
				titleEn: `${i} ${'Long English title with 🎉 emoji '.repeat(12)}`.slice(0, LIMITS.title),
				summaryKo: longSummary,
				date: `2031-0${i + 1}-15`,
				location: '📍'.repeat(50),
				organizations: [{ organizationId: partner, role: 'partner' }]
			});
	});

	it('PDF lays them out on a few pages, the text intact around the emoji', async () => {
		const { path } = await render(db, briefingJob('pdf', { filter: f }));
		const text = pdfText(path).replace(/\s+/g, '');
		expect(text).toContain('경기도–山东省·神奈川県협력');
		expect(text).toContain('교류3건');
		expect(pdfPages(path)).toBeLessThanOrEqual(8);
	});

	it('DOCX keeps the whole title, emoji included', async () => {
		const { path } = await render(db, briefingJob('docx', { filter: f }));
		const text = xmlText(zipEntry(path, 'word/document.xml'));
		expect(text).toContain(`0 ${longTitle}`.slice(0, LIMITS.title));
	});

	it('XLSX holds every character of title and summary', async () => {
		const { path } = await render(db, briefingJob('xlsx', { filter: f }));
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(path);
		const ws = wb.getWorksheet('교류 활동')!;
		const header = ws.getRow(1).values as string[];
		expect(ws.getRow(2).getCell(header.indexOf('제목')).value).toBe(
			`0 ${longTitle}`.slice(0, LIMITS.title)
		);
		expect(ws.getRow(2).getCell(header.indexOf('요약')).value).toBe(longSummary);
	});

	it('PPTX and the English PDF build', async () => {
		const pptx = await render(db, briefingJob('pptx', { filter: f }));
		expect(
			zipList(pptx.path).filter((x) => x.startsWith('ppt/slides/slide')).length
		).toBeGreaterThan(2);
		const en = await render(db, briefingJob('pdf', { filter: f, lang: 'en' }));
		expect(pdfText(en.path)).toContain('Long English title with');
	});
});

/**
 * One sample per script the CJK font lacks, each printed from a fallback font when one is
 * installed (fonts-noto-core, fonts-symbola); a script without one is skipped and says so.
 * Korean words between them keep pdftotext from joining two right-to-left samples.
 */
describe('mixed scripts print from fallback fonts', () => {
	// `missing`: a character of the sample the CJK font has no glyph for.
	const samples = [
		{ script: 'Chinese', text: '山东省', missing: null },
		{ script: 'Japanese', text: '神奈川県', missing: null },
		{ script: 'Arabic', text: 'مرحبا', missing: 'م' },
		{ script: 'Hebrew', text: 'שלום', missing: 'ש' },
		{ script: 'Thai', text: 'สวัสดี', missing: 'ส' },
		{ script: 'Devanagari', text: 'नमस्ते', missing: 'न' },
		{ script: 'Greek', text: 'Γειά', missing: 'ά' },
		{ script: 'emoji', text: '🤝', missing: '🤝' }
	].map((s) => ({ ...s, font: s.missing && fallbackFontFor(s.missing.codePointAt(0)!) }));
	// U+F0000 (private use) is in no font: it prints as □.
	const title = `교류 ${samples.map((s) => s.text).join(' 및 ')} 협력 \u{F0000}`;
	const f = { from: '2033-01-01', to: '2033-12-31' };
	let partner: number;
	let briefing: string;
	let dossier: string;
	beforeAll(async () => {
		partner = db.$client
			.prepare(`SELECT id FROM organizations WHERE name_ko = '산둥성'`)
			.pluck()
			.get() as number;
		addExchange(db, {
			titleKo: title,
			summaryKo: `요약 ${title}`,
			date: '2033-05-15',
			organizations: [{ organizationId: partner, role: 'partner' }]
		});
		briefing = pdfText((await render(db, briefingJob('pdf', { filter: f }))).path);
		dossier = pdfText(
			(
				await render(db, {
					kind: 'dossier',
					format: 'pdf',
					organizationId: partner,
					viewer: VIEWER,
					now: NOW
				})
			).path
		);
	});

	for (const s of samples) {
		const name = `the briefing and the dossier print the ${s.script} sample ${s.text}`;
		const missing = s.missing && !s.font;
		it.skipIf(missing)(
			missing ? `${name} (skipped: no installed fallback font has ${s.script})` : name,
			() => {
				expect(briefing).toContain(s.text);
				expect(dossier).toContain(s.text);
			}
		);
	}

	it('keeps the Korean around them, prints □ for what no font has, embeds the fallbacks', async () => {
		expect(briefing).toContain('교류 1건');
		expect(briefing).toMatch(/교류 山东省 및 神奈川県 및/);
		expect(briefing).toContain('협력 □');
		const { path } = await render(db, briefingJob('pdf', { filter: f }));
		// Two header lines, then one line per font: each embedded, subset, with a ToUnicode map.
		const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n');
		const fallbacks = new Set(samples.map((s) => s.font).filter(Boolean));
		expect(fonts.length - 2).toBeGreaterThanOrEqual(2 + fallbacks.size);
		for (const line of fonts.slice(2)) expect(line).toMatch(/\syes yes yes\s/);
	});

	it('prints □ and never fails when the fallback fonts are turned off or missing', async () => {
		const before = process.env.PDF_FALLBACK_FONTS;
		try {
			for (const setting of ['', '/nonexistent/font.ttf']) {
				process.env.PDF_FALLBACK_FONTS = setting;
				const text = pdfText((await render(db, briefingJob('pdf', { filter: f }))).path);
				expect(text).toContain('山东省');
				expect(text).toContain('□');
				expect(text).not.toContain('مرحبا');
			}
		} finally {
			if (before === undefined) delete process.env.PDF_FALLBACK_FONTS;
			else process.env.PDF_FALLBACK_FONTS = before;
		}
	});
});

/** A small RFC 4180 reader, to check what a spreadsheet would see in each cell. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += ch;
	}
	return rows;
}

describe('CSV and XLSX with hostile text', () => {
	const f = { from: '2032-01-01', to: '2032-12-31' };
	const formula = '=HYPERLINK("http://x","y")';
	const tricky = '서울, "경기" 그리고\n수원';
	beforeAll(() => {
		addExchange(db, { titleKo: formula, date: '2032-01-10', summaryKo: '+82 10 1234' });
		addExchange(db, { titleKo: tricky, date: '2032-02-10', summaryKo: '@SUM(A1)', location: '-1' });
	});

	it('quotes commas, quotes and line breaks in Korean text', async () => {
		const { path } = await render(db, briefingJob('csv', { filter: f }));
		const text = readUtf8(path);
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(text).toContain('"서울, ""경기"" 그리고\n수원"');
		const rows = parseCsv(text.slice(1));
		const header = rows[0];
		const title = header.indexOf('제목');
		expect(rows).toHaveLength(3);
		expect(rows.map((r) => r[title])).toContain(tricky);
	});

	it('neutralises cells a spreadsheet would run as formulas', async () => {
		const { path } = await render(db, briefingJob('csv', { filter: f }));
		const rows = parseCsv(readUtf8(path).slice(1));
		const header = rows[0];
		const cells = rows.slice(1).flatMap((r) => r);
		expect(cells).toContain(`'${formula}`);
		expect(cells).toContain("'+82 10 1234");
		expect(cells).toContain("'@SUM(A1)");
		expect(cells).toContain("'-1");
		expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
		expect(header).toContain('요약');
	});

	it('writes the formula-like title to XLSX as a plain string cell', async () => {
		const { path } = await render(db, briefingJob('xlsx', { filter: f }));
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(path);
		const ws = wb.getWorksheet('교류 활동')!;
		const header = ws.getRow(1).values as string[];
		const cell = ws.getRow(2).getCell(header.indexOf('제목'));
		expect(cell.type).toBe(ExcelJS.ValueType.String);
		expect(cell.value).toBe(formula);
		expect(cell.formula).toBeUndefined();
		const sheetXml = zipList(path).filter((x) => x.startsWith('xl/worksheets/'));
		for (const part of sheetXml) expect(zipEntry(path, part)).not.toContain('<f>');
	});
});
