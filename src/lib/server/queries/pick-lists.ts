/** Short lists for the exchange and agreement forms' selects (people, sources, exchanges). */
import { and, desc, eq, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import { exchanges, organizations, people, sources } from '../db/schema';
import type { Viewer } from './exchanges';

export interface Choice {
	id: number;
	label: string;
	detail: string | null;
}

export function personChoices(db: Conn, limit = 1000): Choice[] {
	return db
		.select({ id: people.id, label: people.nameKo, detail: organizations.nameKo })
		.from(people)
		.leftJoin(organizations, eq(organizations.id, people.organizationId))
		.where(isNull(people.deletedAt))
		.orderBy(people.nameKo)
		.limit(limit)
		.all();
}

/** The newest sources first: the one a record was just made from is near the top. */
export function sourceChoices(db: Conn, limit = 300): Choice[] {
	return db
		.select({ id: sources.id, label: sources.title, detail: sources.publisher })
		.from(sources)
		.where(isNull(sources.deletedAt))
		.orderBy(desc(sources.id))
		.limit(limit)
		.all();
}

/** The latest exchanges the viewer may see, for linking an agreement to where it was made. */
export function exchangeChoices(db: Conn, viewer: Viewer, limit = 300): Choice[] {
	return db
		.select({ id: exchanges.id, label: exchanges.titleKo, detail: exchanges.dateStart })
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
}

/** Live partners by name, those `where` keeps. */
function partnersWhere(db: Conn, where: SQL | undefined, limit: number): Choice[] {
	return db
		.select({ id: organizations.id, label: organizations.nameKo, detail: organizations.country })
		.from(organizations)
		.where(and(isNull(organizations.deletedAt), where))
		.orderBy(organizations.nameKo)
		.limit(limit)
		.all();
}

export function partnerChoices(db: Conn, limit = 1000): Choice[] {
	return partnersWhere(db, undefined, limit);
}

/**
 * Partners that may be a duplicate of `org`: of the same country or of none (a duplicate typed in
 * a hurry often has none). Any such pair can be merged from one side or the other; a duplicate
 * entered under another country needs its country corrected first. Far fewer than all partners,
 * so the list stays short enough to choose from, and the page light.
 */
export function mergeCandidates(
	db: Conn,
	org: { id: number; country: string | null },
	limit = 1000
): Choice[] {
	return partnersWhere(
		db,
		and(
			ne(organizations.id, org.id),
			org.country
				? or(eq(organizations.country, org.country), isNull(organizations.country))
				: isNull(organizations.country)
		),
		limit
	);
}
