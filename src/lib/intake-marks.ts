/**
 * The article with every extracted value marked at its span: the draft's spans become flat,
 * non-overlapping segments (the narrowest span wins where spans overlap; a surrounding
 * agreement shows as an underline), each segment anchored so the drafts can link to it.
 */
import type { Draft, Span } from '$lib/server/intake/draft-types';

export type MarkKind =
	'meta' | 'date' | 'type' | 'partner' | 'count' | 'place' | 'title' | 'agreement' | 'tie';

export interface Mark extends Span {
	kind: MarkKind;
}

export interface Segment {
	text: string;
	start: number;
	kind: MarkKind | null;
	inAgreement: boolean;
	/** Anchors of the marks that begin here (`s-12-15`). */
	anchors: string[];
}

export const anchorOf = (s: Span | null | undefined): string | null =>
	s ? `s-${s.start}-${s.end}` : null;

export function marksOf(d: Draft): Mark[] {
	const out: Mark[] = [];
	const add = (span: Span | null | undefined, kind: MarkKind) => {
		if (span && span.end > span.start && span.end <= d.text.length) out.push({ ...span, kind });
	};
	for (const v of [d.article.title, d.article.outlet, d.article.url, d.article.publishedAt])
		add(v?.span, 'meta');
	for (const x of d.exchanges) {
		add(x.date.span, 'date');
		add(x.type.span, 'type');
		if (
			x.mode.span &&
			(x.mode.span.start !== x.type.span?.start || x.mode.span.end !== x.type.span?.end)
		)
			add(x.mode.span, 'type');
		if (!x.title.proposed) add(x.title.span, 'title');
		add(x.location?.span, 'place');
		for (const c of [x.participants, x.institutions, x.recipients]) add(c?.span, 'count');
		for (const o of x.organizations) add(o.span, 'partner');
		for (const n of x.participantNames) add(n.span, 'partner');
	}
	for (const p of d.partners) for (const s of p.mentions) add(s, 'partner');
	for (const a of d.agreements) {
		add(a.span, 'agreement');
		add(a.target?.span, 'date');
	}
	for (const t of d.ties) add(t.span, 'tie');
	return out;
}

export function segments(text: string, marks: Mark[]): Segment[] {
	const cuts = new Set<number>([0, text.length]);
	for (const m of marks) {
		cuts.add(m.start);
		cuts.add(m.end);
	}
	const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
	const out: Segment[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const [start, end] = [points[i], points[i + 1]];
		const covering = marks.filter((m) => m.start <= start && m.end >= end);
		const inner = covering
			.filter((m) => m.kind !== 'agreement' && m.kind !== 'tie')
			.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
		const outer = covering.find((m) => m.kind === 'tie') ?? null;
		const anchors = [...new Set(marks.filter((m) => m.start === start).map((m) => anchorOf(m)!))];
		out.push({
			text: text.slice(start, end),
			start,
			kind: inner?.kind ?? outer?.kind ?? null,
			inAgreement: covering.some((m) => m.kind === 'agreement'),
			anchors
		});
	}
	return out;
}
