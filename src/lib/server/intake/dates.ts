/**
 * Dates as articles write them, resolved against the article's Seoul calendar date:
 * `1일`, `지난 4일` (the last 4th on or before the article date), `오는 5일`, `10월 13일`,
 * `23일(현지시간)`, ranges (`4~5일`, `1~2일간`, `11월 30일~12월 2일`), `지난달` (month
 * precision), `내년 5월` (a future month), years, and English (`on March 4`, `4 March 2021`).
 */
import { daysInMonth, pad, type PartialDate } from '$lib/dates';
import type { Span } from './draft-types';

export interface Ymd {
	y: number;
	m: number;
	d: number;
}

export type Tense = 'past' | 'future' | 'unknown';

export interface DateMention {
	span: Span;
	date: PartialDate;
	/** The day the article announces something (…고 2일 밝혔다), not when it happened. */
	announce: boolean;
	/** 이날, 당일: the day of an event already named. */
	backRef: boolean;
}

export function parseYmd(iso: string): Ymd {
	const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
	return { y, m, d };
}

const cmp = (a: Ymd, b: Ymd) => a.y - b.y || a.m - b.m || a.d - b.d;
const iso = (v: Ymd) => `${v.y}-${pad(v.m)}-${pad(v.d)}`;

function shiftMonth(y: number, m: number, by: number): { y: number; m: number } {
	const t = y * 12 + (m - 1) + by;
	return { y: Math.floor(t / 12), m: (t % 12) + 1 };
}

function valid(v: Ymd): boolean {
	return v.m >= 1 && v.m <= 12 && v.d >= 1 && v.d <= daysInMonth(v.y, v.m);
}

export function dayDate(start: Ymd, end?: Ymd): PartialDate | null {
	if (!valid(start) || (end && (!valid(end) || cmp(end, start) < 0))) return null;
	return { precision: 'day', start: iso(start), end: iso(end ?? start) };
}

export function monthDate(y: number, m: number): PartialDate | null {
	if (m < 1 || m > 12 || y < 1900 || y > 2200) return null;
	return {
		precision: 'month',
		start: `${y}-${pad(m)}-01`,
		end: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`
	};
}

export function yearDate(y: number): PartialDate | null {
	if (y < 1900 || y > 2200) return null;
	return { precision: 'year', start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The day `d` nearest the reference in the direction the wording and tense point. */
export function resolveDay(
	d: number,
	ref: Ymd,
	hint: '지난' | '오는' | '',
	tense: Tense
): Ymd | null {
	const back = hint === '지난' || (hint === '' && tense === 'past');
	const forward = hint === '오는' || (hint === '' && tense === 'future');
	for (let i = 0; i < 3; i++) {
		// Try this month, then step one month at a time in the chosen direction.
		const step = back ? -i : forward ? i : 0;
		const { y, m } = shiftMonth(ref.y, ref.m, step);
		const v = { y, m, d };
		if (!valid(v)) continue;
		if (back && cmp(v, ref) > 0) continue;
		if (forward && cmp(v, ref) < 0) continue;
		return v;
	}
	return valid({ ...ref, d }) ? { ...ref, d } : null;
}

/** Month/day without a year: the year that fits the tense, else the nearest one. */
export function resolveMonthDay(
	m: number,
	d: number,
	ref: Ymd,
	tense: Tense,
	yearWord = ''
): Ymd | null {
	const fixed = relativeYear(yearWord, ref.y);
	if (fixed !== null) return valid({ y: fixed, m, d }) ? { y: fixed, m, d } : null;
	const options = [ref.y - 1, ref.y, ref.y + 1].map((y) => ({ y, m, d })).filter(valid);
	if (!options.length) return null;
	if (tense === 'past') return [...options].reverse().find((v) => cmp(v, ref) <= 0) ?? null;
	if (tense === 'future') return options.find((v) => cmp(v, ref) >= 0) ?? null;
	const dist = (v: Ymd) =>
		Math.abs(Date.UTC(v.y, v.m - 1, v.d) - Date.UTC(ref.y, ref.m - 1, ref.d));
	return options.reduce((a, b) => (dist(b) < dist(a) ? b : a));
}

function relativeYear(word: string, y: number): number | null {
	if (/^(지난해|작년|전년|last year)$/i.test(word)) return y - 1;
	if (/^(내년|이듬해|next year)$/i.test(word)) return y + 1;
	if (/^(올해|올|금년|this year)$/i.test(word)) return y;
	return null;
}

function relativeMonth(word: string, ref: Ymd): { y: number; m: number } | null {
	const w = word.replace(/\s/g, '');
	if (/^(지난달|전월|lastmonth)$/i.test(w)) return shiftMonth(ref.y, ref.m, -1);
	if (/^(이달|이번달|금월|thismonth)$/i.test(w)) return { y: ref.y, m: ref.m };
	if (/^(다음달|내달|오는달|nextmonth)$/i.test(w)) return shiftMonth(ref.y, ref.m, 1);
	return null;
}

/** Month name → 1..12, or 0. */
export function englishMonth(name: string): number {
	return (
		['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
			name.slice(0, 3).toLowerCase()
		) + 1
	);
}

export { relativeMonth, relativeYear, shiftMonth };
