import type { Conn } from '../db';
import { ties } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import type { PartialDate } from '$lib/dates';
import type { TieKind } from '$lib/vocab';

export interface TieInput {
	organizationId: number;
	kind: TieKind;
	status?: 'active' | 'dormant' | 'ended';
	date?: PartialDate | null;
	dateBasis?: string | null;
	signatories?: string | null;
	endedOn?: string | null;
	notes?: string | null;
}

export type Tie = typeof ties.$inferSelect;

export function tieColumns(input: TieInput) {
	return {
		organizationId: input.organizationId,
		kind: input.kind,
		status: input.status ?? 'active',
		datePrecision: input.date?.precision ?? null,
		dateStart: input.date?.start ?? null,
		dateEnd: input.date?.end ?? null,
		dateBasis: input.dateBasis ?? null,
		signatories: input.signatories ?? null,
		endedOn: input.endedOn ?? null,
		notes: input.notes ?? null
	};
}

export function insertTie(
	db: Conn,
	input: TieInput,
	actor: Actor | null,
	batchId?: number | null
): Tie {
	const row = db
		.insert(ties)
		.values({ ...tieColumns(input), createdBy: actor?.id ?? null, updatedBy: actor?.id ?? null })
		.returning()
		.get();
	writeAudit(db, actor, {
		action: 'create',
		entityType: 'tie',
		entityId: row.id,
		after: row,
		batchId
	});
	return row;
}
