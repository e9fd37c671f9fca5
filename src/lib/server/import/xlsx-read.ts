/**
 * Reads the first visible worksheet of an XLSX with exceljs, after the zip guard. Merged
 * cells take their master's value in every cell they cover: a header merged over two rows
 * labels both, and a country merged down ten rows belongs to each of them.
 */
import ExcelJS from 'exceljs';
import { ImportFileError } from './errors';
import type { Cell, Grid, GridRow } from './grid';
import { MAX_COLUMNS, MAX_ROWS, HEADER_SEARCH_ROWS } from './limits';
import { assertSafeZip } from './zip-guard';

function plainValue(value: ExcelJS.CellValue): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'object' || value instanceof Date) return value;
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('text' in value && typeof value.text === 'string') return value.text;
	if ('result' in value) {
		const r = value.result;
		return r === undefined || (typeof r === 'object' && !(r instanceof Date)) ? null : r;
	}
	return null;
}

function pickSheet(workbook: ExcelJS.Workbook, name?: string): ExcelJS.Worksheet {
	const sheets = workbook.worksheets;
	const chosen = name
		? sheets.find((s) => s.name === name)
		: (sheets.find((s) => s.state === 'visible' && s.actualRowCount > 0) ?? sheets[0]);
	if (!chosen) throw new ImportFileError('import_err_no_sheet', 'The workbook has no such sheet');
	return chosen;
}

export async function readXlsx(buf: Buffer, sheetName?: string): Promise<Grid> {
	await assertSafeZip(buf);
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs types its argument as its own Buffer type; a Node Buffer is what it reads.
		await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer, {
			ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst']
		});
	} catch (e) {
		throw new ImportFileError('import_err_corrupt', `The XLSX file cannot be read: ${e}`);
	}
	const sheet = pickSheet(workbook, sheetName);
	if (sheet.actualRowCount > MAX_ROWS + HEADER_SEARCH_ROWS)
		throw new ImportFileError(
			'import_err_too_many_rows',
			`The sheet has more than ${MAX_ROWS} rows`
		);
	const width = Math.min(sheet.columnCount, MAX_COLUMNS);
	const rows: GridRow[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, number) => {
		const cells: Cell[] = [];
		for (let c = 1; c <= width; c++) cells.push(plainValue(row.getCell(c).value));
		rows.push({ number, cells });
	});
	return { format: 'xlsx', sheetName: sheet.name, rows };
}
