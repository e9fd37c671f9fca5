/** Follow-ups: what someone owes on an agreement, by when, and whether it is done. */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import { agreements, followUps } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { seoulToday } from '$lib/dates';
import type { FollowUpData } from '$lib/schemas/follow-up';
import type { Viewer } from './exchanges';
import { assertLive } from './record-refs';
import { restore, softDelete } from './trash';
import { RecordNotFound, VersionConflict } from './write-errors';
import { clampLimit, encodeCursor, finishPage, keysetClauses, type Page } from './keyset';

export type FollowUp = typeof followUps.$inferSelect;

export interface FollowUpFilter {
	agreementId?: number;
	/** Only those not done. */
	open?: boolean;
	/** Only those not done whose due date is before today (Asia/Seoul). */
	overdue?: boolean;
}

/** Follow-ups inherit their agreement's visibility (and vanish with it into the trash). */
function visibleWhere(f: FollowUpFilter, viewer: Viewer, today: string): SQL {
	const c: (SQL | undefined)[] = [
		isNull(followUps.deletedAt),
		sql`EXISTS (SELECT 1 FROM ${agreements} a WHERE a.id = ${followUps.agreementId} AND a.deleted_at IS NULL ${viewer.includeConfidential ? sql`` : sql`AND a.visibility = 'normal'`})`
	];
	if (f.agreementId) c.push(eq(followUps.agreementId, f.agreementId));
	if (f.open || f.overdue) c.push(isNull(followUps.doneAt));
	if (f.overdue) c.push(sql`${followUps.dueDate} < ${today}`);
	return and(...c)!;
}

const NO_DUE = '9999-12-31';
const dueKey = sql<string>`coalesce(${followUps.dueDate}, ${NO_DUE})`;

/** Follow-ups by due date (undated last), one keyset page at a time. */
export function listFollowUps(
	db: Conn,
	filter: FollowUpFilter,
	viewer: Viewer,
	page: { after?: string | null; before?: string | null; limit?: number } = {},
	today = seoulToday()
): Page<FollowUp> {
	const limit = clampLimit(page.limit);
	const clauses = keysetClauses({ key: dueKey, id: followUps.id, desc: false }, page);
	const fetched = db
		.select()
		.from(followUps)
		.where(and(visibleWhere(filter, viewer, today), clauses.where))
		.orderBy(...clauses.orderBy)
		.limit(limit + 1)
		.all();
	return finishPage(fetched, limit, clauses, (r) => encodeCursor(r.dueDate ?? NO_DUE, r.id));
}

export function getFollowUp(db: Conn, id: number, viewer: Viewer): FollowUp | null {
	return (
		db
			.select()
			.from(followUps)
			.where(and(eq(followUps.id, id), visibleWhere({}, viewer, seoulToday())))
			.get() ?? null
	);
}

const doneAtFor = (done: boolean, current: string | null) =>
	done ? (current ?? new Date().toISOString()) : null;

export function createFollowUp(db: DB, data: FollowUpData, actor: Actor): FollowUp {
	return db.transaction((tx) => {
		assertLive(tx, [
			{
				field: 'agreementId',
				table: 'agreements',
				ids: [data.agreementId],
				message: 'ex_unknown_agreement'
			}
		]);
		const row = tx
			.insert(followUps)
			.values({
				agreementId: data.agreementId,
				action: data.action,
				owner: data.owner,
				dueDate: data.dueDate,
				doneAt: doneAtFor(data.done, null),
				createdBy: actor.id,
				updatedBy: actor.id
			})
			.returning()
			.get();
		writeAudit(tx, actor, {
			action: 'create',
			entityType: 'follow_up',
			entityId: row.id,
			after: row
		});
		return row;
	});
}

function save(
	db: Conn,
	id: number,
	version: number,
	set: Partial<FollowUp>,
	actor: Actor
): FollowUp {
	const before = db.select().from(followUps).where(eq(followUps.id, id)).get();
	if (!before || before.deletedAt) throw new RecordNotFound('follow_up', id);
	if (before.version !== version) throw new VersionConflict('follow_up', id, before.version);
	const after = db
		.update(followUps)
		.set({
			...set,
			updatedAt: new Date().toISOString(),
			updatedBy: actor.id,
			version: sql`${followUps.version} + 1`
		})
		.where(and(eq(followUps.id, id), eq(followUps.version, version)))
		.returning()
		.get();
	if (!after) throw new VersionConflict('follow_up', id, before.version);
	writeAudit(db, actor, { action: 'update', entityType: 'follow_up', entityId: id, before, after });
	return after;
}

export function updateFollowUp(
	db: DB,
	id: number,
	data: FollowUpData & { version: number },
	actor: Actor
): FollowUp {
	return db.transaction((tx) => {
		assertLive(tx, [
			{
				field: 'agreementId',
				table: 'agreements',
				ids: [data.agreementId],
				message: 'ex_unknown_agreement'
			}
		]);
		const current = tx.select().from(followUps).where(eq(followUps.id, id)).get();
		return save(
			tx,
			id,
			data.version,
			{
				agreementId: data.agreementId,
				action: data.action,
				owner: data.owner,
				dueDate: data.dueDate,
				doneAt: doneAtFor(data.done, current?.doneAt ?? null)
			},
			actor
		);
	});
}

/** Marks a follow-up done (or open again). */
export function setFollowUpDone(
	db: DB,
	id: number,
	done: boolean,
	version: number,
	actor: Actor
): FollowUp {
	return db.transaction((tx) => {
		const current = tx.select().from(followUps).where(eq(followUps.id, id)).get();
		return save(tx, id, version, { doneAt: doneAtFor(done, current?.doneAt ?? null) }, actor);
	});
}

export function deleteFollowUp(db: DB, id: number, actor: Actor): boolean {
	return softDelete(db, 'follow_up', id, actor);
}

export function restoreFollowUp(db: DB, id: number, actor: Actor): boolean {
	return restore(db, 'follow_up', id, actor);
}
