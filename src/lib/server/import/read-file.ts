/** Bytes of an upload → a grid of cells: XLSX by its zip signature, anything else as CSV. */
import { decodeText } from './decode-text';
import { parseCsv } from './csv-parse';
import { ImportFileError } from './errors';
import type { Grid } from './grid';
import { MAX_FILE_BYTES } from './limits';
import { readXlsx } from './xlsx-read';

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

export async function readSpreadsheet(
	bytes: Uint8Array,
	options: { sheetName?: string } = {}
): Promise<Grid> {
	if (bytes.byteLength === 0) throw new ImportFileError('import_err_empty', 'The file is empty');
	if (bytes.byteLength > MAX_FILE_BYTES)
		throw new ImportFileError(
			'import_err_too_big',
			`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`
		);
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(buf, options.sheetName);
	if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0]))
		throw new ImportFileError(
			'import_err_xls',
			'Old .xls workbooks are not read; save the sheet as .xlsx or CSV'
		);
	const { text, encoding } = decodeText(buf);
	if (text.includes('\u0000'))
		throw new ImportFileError('import_err_not_spreadsheet', 'The file is not a CSV or XLSX sheet');
	const rows = parseCsv(text).map((cells, i) => ({ number: i + 1, cells }));
	return { format: 'csv', encoding, rows };
}
