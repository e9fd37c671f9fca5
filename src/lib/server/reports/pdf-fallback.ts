/**
 * Font fallback for PDFs: which font draws each character, and in what order a line's runs go.
 *
 * The CJK face draws Hangul, kana, hanzi, Latin, Greek and Cyrillic; Arabic, Hebrew, Thai,
 * Devanagari, emoji and the rest come from the fallback fonts (`fallbackFonts`), asked in order.
 * A font's character set is read the first time a character is looked for in it, and the answer
 * for each code point is kept for the process, so an all-Korean briefing asks nothing beyond a
 * table lookup per character. Right-to-left words (Arabic, Hebrew) are put in visual order with
 * a reduced Unicode bidi algorithm: base direction left to right, no explicit embeddings.
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { fallbackFonts, type FallbackFont } from './fonts';
import type { FontkitFont } from './pdf-fonts';

interface FontkitFace extends FontkitFont {
	characterSet: number[];
}

/** A font file's code points, read through pdfkit's own fontkit; empty when it cannot be read. */
function characterSet(path: string): Set<number> {
	try {
		// No default font: loading Helvetica's metrics would cost more than the scan.
		const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
		doc.registerFont('scan', readFileSync(path));
		doc.font('scan');
		return new Set((doc as unknown as { _font: { font: FontkitFace } })._font.font.characterSet);
	} catch {
		return new Set();
	}
}

/** The fallback fonts, each opened the first time a character gets that far down the list. */
class FallbackChain {
	private readonly sets: Set<number>[] = [];

	constructor(readonly fonts: FallbackFont[]) {}

	/** Index of the first font that has `cp`, or -1. */
	find(cp: number): number {
		for (let i = 0; i < this.sets.length; i++) if (this.sets[i].has(cp)) return i;
		while (this.sets.length < this.fonts.length) {
			const set = characterSet(this.fonts[this.sets.length].regular);
			this.sets.push(set);
			if (set.has(cp)) return this.sets.length - 1;
		}
		return -1;
	}

	/** Whether font `i`, already opened, has `cp`. */
	has(i: number, cp: number): boolean {
		return this.sets[i]?.has(cp) ?? false;
	}
}

const chains = new Map<string, FallbackChain>();

function chainFor(env: Record<string, string | undefined>): FallbackChain {
	const key = env.PDF_FALLBACK_FONTS ?? '\0default';
	let chain = chains.get(key);
	if (!chain) {
		chain = new FallbackChain(fallbackFonts(env));
		chains.set(key, chain);
	}
	return chain;
}

/** The fallback font file that would draw `cp`, or null (for tests and diagnostics). */
export function fallbackFontFor(
	cp: number,
	env: Record<string, string | undefined> = process.env
): string | null {
	const chain = chainFor(env);
	const i = chain.find(cp);
	return i < 0 ? null : chain.fonts[i].regular;
}

/** Font numbers: PRIMARY for the CJK face, 1 + i for fallback i, NONE when no font has it. */
export const PRIMARY = 0;
export const NONE = -1;

// Table values: 0 not looked up yet, 1 none, 2 primary, 3 + i fallback i.
const UNKNOWN = 0;
const IN_NONE = 1;
const IN_PRIMARY = 2;

/** Which font draws each code point, for one primary face and one fallback list. */
export class Coverage {
	private readonly table = new Int16Array(0x110000);

	constructor(
		private readonly primary: FontkitFont,
		readonly chain: FallbackChain
	) {}

	/** PRIMARY, 1 + fallback index, or NONE. Control characters count as the primary's. */
	fontOf(cp: number): number {
		let v = this.table[cp];
		if (v === UNKNOWN) {
			if (cp < 0x20 || this.primary.hasGlyphForCodePoint(cp)) v = IN_PRIMARY;
			else {
				const i = this.chain.find(cp);
				v = i < 0 ? IN_NONE : i + 3;
			}
			this.table[cp] = v;
		}
		return v - 2;
	}

	/** Whether font `font` (≥ 1, already found for another character) has `cp` too. */
	has(font: number, cp: number): boolean {
		return font === PRIMARY ? this.fontOf(cp) === PRIMARY : this.chain.has(font - 1, cp);
	}

	/**
	 * Whether the primary face draws every character of `text` (the common case: then the text
	 * goes to pdfkit as it is). A lone surrogate is not drawable, so it takes the slow path too.
	 */
	plain(text: string): boolean {
		const table = this.table;
		for (let i = 0; i < text.length; i++) {
			let cp = text.charCodeAt(i);
			if (cp >= 0xd800 && cp <= 0xdbff) {
				cp = text.codePointAt(i)!;
				if (cp > 0xffff) i++;
			}
			const v = table[cp];
			if (v === IN_PRIMARY) continue;
			if (v !== UNKNOWN || this.fontOf(cp) !== PRIMARY) return false;
		}
		return true;
	}
}

const coverages = new Map<string, Coverage>();

/** The process-wide coverage of the primary face `key` (path and face name) with the fallbacks. */
export function coverageFor(
	key: string,
	primary: FontkitFont,
	env: Record<string, string | undefined> = process.env
): Coverage {
	const k = `${key}\0${env.PDF_FALLBACK_FONTS ?? '\0default'}`;
	let c = coverages.get(k);
	if (!c) {
		c = new Coverage(primary, chainFor(env));
		coverages.set(k, c);
	}
	return c;
}

/** A piece of a line drawn in one font. */
export interface Span {
	text: string;
	font: number;
}

const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;
const LETTER = /[\p{L}\p{M}]/u;
/** Spaces that end a word: ASCII, no-break, the general-punctuation spaces, ideographic. */
const isSpace = (ch: string) => {
	const c = ch.charCodeAt(0);
	return (
		c === 0x20 ||
		(c >= 0x09 && c <= 0x0d) ||
		c === 0xa0 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x202f ||
		c === 0x3000
	);
};

/**
 * `text` cut into runs by the font that draws them. A word whose letters the primary face lacks
 * goes whole into the fallback that has them all (so "İstanbul" does not mix two Latin designs);
 * an emoji or symbol takes its own run. Lone surrogates (a word cut by the line wrapper) and
 * characters no font has are drawn by the primary face (as .notdef) or dropped.
 */
export function fontSpans(text: string, cov: Coverage): Span[] {
	const chars: string[] = [];
	const fonts: number[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (isSurrogate(cp)) continue;
		chars.push(ch);
		fonts.push(Math.max(PRIMARY, cov.fontOf(cp)));
	}
	// Words: runs of non-space characters.
	for (let start = 0; start < chars.length;) {
		let end = start;
		while (end < chars.length && !isSpace(chars[end])) end++;
		let font = PRIMARY;
		for (let i = start; i < end && font === PRIMARY; i++)
			if (fonts[i] !== PRIMARY && LETTER.test(chars[i])) font = fonts[i];
		if (font !== PRIMARY) {
			let all = true;
			for (let i = start; i < end && all; i++)
				all = fonts[i] === font || cov.has(font, chars[i].codePointAt(0)!);
			if (all) for (let i = start; i < end; i++) fonts[i] = font;
		}
		start = Math.max(end, start + 1);
	}
	const spans: Span[] = [];
	for (let i = 0; i < chars.length; i++) {
		const last = spans[spans.length - 1];
		if (last && last.font === fonts[i]) last.text += chars[i];
		else spans.push({ text: chars[i], font: fonts[i] });
	}
	return spans;
}

/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo… and their forms. */
const isRtl = (cp: number) =>
	(cp >= 0x0590 && cp <= 0x08ff) ||
	(cp >= 0xfb1d && cp <= 0xfdff) ||
	(cp >= 0xfe70 && cp <= 0xfefe) ||
	(cp >= 0x10800 && cp <= 0x10fff) ||
	(cp >= 0x1e800 && cp <= 0x1efff);

const isDigit = (cp: number) =>
	(cp >= 0x30 && cp <= 0x39) ||
	(cp >= 0x660 && cp <= 0x669) ||
	(cp >= 0x6f0 && cp <= 0x6f9) ||
	(cp >= 0xff10 && cp <= 0xff19);

const NEUTRAL = /[\p{P}\p{S}\p{Z}\p{Cc}]/u;
const NUMBER_SEPARATOR = ',.:/+-';
const NUMBER_SIGN = /[%‰°#\p{Sc}]/u;
const MARK = /\p{M}/u;

const OPENING: Record<string, string> = { '(': ')', '[': ']', '{': '}', '«': '»', '‹': '›' };

const MIRROR: Record<string, string> = {
	'(': ')',
	')': '(',
	'[': ']',
	']': '[',
	'{': '}',
	'}': '{',
	'<': '>',
	'>': '<',
	'«': '»',
	'»': '«',
	'‹': '›',
	'›': '‹'
};

/** Whether `text` holds any right-to-left letter (else its runs are already in visual order). */
export function hasRtl(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (isRtl(c) || (c >= 0xd802 && c <= 0xd803) || c === 0xd83a) return true;
	}
	return false;
}

/**
 * The runs of one line in the order they are drawn, left to right. Levels as in UAX #9 for a
 * left-to-right paragraph: right-to-left letters 1, digits after them 2, a bracket pair around
 * right-to-left text that follows right-to-left text 1 (N0), neutrals between two right-to-left
 * sides 1, the rest 0; then each maximal sequence at level ≥ k is reversed, from the highest
 * level down. Inside a run, an odd level means right to left: fontkit already lays
 * out Arabic and Hebrew that way when it shapes them, so only runs it would not reverse (neutrals,
 * or anything drawn by the primary face, which is not shaped) are reversed here, with their
 * brackets mirrored.
 */
export function visualOrder(spans: Span[]): Span[] {
	const chars: { ch: string; font: number; cls: 'L' | 'R' | 'D' | 'N' }[] = [];
	for (const s of spans)
		for (const ch of s.text) {
			const cp = ch.codePointAt(0)!;
			const prev = chars[chars.length - 1];
			const cls = isDigit(cp)
				? 'D'
				: MARK.test(ch) && prev
					? prev.cls
					: NEUTRAL.test(ch)
						? 'N'
						: isRtl(cp)
							? 'R'
							: 'L';
			chars.push({ ch, font: s.font, cls });
		}
	// W4, W5: a separator between two digits and a currency or percent sign beside digits go
	// with the number ("1-2", "50%").
	chars.forEach((c, i) => {
		if (c.cls !== 'N') return;
		const prev = chars[i - 1]?.cls === 'D';
		const next = chars[i + 1]?.cls === 'D';
		if (
			(NUMBER_SEPARATOR.includes(c.ch) && prev && next) ||
			(NUMBER_SIGN.test(c.ch) && (prev || next))
		)
			c.cls = 'D';
	});
	const levels = new Array<number>(chars.length).fill(0);
	// Strong direction each character gives its neutral neighbours: digits act as their context.
	const dir: ('L' | 'R' | null)[] = [];
	let strong: 'L' | 'R' = 'L';
	chars.forEach((c, i) => {
		if (c.cls === 'L' || c.cls === 'R') {
			strong = c.cls;
			levels[i] = c.cls === 'R' ? 1 : 0;
			dir.push(c.cls);
		} else if (c.cls === 'D') {
			levels[i] = strong === 'R' ? 2 : 0;
			dir.push(strong);
		} else dir.push(null);
	});
	// N0: a bracket pair takes the direction of the text inside it when that is right to left
	// and so is the text before it; otherwise left to right, the paragraph's direction.
	const open: number[] = [];
	chars.forEach((c, i) => {
		if (c.cls !== 'N') return;
		if (OPENING[c.ch]) open.push(i);
		else {
			const at = open.findLastIndex((o) => OPENING[chars[o].ch] === c.ch);
			if (at < 0) return;
			const o = open[at];
			open.length = at;
			const inside = dir.slice(o + 1, i);
			if (!inside.some((d) => d !== null)) return;
			const before = dir.slice(0, o).findLast((d) => d !== null) ?? 'L';
			const d = !inside.includes('L') && before === 'R' ? 'R' : 'L';
			dir[o] = dir[i] = d;
			levels[o] = levels[i] = d === 'R' ? 1 : 0;
		}
	});
	for (let i = 0; i < chars.length;) {
		if (dir[i] !== null) {
			i++;
			continue;
		}
		let end = i;
		while (end < chars.length && dir[end] === null) end++;
		const before = i > 0 ? dir[i - 1] : 'L';
		const after = end < chars.length ? dir[end] : 'L';
		const level = before === 'R' && after === 'R' ? 1 : 0;
		for (let k = i; k < end; k++) levels[k] = level;
		i = end;
	}
	// Runs of one font and one level, each knowing whether it holds right-to-left letters.
	const runs: { text: string; font: number; level: number; rtl: boolean }[] = [];
	chars.forEach((c, i) => {
		const last = runs[runs.length - 1];
		if (last && last.font === c.font && last.level === levels[i]) {
			last.text += c.ch;
			last.rtl ||= c.cls === 'R';
		} else runs.push({ text: c.ch, font: c.font, level: levels[i], rtl: c.cls === 'R' });
	});
	const max = Math.max(0, ...levels);
	for (let k = max; k >= 1; k--)
		for (let i = 0; i < runs.length;) {
			if (runs[i].level < k) {
				i++;
				continue;
			}
			let end = i;
			while (end < runs.length && runs[end].level >= k) end++;
			runs.splice(i, end - i, ...runs.slice(i, end).reverse());
			i = end;
		}
	return runs.map((r) => ({
		font: r.font,
		text:
			r.level % 2 === 1 && (!r.rtl || r.font === PRIMARY)
				? [...r.text]
						.reverse()
						.map((ch) => MIRROR[ch] ?? ch)
						.join('')
				: r.text
	}));
}
