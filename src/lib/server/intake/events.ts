/**
 * Exchanges: each clause that states an event (a type cue and an event verb, outside direct
 * speech) with a date, or an ongoing activity (a newsletter, "연 2회") at the article's year.
 * A clause listing several dates ("지난 4일 가나가와현 및 충칭시, 10월 13일 지린성 …")
 * yields one event per date, and calls and visits one per counterpart unless it says they
 * were joint.
 */
import { proposeExchangeTitle, type ExchangeType } from '$lib/vocab';
import type { PartialDate } from '$lib/dates';
import type { DraftExchange, DraftOrgLink, Span, Val } from './draft-types';
import type { Sentence } from './clauses';
import { antecedents, counterpartMentions, isPlace, type ContextMap, type Ctx } from './context';
import { findDates, tenseOf } from './date-mentions';
import { yearDate } from './dates';
import { EVENT_VERB, modeOf, typeCueOf, visitType } from './types';
import { links, organizers, subjectGroup } from './roles';
import { mergeExchanges } from './merge';
import { institutionsIn, participantsIn, recipientsIn } from './counts';
import { fieldsIn } from './fields';
import { lastAgreementCue } from './agreement-cues';
import type { Mention } from './partners';
import { applyContext } from './event-context';

/** Frequency words: an activity that recurs needs no date of its own (it takes the article's year). */
const ONGOING =
	/연\s?\d+\s?회|매년|매월|매주|분기별|분기마다|정기적으로|상[·‧]?하반기|annual|regularly|every\s+(?:year|month)|twice\s+a\s+year/i;
const PLANNING =
	/합의|협의|논의|검토|하기로|키로|방안|초청|순연|연기|agreed|discuss|consider|invit|postpone/i;
const HOSTING = /개최|주최|주관|열었|열고|연다|열어|열린다|hosted|organi[sz]ed|\bheld\b|convened/i;
const JOINT =
	/공동\s?(?:화상|회의|개최)|합동|다자|\d자\s?(?:회의|화상|간담)|3국|한중일|jointly|joint\s+(?:meeting|video|conference)|trilateral|multilateral/i;
const SPLIT_TYPES: ExchangeType[] = [
	'video_conference',
	'meeting',
	'visit_inbound',
	'visit_outbound'
];
const VENUE =
	/([가-힣A-Za-z0-9·]{2,20}(?:컨벤션센터|센터|호텔|청사|대회의실|소회의실|회의실|홀|전시장|박물관|미술관|대학교|회관|공항|광장|리조트|킨텍스|코엑스|벡스코|캠퍼스|본관|별관|도서관|기념관|연수원|영빈관|상황실|접견실|컨벤션|스튜디오))(?:\s*[가-힣0-9]+(?:층|호|실))?\s*에서(?!는|도)/;
const VENUE_EN =
	/\bat\s+(?:the\s+)?((?:[A-Z][\w'-]*\s+){0,5}(?:Center|Centre|Hotel|Hall|Building|Office|Complex|Museum|University|Convention))/;

interface Group {
	date: Val<PartialDate>;
	partners: Mention[];
}

let counter = 0;

function dateGroups(
	ctx: Ctx,
	sentence: Sentence,
	from: number,
	to: number,
	partners: Mention[]
): Group[] | 'backref' | null {
	const clause = ctx.masked.slice(from, to);
	const all = findDates(ctx.masked, from, to, ctx.ref, tenseOf(clause), sentence.titles);
	// "1990년 자매결연을 체결한 이후 …": a date that only says since when is not the event's.
	const since = (d: { span: Span }) =>
		/^[^,.]{0,20}?(?:한|된|맺은|은|던)\s*(?:이후|이래)|^\s*(?:이후|이래)/.test(
			ctx.masked.slice(d.span.end, d.span.end + 30)
		);
	const dated = all.filter((d) => !d.announce && !d.backRef && !since(d));
	if (!dated.length) return all.some((d) => d.backRef) ? 'backref' : null;
	const fine = dated.filter((d) => d.date.precision !== 'year');
	const use = fine.length ? fine : dated;
	const groups: Group[] = use.map((d) => ({ date: { value: d.date, span: d.span }, partners: [] }));
	for (const p of partners) {
		let idx = 0;
		for (let i = 0; i < use.length; i++) if (use[i].span.start <= p.span.start) idx = i;
		groups[idx].partners.push(p);
	}
	return groups;
}

function quotedTitle(ctx: Ctx, sentence: Sentence, from: number, to: number): Val<string> | null {
	const t = sentence.titles.find((s) => s.start >= from && s.start < to);
	if (!t) return null;
	const value = ctx.text.slice(t.start + 1, t.end - 1).trim();
	return value ? { value, span: { start: t.start + 1, end: t.end - 1 } } : null;
}

function locationOf(ctx: Ctx, from: number, to: number, places: Mention[]): Val<string> | null {
	const clause = ctx.masked.slice(from, to);
	const v = VENUE.exec(clause) ?? VENUE_EN.exec(clause);
	if (v) {
		const start = from + v.index + v[0].indexOf(v[1]);
		return { value: v[1], span: { start, end: start + v[1].length } };
	}
	const p = places[0];
	return p ? { value: ctx.text.slice(p.span.start, p.span.end), span: p.span } : null;
}

function typeFor(
	ctx: Ctx,
	cue: ReturnType<typeof typeCueOf>,
	clause: string,
	subject: Mention | undefined,
	homeVisited: boolean
): ExchangeType {
	if (!cue) return 'other';
	if (cue.cue !== 'visit') return cue.cue;
	const counterpartSubject =
		!!subject && subject.key !== 'home' && ctx.book.scopeOf(subject.key) === 'foreign';
	return visitType(clause, counterpartSubject, homeVisited);
}

function eventsOfClause(
	ctx: Ctx,
	sentence: Sentence,
	from: number,
	to: number,
	hasContext: boolean
): DraftExchange[] | 'backref' {
	const clause = ctx.masked.slice(from, to);
	const verbs = [...clause.matchAll(new RegExp(EVENT_VERB.source, 'gi'))];
	if (!verbs.length) return [];
	const lastVerb = verbs[verbs.length - 1].index ?? 0;
	// "열어왔다", "진행해 왔으나": what used to happen, not an event of its own.
	const afterVerb = clause.slice(
		lastVerb + verbs[verbs.length - 1][0].length,
		lastVerb + verbs[verbs.length - 1][0].length + 6
	);
	if (/^(?:해|하여|어|아)?\s?(?:왔|와|오고|오던|오며)/.test(afterVerb)) return [];
	// English puts the verb first: "agreed to hold a forum" is a plan, not an event.
	if (
		!/[\uAC00-\uD7A3]/.test(clause) &&
		/\b(?:agreed|decided|promised|invited|postponed|deferred|proposed)\b/i.test(clause)
	)
		return [];
	const cueAt = lastAgreementCue(clause);
	if (cueAt !== null && cueAt.index > lastVerb && !cueAt.signing) return [];
	// A dated signing is an event (a ceremony) even when no word names the occasion.
	const cue =
		typeCueOf(ctx.masked, from, to) ??
		(cueAt?.signing
			? {
					cue: 'ceremony' as const,
					span: { start: from + cueAt.index, end: from + cueAt.index + 2 }
				}
			: null);
	if (!cue) return [];
	const mentions = counterpartMentions(ctx, from, to).filter((m) => m.key !== 'home');
	const subjects = subjectGroup(ctx, from, to, from + lastVerb);
	const subject = subjects[subjects.length - 1];
	const places = mentions.filter((m) => isPlace(ctx, m));
	const homeVisited = ctx.book.in(from, to).some(
		(m) =>
			m.key === 'home' &&
			// 경기도를 방문, 도청을 찾아; or the visit took place at ours (경기도청에서)
			/^[가-힣]{0,3}?(?:(?:을|를)\s*(?:방문|찾)|에서)/.test(
				ctx.text.slice(m.span.end, m.span.end + 10)
			)
	);
	const type = typeFor(ctx, cue, clause, subject, homeVisited);
	let actors = mentions.filter((m) => !isPlace(ctx, m) || type === 'visit_outbound');
	if (!actors.length) actors = antecedents(ctx, from, to);
	if (!actors.length) actors = mentions;
	let groups = dateGroups(ctx, sentence, from, to, actors);
	if (groups === 'backref') return 'backref';
	if (!groups) {
		if (!(type === 'newsletter' || ONGOING.test(clause))) {
			if (actors.length && !hasContext)
				ctx.warnings.push({ code: 'undated_event', span: { start: from, end: to } });
			return [];
		}
		groups = [{ date: { value: yearDate(ctx.ref.y)!, span: null }, partners: actors }];
	}
	// A future event the clause only plans or discusses ("9월 박람회 참가 방안을 협의") is not one yet.
	const planned = groups.every((g) => g.date.value.start > ctx.refIso);
	if (planned && PLANNING.test(clause.slice(cue.span.start - from))) return [];
	const withPartners = groups.filter((g) => g.partners.length);
	const used = withPartners.length ? withPartners : [groups[0]];
	const organizerKeys = organizers(ctx, mentions, subjects, HOSTING.test(clause));
	const split = SPLIT_TYPES.includes(type) && !JOINT.test(clause);
	const title = quotedTitle(ctx, sentence, from, to);
	const out: DraftExchange[] = [];
	for (const g of used) {
		const distinct = g.partners.filter(
			(p, i) => g.partners.findIndex((q) => q.key === p.key) === i
		);
		const sets =
			split && distinct.length > 1
				? distinct.map((p) => [p, ...g.partners.filter((q) => q !== p && q.key === p.key)])
				: [g.partners];
		for (const set of sets) {
			const organizations = links(ctx, set, organizerKeys);
			out.push(build(ctx, { from, to, type, date: g.date, organizations, title: null, places }));
		}
	}
	if (title && out.length === 1) out[0].title = { ...title, proposed: false };
	return out;
}

function build(
	ctx: Ctx,
	a: {
		from: number;
		to: number;
		type: ExchangeType;
		date: Val<PartialDate>;
		organizations: DraftOrgLink[];
		title: null;
		places: Mention[];
	}
): DraftExchange {
	const names = a.organizations
		.filter((o) => o.role === 'partner' || o.role === 'organizer')
		.map((o) => ctx.book.partner(o.partnerKey).nameKo);
	const d = a.date.value;
	const tense = tenseOf(ctx.masked.slice(a.from, a.to));
	const planned =
		d.start > ctx.refIso ||
		(tense === 'future' &&
			d.precision !== 'day' &&
			d.end > ctx.refIso &&
			d.start > ctx.refIso.slice(0, 4));
	const exclude = ctx.book
		.in(a.from, a.to)
		.map((m) => ({ start: m.span.start, end: m.unitSpan?.end ?? m.span.end }));
	return {
		key: `x${++counter}`,
		clause: { start: a.from, end: a.to },
		status: planned ? 'planned' : 'held',
		date: a.date,
		type: { value: a.type, span: typeCueOf(ctx.masked, a.from, a.to)?.span ?? null },
		mode: modeOf(ctx.masked, a.from, a.to, a.type),
		title: {
			value: proposeExchangeTitle(ctx.home.nameKo, a.type, names),
			span: null,
			proposed: true
		},
		location: locationOf(ctx, a.from, a.to, a.places),
		participants: participantsIn(ctx.masked, a.from, a.to),
		institutions: institutionsIn(ctx.masked, a.from, a.to),
		recipients: a.type === 'newsletter' ? recipientsIn(ctx.masked, a.from, a.to) : null,
		fields: fieldsIn(ctx.masked, a.from, a.to, exclude),
		organizations: a.organizations,
		participantNames: []
	};
}

/** Every exchange of the body, and for each sentence the exchanges it speaks about. */
export function findExchanges(ctx: Ctx): { exchanges: DraftExchange[]; context: ContextMap } {
	counter = 0;
	const exchanges: DraftExchange[] = [];
	const context: ContextMap = [];
	let current: DraftExchange[] = [];
	for (const sentence of ctx.sentences) {
		if (
			/^\s*(?:한편|Meanwhile)/.test(ctx.text.slice(sentence.span.start, sentence.span.start + 12))
		)
			current = [];
		const own: DraftExchange[] = [];
		for (const c of sentence.clauses) {
			const found = eventsOfClause(ctx, sentence, c.start, c.end, current.length > 0);
			if (found !== 'backref') own.push(...found);
		}
		// Items of a sentence that agrees to them are plans, not events.
		const lastBullet = sentence.bullets[sentence.bullets.length - 1];
		const agreed =
			lastBullet && lastAgreementCue(ctx.masked.slice(lastBullet.end, sentence.span.end));
		for (const b of agreed ? [] : sentence.bullets) {
			const found = eventsOfClause(ctx, sentence, b.start, b.end, current.length > 0);
			if (found !== 'backref') own.push(...found);
		}
		if (own.length) {
			exchanges.push(...own);
			current = own;
		} else if (current.length === 1) applyContext(ctx, sentence, current[0]);
		context.push(current);
	}
	return { exchanges: mergeExchanges(exchanges, context), context };
}
