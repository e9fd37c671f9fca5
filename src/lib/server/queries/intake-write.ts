/**
 * Saves a reviewed article intake: the source, the partners it matched or creates, and the
 * kept exchanges, agreements and ties — all in one transaction, each linked to the source and
 * audited by the write function that creates it.
 */
import type { DB, Conn } from '../db';
import { writeAudit, type Actor } from '../audit';
import { parsePartialDate, partialDateLabel, type PartialDate } from '$lib/dates';
import type {
	IntakeAgreement,
	IntakeExchange,
	IntakePartner,
	IntakeSave,
	IntakeTie
} from '$lib/schemas/intake';
import type { Scope } from './organizations';
import { getOrganization, insertOrganization } from './organizations';
import { insertExchange } from './exchanges-write';
import { insertAgreement } from './agreements-write';
import { insertTie } from './ties-write';
import { findSourceByUrl, insertSource, linkSource } from './sources-write';

export interface IntakeResult {
	sourceId: number;
	reusedSource: boolean;
	organizationIds: number[];
	createdOrganizationIds: number[];
	exchangeIds: number[];
	agreementIds: number[];
	tieIds: number[];
}

const label = (d: PartialDate) => partialDateLabel(d.precision, d.start, d.end);

function resolvePartners(
	tx: Conn,
	partners: IntakePartner[],
	actor: Actor | null,
	sourceId: number
) {
	const ids = new Map<string, { id: number; nameKo: string }>();
	const created: number[] = [];
	for (const p of partners) {
		if (p.action === 'drop') continue;
		if (p.action.startsWith('match:')) {
			const org = getOrganization(tx, Number(p.action.slice(6)));
			if (org && !org.deletedAt) ids.set(p.key, { id: org.id, nameKo: org.nameKo });
			continue;
		}
		const org = insertOrganization(
			tx,
			{
				nameKo: p.nameKo!,
				nameEn: p.nameEn,
				nameNative: p.nameNative,
				country: p.country,
				scope: p.scope as Scope,
				level: p.level ?? 'other',
				counterpartOffice: p.counterpartOffice,
				aliases: p.aliases
			},
			actor
		);
		created.push(org.id);
		ids.set(p.key, { id: org.id, nameKo: org.nameKo });
	}
	for (const { id } of ids.values()) linkSource(tx, sourceId, 'organization', id);
	return { ids, created };
}

function saveExchange(
	tx: Conn,
	x: IntakeExchange,
	ids: Map<string, { id: number; nameKo: string }>,
	actor: Actor | null
) {
	const organizations = x.organizations
		.filter((o) => ids.has(o.partnerKey))
		.map((o) => ({ organizationId: ids.get(o.partnerKey)!.id, role: o.role }));
	return insertExchange(
		tx,
		{
			type: x.type,
			status: x.status,
			titleKo: x.titleKo,
			date: x.date!,
			mode: x.mode,
			location: x.location,
			participants: x.participants,
			participantsApprox: x.participantsApprox,
			institutions: x.institutions,
			recipients: x.recipients,
			recipientsApprox: x.recipientsApprox,
			fields: x.fields,
			notes: x.notes,
			organizations
		},
		actor,
		{
			partnerNames: x.organizations
				.filter((o) => ids.has(o.partnerKey))
				.map((o) => ids.get(o.partnerKey)!.nameKo)
		}
	);
}

function saveAgreement(
	tx: Conn,
	a: IntakeAgreement,
	ids: Map<string, { id: number }>,
	exchanges: Map<string, { id: number; date: PartialDate }>,
	today: string,
	actor: Actor | null
) {
	const from = a.exchangeKey ? exchanges.get(a.exchangeKey) : undefined;
	const when = from?.date ?? null;
	const postponedFrom =
		a.status === 'postponed' && a.dueBefore ? parsePartialDate(a.dueBefore) : null;
	return insertAgreement(
		tx,
		{
			exchangeId: from?.id ?? null,
			kind: a.kind,
			titleKo: a.titleKo,
			status: a.status,
			agreed: when && a.status !== 'received' ? when : null,
			signed: when && a.status === 'signed' ? when : null,
			due: a.due,
			organizationIds: a.partnerKeys.filter((k) => ids.has(k)).map((k) => ids.get(k)!.id),
			fields: a.fields,
			history: postponedFrom
				? [
						{
							status: 'postponed',
							changedOn: when?.start ?? today,
							dueFrom: label(postponedFrom),
							dueTo: a.due ? label(a.due) : null
						}
					]
				: undefined
		},
		actor,
		{ today: when?.start ?? today }
	);
}

function saveTie(tx: Conn, t: IntakeTie, ids: Map<string, { id: number }>, actor: Actor | null) {
	const org = ids.get(t.partnerKey);
	if (!org) return null;
	return insertTie(
		tx,
		{ organizationId: org.id, kind: t.kind, date: t.since, dateBasis: t.basis },
		actor
	);
}

export function saveIntake(
	db: DB,
	input: IntakeSave,
	actor: Actor | null,
	today: string
): IntakeResult {
	return db.transaction((tx) => {
		const existing = input.source.url ? findSourceByUrl(tx, input.source.url) : null;
		const source =
			existing ??
			insertSource(
				tx,
				{
					title: input.source.title,
					publisher: input.source.publisher,
					url: input.source.url,
					publishedAt: input.source.publishedAt,
					body: input.source.body || null
				},
				actor
			);
		const { ids, created } = resolvePartners(tx, input.partners, actor, source.id);
		const exchanges = new Map<string, { id: number; date: PartialDate }>();
		for (const x of input.exchanges) {
			const row = saveExchange(tx, x, ids, actor);
			linkSource(tx, source.id, 'exchange', row.id);
			exchanges.set(x.key, { id: row.id, date: x.date! });
		}
		const agreementIds = input.agreements.map((a) => {
			const row = saveAgreement(tx, a, ids, exchanges, today, actor);
			linkSource(tx, source.id, 'agreement', row.id);
			return row.id;
		});
		const tieIds: number[] = [];
		for (const t of input.ties) {
			const row = saveTie(tx, t, ids, actor);
			if (!row) continue;
			linkSource(tx, source.id, 'tie', row.id);
			tieIds.push(row.id);
		}
		const result: IntakeResult = {
			sourceId: source.id,
			reusedSource: !!existing,
			organizationIds: [...new Set([...ids.values()].map((v) => v.id))],
			createdOrganizationIds: created,
			exchangeIds: [...exchanges.values()].map((v) => v.id),
			agreementIds,
			tieIds
		};
		writeAudit(tx, actor, {
			action: 'intake',
			entityType: 'source',
			entityId: source.id,
			after: result
		});
		return result;
	});
}
