/**
 * Sentences after an event that add to it without naming a new one ("회의에는 … 16개 기관이
 * 참석했다", "충청북도에서는 … 시책을 공유한다"): counts, who took part (our own units and the
 * counterpart's sub-units as names, other bodies as participants or presenters) and fields.
 */
import type { DraftExchange, Span } from './draft-types';
import type { Sentence } from './clauses';
import { isPlace, isSubject, type Ctx } from './context';
import { institutionsIn, participantsIn, recipientsIn } from './counts';
import { fieldsIn } from './fields';
import { tenseOf } from './date-mentions';
import { lastAgreementCue } from './agreement-cues';

const PRESENTER =
	/발표|공유|소개|안내|설명|시연|강연|주제\s?발표|presented|shared|introduced|briefed/i;
const ATTEND = /참석|참가|참여|함께\s?했|자리했|attended|participated|joined/i;
const LIST_MARK = /\s등\s*\d+\s*(?:여\s*)?개|(?<=[가-힣])(?:이|가)\s*(?:참석|참가|참여)/;
const LIST_LEAD = /^.*(?:에는|에서는|에|:)\s+/;

/** The names of an attendance list (A, B, C 등 16개 기관이 참석), with their spans. */
export function attendanceList(
	text: string,
	from: number,
	to: number
): { value: string; span: Span }[] {
	const sentence = text.slice(from, to);
	if (!ATTEND.test(sentence)) return [];
	const mark = LIST_MARK.exec(sentence);
	if (!mark) return [];
	const items: { value: string; span: Span }[] = [];
	let end = mark.index;
	const pieces = sentence.slice(0, end).split(/(,\s*|\s및\s)/);
	// Walk back from the list's end while the pieces still look like names.
	for (let i = pieces.length - 1; i >= 0; i -= 2) {
		let piece = pieces[i];
		const start = end - piece.length;
		const lead = LIST_LEAD.exec(piece);
		let offset = 0;
		if (lead) {
			offset = lead[0].length;
			piece = piece.slice(offset);
		}
		const value = piece.trim();
		if (!value || value.length > 20 || value.split(/\s+/).length > 3) break;
		const s = from + start + offset + piece.indexOf(value);
		items.unshift({ value, span: { start: s, end: s + value.length } });
		if (lead) break;
		end = start - (pieces[i - 1]?.length ?? 0);
	}
	return items.length >= 2 ? items : [];
}

const LISTY = new Set([
	'은',
	'는',
	'이',
	'가',
	'에서는',
	'에서도',
	'께서',
	'측은',
	'와',
	'과',
	'및',
	'도',
	'간',
	''
]);

export function applyContext(ctx: Ctx, sentence: Sentence, x: DraftExchange): void {
	const { start, end } = sentence.span;
	x.participants ??= participantsIn(ctx.masked, start, end);
	x.institutions ??= institutionsIn(ctx.masked, start, end);
	if (x.type.value === 'newsletter') x.recipients ??= recipientsIn(ctx.masked, start, end);
	const linked = new Set(x.organizations.map((o) => o.partnerKey));
	const counterparts = new Set(
		x.organizations
			.filter((o) => o.role !== 'participant' && o.role !== 'presenter')
			.map((o) => o.partnerKey)
	);
	const presenting = PRESENTER.test(ctx.masked.slice(start, end));
	const said = ctx.masked.slice(start, end);
	const attending = ATTEND.test(said) || /주재|공동\s?주최/.test(said);
	// Only who did attend, not who is to attend under a plan ("…가 참석하는 방안을 추진하기로 했다").
	const attendedPast = attending && tenseOf(said) === 'past' && !lastAgreementCue(said);
	const mentions = ctx.book
		.in(start, end)
		.filter((m) => ctx.masked[m.span.start] === ctx.text[m.span.start]);
	for (const m of mentions) {
		if (m.kind === 'unit') {
			// A unit named in passing (…를 둘러봤다) did not take part; one that attended did.
			if (!attending && !presenting) continue;
			const name = ctx.text.slice(m.span.start, m.unitSpan?.end ?? m.span.end);
			addName(x, name, { start: m.span.start, end: m.unitSpan?.end ?? m.span.end });
			if (m.key !== 'home' && counterparts.has(m.key) && m.unit)
				ctx.book.partner(m.key).counterpartOffice ??= m.unit;
			continue;
		}
		if (m.key === 'home' || m.place || linked.has(m.key)) continue;
		if (ctx.book.scopeOf(m.key) === 'foreign') {
			// Foreign governments attending our event ("포럼에는 캘리포니아주 … 대표가 참석했다") are its counterparts.
			if (!attendedPast || isPlace(ctx, m)) continue;
			ctx.book.use(m.key, m.span);
			linked.add(m.key);
			x.organizations.push({ partnerKey: m.key, role: 'partner', span: m.span });
			continue;
		}
		const next = ctx.text[m.span.end];
		if (!LISTY.has(m.particle) && next !== '-' && next !== ',') continue;
		ctx.book.use(m.key, m.span);
		linked.add(m.key);
		x.organizations.push({
			partnerKey: m.key,
			role: presenting && isSubject(m) ? 'presenter' : 'participant',
			span: m.span
		});
	}
	const list = attendanceList(ctx.text, start, end);
	for (const item of list)
		if (
			!mentions.some(
				(m) =>
					m.span.start >= item.span.start &&
					m.span.start < item.span.end &&
					m.kind === 'gov' &&
					m.key !== 'home'
			)
		)
			addName(x, item.value, item.span);
	const exclude = [
		...mentions.map((m) => ({ start: m.span.start, end: m.unitSpan?.end ?? m.span.end })),
		...list.map((i) => i.span)
	];
	for (const f of fieldsIn(ctx.masked, start, end, exclude))
		if (!x.fields.some((g) => g.value === f.value)) x.fields.push(f);
}

/** Adds a name once: "외교통상과" after "경기도 외교통상과" is the same unit. */
function addName(x: DraftExchange, value: string, span: Span): void {
	const bare = value.replace(/\s/g, '');
	const same = (n: string) => {
		const other = n.replace(/\s/g, '');
		return other.endsWith(bare) || bare.endsWith(other);
	};
	if (!x.participantNames.some((n) => same(n.value))) x.participantNames.push({ value, span });
}
