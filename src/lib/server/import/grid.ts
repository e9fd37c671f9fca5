/** A sheet as rows of plain cells, whichever format it came in. */
import type { TextEncoding } from './decode-text';

export type Cell = string | number | boolean | Date | null;

export interface GridRow {
	/** The row number the spreadsheet shows, so errors point where the user will look. */
	number: number;
	cells: Cell[];
}

export interface Grid {
	format: 'csv' | 'xlsx';
	encoding?: TextEncoding;
	sheetName?: string;
	rows: GridRow[];
}

/** A cell as trimmed text; numbers without a trailing `.0`. */
export function cellText(cell: Cell | undefined): string {
	if (cell === null || cell === undefined) return '';
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return String(cell).replace(/\s+/g, ' ').trim();
}

export function isBlankRow(cells: Cell[]): boolean {
	return cells.every((c) => cellText(c) === '');
}
