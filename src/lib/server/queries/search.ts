/**
 * The full-text index (`search_fts`, trigram, contentless). Each record's row id encodes its
 * type and id, so no mapping table is needed; callers keep it current inside the same
 * transaction as the write, so a committed record is always findable.
 */
import { sql } from 'drizzle-orm';
import type { Conn } from '../db';

export const searchTypes = ['exchange', 'organization', 'agreement', 'source', 'person'] as const;
export type SearchType = (typeof searchTypes)[number];
const code: Record<SearchType, number> = {
	exchange: 1,
	organization: 2,
	agreement: 3,
	source: 4,
	person: 5
};
const typeByCode = Object.fromEntries(Object.entries(code).map(([k, v]) => [v, k])) as Record<
	number,
	SearchType
>;

export function searchRowId(type: SearchType, id: number): number {
	return id * 8 + code[type];
}

export function decodeSearchRowId(rowid: number): { type: SearchType; id: number } {
	return { type: typeByCode[rowid % 8], id: Math.floor(rowid / 8) };
}

/** Replaces the record's index entry. Pass null parts for absent fields. */
export function indexRecord(
	db: Conn,
	type: SearchType,
	id: number,
	title: string,
	body: (string | null | undefined)[]
): void {
	const rowid = searchRowId(type, id);
	db.run(sql`DELETE FROM search_fts WHERE rowid = ${rowid}`);
	db.run(
		sql`INSERT INTO search_fts(rowid, title, body) VALUES (${rowid}, ${title}, ${body.filter(Boolean).join('\n')})`
	);
}

export function unindexRecord(db: Conn, type: SearchType, id: number): void {
	db.run(sql`DELETE FROM search_fts WHERE rowid = ${searchRowId(type, id)}`);
}
