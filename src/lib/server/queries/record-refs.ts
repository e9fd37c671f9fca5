/**
 * Checks that the ids a write refers to are live records, and creates partners typed in by
 * name, inside the caller's transaction: a write with an unknown id is refused as a whole.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Conn } from '../db';
import { agreements, exchanges, organizations, people, sourceLinks, sources } from '../db/schema';
import type { Actor } from '../audit';
import type { OrgRole } from '$lib/vocab';
import { findOrganizationByName, insertOrganization, type Scope } from './organizations';
import { InvalidReferences } from './write-errors';

const tables = { organizations, people, sources, exchanges, agreements } as const;

/** The ids among `ids` that are not live rows of the table. */
export function missingIds(db: Conn, table: keyof typeof tables, ids: number[]): number[] {
	if (!ids.length) return [];
	const t = tables[table];
	const found = new Set(
		db
			.select({ id: t.id })
			.from(t)
			.where(and(inArray(t.id, ids), isNull(t.deletedAt)))
			.all()
			.map((r) => r.id)
	);
	return ids.filter((id) => !found.has(id));
}

/** Throws InvalidReferences naming every field whose ids are unknown. */
export function assertLive(
	db: Conn,
	checks: { field: string; table: keyof typeof tables; ids: number[]; message: string }[]
): void {
	const fields: Record<string, string> = {};
	for (const c of checks) if (missingIds(db, c.table, c.ids).length) fields[c.field] = c.message;
	if (Object.keys(fields).length) throw new InvalidReferences(fields);
}

export interface PartnerLinkInput {
	organizationId?: number;
	name: string | null;
	country: string | null;
	scope: Scope | null;
	role: OrgRole;
}

export interface ResolvedPartner {
	organizationId: number;
	role: OrgRole;
	nameKo: string;
	nameEn: string | null;
}

/**
 * Turns partner links into organisation ids: existing ids are checked, names are matched
 * against every alias first (so 산동성 reuses 산둥성) and created only when nobody has them.
 */
export function resolvePartners(
	db: Conn,
	links: PartnerLinkInput[],
	actor: Actor | null
): ResolvedPartner[] {
	const existing = links.flatMap((l) => (l.organizationId ? [l.organizationId] : []));
	assertLive(db, [
		{ field: 'partners', table: 'organizations', ids: existing, message: 'ex_unknown_partner' }
	]);
	const names = new Map(
		existing.length
			? db
					.select({
						id: organizations.id,
						nameKo: organizations.nameKo,
						nameEn: organizations.nameEn
					})
					.from(organizations)
					.where(inArray(organizations.id, existing))
					.all()
					.map((o) => [o.id, o])
			: []
	);
	return links.map((l) => {
		if (l.organizationId) {
			const o = names.get(l.organizationId)!;
			return { organizationId: o.id, role: l.role, nameKo: o.nameKo, nameEn: o.nameEn };
		}
		const name = l.name!;
		const found = findOrganizationByName(db, name, l.country ?? undefined);
		const org =
			found ??
			insertOrganization(
				db,
				{
					nameKo: name,
					country: l.country,
					scope: l.scope ?? (l.country ? 'foreign' : 'domestic')
				},
				actor
			);
		return { organizationId: org.id, role: l.role, nameKo: org.nameKo, nameEn: org.nameEn };
	});
}

/** Replaces which sources a record was made from. */
export function replaceSourceLinks(
	db: Conn,
	entityType: string,
	entityId: number,
	sourceIds: number[]
): void {
	db.delete(sourceLinks)
		.where(and(eq(sourceLinks.entityType, entityType), eq(sourceLinks.entityId, entityId)))
		.run();
	for (const sourceId of new Set(sourceIds))
		db.insert(sourceLinks).values({ sourceId, entityType, entityId }).run();
}

export function sourceIdsOf(db: Conn, entityType: string, entityId: number): number[] {
	return db
		.select({ id: sourceLinks.sourceId })
		.from(sourceLinks)
		.where(and(eq(sourceLinks.entityType, entityType), eq(sourceLinks.entityId, entityId)))
		.all()
		.map((r) => r.id);
}
