/**
 * Numbers of people and bodies: `80여명` → 80 approx., `대표단 15명` → 15, `16개 기관` →
 * 16 institutions, `43개 지방정부에 발송` → 43 recipients, `150여개 … 에` → 150 approx.
 */
import type { Counted } from './draft-types';

const APPROX_BEFORE =
	/(?:약|대략|총\s*약|무려|about|around|some|approximately|nearly|more\s+than|over)\s*$/i;
const APPROX_AFTER = /^\s*(?:가량|정도|남짓|이상|내외|안팎)/;

function num(s: string): number {
	return Number(s.replace(/,/g, ''));
}

function counted(
	text: string,
	from: number,
	m: RegExpExecArray,
	value: number,
	approxMark: boolean
): Counted {
	const start = from + m.index;
	const end = start + m[0].length;
	const approx =
		approxMark ||
		APPROX_BEFORE.test(text.slice(Math.max(0, start - 12), start)) ||
		APPROX_AFTER.test(text.slice(end, end + 6));
	return { value, approx, span: { start, end } };
}

const PEOPLE = /(\d[\d,]*)\s*(여)?\s*명(?![가-힣]*(?:적발|검거|확진|사망))/g;
const PEOPLE_EN =
	/(\d[\d,]*)(?:\s+|-)(?:participants|people|officials|attendees|delegates|members|representatives|guests|experts|students|member(?:\s+[A-Z][\w-]*){0,2}\s+delegation)/gi;

export function participantsIn(text: string, from: number, to: number): Counted | null {
	const slice = text.slice(from, to);
	for (const re of [PEOPLE, PEOPLE_EN]) {
		re.lastIndex = 0;
		const m = re.exec(slice);
		if (m && num(m[1]) > 0) return counted(text, from, m, num(m[1]), !!m[2] && re === PEOPLE);
	}
	return null;
}

const BODIES = /(\d[\d,]*)\s*(여)?\s*개(?!국|월|년|분야|언어|과제|사업|항목|국어)\s*([가-힣·]+)/g;
const DATIVE = /^(?:[가-힣·]+\s+){0,4}?[가-힣·]*?(?:에게|에)(?=[\s,.]|$)/;
const BODIES_EN = /(\d[\d,]*)\s+(?:institutions|organi[sz]ations|agencies|departments|bodies)/gi;
const RECIPIENTS_EN =
	/(?:to|among|reaching)\s+(?:about\s+|some\s+|over\s+|more\s+than\s+)?(\d[\d,]*)\s+(?:local\s+governments|cities|partners|regions|subscribers|organi[sz]ations)/gi;

/** Bodies that took part: a count of 기관/부서/단체 … not followed by a dative. */
export function institutionsIn(text: string, from: number, to: number): Counted | null {
	const slice = text.slice(from, to);
	BODIES.lastIndex = 0;
	for (const m of slice.matchAll(BODIES)) {
		const after = slice.slice(
			(m.index ?? 0) + m[0].length - m[3].length,
			(m.index ?? 0) + m[0].length + 30
		);
		if (DATIVE.test(after)) continue;
		if (!/(?:기관|부서|단체|기업|지자체|시군|시·?도|도시|지방정부|대학|학교|협회)/.test(m[3]))
			continue;
		return counted(text, from, m as RegExpExecArray, num(m[1]), !!m[2]);
	}
	BODIES_EN.lastIndex = 0;
	const en = BODIES_EN.exec(slice);
	return en ? counted(text, from, en, num(en[1]), false) : null;
}

/** Who a newsletter or similar went to: a count followed by a dative (43개 지방정부에). */
export function recipientsIn(text: string, from: number, to: number): Counted | null {
	const slice = text.slice(from, to);
	for (const m of slice.matchAll(BODIES)) {
		const after = slice.slice(
			(m.index ?? 0) + m[0].length - m[3].length,
			(m.index ?? 0) + m[0].length + 30
		);
		if (DATIVE.test(after)) return counted(text, from, m as RegExpExecArray, num(m[1]), !!m[2]);
	}
	RECIPIENTS_EN.lastIndex = 0;
	const en = RECIPIENTS_EN.exec(slice);
	return en ? counted(text, from, en, num(en[1]), false) : null;
}
