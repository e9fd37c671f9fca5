/**
 * Splits the body into paragraphs, sentences, ▲-bullets and clauses, and marks the quoted
 * titles (‘…’) and the direct speech (“…”) inside them. A clause ends after a connective
 * verb form (개최하고, 진행해, 열어, 가졌으며 …), so "4일 화상회의를 진행해 … 점검하고 …
 * 제시했다" is three clauses and the date, type and partners of an event stay in the one that
 * states it.
 */
import type { Span } from './draft-types';

export interface Sentence {
	span: Span;
	paragraph: number;
	/** Direct speech “…”. */
	speech: Span[];
	/** Quoted titles ‘…’, 「…」, '…', short "…". */
	titles: Span[];
	/** ▲-list items (or the whole sentence when the line itself is a list item). */
	bullets: Span[];
	/** The parts outside the bullets, split at connective verb forms. */
	clauses: Span[];
}

const BULLET_MARK = /[▲■□◆◇●◎]/g;
const LINE_BULLET = /^(?:[○◦•·\-–*]|\d{1,2}[.)]|[①-⑳]|[가-하]\.)\s*/;
const LIST_END = /\s등(?=[\s을의에이과으은])/;
const CONNECTIVE =
	/(?:(?:개최|진행|발송|방문|체결|실시|참석|참가|점검|논의|협의|합의|운영|개막|마련|접견|면담|서명|발표|교환|개설|출범|파견|방한|견학|시찰|참관|주최|주관)(?:하고|했고|하며|했으며|해|하여|해서|한\s뒤|한\s후|한\s데\s이어|했는데)|열고|열었고|열었으며|열어|가졌고|가졌으며|갖고|가진\s뒤|가진\s후|맺고|맺었으며|찾아|찾았고|만나|만났고|나눴고|나누고|둘러보고|돌아보고)(?=[\s,])|;\s|,\s+(?:and|while)\s+/g;

const inSpans = (pos: number, spans: Span[]) => spans.some((s) => pos > s.start && pos < s.end);

function pairs(
	text: string,
	from: number,
	to: number,
	open: string,
	close: string,
	max: number
): Span[] {
	const out: Span[] = [];
	let i = text.indexOf(open, from);
	while (i >= 0 && i < to) {
		const j = text.indexOf(close, i + 1);
		if (j < 0 || j >= to) break;
		if (j - i > max) {
			// Too far for this opening mark: resume at the first one close enough to j.
			i = text.indexOf(open, Math.max(i + 1, j - max));
			continue;
		}
		out.push({ start: i, end: j + 1 });
		i = text.indexOf(open, j + 1);
	}
	return out;
}

/** Straight quotes: '…' and short "…" as titles, long "…" as speech. */
function straightQuotes(
	text: string,
	from: number,
	to: number
): { titles: Span[]; speech: Span[] } {
	const titles: Span[] = [];
	const speech: Span[] = [];
	for (const m of text
		.slice(from, to)
		.matchAll(/(?<![A-Za-z0-9])'([^'\n]{2,80})'(?![A-Za-z])|"([^"\n]{2,400})"/g)) {
		const span = { start: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length };
		if (m[1] !== undefined) titles.push(span);
		else if (m[2].length <= 60 && !/[다.]$/.test(m[2])) titles.push(span);
		else speech.push(span);
	}
	return { titles, speech };
}

/** Sentence ends inside one line, outside speech. */
function sentenceSpans(text: string, from: number, to: number, speech: Span[]): Span[] {
	const out: Span[] = [];
	let start = from;
	for (let i = from; i < to; i++) {
		const ch = text[i];
		if (ch !== '.' && ch !== '!' && ch !== '?') continue;
		if (inSpans(i, speech)) continue;
		let j = i + 1;
		while (j < to && /["”’')\]]/.test(text[j])) j++;
		if (j < to && !/\s/.test(text[j])) continue;
		if (ch === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[j + 1] ?? '')) continue;
		if (ch === '.' && /(?:^|[\s.])[A-Z]$/.test(text.slice(Math.max(from, i - 2), i))) continue;
		out.push({ start, end: j });
		while (j < to && /\s/.test(text[j])) j++;
		start = j;
		i = j - 1;
	}
	if (start < to && text.slice(start, to).trim()) out.push({ start, end: to });
	return out;
}

function bulletsOf(text: string, s: Span): { bullets: Span[]; rest: Span[] } {
	const marks = [...text.slice(s.start, s.end).matchAll(BULLET_MARK)].map(
		(m) => s.start + (m.index ?? 0)
	);
	if (!marks.length) return { bullets: [], rest: [s] };
	const bullets: Span[] = [];
	for (let k = 0; k < marks.length; k++) {
		const start = marks[k] + 1;
		let end = k + 1 < marks.length ? marks[k + 1] : s.end;
		if (k + 1 === marks.length) {
			const tail = LIST_END.exec(text.slice(start, s.end));
			if (tail) end = start + tail.index;
		}
		bullets.push({ start, end });
	}
	const rest = [
		{ start: s.start, end: marks[0] },
		{ start: bullets[bullets.length - 1].end, end: s.end }
	].filter((r) => text.slice(r.start, r.end).trim() !== '');
	return { bullets, rest };
}

function clausesOf(text: string, part: Span, shielded: Span[]): Span[] {
	const out: Span[] = [];
	let start = part.start;
	for (const m of text.slice(part.start, part.end).matchAll(CONNECTIVE)) {
		const at = part.start + (m.index ?? 0);
		if (inSpans(at, shielded)) continue;
		const end = at + m[0].trimEnd().length;
		if (end - start > 4) out.push({ start, end });
		start = end;
	}
	if (part.end > start && text.slice(start, part.end).trim()) out.push({ start, end: part.end });
	return out.map((c) => trim(text, c));
}

function trim(text: string, s: Span): Span {
	let { start, end } = s;
	while (start < end && /[\s,]/.test(text[start])) start++;
	while (end > start && /\s/.test(text[end - 1])) end--;
	return { start, end };
}

export function segment(text: string, from = 0, to = text.length): Sentence[] {
	const out: Sentence[] = [];
	let paragraph = 0;
	let lineStart = from;
	while (lineStart < to) {
		let lineEnd = text.indexOf('\n', lineStart);
		if (lineEnd < 0 || lineEnd > to) lineEnd = to;
		const line = text.slice(lineStart, lineEnd);
		if (line.trim()) {
			paragraph++;
			const straight = straightQuotes(text, lineStart, lineEnd);
			const speech = [...pairs(text, lineStart, lineEnd, '“', '”', 2000), ...straight.speech];
			const titles = [
				...pairs(text, lineStart, lineEnd, '‘', '’', 120),
				...pairs(text, lineStart, lineEnd, '「', '」', 120),
				...pairs(text, lineStart, lineEnd, '『', '』', 120),
				...pairs(text, lineStart, lineEnd, '《', '》', 120),
				...pairs(text, lineStart, lineEnd, '〈', '〉', 120),
				...straight.titles
			];
			const listItem = LINE_BULLET.exec(line);
			for (const s of sentenceSpans(text, lineStart, lineEnd, speech)) {
				const span = trim(text, s);
				if (span.end <= span.start) continue;
				const own = (x: Span) => x.start >= span.start && x.end <= span.end;
				const { bullets, rest } = listItem
					? {
							bullets: [
								{ start: Math.max(span.start, lineStart + listItem[0].length), end: span.end }
							],
							rest: []
						}
					: bulletsOf(text, span);
				const shielded = [...speech.filter(own), ...titles.filter(own)];
				out.push({
					span,
					paragraph,
					speech: speech.filter(own),
					titles: titles.filter(own),
					bullets,
					clauses: rest.flatMap((r) => clausesOf(text, r, shielded))
				});
			}
		}
		lineStart = lineEnd + 1;
	}
	return out;
}
