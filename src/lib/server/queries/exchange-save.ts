/**
 * Creating, editing, duplicating and trashing exchanges. Each write is one transaction: the
 * row, its links, its search entry and its audit row, or nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DB, Conn } from '../db';
import {
	exchangeFields,
	exchangeOrganizations,
	exchangePeople,
	exchanges,
	sourceLinks
} from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import type { PartialDate } from '$lib/dates';
import type { ExchangeData } from '$lib/schemas/exchange';
import { proposeExchangeTitle, type Field } from '$lib/vocab';
import { getHome } from './settings';
import {
	exchangeColumns,
	indexExchange,
	insertExchange,
	replaceExchangeLinks,
	type Exchange,
	type ExchangeInput
} from './exchanges-write';
import { assertLive, resolvePartners, type ResolvedPartner } from './record-refs';
import { restore, softDelete } from './trash';
import { RecordNotFound, VersionConflict } from './write-errors';

/** The title the office would write when none is given: 경기도–허베이성 화상회의. */
function titleFor(db: Conn, data: ExchangeData, partners: ResolvedPartner[]): string {
	if (data.titleKo) return data.titleKo;
	const counterpart = partners.filter((p) => p.role === 'partner');
	const named = counterpart.length ? counterpart : partners.filter((p) => p.role === 'organizer');
	return proposeExchangeTitle(
		getHome(db).nameKo,
		data.type,
		named.map((p) => p.nameKo)
	);
}

/** Checks references and makes the stored input; new partners are created here. */
function toInput(db: Conn, data: ExchangeData, actor: Actor | null) {
	assertLive(db, [
		{
			field: 'partners',
			table: 'organizations',
			ids: data.partners.flatMap((p) => (p.organizationId ? [p.organizationId] : [])),
			message: 'ex_unknown_partner'
		},
		{
			field: 'people',
			table: 'people',
			ids: data.people.map((p) => p.personId),
			message: 'ex_unknown_person'
		},
		{ field: 'sourceIds', table: 'sources', ids: data.sourceIds, message: 'ex_unknown_source' }
	]);
	const partners = resolvePartners(db, data.partners, actor);
	const input: ExchangeInput = {
		...data,
		titleKo: titleFor(db, data, partners),
		organizations: partners.map((p) => ({ organizationId: p.organizationId, role: p.role })),
		fields: data.fields as Field[]
	};
	const partnerNames = partners.flatMap((p) => [p.nameKo, p.nameEn ?? '']).filter(Boolean);
	return { input, partnerNames };
}

export function createExchange(db: DB, data: ExchangeData, actor: Actor): Exchange {
	return db.transaction((tx) => {
		const { input, partnerNames } = toInput(tx, data, actor);
		return insertExchange(tx, input, actor, { partnerNames });
	});
}

/** The stored links of an exchange, as the audit log records them. */
function linkSnapshot(db: Conn, id: number) {
	return {
		organizations: db
			.select({
				organizationId: exchangeOrganizations.organizationId,
				role: exchangeOrganizations.role
			})
			.from(exchangeOrganizations)
			.where(eq(exchangeOrganizations.exchangeId, id))
			.all(),
		fields: db
			.select({ f: exchangeFields.field })
			.from(exchangeFields)
			.where(eq(exchangeFields.exchangeId, id))
			.all()
			.map((r) => r.f),
		people: db
			.select({ personId: exchangePeople.personId, role: exchangePeople.role })
			.from(exchangePeople)
			.where(eq(exchangePeople.exchangeId, id))
			.all(),
		sourceIds: db
			.select({ id: sourceLinks.sourceId })
			.from(sourceLinks)
			.where(and(eq(sourceLinks.entityType, 'exchange'), eq(sourceLinks.entityId, id)))
			.all()
			.map((r) => r.id)
	};
}

/**
 * Saves an edit made from `data.version`. Refused with VersionConflict when someone saved in
 * between, and with RecordNotFound when the exchange is gone or in the trash.
 */
export function updateExchange(
	db: DB,
	id: number,
	data: ExchangeData & { version: number },
	actor: Actor
): Exchange {
	return db.transaction((tx) => {
		const before = tx.select().from(exchanges).where(eq(exchanges.id, id)).get();
		if (!before || before.deletedAt) throw new RecordNotFound('exchange', id);
		if (before.version !== data.version) throw new VersionConflict('exchange', id, before.version);
		const beforeLinks = linkSnapshot(tx, id);
		const { input, partnerNames } = toInput(tx, data, actor);
		const after = tx
			.update(exchanges)
			.set({
				...exchangeColumns(input),
				updatedAt: new Date().toISOString(),
				updatedBy: actor.id,
				version: sql`${exchanges.version} + 1`
			})
			.where(and(eq(exchanges.id, id), eq(exchanges.version, data.version)))
			.returning()
			.get();
		if (!after) throw new VersionConflict('exchange', id, before.version);
		replaceExchangeLinks(tx, id, input);
		indexExchange(tx, id, input, partnerNames);
		writeAudit(tx, actor, {
			action: 'update',
			entityType: 'exchange',
			entityId: id,
			before: { ...before, ...beforeLinks },
			after: { ...after, ...linkSnapshot(tx, id) }
		});
		return after;
	});
}

/** A new exchange like an existing one (a recurring meeting) on another date. */
export function duplicateExchange(db: DB, id: number, date: PartialDate, actor: Actor): Exchange {
	const source = db.select().from(exchanges).where(eq(exchanges.id, id)).get();
	if (!source || source.deletedAt) throw new RecordNotFound('exchange', id);
	const links = linkSnapshot(db, id);
	return createExchange(
		db,
		{
			...exchangeCopyFields(source),
			date,
			partners: links.organizations.map((o) => ({ ...o, name: null, country: null, scope: null })),
			people: links.people,
			fields: links.fields as Field[],
			sourceIds: []
		},
		actor
	);
}

/** What a copy keeps: what the meeting is, not what happened at it. */
export function exchangeCopyFields(
	source: typeof exchanges.$inferSelect
): Omit<ExchangeData, 'date' | 'partners' | 'people' | 'fields' | 'sourceIds'> {
	return {
		type: source.type as ExchangeData['type'],
		status: 'held',
		titleKo: source.titleKo,
		titleEn: source.titleEn,
		mode: source.mode,
		location: source.location,
		participants: null,
		participantsApprox: false,
		institutions: null,
		recipients: null,
		recipientsApprox: false,
		topics: source.topics,
		department: source.department,
		summaryKo: null,
		summaryEn: null,
		outcomes: null,
		notes: null,
		visibility: source.visibility
	};
}

export function deleteExchange(db: DB, id: number, actor: Actor): boolean {
	return softDelete(db, 'exchange', id, actor);
}

export function restoreExchange(db: DB, id: number, actor: Actor): boolean {
	return restore(db, 'exchange', id, actor);
}
