/**
 * Agreements and commitments: each ▲ item of a sentence that agrees (or a clause ending in an
 * agreement word) becomes one per counterpart, with kind, status and target year. Items that
 * name no counterpart belong to the counterparts of the exchange the sentence speaks about.
 */
import type { AgreementStatus } from '$lib/vocab';
import type { DraftAgreement, DraftExchange, Span, Val } from './draft-types';
import { antecedents, counterpartMentions, isPlace, type ContextMap, type Ctx } from './context';
import { AGREEMENT_CUE, agreementKind, agreementStatus, lastAgreementCue } from './agreement-cues';
import { fieldsIn } from './fields';
import { EVENT_VERB } from './types';
import { relativeMonth } from './dates';

interface Unit {
	span: Span;
	fallback: AgreementStatus | null;
	bullet: boolean;
}

let counter = 0;

function targetOf(
	ctx: Ctx,
	text: string,
	span: Span
): { target: Val<string> | null; before: string | null } {
	const years: { y: number; span: Span }[] = [];
	for (const m of text.matchAll(/(?<!\d)(\d{4})(?:년|\s|~|$|[’'])/g)) {
		const y = Number(m[1]);
		if (y >= 1950 && y <= 2100)
			years.push({
				y,
				span: { start: span.start + (m.index ?? 0), end: span.start + (m.index ?? 0) + 4 }
			});
	}
	const rel = /내년|이듬해|next\s+year/i.exec(text);
	if (rel)
		years.push({
			y: ctx.ref.y + 1,
			span: { start: span.start + rel.index, end: span.start + rel.index + rel[0].length }
		});
	const month = monthTarget(ctx, text, span);
	if (month) return { target: month, before: null };
	const future = years.filter((v) => v.y >= ctx.ref.y);
	if (!future.length) {
		const rel = /(다음\s?달|내달|이달|이번\s?달|next\s+month|this\s+month)/i.exec(text);
		const mo = rel ? relativeMonth(rel[1].replace(/\s+/g, ''), ctx.ref) : null;
		if (!rel || !mo) return { target: null, before: null };
		const s = { start: span.start + rel.index, end: span.start + rel.index + rel[0].length };
		return { target: { value: `${mo.y}-${String(mo.m).padStart(2, '0')}`, span: s }, before: null };
	}
	const best = future.reduce((a, b) => (b.y > a.y ? b : a));
	const min = Math.min(...years.map((v) => v.y));
	return {
		target: { value: String(best.y), span: best.span },
		before: min < best.y ? String(min) : null
	};
}

/** A target month: 2021년 5월, 내년 5월, 오는 10월 (the next October). */
function monthTarget(ctx: Ctx, text: string, span: Span): Val<string> | null {
	const m = /(?:(\d{4})년|(내년)|(오는|올해|올))\s*(\d{1,2})월/.exec(text);
	if (!m) return null;
	const mo = Number(m[4]);
	if (mo < 1 || mo > 12) return null;
	let y = m[1] ? Number(m[1]) : m[2] ? ctx.ref.y + 1 : ctx.ref.y;
	if (m[3] === '오는' && mo < ctx.ref.m) y = ctx.ref.y + 1;
	const at = { start: span.start + m.index, end: span.start + m.index + m[0].length };
	return { value: `${y}-${String(mo).padStart(2, '0')}`, span: at };
}

function titleOf(ctx: Ctx, unit: Unit): string {
	let t = ctx.text
		.slice(unit.span.start, unit.span.end)
		.replace(/[“”"]/g, '')
		.replace(/^[A-Z][A-Za-z .]*,\s*[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}\s*[-–—]+\s*/, '')
		.trim();
	if (!unit.bullet && /[\uAC00-\uD7A3]/.test(t)) {
		const cues = [...t.matchAll(AGREEMENT_CUE)];
		const last = cues[cues.length - 1];
		if (last) {
			const head = t.slice(0, (last.index ?? 0) + last[0].length);
			const cut = Math.max(
				head.lastIndexOf(', '),
				head.lastIndexOf('며 '),
				head.lastIndexOf('고 ')
			);
			t = head.slice(cut >= 0 ? cut + 2 : 0).trim();
		}
	}
	return t.replace(/\s+/g, ' ').slice(0, 120);
}

function unitsOf(ctx: Ctx, i: number): Unit[] {
	const s = ctx.sentences[i];
	const lastBullet = s.bullets[s.bullets.length - 1];
	const tail = lastBullet ? ctx.text.slice(lastBullet.end, s.span.end) : '';
	const tailStatus = lastBullet ? agreementStatus(tail, null) : null;
	const units: Unit[] = s.bullets.map((b) => ({ span: b, fallback: tailStatus, bullet: true }));
	for (const c of s.clauses) {
		const text = ctx.text.slice(c.start, c.end);
		const cue = lastAgreementCue(text);
		if (!cue) continue;
		// "1990년 협정을 체결한 이후 …" tells the past, not a new agreement.
		if (/^\S{0,6}\s?(?:이후|이래|뒤로|지\s)/.test(text.slice(cue.index + 2, cue.index + 14)))
			continue;
		// Only an agreement word in the predicate counts: not "협약에 따라 …".
		const afterCue = text.slice(cue.index);
		const later = [...afterCue.matchAll(new RegExp(EVENT_VERB.source, 'gi'))].filter(
			(m) => (m.index ?? 0) > 0
		);
		const english = !/[\uAC00-\uD7A3]/.test(text);
		if (!english && (later.length || text.length - cue.index > 40)) continue;
		if (lastBullet && c.start >= lastBullet.end) continue;
		units.push({ span: c, fallback: null, bullet: false });
	}
	return units;
}

const counterpartKeys = (ctx: Ctx, span: Span) => [
	...new Set(
		counterpartMentions(ctx, span.start, span.end)
			.filter((m) => !isPlace(ctx, m))
			.map((m) => m.key)
	)
];

function partnersOf(ctx: Ctx, unit: Unit, current: DraftExchange[], sentence: Span): string[] {
	const own = counterpartKeys(ctx, unit.span);
	if (own.length) return own;
	const fromContext = [
		...new Set(
			current.flatMap((x) =>
				x.organizations
					.filter((o) => o.role === 'partner' || o.role === 'organizer')
					.map((o) => o.partnerKey)
			)
		)
	];
	if (fromContext.length) return fromContext;
	const earlier = [...new Set(antecedents(ctx, unit.span.start, unit.span.end).map((m) => m.key))];
	if (earlier.length) return earlier;
	return counterpartKeys(ctx, sentence);
}

/** Quoted titles of an invitation, each with the counterpart it names. */
function perTitle(ctx: Ctx, i: number, unit: Unit): { key: string; title: string }[] {
	const out: { key: string; title: string }[] = [];
	for (const t of ctx.sentences[i].titles.filter(
		(t) => t.start >= unit.span.start && t.end <= unit.span.end
	)) {
		const key = counterpartKeys(ctx, t)[0];
		if (key) out.push({ key, title: ctx.text.slice(t.start + 1, t.end - 1) });
	}
	return out;
}

export function findAgreements(ctx: Ctx, context: ContextMap): DraftAgreement[] {
	counter = 0;
	const out: DraftAgreement[] = [];
	ctx.sentences.forEach((s, i) => {
		for (const unit of unitsOf(ctx, i)) {
			const text = ctx.text.slice(unit.span.start, unit.span.end);
			const status = agreementStatus(text, unit.fallback);
			if (!status) continue;
			const kind = agreementKind(text);
			const { target, before } = targetOf(ctx, text, unit.span);
			const keys = partnersOf(ctx, unit, context[i] ?? [], s.span);
			const titled = kind === 'invitation' ? perTitle(ctx, i, unit) : [];
			const perPartner = kind === 'commitment' || kind === 'invitation';
			const groups = perPartner && keys.length > 1 ? keys.map((k) => [k]) : [keys];
			for (const group of groups) {
				for (const k of group) ctx.book.use(k, null);
				const own = titled.find((t) => t.key === group[0]);
				const current = context[i] ?? [];
				const fromContext = !counterpartKeys(ctx, unit.span).length;
				const exchange =
					current.find((x) => x.organizations.some((o) => group.includes(o.partnerKey))) ??
					(fromContext && current.length === 1 ? current[0] : null);
				out.push({
					key: `a${++counter}`,
					span: unit.span,
					kind: { value: kind, span: unit.span },
					status: { value: status, span: unit.span },
					title: { value: own ? `${own.title} 참가 초청` : titleOf(ctx, unit), span: unit.span },
					target: status === 'signed' ? null : target,
					targetBefore: status === 'postponed' ? before : null,
					partnerKeys: group,
					exchangeKey: exchange?.key ?? null,
					fields: fieldsIn(ctx.masked, unit.span.start, unit.span.end)
				});
			}
		}
	});
	return dedupe(ctx, out);
}

/**
 * The same agreement told twice (in the lead and again in the body) is kept once, preferring
 * the telling tied to an exchange. Only distinctive ones merge — with a target, or postponed,
 * signed, to be pursued, an invitation — and never two items of one sentence.
 */
function dedupe(ctx: Ctx, list: DraftAgreement[]): DraftAgreement[] {
	// A tie to be signed is one agreement however often it is told; commitments differ by target.
	const key = (a: DraftAgreement) =>
		`${a.partnerKeys.slice().sort().join('|')}#${a.kind.value}#${a.status.value}#${a.kind.value === 'commitment' || a.kind.value === 'invitation' ? (a.target?.value ?? '') : ''}`;
	const sentenceOf = (a: DraftAgreement) =>
		ctx.sentences.findIndex((s) => a.span.start >= s.span.start && a.span.start < s.span.end);
	const distinctive = (a: DraftAgreement) =>
		!!a.target || ['postponed', 'signed', 'agreed_to_pursue', 'received'].includes(a.status.value);
	const out: DraftAgreement[] = [];
	for (const a of list) {
		const i = out.findIndex(
			(o) => key(o) === key(a) && distinctive(a) && sentenceOf(o) !== sentenceOf(a)
		);
		if (i < 0) out.push(a);
		else {
			const target = out[i].target ?? a.target;
			if (!out[i].exchangeKey && a.exchangeKey) out[i] = a;
			out[i].target = target;
		}
	}
	return out;
}
