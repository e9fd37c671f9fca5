/**
 * Finds known names in text. Matching runs on a compact view of the text — no spaces,
 * hyphens or middle dots, Latin lower-cased, short Latin acronyms in brackets dropped — so
 * "세계지방정부연합(UCLG) 아태지역" finds "세계지방정부연합 아태지역" and "한·중·일" finds
 * "한중일"; every hit is mapped back to the original text and checked there for word
 * boundaries (a Korean name must be followed by a particle, a word such as 정부, or a unit).
 */
import {
	COUNTRY_WORDS,
	EVENT_NOUN,
	GOV_WORDS,
	PARTICLES,
	PLACE_WORDS,
	UNIT_SUFFIX,
	isHangul,
	isLatinOrDigit,
	stripParticle
} from './lexicon';

export interface NameRecord {
	surface: string;
	entity: string;
}

interface Compiled {
	compact: string;
	entity: string;
	caseSensitive: boolean;
	spaces: boolean;
	latin: boolean;
}

export interface Matcher {
	byFirst: Map<string, Compiled[]>;
}

export interface NameHit {
	entity: string;
	start: number;
	end: number;
	/** gov: the body itself; unit: a unit, office or institute of it (산둥성 외사판공실). */
	kind: 'gov' | 'unit';
	/** The unit's own name and where it ends, for kind 'unit'. */
	unit: string | null;
	unitEnd: number;
	particle: string;
	/** Written as a place (부산시 내, 충칭 지역). */
	place: boolean;
}

const SKIP = /[\s\-‐‑–—·‧・∙]/;
const ACRONYM_PAREN = /^\([A-Za-z][A-Za-z0-9&.\- ]{0,15}\)/;

function foldChar(ch: string): string {
	const code = ch.charCodeAt(0);
	if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
	return ch;
}

function compactName(surface: string, caseSensitive: boolean): string {
	let out = '';
	const s = surface.replace(/\([A-Za-z][A-Za-z0-9&.\- ]{0,15}\)/g, '');
	for (const ch of s) {
		if (SKIP.test(ch)) continue;
		const f = foldChar(ch);
		out += caseSensitive ? f : f.toLowerCase();
	}
	return out;
}

/** Upper-case acronyms (WHO, NEAR, TCS) only match as written, never the English word. */
const isAcronym = (s: string) => /^[A-Z0-9][A-Z0-9&\-.]*$/.test(s) && /[A-Z]/.test(s);

export function buildMatcher(records: NameRecord[]): Matcher {
	const byFirst = new Map<string, Compiled[]>();
	for (const r of records) {
		const caseSensitive = isAcronym(r.surface);
		const compact = compactName(r.surface, caseSensitive);
		if (compact.length < 2 && !/[\u4E00-\u9FFF]/.test(compact)) continue;
		const c: Compiled = {
			compact,
			entity: r.entity,
			caseSensitive,
			spaces: /\s/.test(r.surface.trim()),
			latin: /^[A-Za-z0-9]/.test(compact)
		};
		const key = compact[0].toLowerCase();
		if (!byFirst.has(key)) byFirst.set(key, []);
		byFirst.get(key)!.push(c);
	}
	for (const list of byFirst.values()) list.sort((a, b) => b.compact.length - a.compact.length);
	return { byFirst };
}

interface View {
	exact: string;
	lower: string;
	pos: number[];
}

function compactView(text: string, from: number, to: number): View {
	let exact = '';
	const pos: number[] = [];
	for (let i = from; i < to; i++) {
		const ch = text[i];
		if (ch === '(') {
			const m = ACRONYM_PAREN.exec(text.slice(i, i + 20));
			if (m) {
				i += m[0].length - 1;
				continue;
			}
		}
		if (SKIP.test(ch)) continue;
		exact += foldChar(ch);
		pos.push(i);
	}
	return { exact, lower: exact.toLowerCase(), pos };
}

/** The Hangul word starting at `from` (at most 30 syllables: longer runs are not words). */
const hangulRun = (text: string, from: number): string => {
	let end = from;
	while (end < text.length && end - from < 30 && isHangul(text[end])) end++;
	return text.slice(from, end);
};

function startOk(text: string, start: number, latin: boolean): boolean {
	const prev = text[start - 1];
	if (latin) return !isLatinOrDigit(prev);
	if (!isHangul(prev)) return true;
	let s = start - 1;
	while (s > 0 && start - s < 8 && isHangul(text[s - 1])) s--;
	return (s === 0 || !isHangul(text[s - 1])) && COUNTRY_WORDS.has(text.slice(s, start));
}

/**
 * After "허베이성 정부 관계자와" or "도 대표단은" the words that still mean the government
 * carry the particle that tells the name's role; null when no such word follows.
 */
export function govChain(text: string, end: number): string | null {
	let pos = end;
	let found = false;
	while (text[pos] === ' ') {
		const run = hangulRun(text, pos + 1);
		if (GOV_WORDS.has(run)) {
			pos += 1 + run.length;
			found = true;
			continue;
		}
		const { stem, particle } = stripParticle(run);
		if (GOV_WORDS.has(stem)) return particle;
		break;
	}
	return found ? '' : null;
}

/** Decides what follows the name: a particle, a government word, a unit, or another word. */
function classifyEnd(
	text: string,
	end: number,
	latin: boolean
): Omit<NameHit, 'entity' | 'start' | 'end'> | null {
	const base = { kind: 'gov' as const, unit: null, unitEnd: end, particle: '', place: false };
	const next = text[end];
	if (latin && isLatinOrDigit(next)) return null;
	if (isHangul(next)) {
		const run = hangulRun(text, end);
		if (PLACE_WORDS.has(run)) return { ...base, place: true };
		if (GOV_WORDS.has(run)) return base;
		if (PARTICLES.has(run)) return { ...base, particle: run };
		const { stem, particle } = stripParticle(run);
		if (GOV_WORDS.has(stem)) return { ...base, particle };
		if (stem.length >= 2 && UNIT_SUFFIX.test(stem) && !EVENT_NOUN.test(stem))
			return { ...base, kind: 'unit', unit: stem, unitEnd: end + stem.length, particle };
		return null;
	}
	// A space, then perhaps a unit of the body (산둥성 외사판공실) or a place word (부산시 내).
	if (next === ' ') {
		const run = hangulRun(text, end + 1);
		// 부산시 내, 충칭 지역, 서울 중구 …: an address, not an actor.
		if (PLACE_WORDS.has(run) || /^[가-힣]{1,4}(?:구|군|동|읍|면|로|길)$/.test(run))
			return { ...base, place: true };
		const chain = govChain(text, end);
		if (chain !== null) return { ...base, particle: chain };
		const { stem, particle } = stripParticle(run);
		if (
			stem.length >= 3 &&
			UNIT_SUFFIX.test(stem) &&
			!EVENT_NOUN.test(stem) &&
			!COUNTRY_WORDS.has(stem) &&
			!GOV_WORDS.has(stem)
		)
			return { ...base, kind: 'unit', unit: stem, unitEnd: end + 1 + stem.length, particle };
	}
	return base;
}

/** Every known name in text[from, to), longest first, not overlapping. */
export function scanNames(text: string, matcher: Matcher, from = 0, to = text.length): NameHit[] {
	const view = compactView(text, from, to);
	const hits: NameHit[] = [];
	let i = 0;
	while (i < view.exact.length) {
		const candidates = matcher.byFirst.get(view.lower[i]) ?? [];
		let advanced = false;
		for (const c of candidates) {
			const hay = c.caseSensitive ? view.exact : view.lower;
			if (!hay.startsWith(c.compact, i)) continue;
			const start = view.pos[i];
			const end = view.pos[i + c.compact.length - 1] + 1;
			if (!c.spaces && /\s/.test(text.slice(start, end))) continue;
			if (!startOk(text, start, c.latin)) continue;
			const tail = classifyEnd(text, end, /[A-Za-z0-9]$/.test(c.compact));
			if (!tail) continue;
			hits.push({ entity: c.entity, start, end, ...tail });
			i += c.compact.length;
			advanced = true;
			break;
		}
		if (!advanced) i++;
	}
	return hits;
}
