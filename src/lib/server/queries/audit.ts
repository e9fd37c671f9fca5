/** Reading the audit log: one record's history, and the whole log with filters for admins. */
import { and, desc, asc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import { auditLog, users } from '../db/schema';
import { diffSnapshots, type HistoryEntry } from './record-history';

export interface AuditRow extends HistoryEntry {
	userId: number | null;
	entityType: string;
	entityId: number | null;
}

/** Actions whose before and after are both meaningful snapshots worth comparing. */
const compared = new Set(['update', 'merge']);

const columns = {
	id: auditLog.id,
	at: auditLog.at,
	userId: auditLog.userId,
	userName: users.displayName,
	action: auditLog.action,
	entityType: auditLog.entityType,
	entityId: auditLog.entityId,
	before: auditLog.before,
	after: auditLog.after
};

function withChanges(
	rows: (Omit<AuditRow, 'changes'> & { before: unknown; after: unknown })[]
): AuditRow[] {
	return rows.map(({ before, after, ...r }) => ({
		...r,
		changes: compared.has(r.action) ? diffSnapshots(before, after) : []
	}));
}

/**
 * The history of one or more records, newest first: a partner's page passes the partner, its
 * ties and its attachments, so the whole story's changes show in one list.
 */
export function recordHistory(
	db: Conn,
	records: { type: string; ids: number[] }[],
	limit = 100
): AuditRow[] {
	const conds = records
		.filter((r) => r.ids.length)
		.map((r) => and(eq(auditLog.entityType, r.type), inArray(auditLog.entityId, r.ids))!);
	if (!conds.length) return [];
	const rows = db
		.select(columns)
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.userId))
		.where(or(...conds))
		.orderBy(desc(auditLog.id))
		.limit(limit)
		.all();
	return withChanges(rows);
}

export interface AuditFilter {
	userId?: number;
	entityType?: string;
	action?: string;
	/** Seoul calendar days, inclusive. */
	from?: string;
	to?: string;
	/** Keyset cursor: entries older than this id, or newer than `after`. */
	before?: number;
	after?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Start of a Seoul calendar day as a UTC timestamp, comparable with `audit_log.at`. */
function seoulDayStart(day: string): string {
	return new Date(`${day}T00:00:00+09:00`).toISOString();
}

function auditWhere(f: AuditFilter): SQL | undefined {
	const c: (SQL | undefined)[] = [];
	if (f.userId) c.push(eq(auditLog.userId, f.userId));
	if (f.entityType) c.push(eq(auditLog.entityType, f.entityType));
	if (f.action) c.push(eq(auditLog.action, f.action));
	if (f.from) c.push(sql`${auditLog.at} >= ${seoulDayStart(f.from)}`);
	if (f.to) {
		const next = new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
		c.push(sql`${auditLog.at} < ${seoulDayStart(next)}`);
	}
	if (f.before) c.push(lt(auditLog.id, f.before));
	if (f.after) c.push(gt(auditLog.id, f.after));
	return c.length ? and(...c) : undefined;
}

/**
 * One page of the whole log, newest first, by keyset (the log only grows, so no total is
 * counted). `older`/`newer` are the cursors for the next and previous pages, when there are any.
 */
export function listAuditLog(
	db: Conn,
	f: AuditFilter,
	pageSize = AUDIT_PAGE_SIZE
): { rows: AuditRow[]; older: number | null; newer: number | null } {
	const forward = !f.after;
	const rows = db
		.select(columns)
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.userId))
		.where(auditWhere(f))
		.orderBy(forward ? desc(auditLog.id) : asc(auditLog.id))
		.limit(pageSize + 1)
		.all();
	const more = rows.length > pageSize;
	const page = rows.slice(0, pageSize);
	if (!forward) page.reverse();
	const first = page[0]?.id ?? null;
	const last = page[page.length - 1]?.id ?? null;
	return {
		rows: withChanges(page),
		older: (forward ? more : !!f.after) && last !== null ? last : null,
		newer: (forward ? !!f.before : more) && first !== null ? first : null
	};
}

/** Values for the admin filters: users who appear in the log, entity types and actions. */
export function auditFacets(db: Conn) {
	return {
		users: db
			.selectDistinct({ id: users.id, name: users.displayName, email: users.email })
			.from(users)
			.orderBy(asc(users.displayName))
			.all(),
		entityTypes: db
			.selectDistinct({ v: auditLog.entityType })
			.from(auditLog)
			.orderBy(asc(auditLog.entityType))
			.all()
			.map((r) => r.v),
		actions: db
			.selectDistinct({ v: auditLog.action })
			.from(auditLog)
			.orderBy(asc(auditLog.action))
			.all()
			.map((r) => r.v)
	};
}
