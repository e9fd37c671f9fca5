import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readSpreadsheet } from '../../src/lib/server/import/read-file';
import { loadSheet } from '../../src/lib/server/import/sheet';
import { parseCellDate } from '../../src/lib/server/import/cell-dates';
import { countryCode } from '../../src/lib/server/import/countries';
import { ImportFileError } from '../../src/lib/server/import/errors';
import { MAX_FILE_BYTES, MAX_ROWS } from '../../src/lib/server/import/limits';
import { deflatedZeros, fixtureBytes, zipOf } from '../helpers/import';

async function refusal(promise: Promise<unknown>): Promise<ImportFileError> {
	const e = await promise.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(ImportFileError);
	return e as ImportFileError;
}

describe('reading sheets', () => {
	it('detects a CP949 CSV as Korean Excel saves it and reads its Hangul', async () => {
		const bytes = fixtureBytes('partners-cp949.csv');
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const sheet = await loadSheet(bytes, 'partners');
		expect(sheet.encoding).toBe('cp949');
		expect(sheet.table.labels).toEqual([
			'연번',
			'국가',
			'교류지역',
			'영문명',
			'결연구분',
			'결연일자',
			'담당부서',
			'비고'
		]);
		expect(sheet.mapping).toEqual([
			'seq',
			'country',
			'nameKo',
			'nameEn',
			'tieKind',
			'tieDate',
			'department',
			'notes'
		]);
		expect(sheet.table.rows[4].cells).toContain('2016년 자매결연 격상 논의, 보류');
	});

	it('reads a UTF-8 CSV with a byte-order mark and finds the header under a title row', async () => {
		const sheet = await loadSheet(fixtureBytes('partners-bom.csv'), 'partners');
		expect(sheet.encoding).toBe('utf-8-bom');
		expect(sheet.table.headerRow).toBe(3);
		expect(sheet.table.labels[0]).toBe('번호');
		expect(sheet.mapping.slice(1, 6)).toEqual([
			'country',
			'nameKo',
			'nameEn',
			'tieKind',
			'tieDate'
		]);
		expect(sheet.table.rows).toHaveLength(6);
	});

	it('reads an XLSX with a title, a 기준 line and a header merged over two rows', async () => {
		const sheet = await loadSheet(fixtureBytes('partners-merged.xlsx'), 'partners');
		expect(sheet.format).toBe('xlsx');
		expect(sheet.table.labels).toEqual([
			'연번',
			'국가',
			'교류지역',
			'영문명',
			'결연현황 › 구분',
			'결연현황 › 일자',
			'담당부서',
			'비고'
		]);
		expect(sheet.mapping[4]).toBe('tieKind');
		expect(sheet.mapping[5]).toBe('tieDate');
		// The country merged down three rows belongs to each of them.
		expect(sheet.table.rows.slice(0, 3).map((r) => r.cells[1])).toEqual(['중국', '중국', '중국']);
		expect(sheet.table.rows[0].number).toBe(5);
	});

	it('reads a two-row header from a CSV, where the merged parent sits in its first cell only', async () => {
		const text =
			'연번,국가,교류지역,결연현황,,비고\r\n,,,구분,일자,\r\n1,일본,가나가와현,자매결연,1990.04.24,\r\n';
		const sheet = await loadSheet(iconv.encode(text, 'cp949'), 'partners');
		expect(sheet.table.labels).toEqual([
			'연번',
			'국가',
			'교류지역',
			'결연현황 › 구분',
			'결연현황 › 일자',
			'비고'
		]);
		expect(sheet.mapping.slice(3, 5)).toEqual(['tieKind', 'tieDate']);
		expect(sheet.table.rows).toHaveLength(1);
	});

	it('reads the date forms Korean sheets use, with their precision', () => {
		const cases: [string | number | Date, string, string][] = [
			['2009.12.11', 'day', '2009-12-11'],
			['2009-12-11', 'day', '2009-12-11'],
			['2009년 12월 11일', 'day', '2009-12-11'],
			['2009. 12. 11.(금)', 'day', '2009-12-11'],
			["'93.10.05", 'day', '1993-10-05'],
			['2009.12', 'month', '2009-12-01'],
			['2009년 12월', 'month', '2009-12-01'],
			['2009', 'year', '2009-01-01'],
			[40158, 'day', '2009-12-11'],
			[2009.12, 'month', '2009-12-01'],
			[1990, 'year', '1990-01-01'],
			[new Date(Date.UTC(1990, 3, 24)), 'day', '1990-04-24']
		];
		for (const [value, precision, start] of cases)
			expect(parseCellDate(value), String(value)).toMatchObject({ precision, start });
		expect(parseCellDate('2020.02.30')).toBeNull();
		expect(parseCellDate('미정')).toBeNull();
		expect(parseCellDate('2020.11.30~12.1', { ranges: true })).toEqual({
			precision: 'day',
			start: '2020-11-30',
			end: '2020-12-01'
		});
	});

	it('turns Korean and English country names into ISO codes', () => {
		expect(
			['중국', '일본', '미국', '베트남', '러시아', '인도네시아', 'China', '대한민국', 'US'].map(
				countryCode
			)
		).toEqual(['CN', 'JP', 'US', 'VN', 'RU', 'ID', 'CN', 'KR', 'US']);
		expect(countryCode('아틀란티스')).toBeNull();
	});
});

describe('refusing files', () => {
	it('refuses a zip bomb by its declared size, quickly', async () => {
		const deflated = await deflatedZeros(220 * 1024 * 1024);
		const started = Date.now();
		const e = await refusal(
			readSpreadsheet(zipOf('xl/worksheets/sheet1.xml', deflated, 220 * 1024 * 1024))
		);
		expect(e.code).toBe('import_err_zip_bomb');
		expect(e.message).toMatch(/zip bomb/);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('refuses a zip bomb that lies about its size, by counting what it inflates to', async () => {
		const deflated = await deflatedZeros(220 * 1024 * 1024);
		const started = Date.now();
		const e = await refusal(readSpreadsheet(zipOf('xl/sharedStrings.xml', deflated, 1000)));
		expect(e.code).toBe('import_err_zip_bomb');
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it('refuses a file over the size limit before reading it', async () => {
		const e = await refusal(readSpreadsheet(new Uint8Array(MAX_FILE_BYTES + 1)));
		expect(e.code).toBe('import_err_too_big');
	});

	it('refuses a sheet of more than 100,000 rows', async () => {
		const lines = ['국가,교류지역,결연구분'];
		for (let i = 0; i <= MAX_ROWS; i++) lines.push(`중국,도시${i},우호`);
		const e = await refusal(loadSheet(Buffer.from(lines.join('\n')), 'partners'));
		expect(e.code).toBe('import_err_too_many_rows');
	});

	it('refuses a damaged XLSX, an old .xls and a sheet without a header, each with its reason', async () => {
		const damaged = Buffer.from(fixtureBytes('partners-merged.xlsx').subarray(0, 3000));
		expect((await refusal(readSpreadsheet(damaged))).code).toBe('import_err_corrupt');
		const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
		expect((await refusal(readSpreadsheet(xls))).code).toBe('import_err_xls');
		const noHeader = Buffer.from('중국,랴오닝성,1993\n일본,가나가와현,1990\n');
		expect((await refusal(loadSheet(noHeader, 'partners'))).code).toBe('import_err_no_header');
		expect((await refusal(readSpreadsheet(new Uint8Array(0)))).code).toBe('import_err_empty');
	});
});
