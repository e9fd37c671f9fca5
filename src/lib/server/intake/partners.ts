/**
 * Who an article names: the home government (our side, never a partner), its own units, and
 * other bodies — each resolved to an existing partner by alias, to a gazetteer entry, or to a
 * near spelling of a known name (normalised edit distance, shown to the reviewer as a
 * suggestion: 경기창조혁신경제센터 → 경기창조경제혁신센터).
 */
import type { DraftPartner, Scope, Span } from './draft-types';
import { gazetteer, gazetteerEntry, type GazEntry } from './gazetteer';
import { buildMatcher, scanNames, type NameRecord } from './matcher';
import { nearest } from './near-names';
import { homeMentions } from './home-mentions';
import { partnerRecord } from './partner-records';
import { isHangul, stripParticle } from './lexicon';

export interface KnownOrg {
	organizationId: number;
	nameKo: string;
	nameEn: string | null;
	nameNative: string | null;
	country: string | null;
	scope: Scope;
	level: string;
	aliases: string[];
}

/** What the extractor may know of the database; all of it optional. */
export interface PartnerLookup {
	home: { nameKo: string; nameEn: string };
	known: KnownOrg[];
	findByName(name: string, country?: string | null): { id: number; nameKo: string } | null;
}

export interface Mention {
	/** 'home' or a partner key. */
	key: string;
	span: Span;
	kind: 'gov' | 'unit';
	unit: string | null;
	unitSpan: Span | null;
	particle: string;
	place: boolean;
	/** Edit distance when found only as a near spelling. */
	fuzzy: number | null;
}

const ORGISH =
	/(센터|재단|진흥원|연구원|공사|공단|협회|위원회|사무국|기구|협의회|부|청|처|성|현|시|주|도)$/;
const MAX_FUZZY_WORDS = 300;

const homeShort = (nameKo: string) =>
	nameKo.replace(/(특별자치도|특별자치시|특별시|광역시|도|시|군|구)$/, '');

export class PartnerBook {
	readonly mentions: Mention[] = [];
	private partners = new Map<string, DraftPartner>();
	private used = new Set<string>();
	private canonCache = new Map<string, string>();
	private homeIds = new Set<string>();
	private knownById: Map<number, KnownOrg>;

	constructor(
		private text: string,
		private lookup: PartnerLookup,
		private from = 0,
		private to = text.length
	) {
		this.knownById = new Map(lookup.known.map((k) => [k.organizationId, k]));
		const homeNames = new Set([
			lookup.home.nameKo,
			lookup.home.nameEn,
			homeShort(lookup.home.nameKo)
		]);
		for (const e of gazetteer) if (e.names.some((n) => homeNames.has(n))) this.homeIds.add(e.id);
		this.scan(homeNames);
	}

	private scan(homeNames: Set<string>): void {
		const records: NameRecord[] = [];
		for (const n of homeNames) if (n.trim()) records.push({ surface: n, entity: 'home' });
		for (const k of this.lookup.known)
			for (const a of [k.nameKo, ...k.aliases])
				records.push({ surface: a, entity: `db:${k.organizationId}` });
		for (const e of gazetteer)
			for (const n of e.names)
				records.push({ surface: n, entity: this.homeIds.has(e.id) ? 'home' : `g:${e.id}` });
		const matcher = buildMatcher(records);
		const pool = this.fuzzyPool(records);
		for (const h of scanNames(this.text, matcher, this.from, this.to)) {
			let entity = h.entity;
			let fuzzy: number | null = null;
			let span = { start: h.start, end: h.end };
			let kind = h.kind;
			// "경기" + "창조혁신경제센터" may be a misspelt name of its own rather than a unit of 경기.
			if (h.kind === 'unit' && h.unitEnd > h.end && !/\s/.test(this.text.slice(h.end, h.unitEnd))) {
				const whole = this.text.slice(h.start, h.unitEnd);
				const near = nearest(whole, pool);
				if (near && near.entity !== h.entity) {
					entity = near.entity;
					fuzzy = near.distance;
					span = { start: h.start, end: h.unitEnd };
					kind = 'gov';
				}
			}
			this.mentions.push({
				key: this.canon(entity),
				span,
				kind,
				unit: kind === 'unit' ? h.unit : null,
				unitSpan:
					kind === 'unit' && h.unit ? { start: h.unitEnd - h.unit.length, end: h.unitEnd } : null,
				particle: h.particle,
				place: h.place,
				fuzzy
			});
			if (fuzzy !== null)
				this.noteWritten(this.canon(entity), this.text.slice(span.start, span.end), fuzzy);
		}
		this.scanUnknownWords(pool);
		this.scanHomePronoun();
		this.mentions.sort((a, b) => a.span.start - b.span.start);
	}

	private fuzzyPool(records: NameRecord[]): { surface: string; entity: string }[] {
		return records.filter(
			(r) => r.entity !== 'home' && r.surface.length >= 4 && [...r.surface].every(isHangul)
		);
	}

	/** Org-like words no name matched: a near spelling of a known name is a suggestion. */
	private scanUnknownWords(pool: { surface: string; entity: string }[]): void {
		const covered = (s: number) =>
			this.mentions.some((m) => s >= m.span.start && s < (m.unitSpan?.end ?? m.span.end));
		let tried = 0;
		const seen = new Map<string, { entity: string; distance: number } | null>();
		for (const m of this.text.slice(this.from, this.to).matchAll(/[\uAC00-\uD7A3]{4,}/g)) {
			const start = this.from + (m.index ?? 0);
			if (covered(start)) continue;
			const { stem } = stripParticle(m[0]);
			if (stem.length < 4 || !ORGISH.test(stem)) continue;
			if (!seen.has(stem)) {
				if (tried++ >= MAX_FUZZY_WORDS) break;
				seen.set(stem, nearest(stem, pool));
			}
			const near = seen.get(stem);
			if (!near) continue;
			const key = this.canon(near.entity);
			this.mentions.push({
				key,
				span: { start, end: start + stem.length },
				kind: 'gov',
				unit: null,
				unitSpan: null,
				particle: m[0].slice(stem.length),
				place: false,
				fuzzy: near.distance
			});
			this.noteWritten(key, stem, near.distance);
		}
	}

	/** 도는 / 도- / 본도 / the Province: the home government speaking of itself. */
	private scanHomePronoun(): void {
		const covered = (pos: number) =>
			this.mentions.some((x) => pos >= x.span.start && pos < x.span.end);
		for (const m of homeMentions(this.text, this.from, this.to, this.lookup.home.nameKo))
			if (!covered(m.span.start)) this.mentions.push(m);
	}

	/** One key per body: a gazetteer entry that is already a partner becomes that partner. */
	canon(entity: string): string {
		const hit = this.canonCache.get(entity);
		if (hit) return hit;
		let key = entity;
		if (entity.startsWith('g:')) {
			const e = gazetteerEntry(entity.slice(2));
			const found = e ? this.findInDb(e) : null;
			if (found) key = `db:${found.id}`;
		}
		this.canonCache.set(entity, key);
		return key;
	}

	private findInDb(e: GazEntry): { id: number; nameKo: string } | null {
		for (const n of e.names) {
			const f = this.lookup.findByName(n, e.country);
			if (f && (this.knownById.get(f.id)?.country ?? e.country) === e.country) return f;
		}
		return null;
	}

	/** The article writes a known name a little differently: keep its spelling, suggest the name. */
	private noteWritten(key: string, written: string, distance: number): void {
		const p = this.partner(key);
		if (p.written === written || p.suggestion) return;
		const dbId = key.startsWith('db:') ? Number(key.slice(3)) : null;
		p.suggestion = {
			nameKo: p.nameKo,
			organizationId: dbId,
			distance: Math.round(distance * 100) / 100
		};
		p.written = written;
		p.match = null;
		if (!p.aliases.includes(written)) p.aliases.push(written);
	}

	/** The partner record for a key (created on first use). */
	partner(key: string): DraftPartner {
		const existing = this.partners.get(key);
		if (existing) return existing;
		const p = partnerRecord(key, this.knownById);
		this.partners.set(key, p);
		return p;
	}

	scopeOf(key: string): Scope | 'home' {
		return key === 'home' ? 'home' : this.partner(key).scope;
	}

	/** Marks a partner as part of the draft and records where the article names it. */
	use(key: string, span: Span | null): DraftPartner {
		const p = this.partner(key);
		this.used.add(key);
		if (span && !p.mentions.some((s) => s.start === span.start)) p.mentions.push(span);
		return p;
	}

	list(): DraftPartner[] {
		const out = [...this.used].map((k) => this.partner(k));
		for (const p of out) {
			for (const m of this.mentions)
				if (m.key === p.key && !p.mentions.some((s) => s.start === m.span.start))
					p.mentions.push(m.span);
			p.mentions.sort((a, b) => a.start - b.start);
			if (p.written === p.nameKo && p.mentions.length) {
				const first = this.text.slice(p.mentions[0].start, p.mentions[0].end);
				if (first) p.written = first;
			}
		}
		return out;
	}

	in(from: number, to: number): Mention[] {
		return this.mentions.filter((m) => m.span.start >= from && m.span.start < to);
	}
}
