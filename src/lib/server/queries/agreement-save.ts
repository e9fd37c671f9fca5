/**
 * Creating and editing agreements and changing their status. A status change (or a new due
 * date) appends a dated history row, so "postponed from 2020 to 2021" is never overwritten.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import {
	agreementFields,
	agreementOrganizations,
	agreementStatusHistory,
	agreements
} from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { partialDateLabel, seoulToday, type PartialDate } from '$lib/dates';
import type { AgreementData, StatusChange } from '$lib/schemas/agreement';
import type { AgreementStatus, Field } from '$lib/vocab';
import {
	agreementColumns,
	insertAgreement,
	replaceAgreementLinks,
	type Agreement,
	type AgreementInput
} from './agreements-write';
import { assertLive, replaceSourceLinks, sourceIdsOf } from './record-refs';
import { indexRecord } from './search';
import { restore, softDelete } from './trash';
import { RecordNotFound, VersionConflict } from './write-errors';

function checkRefs(db: Conn, data: AgreementData) {
	assertLive(db, [
		{
			field: 'organizationIds',
			table: 'organizations',
			ids: data.organizationIds,
			message: 'ex_unknown_partner'
		},
		{
			field: 'exchangeId',
			table: 'exchanges',
			ids: data.exchangeId ? [data.exchangeId] : [],
			message: 'ex_unknown_exchange'
		},
		{ field: 'sourceIds', table: 'sources', ids: data.sourceIds, message: 'ex_unknown_source' }
	]);
}

const toInput = (data: AgreementData): AgreementInput => ({
	...data,
	status: data.status as AgreementStatus,
	fields: data.fields as Field[]
});

export function createAgreement(
	db: DB,
	data: AgreementData,
	actor: Actor,
	today = seoulToday()
): Agreement {
	return db.transaction((tx) => {
		checkRefs(tx, data);
		const row = insertAgreement(tx, toInput(data), actor, { today });
		replaceSourceLinks(tx, 'agreement', row.id, data.sourceIds);
		return row;
	});
}

const dueLabel = (d: {
	duePrecision: PartialDate['precision'] | null;
	dueStart: string | null;
	dueEnd: string | null;
}) => partialDateLabel(d.duePrecision, d.dueStart, d.dueEnd) || null;

function snapshot(db: Conn, id: number) {
	return {
		organizationIds: db
			.select({ id: agreementOrganizations.organizationId })
			.from(agreementOrganizations)
			.where(eq(agreementOrganizations.agreementId, id))
			.all()
			.map((r) => r.id),
		fields: db
			.select({ f: agreementFields.field })
			.from(agreementFields)
			.where(eq(agreementFields.agreementId, id))
			.all()
			.map((r) => r.f),
		sourceIds: sourceIdsOf(db, 'agreement', id)
	};
}

/** Loads the live row for an edit from `version`, or refuses. */
function lockFor(db: Conn, id: number, version: number): Agreement {
	const before = db.select().from(agreements).where(eq(agreements.id, id)).get();
	if (!before || before.deletedAt) throw new RecordNotFound('agreement', id);
	if (before.version !== version) throw new VersionConflict('agreement', id, before.version);
	return before;
}

function appendHistory(
	db: Conn,
	before: Agreement,
	after: Agreement,
	actor: Actor,
	changedOn: string,
	note: string | null = null
) {
	const from = dueLabel(before);
	const to = dueLabel(after);
	if (before.status === after.status && from === to && !note) return;
	db.insert(agreementStatusHistory)
		.values({
			agreementId: after.id,
			status: after.status,
			changedOn,
			dueFrom: from !== to ? from : null,
			dueTo: from !== to ? to : null,
			note,
			createdBy: actor.id
		})
		.run();
}

export function updateAgreement(
	db: DB,
	id: number,
	data: AgreementData & { version: number },
	actor: Actor,
	today = seoulToday()
): Agreement {
	return db.transaction((tx) => {
		const before = lockFor(tx, id, data.version);
		checkRefs(tx, data);
		const beforeLinks = snapshot(tx, id);
		const input = toInput(data);
		const after = tx
			.update(agreements)
			.set({ ...agreementColumns(input), ...bump(actor) })
			.where(and(eq(agreements.id, id), eq(agreements.version, data.version)))
			.returning()
			.get();
		if (!after) throw new VersionConflict('agreement', id, before.version);
		replaceAgreementLinks(tx, id, input);
		replaceSourceLinks(tx, 'agreement', id, data.sourceIds);
		indexRecord(tx, 'agreement', id, after.titleKo, [after.titleEn, after.notes]);
		appendHistory(tx, before, after, actor, today);
		writeAudit(tx, actor, {
			action: 'update',
			entityType: 'agreement',
			entityId: id,
			before: { ...before, ...beforeLinks },
			after: { ...after, ...snapshot(tx, id) }
		});
		return after;
	});
}

const bump = (actor: Actor) => ({
	updatedAt: new Date().toISOString(),
	updatedBy: actor.id,
	version: sql`${agreements.version} + 1`
});

/** Sets a new status (and, for a postponement, a new due date) and records it in the history. */
export function changeAgreementStatus(
	db: DB,
	id: number,
	change: StatusChange,
	actor: Actor,
	today = seoulToday()
): Agreement {
	return db.transaction((tx) => {
		const before = lockFor(tx, id, change.version);
		const due = change.due
			? { duePrecision: change.due.precision, dueStart: change.due.start, dueEnd: change.due.end }
			: {};
		const after = tx
			.update(agreements)
			.set({ status: change.status, ...due, ...bump(actor) })
			.where(and(eq(agreements.id, id), eq(agreements.version, change.version)))
			.returning()
			.get();
		if (!after) throw new VersionConflict('agreement', id, before.version);
		appendHistory(tx, before, after, actor, change.changedOn ?? today, change.note);
		writeAudit(tx, actor, {
			action: 'update',
			entityType: 'agreement',
			entityId: id,
			before,
			after
		});
		return after;
	});
}

export function deleteAgreement(db: DB, id: number, actor: Actor): boolean {
	return softDelete(db, 'agreement', id, actor);
}

export function restoreAgreement(db: DB, id: number, actor: Actor): boolean {
	return restore(db, 'agreement', id, actor);
}
