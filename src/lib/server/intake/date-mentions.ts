/** Finds the date expressions of a stretch of text and resolves each (see dates.ts). */
import type { PartialDate } from '$lib/dates';
import type { Span } from './draft-types';
import {
	dayDate,
	englishMonth,
	monthDate,
	relativeMonth,
	relativeYear,
	resolveDay,
	resolveMonthDay,
	shiftMonth,
	yearDate,
	type DateMention,
	type Tense,
	type Ymd
} from './dates';

type Resolver = (m: RegExpExecArray, ref: Ymd, tense: Tense) => PartialDate | null;

const T = '[~∼〜～\\-–]';
const YW = '(지난해|작년|전년|올해|올|금년|내년|이듬해)';
const MW = '(지난\\s?달|전월|이달|이번\\s?달|금월|다음\\s?달|내달|오는\\s?달)';
const EN_M =
	'(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** A day number that is not part of a longer number and not a count of days (3일간, 30일 이내). */
const NOT_DURATION = '(?!\\s*(?:동안|째|만에|만의|이내|이상|전부터|치))';

function range(
	ref: Ymd,
	y: number,
	m: number,
	d1: number,
	m2: number | null,
	d2: number
): PartialDate | null {
	const endMonth = m2 ?? (d2 < d1 ? shiftMonth(y, m, 1).m : m);
	const endYear = endMonth < m ? y + 1 : y;
	return dayDate({ y, m, d: d1 }, { y: endYear, m: endMonth, d: d2 });
}

const patterns: { re: RegExp; resolve: Resolver }[] = [
	{
		// 2020년 11월 30일~12월 2일, 2020년 11월 4~5일
		re: new RegExp(
			`(\\d{4})년\\s*(\\d{1,2})월\\s*(\\d{1,2})일?\\s*${T}\\s*(?:(\\d{1,2})월\\s*)?(\\d{1,2})일`,
			'g'
		),
		resolve: (m, ref) => range(ref, +m[1], +m[2], +m[3], m[4] ? +m[4] : null, +m[5])
	},
	{
		// 2020년 11월 4일, 2020.11.04, 2020-11-04
		re: /(\d{4})\s*(?:년\s*|[.\-/])\s*(\d{1,2})\s*(?:월\s*|[.\-/])\s*(\d{1,2})(?:일|(?![\d.]))/g,
		resolve: (m) => dayDate({ y: +m[1], m: +m[2], d: +m[3] })
	},
	{
		// (내년) 11월 30일~12월 2일, 10월 4~5일, 10월 4일부터 6일까지
		re: new RegExp(
			`(?:${YW}\\s*)?(\\d{1,2})월\\s*(\\d{1,2})일?\\s*(?:${T}|부터)\\s*(?:(\\d{1,2})월\\s*)?(\\d{1,2})일(?:까지|간)?`,
			'g'
		),
		resolve: (m, ref, tense) => {
			const s = resolveMonthDay(+m[2], +m[3], ref, tense, m[1] ?? '');
			return s ? range(ref, s.y, s.m, s.d, m[4] ? +m[4] : null, +m[5]) : null;
		}
	},
	{
		re: new RegExp(`(?:${YW}\\s*)?(\\d{1,2})월\\s*(\\d{1,2})일${NOT_DURATION}`, 'g'),
		resolve: (m, ref, tense) => {
			const v = resolveMonthDay(+m[2], +m[3], ref, tense, m[1] ?? '');
			return v ? dayDate(v) : null;
		}
	},
	{
		// 지난달 28일, 다음 달 3~4일
		re: new RegExp(`${MW}\\s*(\\d{1,2})일?(?:\\s*${T}\\s*(\\d{1,2})일)?`, 'g'),
		resolve: (m, ref) => {
			const mo = relativeMonth(m[1], ref);
			if (!mo) return null;
			return m[3] ? range(ref, mo.y, mo.m, +m[2], null, +m[3]) : dayDate({ ...mo, d: +m[2] });
		}
	},
	{
		// 4~5일, 지난 1~2일간, 4일부터 6일까지
		re: new RegExp(
			`(?<![\\d.~])(?:(지난|오는|이번)\\s*)?(\\d{1,2})일?\\s*(?:${T}|부터)\\s*(\\d{1,2})일(?:까지|간)?`,
			'g'
		),
		resolve: (m, ref, tense) => {
			const hint = m[1] === '지난' || m[1] === '오는' ? m[1] : '';
			const s = resolveDay(+m[2], ref, hint, tense);
			return s ? range(ref, s.y, s.m, s.d, null, +m[3]) : null;
		}
	},
	{
		// 1일, 지난 4일, 오는 5일, 23일(현지시간)
		re: new RegExp(
			`(?<![\\d.,~제])(?:(지난|오는|이번)\\s*)?(\\d{1,2})일(?!\\s*간)${NOT_DURATION}`,
			'g'
		),
		resolve: (m, ref, tense) => {
			const hint = m[1] === '지난' || m[1] === '오는' ? m[1] : '';
			const v = resolveDay(+m[2], ref, hint, tense);
			return v ? dayDate(v) : null;
		}
	},
	{
		// 2021년 5월, 내년 5월, 10월
		re: new RegExp(`(?:(\\d{4})년|${YW})?\\s*(\\d{1,2})월(?!\\s*\\d{1,2}\\s*일)(?![\\d])`, 'g'),
		resolve: (m, ref, tense) => {
			const mo = +m[3];
			if (m[1]) return monthDate(+m[1], mo);
			const fixed = relativeYear(m[2] ?? '', ref.y);
			if (fixed !== null) return monthDate(fixed, mo);
			const v = resolveMonthDay(mo, 1, { ...ref, d: 1 }, tense);
			return v ? monthDate(v.y, mo) : null;
		}
	},
	{
		re: new RegExp(`${MW}(?!\\s*\\d)`, 'g'),
		resolve: (m, ref) => {
			const mo = relativeMonth(m[1], ref);
			return mo ? monthDate(mo.y, mo.m) : null;
		}
	},
	{
		re: new RegExp(`(?<![\\d~])(\\d{4})년(?!\\s*\\d{1,2}월)|${YW}(?!\\s*\\d)`, 'g'),
		resolve: (m, ref) => yearDate(m[1] ? +m[1] : (relativeYear(m[2], ref.y) ?? 0))
	},
	{
		// March 4, 2021 · March 4-5 · 4 March 2021 · in March 2021
		re: new RegExp(
			`\\b${EN_M}\\.?\\s+(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2}))?(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`,
			'gi'
		),
		resolve: (m, ref, tense) =>
			englishDay(englishMonth(m[1]), +m[2], m[3] ? +m[3] : null, m[4] ? +m[4] : null, ref, tense)
	},
	{
		re: new RegExp(`\\b(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2}))?\\s+${EN_M}(?:\\s+(\\d{4}))?\\b`, 'gi'),
		resolve: (m, ref, tense) =>
			englishDay(englishMonth(m[3]), +m[1], m[2] ? +m[2] : null, m[4] ? +m[4] : null, ref, tense)
	},
	{
		re: /\b(last|this|next) month\b/gi,
		resolve: (m, ref) => {
			const mo = relativeMonth(`${m[1]}month`, ref);
			return mo ? monthDate(mo.y, mo.m) : null;
		}
	}
];

function englishDay(
	mo: number,
	d: number,
	d2: number | null,
	y: number | null,
	ref: Ymd,
	tense: Tense
): PartialDate | null {
	const s = y ? { y, m: mo, d } : resolveMonthDay(mo, d, ref, tense);
	if (!s) return null;
	return d2 ? range(ref, s.y, s.m, s.d, null, d2) : dayDate(s);
}

/** The day the article reports (…고 2일 밝혔다; a dateline "SUWON, March 16, 2023 -"). */
const ANNOUNCE =
	/^\s*(?:\([^)]{0,20}\)\s*)?(?:밝혔|전했|알렸|발표했|말했|공개했|설명했|덧붙였|강조했|소개했|전한다|밝힌|[-–—]{1,2}\s)/;
const BACKREF = /이날|당일|같은\s?날|그날|this day|the same day/g;

const inside = (pos: number, spans: Span[]) => spans.some((s) => pos >= s.start && pos < s.end);

/**
 * Every date expression in text[from, to), resolved against `ref`; mentions that start inside
 * `exclude` (quoted titles) are skipped, overlapping ones keep the earliest and longest.
 */
export function findDates(
	text: string,
	from: number,
	to: number,
	ref: Ymd,
	tense: Tense,
	exclude: Span[] = []
): DateMention[] {
	const slice = text.slice(from, to);
	const found: DateMention[] = [];
	for (const p of patterns) {
		p.re.lastIndex = 0;
		for (const m of slice.matchAll(p.re)) {
			const lead = m[0].length - m[0].trimStart().length;
			const start = from + (m.index ?? 0) + lead;
			const end = from + (m.index ?? 0) + m[0].trimEnd().length;
			if (inside(start, exclude)) continue;
			const date = p.resolve(m as RegExpExecArray, ref, tense);
			if (!date) continue;
			found.push({
				span: { start, end },
				date,
				announce: ANNOUNCE.test(text.slice(end, end + 20)),
				backRef: false
			});
		}
	}
	for (const m of slice.matchAll(BACKREF)) {
		const start = from + (m.index ?? 0);
		if (!inside(start, exclude))
			found.push({
				span: { start, end: start + m[0].length },
				date: { precision: 'day', start: '', end: '' },
				announce: false,
				backRef: true
			});
	}
	found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
	const out: DateMention[] = [];
	for (const f of found) {
		const last = out[out.length - 1];
		if (last && f.span.start < last.span.end) continue;
		out.push(f);
	}
	return out;
}

const FUTURE =
	/(예정|계획이다|계획이며|방침|할\s?것|개최한다|연다|열린다|갖는다|진행한다|방문한다|참가한다|참석한다|추진한다|체결한다|전망|오는\s|다음\s?달|내달|내년|will\s|plans?\s+to|to be held|scheduled|upcoming)/i;
const PAST =
	/(했다|됐다|었다|았다|였다|했으며|했고|했는데|한 바|가졌|열었|열렸|치렀|마쳤|펼쳤|나눴|맺었|지난\s|앞서|held|hosted|signed|visited|took place|met\b|attended|was\s|were\s)/i;

/** Whether a clause talks of the past or of the future, from its verb endings. */
export function tenseOf(clause: string): Tense {
	const past = PAST.exec(clause);
	const future = FUTURE.exec(clause);
	if (past && !future) return 'past';
	if (future && !past) return 'future';
	if (past && future) return past.index > future.index ? 'past' : 'future';
	return 'unknown';
}
