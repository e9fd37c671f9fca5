/**
 * A partner's whole story on one page: its names, ties over time (friendship 2008 → sister
 * 2009 as two dated rows), every exchange the viewer may see, agreements with their status
 * and open follow-ups, the people there, and the sources all of it came from.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import {
	agreementOrganizations,
	agreements,
	exchanges,
	followUps,
	people,
	sourceLinks,
	sources,
	ties
} from '../db/schema';
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
	exchangeTotal: number;
	/** The latest STORY_AGREEMENTS agreements; the agreement list filtered by partner has them all. */
	agreements: StoryAgreement[];
	agreementTotal: number;
	people: { id: number; nameKo: string; nameEn: string | null; title: string | null }[];
	sources: { id: number; title: string; url: string | null; publishedAt: string | null }[];
}

/** A partner with decades of weekly meetings still gets a page that loads at once. */
export const STORY_EXCHANGES = 200;
export const STORY_AGREEMENTS = 100;

const visibleOnly = (
	viewer: Viewer,
	column: typeof exchanges.visibility | typeof agreements.visibility
) => (viewer.includeConfidential ? undefined : eq(column, 'normal'));

/** The live partner's story as the viewer may see it; null when missing or in the trash. */
export function getPartnerStory(db: Conn, id: number, viewer: Viewer): PartnerStory | null {
	const organization = getOrganization(db, id);
	if (!organization || organization.deletedAt) return null;
	const tieRows = db
		.select()
		.from(ties)
		.where(and(eq(ties.organizationId, id), isNull(ties.deletedAt)))
		.orderBy(sql`${ties.dateStart} IS NULL`, asc(ties.dateStart), asc(ties.id))
		.all();
	const { rows: exchangeRows, total: exchangeTotal } = storyExchanges(db, id, viewer);
	const { rows: agreementRows, total: agreementTotal } = storyAgreements(db, id, viewer);
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
		exchangeTotal,
		agreements: agreementRows,
		agreementTotal,
		people: peopleRows,
		sources: sourcesOf(db, linked)
	};
}

/**
 * The partner's latest exchanges and how many there are. A partner with thousands of exchanges
 * would otherwise read thousands of wide rows to show 200: the order and the count come from the
 * narrow `exchanges_live_idx` (the planner prefers the rowid, hence INDEXED BY), then only the
 * shown rows are read.
 */
function storyExchanges(db: Conn, id: number, viewer: Viewer) {
	const visible = viewer.includeConfidential ? sql`` : sql`AND e.visibility = 'normal'`;
	const linked = sql`FROM exchange_organizations eo
		JOIN exchanges e INDEXED BY exchanges_live_idx ON e.id = eo.exchange_id
		WHERE eo.organization_id = ${id} AND e.deleted_at IS NULL ${visible}`;
	const latest = db.all<{ id: number; role: string }>(
		sql`SELECT e.id, min(eo.role) AS role ${linked}
		GROUP BY e.id ORDER BY e.date_start DESC, e.id DESC LIMIT ${STORY_EXCHANGES}`
	);
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
			? latest.length
			: (db.get<{ n: number }>(sql`SELECT count(DISTINCT e.id) AS n ${linked}`)?.n ?? 0);
	return {
		rows: latest.map((r): StoryExchange => ({ ...byId.get(r.id)!, role: r.role })),
		total
	};
}

function storyAgreements(
	db: Conn,
	organizationId: number,
	viewer: Viewer
): { rows: StoryAgreement[]; total: number } {
	const live = and(
		eq(agreementOrganizations.organizationId, organizationId),
		isNull(agreements.deletedAt),
		visibleOnly(viewer, agreements.visibility)
	);
	const rows = db
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
		.from(agreementOrganizations)
		.innerJoin(agreements, eq(agreements.id, agreementOrganizations.agreementId))
		.where(live)
		.orderBy(
			desc(sql`coalesce(${agreements.agreedStart}, ${agreements.dueStart}, '')`),
			desc(agreements.id)
		)
		.limit(STORY_AGREEMENTS)
		.all();
	const total =
		rows.length < STORY_AGREEMENTS
			? rows.length
			: (db
					.select({ n: sql<number>`count(*)` })
					.from(agreementOrganizations)
					.innerJoin(agreements, eq(agreements.id, agreementOrganizations.agreementId))
					.where(live)
					.get()?.n ?? 0);
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
