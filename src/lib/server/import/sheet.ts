/** An upload, read and laid out: its header, data rows and the column mapping to use. */
import { cleanMapping, guessMapping, type ImportKind, type Mapping } from './columns';
import type { TextEncoding } from './decode-text';
import { findTable, type SheetTable } from './header';
import { readSpreadsheet } from './read-file';

export interface LoadedSheet {
	format: 'csv' | 'xlsx';
	encoding?: TextEncoding;
	sheetName?: string;
	table: SheetTable;
	mapping: Mapping;
}

/** Reads the file and guesses the mapping, or checks and keeps the one the user chose. */
export async function loadSheet(
	bytes: Uint8Array,
	kind: ImportKind,
	options: { mapping?: string[]; sheetName?: string } = {}
): Promise<LoadedSheet> {
	const grid = await readSpreadsheet(bytes, { sheetName: options.sheetName });
	const table = findTable(kind, grid.rows);
	const mapping = options.mapping
		? cleanMapping(kind, options.mapping, table.labels.length)
		: guessMapping(kind, table.alternatives);
	return {
		format: grid.format,
		encoding: grid.encoding,
		sheetName: grid.sheetName,
		table,
		mapping
	};
}
