/**
 * A partner's whole story on one page: its names, ties over time (friendship 2008 → sister
 * 2009 as two dated rows), every exchange the viewer may see, agreements with their status
 * and open follow-ups, the people there, and the sources all of it came from.
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import { agreements, exchanges, followUps, people, sourceLinks, sources, ties } from '../db/schema';
import type { Precision } from '$lib/dates';
import { getOrganization, listAliases, type Organization } from './organizations';
import type { Viewer } from './exchanges';
import type { Tie } from './ties-write';

export interface StoryExchange {
	id: number;
	type: string;
	status: string;
	titleKo: string;
	titleEn: string | null;
	datePrecision: Precision;
	dateStart: string;
	dateEnd: string;
	mode: string | null;
	role: string;
	visibility: string;
}

export interface StoryAgreement {
	id: number;
	kind: string;
	titleKo: string;
	titleEn: string | null;
	status: string;
	duePrecision: Precision | null;
	dueStart: string | null;
	dueEnd: string | null;
	exchangeId: number | null;
	visibility: string;
	openFollowUps: { id: number; action: string; owner: string | null; dueDate: string | null }[];
}

export interface PartnerStory {
	organization: Organization;
	aliases: string[];
	ties: Tie[];
	/** The latest STORY_EXCHANGES exchanges; the exchange list filtered by partner has them all. */
	exchanges: StoryExchange[];
	/** Counted up to the cap asked for; `exchangeTotalMore`: there are more than that. */
	exchangeTotal: number;
	exchangeTotalMore: boolean;
	/** The latest STORY_AGREEMENTS agreements; the agreement list filtered by partner has them all. */
	agreements: StoryAgreement[];
	agreementTotal: number;
	agreementTotalMore: boolean;
	people: { id: number; nameKo: string; nameEn: string | null; title: string | null }[];
	sources: { id: number; title: string; url: string | null; publishedAt: string | null }[];
}

/** A partner with decades of weekly meetings still gets a page that loads at once. */
export const STORY_EXCHANGES = 50;
export const STORY_AGREEMENTS = 50;

/** The live partner's story as the viewer may see it; null when missing or in the trash. */
export function getPartnerStory(
	db: Conn,
	id: number,
	viewer: Viewer,
	opts: { countCap?: number } = {}
): PartnerStory | null {
	const cap = opts.countCap ?? STORY_COUNT_CAP;
	const organization = getOrganization(db, id);
	if (!organization || organization.deletedAt) return null;
	const tieRows = db
		.select()
		.from(ties)
		.where(and(eq(ties.organizationId, id), isNull(ties.deletedAt)))
		.orderBy(sql`${ties.dateStart} IS NULL`, asc(ties.dateStart), asc(ties.id))
		.all();
	const { rows: exchangeRows, total: exchangeTotal } = storyExchanges(db, id, viewer, cap);
	const { rows: agreementRows, total: agreementTotal } = storyAgreements(db, id, viewer, cap);
	const peopleRows = db
		.select({ id: people.id, nameKo: people.nameKo, nameEn: people.nameEn, title: people.title })
		.from(people)
		.where(and(eq(people.organizationId, id), isNull(people.deletedAt)))
		.orderBy(asc(people.nameKo))
		.all();
	const linked = [
		{ type: 'organization', ids: [id] },
		{ type: 'tie', ids: tieRows.map((t) => t.id) },
		{ type: 'exchange', ids: exchangeRows.map((e) => e.id) },
		{ type: 'agreement', ids: agreementRows.map((a) => a.id) }
	];
	return {
		organization,
		aliases: listAliases(db, id),
		ties: tieRows,
		exchanges: exchangeRows,
		exchangeTotal: exchangeTotal.n,
		exchangeTotalMore: exchangeTotal.more,
		agreements: agreementRows,
		agreementTotal: agreementTotal.n,
		agreementTotalMore: agreementTotal.more,
		people: peopleRows,
		sources: sourcesOf(db, linked)
	};
}

/** What a partner page counts up to; past it, it says "more than" (the dossier counts all). */
export const STORY_COUNT_CAP = 1000;

/**
 * `count(*)` of a FROM … WHERE [GROUP BY] clause, stopping after `cap` + 1 rows. A GROUP BY must
 * follow the index order (the link table's id) so that grouping streams and the LIMIT stops early.
 */
function cappedCount(db: Conn, from: SQL, cap: number): { n: number; more: boolean } {
	const limit = Number.isFinite(cap) ? sql`LIMIT ${cap + 1}` : sql``;
	const n =
		db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 ${from} ${limit})`)?.n ?? 0;
	return { n: Math.min(n, cap), more: n > cap };
}

/**
 * The ids of the partner's latest exchanges. A partner with a few hundred exchanges: read its
 * links and sort them on the narrow `exchanges_live_idx`. One with thousands (a big province
 * over decades): walk all exchanges newest first and stop at the 200th of its own, which is
 * cheaper once its links are dense enough — about when links² > 50 × all exchanges.
 */
function latestExchangeIds(db: Conn, id: number, visible: SQL) {
	const links =
		db.get<{ n: number }>(
			sql`SELECT count(*) AS n FROM exchange_organizations WHERE organization_id = ${id}`
		)?.n ?? 0;
	const all = db.get<{ n: number }>(sql`SELECT max(id) AS n FROM exchanges`)?.n ?? 0;
	if (links * links > 50 * all)
		return db.all<{ id: number; role: string }>(
			sql`SELECT e.id, (SELECT min(eo.role) FROM exchange_organizations eo
				WHERE eo.exchange_id = e.id AND eo.organization_id = ${id}) AS role
			FROM exchanges e INDEXED BY exchanges_date_idx
			WHERE e.deleted_at IS NULL AND EXISTS (SELECT 1 FROM exchange_organizations eo
				WHERE eo.exchange_id = e.id AND eo.organization_id = ${id}) ${visible}
			ORDER BY e.date_start DESC, e.id DESC LIMIT ${STORY_EXCHANGES}`
		);
	return db.all<{ id: number; role: string }>(
		sql`SELECT e.id, min(eo.role) AS role FROM exchange_organizations eo
		JOIN exchanges e INDEXED BY exchanges_live_idx ON e.id = eo.exchange_id
		WHERE eo.organization_id = ${id} AND e.deleted_at IS NULL ${visible}
		GROUP BY e.id ORDER BY e.date_start DESC, e.id DESC LIMIT ${STORY_EXCHANGES}`
	);
}

/** The partner's latest exchanges (only the shown rows are read in full) and how many there are. */
function storyExchanges(db: Conn, id: number, viewer: Viewer, cap: number) {
	const visible = viewer.includeConfidential ? sql`` : sql`AND e.visibility = 'normal'`;
	const latest = latestExchangeIds(db, id, visible);
	const byId = new Map(
		(latest.length
			? db
					.select({
						id: exchanges.id,
						type: exchanges.type,
						status: exchanges.status,
						titleKo: exchanges.titleKo,
						titleEn: exchanges.titleEn,
						datePrecision: exchanges.datePrecision,
						dateStart: exchanges.dateStart,
						dateEnd: exchanges.dateEnd,
						mode: exchanges.mode,
						visibility: exchanges.visibility
					})
					.from(exchanges)
					.where(
						inArray(
							exchanges.id,
							latest.map((r) => r.id)
						)
					)
					.all()
			: []
		).map((r) => [r.id, r])
	);
	const total =
		latest.length < STORY_EXCHANGES
			? { n: latest.length, more: false }
			: cappedCount(
					db,
					sql`FROM exchange_organizations eo
					JOIN exchanges e INDEXED BY exchanges_live_idx ON e.id = eo.exchange_id
					WHERE eo.organization_id = ${id} AND e.deleted_at IS NULL ${visible}
					GROUP BY eo.exchange_id`,
					cap
				);
	return {
		rows: latest.map((r): StoryExchange => ({ ...byId.get(r.id)!, role: r.role })),
		total
	};
}

function storyAgreements(
	db: Conn,
	organizationId: number,
	viewer: Viewer,
	cap: number
): { rows: StoryAgreement[]; total: { n: number; more: boolean } } {
	const visible = viewer.includeConfidential ? sql`` : sql`AND a.visibility = 'normal'`;
	// Ordered on the narrow `agreements_live_idx`; only the shown rows are read in full. A link is
	// unique per agreement and partner (its primary key), so there is nothing to group.
	const linked = sql`FROM agreement_organizations ao
		JOIN agreements a INDEXED BY agreements_live_idx ON a.id = ao.agreement_id
		WHERE ao.organization_id = ${organizationId} AND a.deleted_at IS NULL ${visible}`;
	const latest = db
		.all<{ id: number }>(
			sql`SELECT a.id ${linked}
			ORDER BY coalesce(a.agreed_start, a.due_start, '') DESC, a.id DESC LIMIT ${STORY_AGREEMENTS}`
		)
		.map((r) => r.id);
	const full = new Map(
		(latest.length
			? db
					.select({
						id: agreements.id,
						kind: agreements.kind,
						titleKo: agreements.titleKo,
						titleEn: agreements.titleEn,
						status: agreements.status,
						duePrecision: agreements.duePrecision,
						dueStart: agreements.dueStart,
						dueEnd: agreements.dueEnd,
						exchangeId: agreements.exchangeId,
						visibility: agreements.visibility
					})
					.from(agreements)
					.where(inArray(agreements.id, latest))
					.all()
			: []
		).map((r) => [r.id, r])
	);
	const rows = latest.map((id) => full.get(id)!);
	const total =
		rows.length < STORY_AGREEMENTS ? { n: rows.length, more: false } : cappedCount(db, linked, cap);
	const ids = rows.map((r) => r.id);
	const open = ids.length
		? db
				.select({
					id: followUps.id,
					agreementId: followUps.agreementId,
					action: followUps.action,
					owner: followUps.owner,
					dueDate: followUps.dueDate
				})
				.from(followUps)
				.where(
					and(
						inArray(followUps.agreementId, ids),
						isNull(followUps.doneAt),
						isNull(followUps.deletedAt)
					)
				)
				.orderBy(sql`${followUps.dueDate} IS NULL`, asc(followUps.dueDate))
				.all()
		: [];
	return {
		rows: rows.map((r) => ({
			...r,
			openFollowUps: open
				.filter((f) => f.agreementId === r.id)
				.map(({ agreementId: _a, ...f }) => f)
		})),
		total
	};
}

/** Live sources linked to any of the given records, newest first. */
function sourcesOf(db: Conn, linked: { type: string; ids: number[] }[]) {
	const conds = linked
		.filter((l) => l.ids.length)
		.map((l) => and(eq(sourceLinks.entityType, l.type), inArray(sourceLinks.entityId, l.ids))!);
	if (!conds.length) return [];
	return db
		.selectDistinct({
			id: sources.id,
			title: sources.title,
			url: sources.url,
			publishedAt: sources.publishedAt
		})
		.from(sourceLinks)
		.innerJoin(sources, eq(sources.id, sourceLinks.sourceId))
		.where(and(isNull(sources.deletedAt), sql`(${sql.join(conds, sql` OR `)})`))
		.orderBy(desc(sources.publishedAt))
		.all();
}
