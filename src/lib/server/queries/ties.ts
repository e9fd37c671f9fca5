/**
 * Ties (sister, friendship, MOU) as dated rows: a friendship in 2008 that became a sister tie
 * in 2009 is two rows, the first ended, so the history stays visible.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DB, Conn } from '../db';
import { ties } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { insertTie, tieColumns, type Tie, type TieInput } from './ties-write';
import { isLive } from './trash';
import { conflict, invalid, notFound, type WriteResult } from './write-result';

export function getTie(db: Conn, id: number): Tie | null {
	return db.select().from(ties).where(eq(ties.id, id)).get() ?? null;
}

/** Live ties of a partner, oldest first (undated last). */
export function listTies(db: Conn, organizationId: number): Tie[] {
	return db
		.select()
		.from(ties)
		.where(and(eq(ties.organizationId, organizationId), isNull(ties.deletedAt)))
		.orderBy(sql`${ties.dateStart} IS NULL`, asc(ties.dateStart), asc(ties.id))
		.all();
}

export function createTie(db: DB, input: TieInput, actor: Actor): WriteResult<Tie> {
	return db.transaction((tx) => {
		if (!isLive(tx, 'organization', input.organizationId))
			return invalid({ organizationId: 'partner_unknown' });
		return { ok: true, row: insertTie(tx, input, actor) };
	});
}

function save(
	db: DB,
	id: number,
	version: number,
	actor: Actor,
	change: (before: Tie) => Partial<ReturnType<typeof tieColumns>> | WriteResult<Tie>
): WriteResult<Tie> {
	return db.transaction((tx) => {
		const before = getTie(tx, id);
		if (!before || before.deletedAt) return notFound;
		if (before.version !== version) return conflict(before.version);
		const values = change(before);
		if ('ok' in values) return values;
		if (values.organizationId !== undefined && !isLive(tx, 'organization', values.organizationId))
			return invalid({ organizationId: 'partner_unknown' });
		const row = tx
			.update(ties)
			.set({
				...values,
				updatedAt: new Date().toISOString(),
				updatedBy: actor.id,
				version: sql`${ties.version} + 1`
			})
			.where(and(eq(ties.id, id), eq(ties.version, version)))
			.returning()
			.get();
		writeAudit(tx, actor, {
			action: 'update',
			entityType: 'tie',
			entityId: id,
			before,
			after: row
		});
		return { ok: true, row };
	});
}

/** Saves every field of a tie if nobody saved it since `version`. */
export function updateTie(
	db: DB,
	id: number,
	input: TieInput,
	version: number,
	actor: Actor
): WriteResult<Tie> {
	return save(db, id, version, actor, () => tieColumns(input));
}

/** Marks a tie ended (on `endedOn` when known); it stays on the partner's page as history. */
export function endTie(
	db: DB,
	id: number,
	endedOn: string | null,
	version: number,
	actor: Actor
): WriteResult<Tie> {
	return save(db, id, version, actor, (before) => {
		if (endedOn && before.dateStart && endedOn < before.dateStart)
			return invalid({ endedOn: 'partner_tie_end_before_start' });
		return { status: 'ended', endedOn };
	});
}

/** The stored tie in the shape its form and schema take. */
export function tieFormValues(t: Tie) {
	const date =
		t.datePrecision === 'year'
			? t.dateStart?.slice(0, 4)
			: t.datePrecision === 'month'
				? t.dateStart?.slice(0, 7)
				: t.dateStart;
	return {
		organizationId: t.organizationId,
		kind: t.kind,
		status: t.status,
		date: date ?? null,
		dateBasis: t.dateBasis,
		signatories: t.signatories,
		endedOn: t.endedOn,
		notes: t.notes,
		version: t.version
	};
}
