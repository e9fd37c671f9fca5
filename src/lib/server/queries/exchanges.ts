/** Reading exchanges: the filtered keyset list, capped counts, CSV batches and the detail page. */
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import { exchangeOrganizations, exchanges, organizations } from '../db/schema';
import type { Precision } from '$lib/dates';
import type { ExchangeFilter } from '$lib/filters';
import { exchangeFilterWhere } from './exchange-filter';
import {
	clampLimit,
	encodeCursor,
	finishPage,
	keysetClauses,
	type Page,
	type PageRequest,
	type SortSpec
} from './keyset';

export interface ExchangeListRow {
	id: number;
	type: string;
	status: string;
	titleKo: string;
	titleEn: string | null;
	datePrecision: Precision;
	dateStart: string;
	dateEnd: string;
	mode: string | null;
	visibility: string;
	participants?: number | null;
	participantsApprox?: boolean;
	partners: {
		id: number;
		nameKo: string;
		nameEn: string | null;
		country: string | null;
		role: string;
	}[];
}

export interface Viewer {
	/** Editors and admins see confidential records; viewers never do. */
	includeConfidential: boolean;
}

export const exchangeSorts = ['date_desc', 'date_asc', 'title_asc', 'updated_desc'] as const;
export type ExchangeSort = (typeof exchangeSorts)[number];

const sortSpecs: Record<ExchangeSort, SortSpec> = {
	date_desc: { key: exchanges.dateStart, id: exchanges.id, desc: true },
	date_asc: { key: exchanges.dateStart, id: exchanges.id, desc: false },
	title_asc: { key: exchanges.titleKo, id: exchanges.id, desc: false },
	updated_desc: { key: exchanges.updatedAt, id: exchanges.id, desc: true }
};

const sortKeyOf: Record<ExchangeSort, (r: ListBase) => string> = {
	date_desc: (r) => r.dateStart,
	date_asc: (r) => r.dateStart,
	title_asc: (r) => r.titleKo,
	updated_desc: (r) => r.updatedAt
};

export function parseExchangeSort(value: string | null | undefined): ExchangeSort {
	return exchangeSorts.find((s) => s === value) ?? 'date_desc';
}

const listColumns = {
	id: exchanges.id,
	type: exchanges.type,
	status: exchanges.status,
	titleKo: exchanges.titleKo,
	titleEn: exchanges.titleEn,
	datePrecision: exchanges.datePrecision,
	dateStart: exchanges.dateStart,
	dateEnd: exchanges.dateEnd,
	mode: exchanges.mode,
	visibility: exchanges.visibility,
	participants: exchanges.participants,
	participantsApprox: exchanges.participantsApprox,
	updatedAt: exchanges.updatedAt
};
type ListBase = { dateStart: string; titleKo: string; updatedAt: string };

/** Attaches each exchange's organisations (all roles), in one query for the page. */
export function withPartners<T extends { id: number }>(
	db: Conn,
	rows: T[]
): (T & Pick<ExchangeListRow, 'partners'>)[] {
	const ids = rows.map((r) => r.id);
	const links = ids.length
		? db
				.select({
					exchangeId: exchangeOrganizations.exchangeId,
					id: organizations.id,
					nameKo: organizations.nameKo,
					nameEn: organizations.nameEn,
					country: organizations.country,
					role: exchangeOrganizations.role
				})
				.from(exchangeOrganizations)
				.innerJoin(organizations, eq(organizations.id, exchangeOrganizations.organizationId))
				.where(inArray(exchangeOrganizations.exchangeId, ids))
				.all()
		: [];
	return rows.map((r) => ({
		...r,
		partners: links.filter((l) => l.exchangeId === r.id).map(({ exchangeId: _e, ...p }) => p)
	}));
}

/** One keyset page of the exchanges matching the shared filter. */
export function listExchanges(
	db: Conn,
	filter: ExchangeFilter,
	viewer: Viewer,
	page: Partial<PageRequest<ExchangeSort>> = {}
): Page<ExchangeListRow & { updatedAt: string }> {
	const sort = page.sort ?? 'date_desc';
	const limit = clampLimit(page.limit);
	const spec = sortSpecs[sort];
	const clauses = keysetClauses(spec, page);
	const fetched = db
		.select(listColumns)
		.from(exchanges)
		.where(and(exchangeFilterWhere(filter, viewer), clauses.where))
		.orderBy(...clauses.orderBy)
		.limit(limit + 1)
		.all();
	const result = finishPage(fetched, limit, clauses, (r) => encodeCursor(sortKeyOf[sort](r), r.id));
	return { ...result, rows: withPartners(db, result.rows) };
}

/** How many exchanges match, counted up to `cap` so a huge result never costs a full count. */
export function countExchanges(
	db: Conn,
	filter: ExchangeFilter,
	viewer: Viewer,
	cap = 1000
): { count: number; more: boolean } {
	const where: SQL = exchangeFilterWhere(filter, viewer);
	const n =
		db.get<{ n: number }>(
			sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${exchanges} WHERE ${where} LIMIT ${cap + 1})`
		)?.n ?? 0;
	return { count: Math.min(n, cap), more: n > cap };
}

/** Every matching exchange with all its columns, in batches (for CSV export of a filter). */
export function* exchangeBatches(
	db: Conn,
	filter: ExchangeFilter,
	viewer: Viewer,
	batchSize = 500
): Generator<(typeof exchanges.$inferSelect & Pick<ExchangeListRow, 'partners'>)[]> {
	let after: { start: string; id: number } | null = null;
	type Row = typeof exchanges.$inferSelect;
	for (;;) {
		const rows: Row[] = db
			.select()
			.from(exchanges)
			.where(
				and(
					exchangeFilterWhere(filter, viewer),
					after
						? sql`(${exchanges.dateStart}, ${exchanges.id}) < (${after.start}, ${after.id})`
						: undefined
				)
			)
			.orderBy(desc(exchanges.dateStart), desc(exchanges.id))
			.limit(batchSize)
			.all();
		if (!rows.length) return;
		yield withPartners(db, rows);
		const last: Row = rows[rows.length - 1];
		after = { start: last.dateStart, id: last.id };
		if (rows.length < batchSize) return;
	}
}

/** The latest live exchanges the viewer may see, newest first. */
export function listRecentExchanges(db: Conn, viewer: Viewer, limit = 10): ExchangeListRow[] {
	const rows = db
		.select(listColumns)
		.from(exchanges)
		.where(
			and(
				isNull(exchanges.deletedAt),
				viewer.includeConfidential ? undefined : eq(exchanges.visibility, 'normal')
			)
		)
		.orderBy(desc(exchanges.dateStart), desc(exchanges.id))
		.limit(limit)
		.all();
	return withPartners(db, rows);
}
