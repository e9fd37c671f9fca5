/**
 * The one search box. Three characters or more go to the trigram index (`search_fts`), each hit
 * joined back to its live record that the viewer may see. Shorter queries — Korean names are
 * often two syllables (산둥, 충칭) and trigrams cannot match them — fall back to a prefix or
 * substring match on partner names and aliases and on people's names: small tables, so this
 * stays fast however many exchanges there are.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import { normalizeName } from '$lib/normalize';
import { ftsPhrase } from './exchange-filter';
import { suggestPartners } from './organizations';
import { likeSubstring } from './people';
import { searchTypes, type SearchType } from './search';
import type { Viewer } from './exchanges';

export const MIN_FTS_CHARS = 3;

export interface SearchHit {
	type: SearchType;
	id: number;
	titleKo: string;
	titleEn: string | null;
	/** A second line: date, country, job title… */
	detail: string | null;
	/** The passage around the match, when the match is in longer text. */
	snippet: string | null;
}

export interface SearchResult {
	q: string;
	mode: 'fts' | 'short' | 'empty';
	groups: { type: SearchType; hits: SearchHit[] }[];
}

interface Row {
	id: number;
	titleKo: string;
	titleEn: string | null;
	detail: string | null;
	text: string | null;
}

const code: Record<SearchType, number> = {
	exchange: 1,
	organization: 2,
	agreement: 3,
	source: 4,
	person: 5
};

/** For each type: the live table, the visibility rule, and what a hit shows. */
function typeQuery(type: SearchType, viewer: Viewer): { from: SQL; cols: SQL } {
	const hide = viewer.includeConfidential ? sql`` : sql`AND r.visibility = 'normal'`;
	switch (type) {
		case 'exchange':
			return {
				from: sql`exchanges r ON r.id = f.rowid / 8 AND r.deleted_at IS NULL ${hide}`,
				cols: sql`r.id, r.title_ko AS titleKo, r.title_en AS titleEn, r.date_start AS detail, coalesce(r.summary_ko, '') || ' ' || coalesce(r.outcomes, '') AS text`
			};
		case 'agreement':
			return {
				from: sql`agreements r ON r.id = f.rowid / 8 AND r.deleted_at IS NULL ${hide}`,
				cols: sql`r.id, r.title_ko AS titleKo, r.title_en AS titleEn, r.status AS detail, r.notes AS text`
			};
		case 'organization':
			return {
				from: sql`organizations r ON r.id = f.rowid / 8 AND r.deleted_at IS NULL`,
				cols: sql`r.id, r.name_ko AS titleKo, r.name_en AS titleEn, r.country AS detail, (SELECT group_concat(alias, ' · ') FROM organization_aliases a WHERE a.organization_id = r.id) AS text`
			};
		case 'source':
			return {
				from: sql`sources r ON r.id = f.rowid / 8 AND r.deleted_at IS NULL`,
				cols: sql`r.id, r.title AS titleKo, NULL AS titleEn, substr(r.published_at, 1, 10) AS detail, r.body AS text`
			};
		case 'person':
			return {
				from: sql`people r ON r.id = f.rowid / 8 AND r.deleted_at IS NULL`,
				cols: sql`r.id, r.name_ko AS titleKo, r.name_en AS titleEn, r.title AS detail, r.name_native AS text`
			};
	}
}

/** The words around the first occurrence of `q`, or null when it is not in the text. */
export function snippetAround(text: string | null, q: string, radius = 40): string | null {
	if (!text) return null;
	const at = text.toLowerCase().indexOf(q.toLowerCase());
	if (at < 0) return null;
	const start = Math.max(0, at - radius);
	const end = Math.min(text.length, at + q.length + radius);
	const clip = text.slice(start, end).replace(/\s+/g, ' ').trim();
	return `${start > 0 ? '…' : ''}${clip}${end < text.length ? '…' : ''}`;
}

function toHit(type: SearchType, q: string, r: Row): SearchHit {
	return {
		type,
		id: r.id,
		titleKo: r.titleKo,
		titleEn: r.titleEn,
		detail: r.detail,
		snippet: snippetAround(r.text, q)
	};
}

function ftsHits(
	db: Conn,
	type: SearchType,
	q: string,
	viewer: Viewer,
	limit: number
): SearchHit[] {
	const { from, cols } = typeQuery(type, viewer);
	// Newest first by row id: a ranking sort would read every match of a common word.
	const rows = db.all<Row>(
		sql`SELECT ${cols} FROM search_fts f JOIN ${from}
			WHERE search_fts MATCH ${ftsPhrase(q)} AND f.rowid % 8 = ${code[type]}
			ORDER BY f.rowid DESC LIMIT ${limit}`
	);
	return rows.map((r) => toHit(type, q, r));
}

function partnerHits(db: Conn, q: string, limit: number): SearchHit[] {
	return suggestPartners(db, q, limit).map((p) => ({
		type: 'organization',
		id: p.id,
		titleKo: p.nameKo,
		titleEn: p.nameEn,
		detail: p.country,
		snippet: p.matched
	}));
}

function peopleHits(db: Conn, q: string, limit: number): SearchHit[] {
	const p = likeSubstring(q);
	const prefix = likeSubstring(q).slice(1);
	const rows = db.all<Row & { prefix: number }>(
		sql`SELECT r.id, r.name_ko AS titleKo, r.name_en AS titleEn, r.title AS detail, r.name_native AS text,
			(r.name_ko LIKE ${prefix} ESCAPE '\\' OR r.name_en LIKE ${prefix} ESCAPE '\\') AS prefix
			FROM people r WHERE r.deleted_at IS NULL
			AND (r.name_ko LIKE ${p} ESCAPE '\\' OR r.name_en LIKE ${p} ESCAPE '\\' OR r.name_native LIKE ${p} ESCAPE '\\')
			ORDER BY prefix DESC, r.name_ko LIMIT ${limit}`
	);
	return rows.map((r) => toHit('person', q, r));
}

/** Partners first when their name or alias is the query exactly, then the index's order. */
function mergePartners(
	fts: SearchHit[],
	byName: SearchHit[],
	q: string,
	limit: number
): SearchHit[] {
	const norm = normalizeName(q);
	const seen = new Set<number>();
	const out: SearchHit[] = [];
	const exact = (h: SearchHit) =>
		normalizeName(h.titleKo) === norm || (h.titleEn && normalizeName(h.titleEn) === norm);
	for (const h of [...byName.filter(exact), ...byName, ...fts]) {
		if (seen.has(h.id)) continue;
		seen.add(h.id);
		out.push(h);
	}
	return out.slice(0, limit);
}

/** Searches everything the viewer may see; `limit` hits per record type. */
export function searchEverything(
	db: Conn,
	rawQ: string,
	viewer: Viewer,
	opts: { limit?: number; types?: SearchType[] } = {}
): SearchResult {
	const q = rawQ.trim().slice(0, 200);
	const limit = opts.limit ?? 20;
	const types = opts.types?.length ? opts.types : [...searchTypes];
	if (!q || !normalizeName(q)) return { q, mode: 'empty', groups: [] };
	const groups: SearchResult['groups'] = [];
	if ([...q].length >= MIN_FTS_CHARS) {
		for (const type of types) {
			let hits = ftsHits(db, type, q, viewer, limit);
			// Spacing and punctuation differ between spellings (산동 성 / 산동성); names compare without them.
			if (type === 'organization') hits = mergePartners(hits, partnerHits(db, q, limit), q, limit);
			if (hits.length) groups.push({ type, hits });
		}
		return { q, mode: 'fts', groups };
	}
	if (types.includes('organization')) {
		const hits = partnerHits(db, q, limit);
		if (hits.length) groups.push({ type: 'organization', hits });
	}
	if (types.includes('person')) {
		const hits = peopleHits(db, q, limit);
		if (hits.length) groups.push({ type: 'person', hits });
	}
	return { q, mode: 'short', groups };
}
