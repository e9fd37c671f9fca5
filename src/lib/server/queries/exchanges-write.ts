import { and, eq } from 'drizzle-orm';
import type { Conn } from '../db';
import {
	exchangeFields,
	exchangeOrganizations,
	exchangePeople,
	exchanges,
	sourceLinks
} from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import type { PartialDate } from '$lib/dates';
import type { ExchangeStatus, ExchangeType, Field, Mode, OrgRole, Visibility } from '$lib/vocab';
import { indexRecord } from './search';

export interface ExchangeInput {
	type: ExchangeType;
	status?: ExchangeStatus;
	titleKo: string;
	titleEn?: string | null;
	date: PartialDate;
	mode?: Mode | null;
	location?: string | null;
	participants?: number | null;
	participantsApprox?: boolean;
	institutions?: number | null;
	recipients?: number | null;
	recipientsApprox?: boolean;
	topics?: string[];
	department?: string | null;
	summaryKo?: string | null;
	summaryEn?: string | null;
	outcomes?: string | null;
	notes?: string | null;
	visibility?: Visibility;
	organizations?: { organizationId: number; role: OrgRole }[];
	fields?: Field[];
	/** Counterpart officials and delegation members; left as they are when undefined. */
	people?: { personId: number; role: 'counterpart' | 'delegation' | 'contact' }[];
	/** Sources the record was made from; left as they are when undefined. */
	sourceIds?: number[];
}

export type Exchange = typeof exchanges.$inferSelect;

export function exchangeColumns(input: ExchangeInput) {
	return {
		type: input.type,
		status: input.status ?? 'held',
		titleKo: input.titleKo.trim(),
		titleEn: input.titleEn ?? null,
		datePrecision: input.date.precision,
		dateStart: input.date.start,
		dateEnd: input.date.end,
		mode: input.mode ?? null,
		location: input.location ?? null,
		participants: input.participants ?? null,
		participantsApprox: input.participantsApprox ?? false,
		institutions: input.institutions ?? null,
		recipients: input.recipients ?? null,
		recipientsApprox: input.recipientsApprox ?? false,
		topics: input.topics ?? [],
		department: input.department ?? null,
		summaryKo: input.summaryKo ?? null,
		summaryEn: input.summaryEn ?? null,
		outcomes: input.outcomes ?? null,
		notes: input.notes ?? null,
		visibility: input.visibility ?? 'normal'
	};
}

export function replaceExchangeLinks(db: Conn, id: number, input: ExchangeInput): void {
	db.delete(exchangeOrganizations).where(eq(exchangeOrganizations.exchangeId, id)).run();
	const seen = new Set<string>();
	for (const link of input.organizations ?? []) {
		const key = `${link.organizationId}:${link.role}`;
		if (seen.has(key)) continue;
		seen.add(key);
		db.insert(exchangeOrganizations)
			.values({ exchangeId: id, ...link })
			.run();
	}
	db.delete(exchangeFields).where(eq(exchangeFields.exchangeId, id)).run();
	for (const field of new Set(input.fields ?? []))
		db.insert(exchangeFields).values({ exchangeId: id, field }).run();
	if (input.people) {
		db.delete(exchangePeople).where(eq(exchangePeople.exchangeId, id)).run();
		const people = new Map(input.people.map((p) => [p.personId, p.role]));
		for (const [personId, role] of people)
			db.insert(exchangePeople).values({ exchangeId: id, personId, role }).run();
	}
	if (input.sourceIds) {
		const mine = and(eq(sourceLinks.entityType, 'exchange'), eq(sourceLinks.entityId, id));
		db.delete(sourceLinks).where(mine).run();
		for (const sourceId of new Set(input.sourceIds))
			db.insert(sourceLinks).values({ sourceId, entityType: 'exchange', entityId: id }).run();
	}
}

export function indexExchange(
	db: Conn,
	id: number,
	input: ExchangeInput,
	partnerNames: string[] = []
): void {
	indexRecord(db, 'exchange', id, input.titleKo, [
		input.titleEn,
		input.summaryKo,
		input.summaryEn,
		input.outcomes,
		input.location,
		(input.topics ?? []).join(' '),
		partnerNames.join(' ')
	]);
}

/** Inserts an exchange with its links, search entry and audit row, in the caller's transaction. */
export function insertExchange(
	db: Conn,
	input: ExchangeInput,
	actor: Actor | null,
	opts: { partnerNames?: string[]; batchId?: number | null } = {}
): Exchange {
	const row = db
		.insert(exchanges)
		.values({
			...exchangeColumns(input),
			createdBy: actor?.id ?? null,
			updatedBy: actor?.id ?? null
		})
		.returning()
		.get();
	replaceExchangeLinks(db, row.id, input);
	indexExchange(db, row.id, input, opts.partnerNames);
	writeAudit(db, actor, {
		action: 'create',
		entityType: 'exchange',
		entityId: row.id,
		after: {
			...row,
			organizations: input.organizations ?? [],
			fields: input.fields ?? [],
			people: input.people ?? [],
			sourceIds: input.sourceIds ?? []
		},
		batchId: opts.batchId
	});
	return row;
}
