import { eq } from 'drizzle-orm';
import type { Conn } from '../db';
import {
	agreementFields,
	agreementOrganizations,
	agreementStatusHistory,
	agreements
} from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import type { PartialDate } from '$lib/dates';
import type { AgreementStatus, Field, Visibility } from '$lib/vocab';
import { indexRecord } from './search';

export interface AgreementInput {
	exchangeId?: number | null;
	kind: string;
	titleKo: string;
	titleEn?: string | null;
	status: AgreementStatus;
	agreed?: PartialDate | null;
	due?: PartialDate | null;
	signed?: PartialDate | null;
	visibility?: Visibility;
	notes?: string | null;
	organizationIds?: number[];
	fields?: Field[];
	/** Dated status changes to record beyond the current one (e.g. postponed 2020 → 2021). */
	history?: {
		status: AgreementStatus;
		changedOn: string;
		dueFrom?: string | null;
		dueTo?: string | null;
		note?: string | null;
	}[];
}

export type Agreement = typeof agreements.$inferSelect;

export function agreementColumns(input: AgreementInput) {
	return {
		exchangeId: input.exchangeId ?? null,
		kind: input.kind,
		titleKo: input.titleKo.trim(),
		titleEn: input.titleEn ?? null,
		status: input.status,
		agreedPrecision: input.agreed?.precision ?? null,
		agreedStart: input.agreed?.start ?? null,
		agreedEnd: input.agreed?.end ?? null,
		duePrecision: input.due?.precision ?? null,
		dueStart: input.due?.start ?? null,
		dueEnd: input.due?.end ?? null,
		signedPrecision: input.signed?.precision ?? null,
		signedStart: input.signed?.start ?? null,
		signedEnd: input.signed?.end ?? null,
		visibility: input.visibility ?? 'normal',
		notes: input.notes ?? null
	};
}

export function replaceAgreementLinks(db: Conn, id: number, input: AgreementInput): void {
	db.delete(agreementOrganizations).where(eq(agreementOrganizations.agreementId, id)).run();
	for (const organizationId of new Set(input.organizationIds ?? []))
		db.insert(agreementOrganizations).values({ agreementId: id, organizationId }).run();
	db.delete(agreementFields).where(eq(agreementFields.agreementId, id)).run();
	for (const field of new Set(input.fields ?? []))
		db.insert(agreementFields).values({ agreementId: id, field }).run();
}

export function insertAgreement(
	db: Conn,
	input: AgreementInput,
	actor: Actor | null,
	opts: { batchId?: number | null; today?: string } = {}
): Agreement {
	const row = db
		.insert(agreements)
		.values({
			...agreementColumns(input),
			createdBy: actor?.id ?? null,
			updatedBy: actor?.id ?? null
		})
		.returning()
		.get();
	replaceAgreementLinks(db, row.id, input);
	const history = input.history?.length
		? input.history
		: [
				{
					status: input.status,
					changedOn: input.agreed?.start ?? opts.today ?? new Date().toISOString().slice(0, 10)
				}
			];
	for (const h of history)
		db.insert(agreementStatusHistory)
			.values({
				agreementId: row.id,
				status: h.status,
				changedOn: h.changedOn,
				dueFrom: 'dueFrom' in h ? (h.dueFrom ?? null) : null,
				dueTo: 'dueTo' in h ? (h.dueTo ?? null) : null,
				note: 'note' in h ? (h.note ?? null) : null,
				createdBy: actor?.id ?? null
			})
			.run();
	indexRecord(db, 'agreement', row.id, input.titleKo, [input.titleEn, input.notes]);
	writeAudit(db, actor, {
		action: 'create',
		entityType: 'agreement',
		entityId: row.id,
		after: { ...row, organizationIds: input.organizationIds ?? [], fields: input.fields ?? [] },
		batchId: opts.batchId
	});
	return row;
}
