/**
 * CSV for list exports: UTF-8 with a byte-order mark so Excel shows Korean, CRLF lines, and
 * cells that a spreadsheet would run as a formula (= + - @ tab CR) prefixed with a quote.
 */
export type CsvCell = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	let s = String(value);
	if (typeof value === 'string' && formulaStart.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
	const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** A download response for a CSV body; `name` must be ASCII (a plain filename). */
export function csvResponse(body: string, name: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
}
