/** One exchange with everything linked to it, as its page and the API show it. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Conn } from '../db';
import {
	agreements,
	attachments,
	exchangeFields,
	exchangeOrganizations,
	exchangePeople,
	exchanges,
	organizations,
	people,
	sourceLinks,
	sources
} from '../db/schema';
import type { Viewer } from './exchanges';

export type ExchangeRow = typeof exchanges.$inferSelect;

export interface ExchangeDetail extends ExchangeRow {
	partners: {
		id: number;
		nameKo: string;
		nameEn: string | null;
		country: string | null;
		scope: string;
		role: string;
	}[];
	fields: string[];
	people: {
		id: number;
		nameKo: string;
		nameEn: string | null;
		title: string | null;
		organizationName: string | null;
		role: string;
	}[];
	agreements: {
		id: number;
		titleKo: string;
		titleEn: string | null;
		kind: string;
		status: string;
		duePrecision: 'day' | 'month' | 'year' | null;
		dueStart: string | null;
		dueEnd: string | null;
	}[];
	sources: {
		id: number;
		title: string;
		publisher: string | null;
		url: string | null;
		publishedAt: string | null;
	}[];
	attachments: {
		id: number;
		filename: string;
		mimeType: string;
		size: number;
		createdAt: string;
	}[];
}

/**
 * The exchange, or null when it does not exist, is in the trash (unless `includeDeleted`) or
 * is confidential and the viewer may not see it.
 */
export function getExchange(
	db: Conn,
	id: number,
	viewer: Viewer,
	opts: { includeDeleted?: boolean } = {}
): ExchangeDetail | null {
	const row = db.select().from(exchanges).where(eq(exchanges.id, id)).get();
	if (!row) return null;
	if (row.deletedAt && !opts.includeDeleted) return null;
	if (row.visibility === 'confidential' && !viewer.includeConfidential) return null;
	return { ...row, ...exchangeLinks(db, id, viewer) };
}

function exchangeLinks(db: Conn, id: number, viewer: Viewer) {
	const partners = db
		.select({
			id: organizations.id,
			nameKo: organizations.nameKo,
			nameEn: organizations.nameEn,
			country: organizations.country,
			scope: organizations.scope,
			role: exchangeOrganizations.role
		})
		.from(exchangeOrganizations)
		.innerJoin(organizations, eq(organizations.id, exchangeOrganizations.organizationId))
		.where(eq(exchangeOrganizations.exchangeId, id))
		.orderBy(asc(exchangeOrganizations.role), asc(organizations.nameKo))
		.all();
	const fields = db
		.select({ field: exchangeFields.field })
		.from(exchangeFields)
		.where(eq(exchangeFields.exchangeId, id))
		.all()
		.map((r) => r.field);
	const linkedPeople = db
		.select({
			id: people.id,
			nameKo: people.nameKo,
			nameEn: people.nameEn,
			title: people.title,
			organizationName: organizations.nameKo,
			role: exchangePeople.role
		})
		.from(exchangePeople)
		.innerJoin(people, eq(people.id, exchangePeople.personId))
		.leftJoin(organizations, eq(organizations.id, people.organizationId))
		.where(eq(exchangePeople.exchangeId, id))
		.orderBy(asc(exchangePeople.role), asc(people.nameKo))
		.all();
	const linkedAgreements = db
		.select({
			id: agreements.id,
			titleKo: agreements.titleKo,
			titleEn: agreements.titleEn,
			kind: agreements.kind,
			status: agreements.status,
			duePrecision: agreements.duePrecision,
			dueStart: agreements.dueStart,
			dueEnd: agreements.dueEnd
		})
		.from(agreements)
		.where(
			and(
				eq(agreements.exchangeId, id),
				isNull(agreements.deletedAt),
				viewer.includeConfidential ? undefined : eq(agreements.visibility, 'normal')
			)
		)
		.orderBy(asc(agreements.id))
		.all();
	return {
		partners,
		fields,
		people: linkedPeople,
		agreements: linkedAgreements,
		sources: linkedSources(db, 'exchange', id),
		attachments: liveAttachments(db, 'exchange', id)
	};
}

/** The live sources a record was made from. */
export function linkedSources(db: Conn, entityType: string, entityId: number) {
	return db
		.select({
			id: sources.id,
			title: sources.title,
			publisher: sources.publisher,
			url: sources.url,
			publishedAt: sources.publishedAt
		})
		.from(sourceLinks)
		.innerJoin(sources, eq(sources.id, sourceLinks.sourceId))
		.where(
			and(
				eq(sourceLinks.entityType, entityType),
				eq(sourceLinks.entityId, entityId),
				isNull(sources.deletedAt)
			)
		)
		.orderBy(asc(sources.id))
		.all();
}

export function liveAttachments(db: Conn, entityType: string, entityId: number) {
	return db
		.select({
			id: attachments.id,
			filename: attachments.filename,
			mimeType: attachments.mimeType,
			size: attachments.size,
			createdAt: attachments.createdAt
		})
		.from(attachments)
		.where(
			and(
				eq(attachments.entityType, entityType),
				eq(attachments.entityId, entityId),
				isNull(attachments.deletedAt)
			)
		)
		.orderBy(asc(attachments.id))
		.all();
}
