/** Reading agreements: the filtered keyset list and one agreement with its history and follow-ups. */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import {
	agreementFields,
	agreementOrganizations,
	agreementStatusHistory,
	agreements,
	exchanges,
	followUps,
	organizations,
	users
} from '../db/schema';
import type { AgreementFilter } from '$lib/agreement-filters';
import { seoulToday } from '$lib/dates';
import { closedAgreementStatuses } from '$lib/vocab';
import { ftsPhrase } from './exchange-filter';
import type { Viewer } from './exchanges';
import { linkedSources, liveAttachments } from './exchange-detail';
import {
	clampLimit,
	encodeCursor,
	finishPage,
	keysetClauses,
	type Page,
	type PageRequest,
	type SortSpec
} from './keyset';

export const agreementSorts = ['due_asc', 'updated_desc', 'title_asc'] as const;
export type AgreementSort = (typeof agreementSorts)[number];

export function parseAgreementSort(value: string | null | undefined): AgreementSort {
	return agreementSorts.find((s) => s === value) ?? 'due_asc';
}

const NO_DUE = '9999-12-31';
const dueKey = sql<string>`coalesce(${agreements.dueStart}, ${NO_DUE})`;
const sortSpecs: Record<AgreementSort, SortSpec> = {
	due_asc: { key: dueKey, id: agreements.id, desc: false },
	updated_desc: { key: agreements.updatedAt, id: agreements.id, desc: true },
	title_asc: { key: agreements.titleKo, id: agreements.id, desc: false }
};
const sortKeyOf: Record<
	AgreementSort,
	(r: { dueStart: string | null; updatedAt: string; titleKo: string }) => string
> = {
	due_asc: (r) => r.dueStart ?? NO_DUE,
	updated_desc: (r) => r.updatedAt,
	title_asc: (r) => r.titleKo
};

const inList = (values: (string | number)[]) =>
	sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	);
const openCondition = sql`${agreements.status} NOT IN (${inList(closedAgreementStatuses)})`;

/** Open and its due interval ended before `today`. */
export function overdueCondition(today: string): SQL {
	return sql`(${openCondition} AND ${agreements.dueEnd} < ${today})`;
}

export function agreementFilterWhere(
	f: AgreementFilter,
	viewer: Viewer,
	today = seoulToday()
): SQL {
	const c: (SQL | undefined)[] = [isNull(agreements.deletedAt)];
	if (!viewer.includeConfidential) c.push(eq(agreements.visibility, 'normal'));
	if (f.status?.length) c.push(inArray(agreements.status, f.status));
	if (f.kind?.length) c.push(inArray(agreements.kind, f.kind));
	if (f.partner?.length)
		c.push(
			sql`EXISTS (SELECT 1 FROM agreement_organizations ao WHERE ao.agreement_id = ${agreements.id} AND ao.organization_id IN (${inList(f.partner)}))`
		);
	if (f.dueFrom) c.push(sql`${agreements.dueStart} >= ${f.dueFrom}`);
	if (f.dueTo) c.push(sql`${agreements.dueStart} <= ${f.dueTo}`);
	if (f.open) c.push(openCondition);
	if (f.overdue) c.push(overdueCondition(today));
	if (f.exchange) c.push(eq(agreements.exchangeId, f.exchange));
	if (f.q) {
		if ([...f.q].length >= 3)
			c.push(
				sql`${agreements.id} IN (SELECT rowid / 8 FROM search_fts WHERE search_fts MATCH ${ftsPhrase(f.q)} AND rowid % 8 = 3)`
			);
		else
			c.push(
				sql`(${agreements.titleKo} LIKE ${'%' + f.q + '%'} OR ${agreements.titleEn} LIKE ${'%' + f.q + '%'})`
			);
	}
	return and(...c)!;
}

export interface AgreementListRow {
	id: number;
	kind: string;
	status: string;
	titleKo: string;
	titleEn: string | null;
	duePrecision: 'day' | 'month' | 'year' | null;
	dueStart: string | null;
	dueEnd: string | null;
	exchangeId: number | null;
	visibility: string;
	updatedAt: string;
	overdue: boolean;
	openFollowUps: number;
	partners: { id: number; nameKo: string; nameEn: string | null }[];
}

export function listAgreements(
	db: Conn,
	filter: AgreementFilter,
	viewer: Viewer,
	page: Partial<PageRequest<AgreementSort>> = {},
	today = seoulToday()
): Page<AgreementListRow> {
	const sort = page.sort ?? 'due_asc';
	const limit = clampLimit(page.limit);
	const clauses = keysetClauses(sortSpecs[sort], page);
	const fetched = db
		.select({
			id: agreements.id,
			kind: agreements.kind,
			status: agreements.status,
			titleKo: agreements.titleKo,
			titleEn: agreements.titleEn,
			duePrecision: agreements.duePrecision,
			dueStart: agreements.dueStart,
			dueEnd: agreements.dueEnd,
			exchangeId: agreements.exchangeId,
			visibility: agreements.visibility,
			updatedAt: agreements.updatedAt,
			overdue: sql<number>`${overdueCondition(today)}`,
			openFollowUps: sql<number>`(SELECT count(*) FROM follow_ups f WHERE f.agreement_id = ${agreements.id} AND f.done_at IS NULL AND f.deleted_at IS NULL)`
		})
		.from(agreements)
		.where(and(agreementFilterWhere(filter, viewer, today), clauses.where))
		.orderBy(...clauses.orderBy)
		.limit(limit + 1)
		.all();
	const result = finishPage(fetched, limit, clauses, (r) => encodeCursor(sortKeyOf[sort](r), r.id));
	const partners = agreementPartners(
		db,
		result.rows.map((r) => r.id)
	);
	return {
		...result,
		rows: result.rows.map((r) => ({
			...r,
			overdue: !!r.overdue,
			partners: partners.get(r.id) ?? []
		}))
	};
}

function agreementPartners(db: Conn, ids: number[]) {
	const byAgreement = new Map<number, { id: number; nameKo: string; nameEn: string | null }[]>();
	if (!ids.length) return byAgreement;
	for (const l of db
		.select({
			agreementId: agreementOrganizations.agreementId,
			id: organizations.id,
			nameKo: organizations.nameKo,
			nameEn: organizations.nameEn
		})
		.from(agreementOrganizations)
		.innerJoin(organizations, eq(organizations.id, agreementOrganizations.organizationId))
		.where(inArray(agreementOrganizations.agreementId, ids))
		.all()) {
		const { agreementId, ...p } = l;
		byAgreement.set(agreementId, [...(byAgreement.get(agreementId) ?? []), p]);
	}
	return byAgreement;
}

export type AgreementRow = typeof agreements.$inferSelect;

export interface AgreementDetail extends AgreementRow {
	partners: { id: number; nameKo: string; nameEn: string | null }[];
	fields: string[];
	exchange: {
		id: number;
		titleKo: string;
		titleEn: string | null;
		datePrecision: 'day' | 'month' | 'year';
		dateStart: string;
		dateEnd: string;
	} | null;
	history: (typeof agreementStatusHistory.$inferSelect & { userName: string | null })[];
	followUps: (typeof followUps.$inferSelect)[];
	sources: ReturnType<typeof linkedSources>;
	attachments: ReturnType<typeof liveAttachments>;
	overdue: boolean;
}

/** The agreement, or null when missing, trashed (unless asked) or hidden from this viewer. */
export function getAgreement(
	db: Conn,
	id: number,
	viewer: Viewer,
	opts: { includeDeleted?: boolean; today?: string } = {}
): AgreementDetail | null {
	const row = db.select().from(agreements).where(eq(agreements.id, id)).get();
	if (!row || (row.deletedAt && !opts.includeDeleted)) return null;
	if (row.visibility === 'confidential' && !viewer.includeConfidential) return null;
	const exchange = row.exchangeId
		? (db
				.select({
					id: exchanges.id,
					titleKo: exchanges.titleKo,
					titleEn: exchanges.titleEn,
					datePrecision: exchanges.datePrecision,
					dateStart: exchanges.dateStart,
					dateEnd: exchanges.dateEnd,
					deletedAt: exchanges.deletedAt,
					visibility: exchanges.visibility
				})
				.from(exchanges)
				.where(eq(exchanges.id, row.exchangeId))
				.get() ?? null)
		: null;
	const visibleExchange =
		exchange &&
		!exchange.deletedAt &&
		(viewer.includeConfidential || exchange.visibility === 'normal')
			? (({ deletedAt: _d, visibility: _v, ...e }) => e)(exchange)
			: null;
	const today = opts.today ?? seoulToday();
	return {
		...row,
		partners: agreementPartners(db, [id]).get(id) ?? [],
		fields: db
			.select({ f: agreementFields.field })
			.from(agreementFields)
			.where(eq(agreementFields.agreementId, id))
			.all()
			.map((r) => r.f),
		exchange: visibleExchange,
		history: db
			.select({ h: agreementStatusHistory, userName: users.displayName })
			.from(agreementStatusHistory)
			.leftJoin(users, eq(users.id, agreementStatusHistory.createdBy))
			.where(eq(agreementStatusHistory.agreementId, id))
			.orderBy(asc(agreementStatusHistory.changedOn), asc(agreementStatusHistory.id))
			.all()
			.map((r) => ({ ...r.h, userName: r.userName })),
		followUps: db
			.select()
			.from(followUps)
			.where(and(eq(followUps.agreementId, id), isNull(followUps.deletedAt)))
			.orderBy(sql`${followUps.doneAt} IS NOT NULL`, asc(followUps.dueDate), desc(followUps.id))
			.all(),
		sources: linkedSources(db, 'agreement', id),
		attachments: liveAttachments(db, 'agreement', id),
		overdue:
			!(closedAgreementStatuses as string[]).includes(row.status) &&
			!!row.dueEnd &&
			row.dueEnd < today
	};
}
