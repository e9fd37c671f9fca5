/**
 * A small RFC 4180 reader: quoted cells with doubled quotes and line breaks inside, CRLF or LF
 * lines, and the delimiter the header line uses most (comma, tab from "Unicode text", or the
 * semicolon some European locales write).
 */
import { ImportFileError } from './errors';
import { MAX_COLUMNS, MAX_ROWS } from './limits';

function guessDelimiter(text: string): string {
	const firstLines = text.slice(0, 4096).split(/\r?\n/).slice(0, 10).join('\n');
	const count = (d: string) => firstLines.split(d).length - 1;
	const candidates = [',', '\t', ';'];
	return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** Rows of cell strings; line numbers are 1-based, counted as a spreadsheet counts records. */
export function parseCsv(text: string, maxRows = MAX_ROWS): string[][] {
	const delimiter = guessDelimiter(text);
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const endRow = () => {
		row.push(cell);
		cell = '';
		rows.push(row.slice(0, MAX_COLUMNS));
		row = [];
		// The header and a title line or two come on top of the data rows.
		if (rows.length > maxRows + 50)
			throw new ImportFileError(
				'import_err_too_many_rows',
				`The file has more than ${maxRows} rows`
			);
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else quoted = false;
			} else cell += ch;
		} else if (ch === '"' && cell === '') quoted = true;
		else if (ch === delimiter) {
			row.push(cell);
			cell = '';
		} else if (ch === '\n') endRow();
		else if (ch === '\r') {
			if (text[i + 1] !== '\n') endRow();
		} else cell += ch;
	}
	if (cell !== '' || row.length > 0) endRow();
	return rows;
}
