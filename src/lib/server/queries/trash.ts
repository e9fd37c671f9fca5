/**
 * Soft delete, restore and purge for every record table. Delete only stamps `deleted_at`
 * (nothing is lost to a mis-click); editors restore from the trash; only admins purge.
 * Search and every list skip rows with `deleted_at`, so the index needs no change until purge.
 */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import {
	agreements,
	exchanges,
	followUps,
	organizations,
	people,
	sources,
	ties
} from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { unindexRecord, type SearchType } from './search';

export const trashTables = {
	exchange: exchanges,
	agreement: agreements,
	follow_up: followUps,
	organization: organizations,
	tie: ties,
	person: people,
	source: sources
} as const;
export type TrashType = keyof typeof trashTables;

type AnyRecordTable = (typeof trashTables)[TrashType];

function table(type: TrashType): AnyRecordTable {
	return trashTables[type];
}

function stamp(
	db: Conn,
	type: TrashType,
	id: number,
	deletedAt: string | null,
	actor: Actor,
	action: string
): boolean {
	const t = table(type);
	const before = db.select().from(t).where(eq(t.id, id)).get();
	if (!before) return false;
	if ((before.deletedAt === null) === (deletedAt === null)) return false;
	const after = db
		.update(t)
		.set({
			deletedAt,
			updatedAt: new Date().toISOString(),
			updatedBy: actor.id,
			version: sql`${t.version} + 1`
		})
		.where(eq(t.id, id))
		.returning()
		.get();
	writeAudit(db, actor, { action, entityType: type, entityId: id, before, after });
	return true;
}

/** Moves a record to the trash; returns false when it is missing or already there. */
export function softDelete(db: DB, type: TrashType, id: number, actor: Actor): boolean {
	return db.transaction((tx) => stamp(tx, type, id, new Date().toISOString(), actor, 'delete'));
}

export function restore(db: DB, type: TrashType, id: number, actor: Actor): boolean {
	return db.transaction((tx) => stamp(tx, type, id, null, actor, 'restore'));
}

/** Deletes a trashed record for good (admins only; the audit log keeps its last state). */
export function purge(db: DB, type: TrashType, id: number, actor: Actor): boolean {
	return db.transaction((tx) => {
		const t = table(type);
		const before = tx
			.select()
			.from(t)
			.where(and(eq(t.id, id), isNotNull(t.deletedAt)))
			.get();
		if (!before) return false;
		tx.delete(t).where(eq(t.id, id)).run();
		if (['exchange', 'organization', 'agreement', 'source', 'person'].includes(type))
			unindexRecord(tx, type as SearchType, id);
		tx.run(sql`DELETE FROM source_links WHERE entity_type = ${type} AND entity_id = ${id}`);
		writeAudit(tx, actor, { action: 'purge', entityType: type, entityId: id, before });
		return true;
	});
}

export interface TrashRow {
	type: TrashType;
	id: number;
	label: string;
	deletedAt: string;
}

const labelColumn = (type: TrashType) => {
	switch (type) {
		case 'exchange':
		case 'agreement':
			return sql<string>`title_ko`;
		case 'organization':
		case 'person':
			return sql<string>`name_ko`;
		case 'source':
			return sql<string>`title`;
		case 'follow_up':
			return sql<string>`action`;
		case 'tie':
			return sql<string>`kind`;
	}
};

/** Everything in the trash, newest deletion first. */
export function listTrash(db: Conn, limit = 200): TrashRow[] {
	const rows: TrashRow[] = [];
	for (const type of Object.keys(trashTables) as TrashType[]) {
		const t = table(type);
		for (const r of db
			.select({ id: t.id, label: labelColumn(type), deletedAt: t.deletedAt })
			.from(t)
			.where(isNotNull(t.deletedAt))
			.orderBy(desc(t.deletedAt))
			.limit(limit)
			.all())
			rows.push({ type, id: r.id, label: r.label, deletedAt: r.deletedAt! });
	}
	return rows.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)).slice(0, limit);
}

export function isLive(db: Conn, type: TrashType, id: number): boolean {
	const t = table(type);
	return !!db
		.select({ id: t.id })
		.from(t)
		.where(and(eq(t.id, id), isNull(t.deletedAt)))
		.get();
}
