/**
 * Finds the header in a sheet as provinces keep them: a title line, a "(2024. 12. 31. 기준)"
 * line and blank rows on top, and often a two-row header where 결연현황 is merged over 구분
 * and 일자. The header row is the one whose cells name the most fields; a row right under it
 * whose every filled cell is a header word too is its second line.
 */
import { fieldForLabel, type ImportKind } from './columns';
import { ImportFileError } from './errors';
import { cellText, isBlankRow, type GridRow } from './grid';
import { HEADER_SEARCH_ROWS, MAX_ROWS } from './limits';

export interface SheetTable {
	/** One display label per column: `결연현황 › 구분` for a two-row header. */
	labels: string[];
	/** Per column, the labels to try, most specific first. */
	alternatives: string[][];
	headerRow: number;
	rows: GridRow[];
}

function rowScore(kind: ImportKind, cells: string[]): number {
	return cells.reduce((sum, c) => {
		const s = fieldForLabel(kind, c)?.score ?? 0;
		return sum + (s >= 2 ? 1 : s > 0 ? 0.25 : 0);
	}, 0);
}

function isSubHeader(kind: ImportKind, row: string[], above: string[]): boolean {
	const own = row.filter((c, i) => c !== '' && c !== above[i]);
	return own.length > 0 && own.every((c) => (fieldForLabel(kind, c)?.score ?? 0) > 0);
}

export function findTable(kind: ImportKind, rows: GridRow[]): SheetTable {
	const top = rows.slice(0, HEADER_SEARCH_ROWS).map((r) => r.cells.map(cellText));
	let best = -1;
	let bestScore = 1.5;
	top.forEach((cells, i) => {
		const s = rowScore(kind, cells);
		if (s > bestScore) [best, bestScore] = [i, s];
	});
	if (best < 0)
		throw new ImportFileError(
			'import_err_no_header',
			'No header row found: name the columns (국가, 교류지역, 결연구분, 결연일자 …)'
		);
	const width = Math.max(...rows.map((r) => r.cells.length));
	// An XLSX header merged over two rows repeats its labels in both; the upper row then
	// holds the parents (결연현황) of the lower one's children (구분, 일자).
	const upper = best > 0 ? top[best - 1] : [];
	const repeated = upper.filter((c, i) => c !== '' && c === top[best][i]).length;
	const mergedAbove = repeated > 0 && repeated >= upper.filter(Boolean).length / 2;
	const head = mergedAbove ? upper : top[best];
	const subRow = mergedAbove ? top[best] : top[best + 1];
	const sub = subRow && isSubHeader(kind, subRow, head) ? subRow : null;
	const alternatives: string[][] = [];
	const labels: string[] = [];
	let parent = '';
	for (let c = 0; c < width; c++) {
		// A CSV keeps a merged parent only in its first cell; the ones right of it are blank.
		parent = head[c] || (sub?.[c] ? parent : '');
		const child = sub?.[c] && sub[c] !== parent ? sub[c] : '';
		labels.push(child ? `${parent} › ${child}` : parent);
		alternatives.push([child, parent, child ? `${parent} ${child}` : ''].filter(Boolean));
	}
	const dataStart = mergedAbove ? best + 1 : best + (sub ? 2 : 1);
	const data = rows.slice(dataStart).filter((r) => !isBlankRow(r.cells));
	if (data.length > MAX_ROWS)
		throw new ImportFileError(
			'import_err_too_many_rows',
			`The sheet has more than ${MAX_ROWS} rows`
		);
	return { labels, alternatives, headerRow: rows[best].number, rows: data };
}
