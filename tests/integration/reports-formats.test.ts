/**
 * Every briefing format read back and checked for content: the demo records of 2020 (seven
 * held exchanges, five of them video conferences with Chinese and Japanese partners).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { demoDb } from '../helpers/db';
import type { DB } from '../../src/lib/server/db';
import {
	briefingExchangeBatches,
	countBriefingExchanges
} from '../../src/lib/server/queries/briefing';
import { buildBriefing } from '../../src/lib/server/reports/model';
import {
	YEAR_2020,
	VIEWER,
	briefingJob,
	pdfPages,
	pdfText,
	readUtf8,
	render,
	xmlText,
	zipEntry,
	zipList
} from './reports-support';

let db: DB;
let titles: string[];
let total: number;
beforeAll(() => {
	db = demoDb();
	total = countBriefingExchanges(db, YEAR_2020, VIEWER);
	titles = [...briefingExchangeBatches(db, YEAR_2020, VIEWER)].flat().map((x) => x.titleKo);
});

describe('the fixture', () => {
	it('has the seven held exchanges of 2020', () => {
		expect(total).toBe(7);
		expect(titles).toContain('제1회 경기-중국 산둥성 우호협력 연석회의');
	});
});

describe('PDF', () => {
	it('prints Korean, the partners’ native names, the filter, the totals and page numbers', async () => {
		const { path, result } = await render(db, briefingJob('pdf'));
		expect(result.found).toBe(true);
		const text = pdfText(path);
		for (const s of [
			'경기도 국제교류 브리핑',
			'주요 지표',
			'교류 활동',
			'합의와 후속조치',
			'山东省',
			'神奈川県',
			'重庆市',
			'기간: 2020. 1. 1. – 2020. 12. 31.',
			'작성 2021-03-02 10:00 KST · 열람자',
			'교류 7건'
		])
			expect(text).toContain(s);
		expect(text).toMatch(/교류 건수\s+7\s/);
		const pages = pdfPages(path);
		expect(pages).toBeGreaterThan(1);
		// pdftotext drops the thin spaces of the 8 pt footer: "1 / 4" reads as "1/4".
		for (let i = 1; i <= pages; i++) expect(text).toMatch(new RegExp(`\\b${i} ?/ ?${pages}\\b`));
	});

	it('embeds its fonts', async () => {
		const { path } = await render(db, briefingJob('pdf', { sections: ['figures'] }));
		const { execFileSync } = await import('node:child_process');
		const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
		expect(fonts).toMatch(/NotoSansCJKkr-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
	});

	it('uses English titles and labels with lang=en', async () => {
		const { path } = await render(db, briefingJob('pdf', { lang: 'en', groupBy: 'partner' }));
		const text = pdfText(path);
		expect(text).toContain('Gyeonggi Province international exchange briefing');
		expect(text).toContain('Key figures');
		expect(text).toContain('Shandong Province (山东省)');
		expect(text).toContain('7 exchanges');
	});
});

describe('DOCX', () => {
	it('holds the Korean headings and every exchange title, with charts as pictures', async () => {
		const { path } = await render(db, briefingJob('docx'));
		const text = xmlText(zipEntry(path, 'word/document.xml'));
		for (const h of ['주요 지표', '차트', '교류 활동', '합의와 후속조치', '교류 상대와 관계'])
			expect(text).toContain(h);
		for (const title of titles) expect(text).toContain(title);
		const b = buildBriefing(db, YEAR_2020, VIEWER, {});
		const pictures = zipList(path).filter((f) => f.startsWith('word/media/'));
		expect(pictures.length).toBe(b.charts.length);
		expect(zipList(path).some((f) => /^word\/footer\d*\.xml$/.test(f))).toBe(true);
	});
});

describe('XLSX', () => {
	it('has one sheet per section plus the pivot, typed cells and as many rows as the query', async () => {
		const { path, result } = await render(db, briefingJob('xlsx'));
		expect(result.rows).toBe(total);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(path);
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'개요',
			'교류 활동',
			'월별 유형별 건수',
			'차트',
			'합의와 후속조치',
			'교류 상대와 관계',
			'다가오는 기념일'
		]);
		const ex = wb.getWorksheet('교류 활동')!;
		expect(ex.actualRowCount).toBe(total + 1);
		expect(ex.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(ex.autoFilter).toBeTruthy();
		expect(ex.getColumn(7).width).toBeGreaterThan(20);
		const header = ex.getRow(1).values as string[];
		const col = (name: string) => header.indexOf(name);
		const seen: string[] = [];
		for (let r = 2; r <= total + 1; r++) {
			const row = ex.getRow(r);
			expect(typeof row.getCell(col('번호')).value).toBe('number');
			expect(row.getCell(col('시작일')).value).toBeInstanceOf(Date);
			expect(row.getCell(col('제목')).type).toBe(ExcelJS.ValueType.String);
			seen.push(String(row.getCell(col('제목')).value));
		}
		expect(seen.sort()).toEqual([...titles].sort());
		const unknownMonth = [...Array(total).keys()]
			.map((i) => ex.getRow(i + 2))
			.filter((row) => row.getCell(col('일자 단위')).value === '연');
		expect(
			unknownMonth.map((row) => (row.getCell(col('시작일')).value as Date).toISOString())
		).toEqual(['2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z']);
	});

	it('pivots months by type with the totals of the query', async () => {
		const { path } = await render(db, briefingJob('xlsx'));
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(path);
		const pivot = wb.getWorksheet('월별 유형별 건수')!;
		const header = pivot.getRow(1).values as string[];
		expect(header).toContain('화상회의');
		const totalCol = header.indexOf('합계');
		let sum = 0;
		const byLabel = new Map<string, number>();
		pivot.eachRow((row, i) => {
			if (i === 1) return;
			const n = row.getCell(totalCol).value as number;
			sum += n;
			byLabel.set(String(row.getCell(1).value), n);
		});
		expect(sum).toBe(total);
		expect(byLabel.get('2020-11')).toBe(2);
		expect(byLabel.get('2020년 (월 미상)')).toBe(2);
		expect(byLabel.get('2020-01')).toBe(0);
	});
});

describe('CSV', () => {
	it('is UTF-8 with a BOM and one line per exchange', async () => {
		const { path, result } = await render(db, briefingJob('csv'));
		const text = readUtf8(path);
		expect(text.startsWith('\uFEFF번호,묶음,일자')).toBe(true);
		expect(result.rows).toBe(total);
		expect(text.trimEnd().split('\r\n')).toHaveLength(total + 1);
		for (const title of titles) expect(text).toContain(title);
	});
});

describe('PPTX', () => {
	it('has native charts holding the data, and the open commitments', async () => {
		const { path } = await render(db, briefingJob('pptx'));
		const files = zipList(path);
		const charts = files.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
		expect(charts.length).toBeGreaterThanOrEqual(3);
		const byType = charts
			.map((f) => zipEntry(path, f))
			.find((x) => x.includes('유형별 교류 추이'))!;
		expect(byType).toContain('2020년 (월 미상)');
		expect(byType).toContain('화상회의');
		const values = [...byType.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)].flatMap((v) =>
			[...v[0].matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Number(m[1]))
		);
		expect(values.reduce((s, n) => s + n, 0)).toBe(total);
		const slides = files
			.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
			.map((f) => xmlText(zipEntry(path, f)))
			.join('\n');
		expect(slides).toContain('진행 중인 약속');
		expect(slides).toContain('자매결연 30주년 기념행사 (2020 → 2021 순연)');
		expect(slides).toContain('주요 지표');
	});
});
