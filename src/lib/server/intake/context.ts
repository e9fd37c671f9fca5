/** What every extraction step shares: the text, its sentences, the names found, the date. */
import type { DraftExchange, DraftWarning, Span } from './draft-types';
import type { Sentence } from './clauses';
import type { PartnerBook, Mention } from './partners';
import type { Ymd } from './dates';

export interface Ctx {
	text: string;
	/** The text with direct speech blanked out (same length), for rules that ignore quotes. */
	masked: string;
	sentences: Sentence[];
	book: PartnerBook;
	ref: Ymd;
	refIso: string;
	home: { nameKo: string; nameEn: string };
	warnings: DraftWarning[];
}

/** The exchanges a sentence speaks about: its own, or the last ones named before it. */
export type ContextMap = DraftExchange[][];

export function maskSpeech(text: string, sentences: Sentence[]): string {
	const chars = text.split('');
	for (const s of sentences)
		for (const q of s.speech)
			for (let i = q.start; i < q.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
	return chars.join('');
}

export const within = (span: Span, from: number, to: number) =>
	span.start >= from && span.start < to;

const SUBJECT = new Set([
	'은',
	'는',
	'이',
	'가',
	'에서는',
	'께서는',
	'께서',
	'측은',
	'측이',
	'에서도'
]);

export function isSubject(m: Mention): boolean {
	return SUBJECT.has(m.particle);
}

/** Mentions of bodies other than ourselves (a unit counts for its parent). */
export function counterpartMentions(ctx: Ctx, from: number, to: number): Mention[] {
	return ctx.book
		.in(from, to)
		.filter((m) => m.key !== 'home' && ctx.masked[m.span.start] === ctx.text[m.span.start]);
}

const PLACE_LEVELS = ['city', 'municipality', 'province', 'state', 'prefecture', 'county'];

/** A body written as where something happens (요코하마시에서, 부산시 내), rather than who. */
export function isPlace(ctx: Ctx, m: Mention): boolean {
	if (m.place || (m.particle === '에서' && PLACE_LEVELS.includes(ctx.book.partner(m.key).level)))
		return true;
	// 오카야마시의 한 호텔에서: the city is where, not who.
	const end = m.unitSpan?.end ?? m.span.end;
	return (
		m.particle === '의' &&
		/^의\s+(?:한\s+)?[가-힣A-Za-z0-9]+(?:\s+[가-힣A-Za-z0-9]+)?에서/.test(
			ctx.text.slice(end, end + 30)
		)
	);
}

const ANAPHOR =
	/양측|양\s?지역|양\s?기관|양\s?도시|\d+\s?개\s?(?:현|성|주|시|도시|지방정부|지역|기관|국)(?=[\s,.]|$|[을를이가은는과와의에도])|이들\s?(?:지역|지방정부|도시)|해당\s?(?:지역|지방정부)|상대\s?지역|both\s+sides|the\s+two\s+(?:sides|regions)/i;

/**
 * "3개 현", "양측": the counterparts named in the nearest earlier sentence (within the last
 * three paragraphs) when text[from, to) refers back to them without naming them.
 */
export function antecedents(ctx: Ctx, from: number, to: number): Mention[] {
	const a = ANAPHOR.exec(ctx.masked.slice(from, to));
	if (!a) return [];
	// "3개 현" refers to a sentence that names exactly three of them; "양측" to any.
	const count = Number(/\d+/.exec(a[0])?.[0] ?? 0);
	const idx = ctx.sentences.findIndex((s) => from >= s.span.start && from < s.span.end);
	for (let i = idx - 1; i >= 0 && idx - i <= 12; i--) {
		const s = ctx.sentences[i].span;
		const found = counterpartMentions(ctx, s.start, s.end).filter((m) => !isPlace(ctx, m));
		if (found.length && (!count || new Set(found.map((m) => m.key)).size === count)) return found;
	}
	return [];
}
