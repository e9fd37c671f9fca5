/** Who an event is with and in what role: the subject, the hosts, the counterparts. */
import type { OrgRole } from '$lib/vocab';
import type { DraftOrgLink } from './draft-types';
import { isSubject, type Ctx } from './context';
import type { Mention } from './partners';

/** The subject and the names listed with it (행정안전부와 국제화재단은 …). */
export function subjectGroup(ctx: Ctx, from: number, to: number, before: number): Mention[] {
	const all = ctx.book.in(from, to);
	const i = all.findIndex((m) => isSubject(m) && m.span.start < before);
	if (i < 0) return [];
	const group = [all[i]];
	for (let j = i - 1; j >= 0; j--) {
		const gap = ctx.text.slice(all[j].unitSpan?.end ?? all[j].span.end, group[0].span.start);
		if (!/^\s*(?:와|과|및|,|·)?\s*(?:및\s*)?$/.test(gap)) break;
		group.unshift(all[j]);
	}
	return group;
}

/** Bodies that host: the subject of a hosting verb, or "X가 주최한 …". */
export function organizers(
	ctx: Ctx,
	mentions: Mention[],
	subjects: Mention[],
	hosting: boolean
): Set<string> {
	const keys = new Set<string>();
	if (hosting) for (const m of subjects) if (m.key !== 'home') keys.add(m.key);
	for (const m of mentions) {
		const after = ctx.text.slice(
			m.unitSpan?.end ?? m.span.end,
			(m.unitSpan?.end ?? m.span.end) + 12
		);
		if (/^\s*(?:이|가|에서|측이)?\s*(?:주최|주관)/.test(after)) keys.add(m.key);
	}
	return keys;
}

export function links(ctx: Ctx, partners: Mention[], organizerKeys: Set<string>): DraftOrgLink[] {
	const out: DraftOrgLink[] = [];
	for (const m of partners) {
		if (out.some((l) => l.partnerKey === m.key)) continue;
		const role: OrgRole = organizerKeys.has(m.key) ? 'organizer' : 'partner';
		const p = ctx.book.use(m.key, m.span);
		if (m.kind === 'unit' && m.unit && !p.counterpartOffice) p.counterpartOffice = m.unit;
		out.push({ partnerKey: m.key, role, span: m.span });
	}
	return out;
}
