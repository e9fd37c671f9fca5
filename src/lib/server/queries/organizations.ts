import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import { organizationAliases, organizations, ties } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { normalizeName } from '$lib/normalize';
import { indexRecord } from './search';
import { conflict, notFound, type WriteResult } from './write-result';

export type Scope = 'foreign' | 'domestic' | 'international';
export interface OrganizationInput {
	nameKo: string;
	nameEn?: string | null;
	nameNative?: string | null;
	country?: string | null;
	scope: Scope;
	level?: string;
	counterpartOffice?: string | null;
	notes?: string | null;
	aliases?: string[];
}

export type Organization = typeof organizations.$inferSelect;

/** Every name a partner is known by, its own names included, so one lookup finds it. */
function allNames(input: OrganizationInput): string[] {
	const names = [input.nameKo, input.nameEn, input.nameNative, ...(input.aliases ?? [])];
	return [
		...new Set(names.filter((n): n is string => !!n && n.trim() !== '').map((n) => n.trim()))
	];
}

export function replaceAliases(db: Conn, organizationId: number, names: string[]): void {
	db.delete(organizationAliases)
		.where(eq(organizationAliases.organizationId, organizationId))
		.run();
	const seen = new Set<string>();
	for (const alias of names) {
		const normalized = normalizeName(alias);
		if (!normalized || seen.has(normalized)) continue;
		seen.add(normalized);
		db.insert(organizationAliases).values({ organizationId, alias, normalized }).run();
	}
}

export function listAliases(db: Conn, organizationId: number): string[] {
	return db
		.select({ alias: organizationAliases.alias })
		.from(organizationAliases)
		.where(eq(organizationAliases.organizationId, organizationId))
		.all()
		.map((r) => r.alias);
}

export function indexOrganization(db: Conn, id: number, input: OrganizationInput): void {
	indexRecord(db, 'organization', id, input.nameKo, [
		...allNames(input),
		input.counterpartOffice,
		input.notes
	]);
}

/** Creates a partner with its aliases, search entry and audit row; runs in the caller's transaction. */
export function insertOrganization(
	db: Conn,
	input: OrganizationInput,
	actor: Actor | null,
	batchId?: number | null
): Organization {
	const row = db
		.insert(organizations)
		.values({
			nameKo: input.nameKo.trim(),
			nameEn: input.nameEn ?? null,
			nameNative: input.nameNative ?? null,
			country: input.country ?? null,
			scope: input.scope,
			level: input.level ?? 'other',
			counterpartOffice: input.counterpartOffice ?? null,
			notes: input.notes ?? null,
			createdBy: actor?.id ?? null,
			updatedBy: actor?.id ?? null
		})
		.returning()
		.get();
	replaceAliases(db, row.id, allNames(input));
	indexOrganization(db, row.id, input);
	writeAudit(db, actor, {
		action: 'create',
		entityType: 'organization',
		entityId: row.id,
		after: { ...row, aliases: input.aliases ?? [] },
		batchId
	});
	return row;
}

export function createOrganization(
	db: DB,
	input: OrganizationInput,
	actor: Actor | null
): Organization {
	return db.transaction((tx) => insertOrganization(tx, input, actor));
}

/** Finds a live partner by any of its names or aliases, in any script. */
export function findOrganizationByName(
	db: Conn,
	name: string,
	country?: string | null
): Organization | null {
	const normalized = normalizeName(name);
	if (!normalized) return null;
	const rows = db
		.select({ org: organizations })
		.from(organizationAliases)
		.innerJoin(organizations, eq(organizations.id, organizationAliases.organizationId))
		.where(and(eq(organizationAliases.normalized, normalized), isNull(organizations.deletedAt)))
		.all()
		.map((r) => r.org);
	if (country !== undefined) return rows.find((o) => o.country === country) ?? rows[0] ?? null;
	return rows[0] ?? null;
}

export function getOrganization(db: Conn, id: number): Organization | null {
	return db.select().from(organizations).where(eq(organizations.id, id)).get() ?? null;
}

export interface PartnerSummary {
	id: number;
	nameKo: string;
	nameEn: string | null;
	nameNative: string | null;
	country: string | null;
	scope: Scope;
	level: string;
	tieKinds: string[];
}

/** Live partners with the kinds of their active ties, by Korean name. */
export function listPartnerSummaries(db: Conn, limit = 500): PartnerSummary[] {
	const orgs = db
		.select()
		.from(organizations)
		.where(isNull(organizations.deletedAt))
		.orderBy(asc(organizations.nameKo))
		.limit(limit)
		.all();
	const ids = orgs.map((o) => o.id);
	const tieRows = ids.length
		? db
				.select({ organizationId: ties.organizationId, kind: ties.kind })
				.from(ties)
				.where(
					and(
						inArray(ties.organizationId, ids),
						isNull(ties.deletedAt),
						sql`${ties.status} != 'ended'`
					)
				)
				.all()
		: [];
	return orgs.map((o) => ({
		id: o.id,
		nameKo: o.nameKo,
		nameEn: o.nameEn,
		nameNative: o.nameNative,
		country: o.country,
		scope: o.scope,
		level: o.level,
		tieKinds: [...new Set(tieRows.filter((t) => t.organizationId === o.id).map((t) => t.kind))]
	}));
}

/** The stored partner in the shape its form and schema take (aliases without its own names). */
export function organizationFormValues(db: Conn, org: Organization) {
	const own = new Set(
		[org.nameKo, org.nameEn, org.nameNative].filter((n): n is string => !!n).map(normalizeName)
	);
	return {
		nameKo: org.nameKo,
		nameEn: org.nameEn,
		nameNative: org.nameNative,
		country: org.country,
		scope: org.scope,
		level: org.level,
		counterpartOffice: org.counterpartOffice,
		notes: org.notes,
		aliases: listAliases(db, org.id).filter((a) => !own.has(normalizeName(a))),
		version: org.version
	};
}

/**
 * Saves a partner if nobody else saved it since `version` was read. A renamed partner keeps
 * its old names as aliases, so searches for them still find it.
 */
export function updateOrganization(
	db: DB,
	id: number,
	input: OrganizationInput,
	version: number,
	actor: Actor
): WriteResult<Organization> {
	return db.transaction((tx) => {
		const before = getOrganization(tx, id);
		if (!before || before.deletedAt) return notFound;
		if (before.version !== version) return conflict(before.version);
		const beforeAliases = listAliases(tx, id);
		const row = tx
			.update(organizations)
			.set({
				nameKo: input.nameKo.trim(),
				nameEn: input.nameEn ?? null,
				nameNative: input.nameNative ?? null,
				country: input.country ?? null,
				scope: input.scope,
				level: input.level ?? 'other',
				counterpartOffice: input.counterpartOffice ?? null,
				notes: input.notes ?? null,
				updatedAt: new Date().toISOString(),
				updatedBy: actor.id,
				version: sql`${organizations.version} + 1`
			})
			.where(and(eq(organizations.id, id), eq(organizations.version, version)))
			.returning()
			.get();
		const oldNames = [before.nameKo, before.nameEn, before.nameNative].filter(
			(n): n is string => !!n && !allNames(input).includes(n)
		);
		const names = allNames({ ...input, aliases: [...(input.aliases ?? []), ...oldNames] });
		replaceAliases(tx, id, names);
		indexOrganization(tx, id, { ...input, aliases: names });
		writeAudit(tx, actor, {
			action: 'update',
			entityType: 'organization',
			entityId: id,
			before: { ...before, aliases: beforeAliases },
			after: { ...row, aliases: listAliases(tx, id) }
		});
		return { ok: true, row };
	});
}

export interface PartnerSuggestion {
	id: number;
	nameKo: string;
	nameEn: string | null;
	nameNative: string | null;
	country: string | null;
	/** The alias that matched, when it is not one of the partner's own names. */
	matched: string | null;
}

/** Typeahead over every name and alias: prefix matches first, then substrings. Any length works. */
export function suggestPartners(db: Conn, q: string, limit = 10): PartnerSuggestion[] {
	const norm = normalizeName(q);
	if (!norm) return [];
	const rows = db
		.select({
			id: organizations.id,
			nameKo: organizations.nameKo,
			nameEn: organizations.nameEn,
			nameNative: organizations.nameNative,
			country: organizations.country,
			alias: sql<string>`min(${organizationAliases.alias})`,
			prefix: sql<number>`max(${organizationAliases.normalized} LIKE ${norm + '%'})`.as('prefix')
		})
		.from(organizationAliases)
		.innerJoin(organizations, eq(organizations.id, organizationAliases.organizationId))
		.where(
			and(
				isNull(organizations.deletedAt),
				sql`${organizationAliases.normalized} LIKE ${'%' + norm + '%'}`
			)
		)
		.groupBy(organizations.id)
		.orderBy(sql`prefix DESC`, asc(organizations.nameKo))
		.limit(limit)
		.all();
	return rows.map(({ alias, prefix: _p, ...r }) => ({
		...r,
		matched: [r.nameKo, r.nameEn, r.nameNative].includes(alias) ? null : alias
	}));
}

/** The countries live partners are in, for the list's filter. */
export function partnerCountries(db: Conn): string[] {
	return db
		.selectDistinct({ country: organizations.country })
		.from(organizations)
		.where(and(isNull(organizations.deletedAt), sql`${organizations.country} IS NOT NULL`))
		.orderBy(asc(organizations.country))
		.all()
		.map((r) => r.country!);
}
