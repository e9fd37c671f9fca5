/**
 * Undoing an import batch (admins). Records the batch created go to the trash; records it
 * updated get back the values they had before it. A record edited since the batch (a later
 * audit row not of this batch), or a created partner that other records now use, is a
 * conflict: the undo is refused with the list, or — if the admin chooses — done for the rest.
 */
import { and, asc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import {
	agreementOrganizations,
	agreements,
	auditLog,
	exchangeOrganizations,
	exchanges,
	importBatches,
	organizations,
	people,
	ties
} from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { indexOrganization, listAliases, replaceAliases } from '../queries/organizations';
import { reindexExchange } from './writes';

type Undoable = 'organization' | 'tie' | 'exchange';
const tables = { organization: organizations, tie: ties, exchange: exchanges } as const;

export type UndoMode = 'refuse' | 'skip';

export interface UndoConflict {
	entityType: Undoable;
	entityId: number;
	label: string;
	reason: 'edited' | 'in_use';
}

export type UndoResult =
	| { ok: true; undone: number; skipped: UndoConflict[] }
	| { ok: false; reason: 'not_found' | 'already_undone' | 'conflicts'; conflicts: UndoConflict[] };

interface Touched {
	type: Undoable;
	id: number;
	created: boolean;
	/** The record as it was before the batch's first change to it. */
	before: Record<string, unknown> | null;
	lastAuditId: number;
}

const key = (type: string, id: number) => `${type}:${id}`;

function touchedRecords(db: Conn, batchId: number): Touched[] {
	const rows = db
		.select()
		.from(auditLog)
		.where(eq(auditLog.batchId, batchId))
		.orderBy(asc(auditLog.id))
		.all();
	const byKey = new Map<string, Touched>();
	for (const r of rows) {
		if (!(r.entityType in tables) || r.entityId === null) continue;
		const k = key(r.entityType, r.entityId);
		const t = byKey.get(k);
		if (t) t.lastAuditId = r.id;
		else
			byKey.set(k, {
				type: r.entityType as Undoable,
				id: r.entityId,
				created: r.action === 'create',
				before: (r.before as Record<string, unknown> | null) ?? null,
				lastAuditId: r.id
			});
	}
	return [...byKey.values()];
}

function editedSince(db: Conn, batchId: number, t: Touched): boolean {
	return !!db
		.select({ id: auditLog.id })
		.from(auditLog)
		.where(
			and(
				eq(auditLog.entityType, t.type),
				eq(auditLog.entityId, t.id),
				gt(auditLog.id, t.lastAuditId),
				or(isNull(auditLog.batchId), ne(auditLog.batchId, batchId))
			)
		)
		.limit(1)
		.get();
}

/** Whether a live record outside `leaving` points at the partner. */
function partnerInUse(db: Conn, orgId: number, leaving: Set<string>): boolean {
	const tieIds = db
		.select({ id: ties.id })
		.from(ties)
		.where(and(eq(ties.organizationId, orgId), isNull(ties.deletedAt)))
		.all();
	if (tieIds.some((t) => !leaving.has(key('tie', t.id)))) return true;
	const exchangeIds = db
		.select({ id: exchanges.id })
		.from(exchangeOrganizations)
		.innerJoin(exchanges, eq(exchanges.id, exchangeOrganizations.exchangeId))
		.where(and(eq(exchangeOrganizations.organizationId, orgId), isNull(exchanges.deletedAt)))
		.all();
	if (exchangeIds.some((e) => !leaving.has(key('exchange', e.id)))) return true;
	const agreement = db
		.select({ id: agreements.id })
		.from(agreementOrganizations)
		.innerJoin(agreements, eq(agreements.id, agreementOrganizations.agreementId))
		.where(and(eq(agreementOrganizations.organizationId, orgId), isNull(agreements.deletedAt)))
		.get();
	const person = db
		.select({ id: people.id })
		.from(people)
		.where(and(eq(people.organizationId, orgId), isNull(people.deletedAt)))
		.get();
	return !!agreement || !!person;
}

function labelOf(db: Conn, t: Touched): string {
	if (t.type === 'exchange')
		return (
			db.select({ l: exchanges.titleKo }).from(exchanges).where(eq(exchanges.id, t.id)).get()?.l ??
			''
		);
	const orgId =
		t.type === 'organization'
			? t.id
			: db.select({ o: ties.organizationId }).from(ties).where(eq(ties.id, t.id)).get()?.o;
	return orgId
		? (db
				.select({ l: organizations.nameKo })
				.from(organizations)
				.where(eq(organizations.id, orgId))
				.get()?.l ?? '')
		: '';
}

/** Decides what can be undone: conflicts first, then partners still in use by what stays. */
function planUndo(db: Conn, batchId: number) {
	const touched = touchedRecords(db, batchId);
	const conflicts: UndoConflict[] = [];
	const conflict = (t: Touched, reason: UndoConflict['reason']) =>
		conflicts.push({ entityType: t.type, entityId: t.id, label: labelOf(db, t), reason });
	let undo = touched.filter((t) => {
		const edited = editedSince(db, batchId, t);
		if (edited) conflict(t, 'edited');
		return !edited;
	});
	const leaving = new Set(undo.filter((t) => t.created).map((t) => key(t.type, t.id)));
	undo = undo.filter((t) => {
		const inUse = t.type === 'organization' && t.created && partnerInUse(db, t.id, leaving);
		if (inUse) conflict(t, 'in_use');
		return !inUse;
	});
	return { undo, conflicts };
}

/** Columns an undo never writes back: identity, creation and its own bookkeeping. */
const fixed = new Set([
	'id',
	'createdAt',
	'createdBy',
	'updatedAt',
	'updatedBy',
	'version',
	'aliases'
]);

function restoredColumns(before: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(before).filter(([k]) => !fixed.has(k)));
}

function partnerNamesOf(db: Conn, exchangeId: number): string[] {
	return db
		.select({ name: organizations.nameKo })
		.from(exchangeOrganizations)
		.innerJoin(organizations, eq(organizations.id, exchangeOrganizations.organizationId))
		.where(eq(exchangeOrganizations.exchangeId, exchangeId))
		.all()
		.map((r) => r.name);
}

/** Trashes a record the batch created, or puts back what the batch changed. */
function undoOne(db: Conn, t: Touched, actor: Actor, batchId: number): void {
	const table = tables[t.type];
	const current = db.select().from(table).where(eq(table.id, t.id)).get();
	if (!current) return;
	const bookkeeping = {
		updatedAt: new Date().toISOString(),
		updatedBy: actor.id,
		version: sql`${table.version} + 1`
	};
	const values =
		t.created || !t.before ? { deletedAt: new Date().toISOString() } : restoredColumns(t.before);
	// The three tables share the record columns; the values come from a row of the same table.
	const after = db
		.update(table)
		.set({ ...(values as object), ...bookkeeping })
		.where(eq(table.id, t.id))
		.returning()
		.get() as Record<string, unknown>;
	if (!t.created && t.type === 'organization') {
		const aliases = (t.before?.aliases as string[] | undefined) ?? listAliases(db, t.id);
		replaceAliases(db, t.id, aliases);
		indexOrganization(db, t.id, { ...(after as typeof organizations.$inferSelect), aliases });
	}
	if (!t.created && t.type === 'exchange')
		reindexExchange(db, after as typeof exchanges.$inferSelect, partnerNamesOf(db, t.id));
	writeAudit(db, actor, {
		action: 'import_undo',
		entityType: t.type,
		entityId: t.id,
		before: current,
		after: { ...after, undoneBatch: batchId }
	});
}

export function undoBatch(db: DB, batchId: number, actor: Actor, mode: UndoMode): UndoResult {
	return db.transaction((tx) => {
		const batch = tx.select().from(importBatches).where(eq(importBatches.id, batchId)).get();
		if (!batch) return { ok: false, reason: 'not_found', conflicts: [] };
		if (batch.undoneAt) return { ok: false, reason: 'already_undone', conflicts: [] };
		const { undo, conflicts } = planUndo(tx, batchId);
		if (conflicts.length && mode === 'refuse') return { ok: false, reason: 'conflicts', conflicts };
		for (const t of undo) undoOne(tx, t, actor, batchId);
		const undoneAt = new Date().toISOString();
		const summary = {
			...((batch.summary as object | null) ?? {}),
			undo: { by: actor.id, at: undoneAt, undone: undo.length, skipped: conflicts }
		};
		tx.update(importBatches).set({ undoneAt, summary }).where(eq(importBatches.id, batchId)).run();
		writeAudit(tx, actor, {
			action: 'import_undo',
			entityType: 'import_batch',
			entityId: batchId,
			before: { undoneAt: null },
			after: { undoneAt, undone: undo.length, skipped: conflicts.length }
		});
		return { ok: true, undone: undo.length, skipped: conflicts };
	});
}
