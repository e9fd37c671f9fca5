/**
 * Keyset pagination: a page is "the n rows after (or before) this sort key and id", so a deep
 * page costs what the first does (OFFSET 500000 reads half a million rows; this reads n).
 * Cursors are opaque base64url text of `[sortKey, id]`.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export type CursorKey = string | number | null;

export interface PageRequest<S extends string> {
	sort: S;
	/** Rows after this cursor (the next page). */
	after?: string | null;
	/** Rows before this cursor (the previous page). */
	before?: string | null;
	limit?: number;
}

export interface Page<T> {
	rows: T[];
	/** Cursor of the next page, or null on the last. */
	next: string | null;
	/** Cursor of the previous page, or null on the first. */
	prev: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function encodeCursor(key: CursorKey, id: number): string {
	return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** The key and id of a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): [CursorKey, number] | null {
	try {
		const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (
			Array.isArray(v) &&
			v.length === 2 &&
			(v[0] === null || ['string', 'number'].includes(typeof v[0])) &&
			Number.isInteger(v[1])
		)
			return [v[0], v[1]];
	} catch {
		/* not a cursor */
	}
	return null;
}

export function clampLimit(limit: number | undefined): number {
	if (!limit || !Number.isFinite(limit)) return DEFAULT_LIMIT;
	return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

export interface SortSpec {
	/** The sort expression; it must never be NULL (wrap nullable columns in COALESCE). */
	key: SQL | SQLWrapper;
	id: SQLWrapper;
	desc: boolean;
}

/**
 * The WHERE part and ORDER BY for one page. Going back, the order is reversed so the n rows
 * nearest the cursor come first; `finishPage` turns them around again.
 */
export function keysetClauses(
	spec: SortSpec,
	req: { after?: string | null; before?: string | null }
): { where: SQL | undefined; orderBy: SQL[]; backward: boolean; cursor: boolean } {
	const backward = !!req.before && !req.after;
	const decoded = decodeCursor((backward ? req.before : req.after) ?? '');
	// Forward on a descending sort, and backward on an ascending one, look for smaller keys.
	const smaller = spec.desc !== backward;
	const where = decoded
		? smaller
			? sql`(${spec.key}, ${spec.id}) < (${decoded[0]}, ${decoded[1]})`
			: sql`(${spec.key}, ${spec.id}) > (${decoded[0]}, ${decoded[1]})`
		: undefined;
	const dir = smaller ? sql`DESC` : sql`ASC`;
	return {
		where,
		orderBy: [sql`${spec.key} ${dir}`, sql`${spec.id} ${dir}`],
		backward: backward && !!decoded,
		cursor: !!decoded
	};
}

/** Trims the look-ahead row, restores display order and works out both cursors. */
export function finishPage<T>(
	fetched: T[],
	limit: number,
	clauses: { backward: boolean; cursor: boolean },
	cursorOf: (row: T) => string
): Page<T> {
	const more = fetched.length > limit;
	const rows = fetched.slice(0, limit);
	if (clauses.backward) {
		rows.reverse();
		return {
			rows,
			prev: more && rows.length ? cursorOf(rows[0]) : null,
			next: rows.length ? cursorOf(rows[rows.length - 1]) : null
		};
	}
	return {
		rows,
		next: more && rows.length ? cursorOf(rows[rows.length - 1]) : null,
		prev: clauses.cursor && rows.length ? cursorOf(rows[0]) : null
	};
}
