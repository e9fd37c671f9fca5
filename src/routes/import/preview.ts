/** What the import page shows of a preview: small enough to send, complete where it matters. */
import { cellText } from '$lib/server/import/grid';
import type { LoadedSheet } from '$lib/server/import/sheet';
import type { ImportReport, RowOutcome } from '$lib/server/import/report';

export const SHOWN_ROWS = 500;

/** The first rows, plus every row with an error or a skip up to the same bound. */
export function shownRows(rows: RowOutcome[]): RowOutcome[] {
	const first = rows.slice(0, SHOWN_ROWS);
	const flagged = rows
		.slice(SHOWN_ROWS)
		.filter((r) => r.status === 'error' || r.status === 'skip')
		.slice(0, SHOWN_ROWS);
	return [...first, ...flagged];
}

/** `report` is null when a required field has no column yet: only the mapping is shown. */
export function previewData(sheet: LoadedSheet, report: ImportReport | null) {
	const samples = sheet.table.labels.map((_, c) =>
		sheet.table.rows
			.slice(0, 3)
			.map((r) => cellText(r.cells[c]))
			.filter(Boolean)
	);
	return {
		format: sheet.format,
		encoding: sheet.encoding ?? null,
		sheetName: sheet.sheetName ?? null,
		headerRow: sheet.table.headerRow,
		labels: sheet.table.labels,
		samples,
		mapping: sheet.mapping,
		totals: report?.totals ?? null,
		rows: report ? shownRows(report.rows) : []
	};
}
