/**
 * Dates with precision. An event date is a precision (day / month / year) plus the first and
 * last day it covers: `2020` → 2020-01-01…2020-12-31, `2020-11` → 2020-11-01…2020-11-30,
 * a range `2020-11-04~05` → both days.
 */
export type Precision = 'day' | 'month' | 'year';
export interface PartialDate {
	precision: Precision;
	start: string;
	end: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(value: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Parses `2020`, `2020-11` or `2020-11-04`; null when the value is not a real date. */
export function parsePartialDate(value: string): PartialDate | null {
	const v = value.trim();
	let m = /^(\d{4})$/.exec(v);
	if (m) return { precision: 'year', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
	m = /^(\d{4})-(\d{2})$/.exec(v);
	if (m) {
		const [y, mo] = [Number(m[1]), Number(m[2])];
		if (mo < 1 || mo > 12) return null;
		return {
			precision: 'month',
			start: `${m[1]}-${m[2]}-01`,
			end: `${m[1]}-${m[2]}-${pad(daysInMonth(y, mo))}`
		};
	}
	if (isValidDay(v)) return { precision: 'day', start: v, end: v };
	return null;
}

/** Builds a dated value from a precision and its parts, checking that they agree. */
export function partialDate(
	precision: Precision,
	start: string,
	end?: string | null
): PartialDate | null {
	const expected = { year: 4, month: 7, day: 10 }[precision];
	if (start.length !== expected) return null;
	const first = parsePartialDate(start);
	if (!first || first.precision !== precision) return null;
	if (precision !== 'day' || !end || end === start) return first;
	if (!isValidDay(end) || end < start) return null;
	return { precision, start: first.start, end };
}

/** The value a form shows for a stored date: `2020`, `2020-11` or `2020-11-04`. */
export function partialDateLabel(
	precision: Precision | null,
	start: string | null,
	end?: string | null
): string {
	if (!precision || !start) return '';
	if (precision === 'year') return start.slice(0, 4);
	if (precision === 'month') return start.slice(0, 7);
	return end && end !== start ? `${start}~${end}` : start;
}

/** Korean display: 2020년, 2020년 11월, 2020. 11. 4. */
export function formatPartialDate(
	locale: string,
	precision: Precision | null,
	start: string | null,
	end?: string | null
): string {
	if (!precision || !start) return '';
	const [y, m, d] = start.split('-').map(Number);
	if (locale === 'ko') {
		if (precision === 'year') return `${y}년`;
		if (precision === 'month') return `${y}년 ${m}월`;
		const base = `${y}. ${m}. ${d}.`;
		if (end && end !== start) {
			const [, m2, d2] = end.split('-').map(Number);
			return m2 === m ? `${base}~${d2}.` : `${base}~${m2}. ${d2}.`;
		}
		return base;
	}
	if (precision === 'year') return String(y);
	if (precision === 'month') return `${y}-${pad(m)}`;
	return end && end !== start ? `${start} – ${end}` : start;
}

// Built once: constructing an Intl formatter costs more than formatting with it.
const seoulDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' });

/** Today's calendar date in Asia/Seoul, where the province keeps its calendar. */
export function seoulToday(now = new Date()): string {
	return seoulDay.format(now);
}

/** One formatter per locale: building an Intl.DateTimeFormat costs far more than using one. */
const timestampFormats = new Map<string, Intl.DateTimeFormat>();

export function formatTimestamp(locale: string, iso: string | null): string {
	if (!iso) return '';
	const tag = locale === 'ko' ? 'ko-KR' : 'en-GB';
	let format = timestampFormats.get(tag);
	if (!format)
		timestampFormats.set(
			tag,
			(format = new Intl.DateTimeFormat(tag, {
				timeZone: 'Asia/Seoul',
				dateStyle: 'medium',
				timeStyle: 'short'
			}))
		);
	return format.format(new Date(iso));
}

export { pad };
