/**
 * Dates as Korean sheets hold them → a partial date with its precision: 2009.12.11,
 * 2009-12-11, 2009/12/11, 2009년 12월 11일, 2009. 12. 11.(금), '09.12.11, 20091211, 2009.12,
 * 2009년 12월, 2009, an Excel serial day (40158) or a date cell; for exchanges also a range
 * 2020.11.4~5, 2020.11.30~12.1 or 2020.11.30 ~ 2020.12.01.
 */
import { isValidDay, pad, parsePartialDate, type PartialDate } from '$lib/dates';
import type { Cell } from './grid';

/** Excel's day 0 in the 1900 system, counting its phantom 29 February 1900. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function fromParts(y: number, m?: number, d?: number): PartialDate | null {
	if (y < 1000 || y > 2999) return null;
	if (m === undefined) return parsePartialDate(String(y));
	if (d === undefined) return parsePartialDate(`${y}-${pad(m)}`);
	return parsePartialDate(`${y}-${pad(m)}-${pad(d)}`);
}

/**
 * A year typed into a date-formatted column arrives as a day of 1905 (serial 1997 is
 * 1905-06-19); no exchange of a provincial office dates from then, so it is read as the year.
 */
function fromDate(d: Date): PartialDate | null {
	const serial = (d.getTime() - EXCEL_EPOCH) / DAY_MS;
	if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100) return fromParts(serial);
	return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function fromNumber(n: number): PartialDate | null {
	if (Number.isInteger(n)) {
		if (n >= 1000 && n <= 2999) return fromParts(n);
		if (n >= 10_000_000 && n <= 29_991_231) return fromText(String(n));
		if (n > 0 && n < 2_958_466) return fromDate(new Date(EXCEL_EPOCH + n * DAY_MS));
		return null;
	}
	// "2009.12" typed into a cell becomes the number 2009.12.
	const [y, frac] = String(n).split('.');
	return frac && frac.length <= 2 ? fromParts(Number(y), Number(frac.padEnd(2, '0'))) : null;
}

const fullYear = (y: string) => {
	const n = Number(y);
	return y.length === 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
};

function fromText(raw: string): PartialDate | null {
	const v = raw
		.replace(/\([^)]*\)/g, '')
		.replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '')
		.replace(/[’'`]/g, '')
		.trim()
		.replace(/[.\s]+$/, '');
	if (/^\d+(\.\d+)?$/.test(v) && !/^\d{4}\.\d{1,2}$/.test(v)) {
		if (/^\d{8}$/.test(v)) return fromParts(+v.slice(0, 4), +v.slice(4, 6), +v.slice(6));
		if (/^\d{5}$/.test(v)) return fromNumber(Number(v));
	}
	const sep = '\\s*(?:[.\\-/]|년|월)\\s*';
	let m = new RegExp(`^(\\d{4}|\\d{2})${sep}(\\d{1,2})${sep}(\\d{1,2})\\s*일?$`).exec(v);
	if (m) return fromParts(fullYear(m[1]), +m[2], +m[3]);
	m = new RegExp(`^(\\d{4})${sep}(\\d{1,2})\\s*월?$`).exec(v);
	if (m) return fromParts(+m[1], +m[2]);
	m = /^(\d{4})\s*년?$/.exec(v);
	if (m) return fromParts(+m[1]);
	return null;
}

/** The end of a range written short after `~`: `5`, `12.1`, `12월 1일` or a full date. */
function rangeEnd(start: PartialDate, raw: string): string | null {
	const full = fromText(raw);
	if (full?.precision === 'day') return full.start;
	const v = raw
		.replace(/\([^)]*\)/g, '')
		.replace(/[.\s일]+$/, '')
		.trim();
	const [y, mo] = start.start.split('-');
	let m = /^(\d{1,2})$/.exec(v);
	if (m) return `${y}-${mo}-${pad(+m[1])}`;
	m = /^(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})$/.exec(v);
	if (m) return `${y}-${pad(+m[1])}-${pad(+m[2])}`;
	return null;
}

/** A date cell → partial date; null when the cell holds no date it can read. */
export function parseCellDate(cell: Cell, options: { ranges?: boolean } = {}): PartialDate | null {
	if (cell === null || cell === '' || typeof cell === 'boolean') return null;
	if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : fromDate(cell);
	if (typeof cell === 'number') return fromNumber(cell);
	const text = cell.trim();
	const parts = options.ranges ? text.split(/\s*[~∼〜～]\s*/) : [text];
	const start = fromText(parts[0]);
	if (!start || parts.length === 1) return start;
	if (parts.length !== 2 || start.precision !== 'day') return null;
	const end = rangeEnd(start, parts[1]);
	if (!end || !isValidDay(end) || end < start.start) return null;
	return { precision: 'day', start: start.start, end };
}
