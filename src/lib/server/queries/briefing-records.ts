/**
 * Agreements, partners and attendance behind a briefing and a dossier, selected as the
 * dashboard counts them (agreements through `datedAgreements`, partners through the held
 * exchanges of `heldWhere`).
 */
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { followUps, ties } from '../db/schema';
import type { ExchangeFilter } from '$lib/filters';
import type { Precision } from '$lib/dates';
import type { Visibility } from './exchange-filter';
import { datedAgreements, heldWhere } from './dashboard-tally';
import type { BriefingPartner } from './briefing';

export interface BriefingAgreement {
	id: number;
	kind: string;
	status: string;
	titleKo: string;
	titleEn: string | null;
	effPrecision: Precision;
	effStart: string | null;
	effEnd: string | null;
	duePrecision: Precision | null;
	dueStart: string | null;
	dueEnd: string | null;
	partners: BriefingPartner[];
	followUps: {
		action: string;
		owner: string | null;
		dueDate: string | null;
		doneAt: string | null;
	}[];
}

/** The agreements the dashboard counts for the filter, by date, with partners and follow-ups. */
export function briefingAgreements(
	db: Conn,
	f: ExchangeFilter,
	viewer: Visibility
): BriefingAgreement[] {
	const rows = db.all<{
		id: number;
		status: string;
		title_ko: string;
		title_en: string | null;
		eff_precision: Precision;
		eff_start: string | null;
		eff_end: string | null;
	}>(sql`SELECT d.id, d.status, d.title_ko, d.title_en, d.eff_precision, d.eff_start, d.eff_end
		FROM (${datedAgreements(f, viewer)}) d ORDER BY d.eff_start, d.id`);
	if (!rows.length) return [];
	// One JSON parameter, not one per id: a year of a large office passes SQLite's 32,766.
	const ids = sql`SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))})`;
	const extra = new Map(
		db
			.all<{
				id: number;
				kind: string;
				due_precision: Precision | null;
				due_start: string | null;
				due_end: string | null;
			}>(
				sql`SELECT id, kind, due_precision, due_start, due_end FROM agreements WHERE id IN (${ids})`
			)
			.map((r) => [r.id, r])
	);
	const partners = new Map<number, BriefingPartner[]>();
	for (const r of db.all<BriefingPartner & { agreementId: number }>(
		sql`SELECT ao.agreement_id AS agreementId, o.id, o.name_ko AS nameKo, o.name_en AS nameEn,
			o.name_native AS nameNative, o.country, o.scope
		FROM agreement_organizations ao JOIN organizations o ON o.id = ao.organization_id
		WHERE ao.agreement_id IN (${ids}) ORDER BY o.name_ko`
	)) {
		const { agreementId, ...p } = r;
		partners.set(agreementId, [...(partners.get(agreementId) ?? []), p]);
	}
	const actions = db
		.select({
			agreementId: followUps.agreementId,
			action: followUps.action,
			owner: followUps.owner,
			dueDate: followUps.dueDate,
			doneAt: followUps.doneAt
		})
		.from(followUps)
		.where(and(sql`${followUps.agreementId} IN (${ids})`, isNull(followUps.deletedAt)))
		.orderBy(sql`${followUps.doneAt} IS NOT NULL`, asc(followUps.dueDate), asc(followUps.id))
		.all();
	const actionsOf = new Map<number, BriefingAgreement['followUps']>();
	for (const { agreementId, ...a } of actions)
		actionsOf.set(agreementId, [...(actionsOf.get(agreementId) ?? []), a]);
	return rows.map((r) => {
		const x = extra.get(r.id);
		return {
			id: r.id,
			kind: x?.kind ?? 'other',
			status: r.status,
			titleKo: r.title_ko,
			titleEn: r.title_en,
			effPrecision: r.eff_precision,
			effStart: r.eff_start,
			effEnd: r.eff_end,
			duePrecision: x?.due_precision ?? null,
			dueStart: x?.due_start ?? null,
			dueEnd: x?.due_end ?? null,
			partners: partners.get(r.id) ?? [],
			followUps: actionsOf.get(r.id) ?? []
		};
	});
}

export interface BriefingPartnerTies extends BriefingPartner {
	/** Exchanges of the briefing with this partner as a counterpart. */
	exchanges: number;
	ties: {
		kind: string;
		status: string;
		datePrecision: Precision | null;
		dateStart: string | null;
		dateEnd: string | null;
	}[];
}

/** The partners engaged in the briefing's exchanges (most exchanges first) with their live ties. */
export function briefingPartners(
	db: Conn,
	f: ExchangeFilter,
	viewer: Visibility
): BriefingPartnerTies[] {
	const rows = db.all<BriefingPartner & { exchanges: number }>(
		sql`SELECT o.id, o.name_ko AS nameKo, o.name_en AS nameEn, o.name_native AS nameNative,
			o.country, o.scope, count(DISTINCT eo.exchange_id) AS exchanges
		FROM exchange_organizations eo JOIN organizations o ON o.id = eo.organization_id
		WHERE eo.role IN ('partner', 'organizer')
			AND eo.exchange_id IN (SELECT "exchanges"."id" FROM exchanges WHERE ${heldWhere(f, viewer)})
		GROUP BY o.id ORDER BY exchanges DESC, o.name_ko`
	);
	if (!rows.length) return [];
	const tieRows = db
		.select({
			organizationId: ties.organizationId,
			kind: ties.kind,
			status: ties.status,
			datePrecision: ties.datePrecision,
			dateStart: ties.dateStart,
			dateEnd: ties.dateEnd
		})
		.from(ties)
		.where(
			and(
				inArray(
					ties.organizationId,
					rows.map((r) => r.id)
				),
				isNull(ties.deletedAt)
			)
		)
		.orderBy(sql`${ties.dateStart} IS NULL`, asc(ties.dateStart), asc(ties.id))
		.all();
	return rows.map((r) => ({
		...r,
		ties: tieRows.filter((t) => t.organizationId === r.id).map(({ organizationId: _o, ...t }) => t)
	}));
}

export interface ExchangeAttendance {
	participants: number | null;
	participantsApprox: boolean;
	location: string | null;
	people: { nameKo: string; nameEn: string | null; title: string | null }[];
}

/** Head counts, places and the people who took part in the given exchanges (for the dossier). */
export function exchangeAttendance(db: Conn, ids: number[]): Map<number, ExchangeAttendance> {
	const out = new Map<number, ExchangeAttendance>();
	if (!ids.length) return out;
	const list = sql.join(
		ids.map((i) => sql`${i}`),
		sql`, `
	);
	for (const r of db.all<{
		id: number;
		participants: number | null;
		participants_approx: number;
		location: string | null;
	}>(
		sql`SELECT id, participants, participants_approx, location FROM exchanges WHERE id IN (${list})`
	))
		out.set(r.id, {
			participants: r.participants,
			participantsApprox: !!r.participants_approx,
			location: r.location,
			people: []
		});
	for (const r of db.all<{
		exchange_id: number;
		name_ko: string;
		name_en: string | null;
		title: string | null;
	}>(
		sql`SELECT ep.exchange_id, p.name_ko, p.name_en, p.title FROM exchange_people ep
		JOIN people p ON p.id = ep.person_id
		WHERE ep.exchange_id IN (${list}) AND p.deleted_at IS NULL ORDER BY p.name_ko`
	))
		out.get(r.exchange_id)?.people.push({ nameKo: r.name_ko, nameEn: r.name_en, title: r.title });
	return out;
}
