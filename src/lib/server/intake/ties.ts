/**
 * Ties an article states or implies: "자매결연 30주년" in a 2020 article → sister since 1990
 * (year precision); "1990년 자매결연을 맺은 …" → since 1990; a sister or friendship agreement
 * signed at a dated event → since that day.
 */
import type { TieKind } from '$lib/vocab';
import type { DraftAgreement, DraftExchange, DraftTie, Span } from './draft-types';
import { counterpartMentions, type ContextMap, type Ctx } from './context';
import { dayDate, monthDate, yearDate } from './dates';

const KIND =
	'(자매\\s?결연|자매\\s?도시|자매\\s?관계|자매|우호\\s?협력|우호\\s?교류|우호\\s?관계|우호|sister[-\\s](?:city|state|province|relationship|ties)|friendship)';
const ANNIVERSARY = new RegExp(`${KIND}[^.\\n]{0,14}?(\\d{1,3})\\s*주년`, 'gi');
const ANNIVERSARY_EN = new RegExp(
	`(\\d{1,3})(?:st|nd|rd|th)\\s+anniversary\\s+of\\s+(?:the\\s+|their\\s+|its\\s+)?${KIND}`,
	'gi'
);
const SINCE = new RegExp(
	`(\\d{4})\\s*년\\s*(?:(\\d{1,2})\\s*월\\s*)?(?:(\\d{1,2})\\s*일\\s*)?(?:에|부터)?\\s*[^.\\n]{0,12}?${KIND}\\s*(?:관계|협정|협약|결연)?\\s*(?:을|를)?\\s*(?:체결|맺)`,
	'gi'
);
const SINCE_EN = new RegExp(`${KIND}[^.\\n]{0,40}?(?:since|in)\\s+(\\d{4})`, 'gi');

const kindOf = (word: string): TieKind => (/자매|sister/i.test(word) ? 'sister' : 'friendship');

function nearestPartner(
	ctx: Ctx,
	at: number,
	sentence: Span,
	current: DraftExchange[]
): string | null {
	const ms = counterpartMentions(ctx, sentence.start, sentence.end).filter(
		(m) => ctx.book.scopeOf(m.key) === 'foreign'
	);
	const before = ms.filter((m) => m.span.start < at).pop();
	const after = ms.find((m) => m.span.start >= at);
	const pick = before ?? after;
	if (pick) return pick.key;
	const own =
		current.length === 1 ? current[0].organizations.find((o) => o.role === 'partner') : null;
	return own?.partnerKey ?? null;
}

export function findTies(
	ctx: Ctx,
	context: ContextMap,
	agreements: DraftAgreement[],
	exchanges: DraftExchange[]
): DraftTie[] {
	const out: DraftTie[] = [];
	let counter = 0;
	const rank = { year: 1, month: 2, day: 3 } as const;
	const add = (t: Omit<DraftTie, 'key'>) => {
		const same = out.find((o) => o.partnerKey === t.partnerKey && o.kind === t.kind);
		if (same) {
			// The more precise telling of the same tie wins (1990 → 1990-04).
			if (
				t.since &&
				(!same.since || rank[t.since.value.precision] > rank[same.since.value.precision])
			) {
				same.since = t.since;
				same.basis = t.basis;
				same.span = t.span;
			}
			return;
		}
		ctx.book.use(t.partnerKey, null);
		out.push({ key: `t${++counter}`, ...t });
	};
	ctx.sentences.forEach((s, i) => {
		const text = ctx.text.slice(s.span.start, s.span.end);
		const found: {
			kind: TieKind;
			year: number;
			month?: number;
			day?: number;
			start: number;
			end: number;
			basis: string;
		}[] = [];
		for (const m of text.matchAll(ANNIVERSARY))
			found.push({
				kind: kindOf(m[1]),
				year: ctx.ref.y - Number(m[2]),
				start: m.index ?? 0,
				end: (m.index ?? 0) + m[0].length,
				basis: `${m[2]}주년 (${ctx.ref.y})`
			});
		for (const m of text.matchAll(ANNIVERSARY_EN))
			found.push({
				kind: kindOf(m[2]),
				year: ctx.ref.y - Number(m[1]),
				start: m.index ?? 0,
				end: (m.index ?? 0) + m[0].length,
				basis: `${m[1]}th anniversary (${ctx.ref.y})`
			});
		for (const m of text.matchAll(SINCE))
			found.push({
				kind: kindOf(m[4]),
				year: Number(m[1]),
				month: m[2] ? Number(m[2]) : undefined,
				day: m[3] ? Number(m[3]) : undefined,
				start: m.index ?? 0,
				end: (m.index ?? 0) + m[0].length,
				basis: m[0].replace(/\s*(?:을|를)?\s*(?:체결|맺)$/, '')
			});
		for (const m of text.matchAll(SINCE_EN))
			found.push({
				kind: kindOf(m[1]),
				year: Number(m[2]),
				start: m.index ?? 0,
				end: (m.index ?? 0) + m[0].length,
				basis: m[2]
			});
		for (const f of found) {
			if (f.year < 1950 || f.year > ctx.ref.y) continue;
			const span = { start: s.span.start + f.start, end: s.span.start + f.end };
			const partnerKey = nearestPartner(ctx, span.start, s.span, context[i] ?? []);
			const since =
				(f.month && f.day ? dayDate({ y: f.year, m: f.month, d: f.day }) : null) ??
				(f.month ? monthDate(f.year, f.month) : null) ??
				yearDate(f.year);
			if (partnerKey && since)
				add({ span, partnerKey, kind: f.kind, since: { value: since, span }, basis: f.basis });
		}
	});
	for (const a of agreements) {
		if (a.status.value !== 'signed' || (a.kind.value !== 'sister' && a.kind.value !== 'friendship'))
			continue;
		const x = exchanges.find((e) => e.key === a.exchangeKey);
		for (const k of a.partnerKeys)
			add({
				span: a.span,
				partnerKey: k,
				kind: a.kind.value,
				since: x ? { value: x.date.value, span: x.date.span } : null,
				basis: a.title.value
			});
	}
	return out;
}
