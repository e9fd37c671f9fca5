import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Conn } from '../db';
import { exchangeOrganizations, exchanges, organizations } from '../db/schema';
import type { Precision } from '$lib/dates';

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
	partners: { id: number; nameKo: string; nameEn: string | null; role: string }[];
}

export interface Viewer {
	/** Editors and admins see confidential records; viewers never do. */
	includeConfidential: boolean;
}

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

/** The latest live exchanges the viewer may see, newest first. */
export function listRecentExchanges(db: Conn, viewer: Viewer, limit = 10): ExchangeListRow[] {
	const rows = db
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
