/**
 * What article intake reads: the home government and known partners (for matching names),
 * exchanges like a draft's (to warn of duplicates), and what one saved source produced.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Conn } from '../db';
import {
	agreements,
	exchangeOrganizations,
	exchanges,
	organizationAliases,
	organizations,
	sourceLinks,
	sources,
	ties
} from '../db/schema';
import type { KnownOrg, PartnerLookup } from '../intake/partners';
import { findOrganizationByName } from './organizations';
import { getHome } from './settings';

/** Every live partner with its aliases, for finding their names in an article. */
export function listKnownOrganizations(db: Conn): KnownOrg[] {
	const rows = db
		.select({ org: organizations, alias: organizationAliases.alias })
		.from(organizations)
		.leftJoin(organizationAliases, eq(organizationAliases.organizationId, organizations.id))
		.where(isNull(organizations.deletedAt))
		.all();
	const byId = new Map<number, KnownOrg>();
	for (const { org, alias } of rows) {
		let k = byId.get(org.id);
		if (!k) {
			k = {
				organizationId: org.id,
				nameKo: org.nameKo,
				nameEn: org.nameEn,
				nameNative: org.nameNative,
				country: org.country,
				scope: org.scope,
				level: org.level,
				aliases: []
			};
			byId.set(org.id, k);
		}
		if (alias && alias !== org.nameKo && !k.aliases.includes(alias)) k.aliases.push(alias);
	}
	return [...byId.values()];
}

export function intakeLookup(db: Conn): PartnerLookup {
	const home = getHome(db);
	return {
		home: { nameKo: home.nameKo, nameEn: home.nameEn },
		known: listKnownOrganizations(db),
		findByName: (name, country) => {
			const org = findOrganizationByName(db, name, country);
			return org ? { id: org.id, nameKo: org.nameKo } : null;
		}
	};
}

export interface SimilarExchange {
	id: number;
	titleKo: string;
	dateStart: string;
	type: string;
}

/**
 * Live exchanges on the same first day, of the same type, with one of these partners: what the
 * review screen warns about before a second copy is saved. Confidential ones only for editors.
 */
export function findSimilarExchanges(
	db: Conn,
	q: { dateStart: string; type: string; organizationIds: number[] },
	viewer: { includeConfidential: boolean }
): SimilarExchange[] {
	if (!q.organizationIds.length) return [];
	return db
		.selectDistinct({
			id: exchanges.id,
			titleKo: exchanges.titleKo,
			dateStart: exchanges.dateStart,
			type: exchanges.type
		})
		.from(exchanges)
		.innerJoin(exchangeOrganizations, eq(exchangeOrganizations.exchangeId, exchanges.id))
		.where(
			and(
				isNull(exchanges.deletedAt),
				eq(exchanges.dateStart, q.dateStart),
				eq(exchanges.type, q.type),
				inArray(exchangeOrganizations.organizationId, q.organizationIds),
				viewer.includeConfidential ? undefined : eq(exchanges.visibility, 'normal')
			)
		)
		.limit(5)
		.all();
}

export interface IntakeSummary {
	source: { id: number; title: string; url: string | null };
	exchanges: {
		id: number;
		titleKo: string;
		type: string;
		datePrecision: 'day' | 'month' | 'year';
		dateStart: string;
		dateEnd: string;
	}[];
	agreements: { id: number; titleKo: string; kind: string; status: string }[];
	ties: { id: number; kind: string; organization: string }[];
	organizations: { id: number; nameKo: string }[];
}

/** What was saved from one source, for the page shown after saving. */
export function intakeSummary(db: Conn, sourceId: number): IntakeSummary | null {
	const source = db
		.select({ id: sources.id, title: sources.title, url: sources.url })
		.from(sources)
		.where(eq(sources.id, sourceId))
		.get();
	if (!source) return null;
	const linked = (type: string) =>
		db
			.select({ id: sourceLinks.entityId })
			.from(sourceLinks)
			.where(and(eq(sourceLinks.sourceId, sourceId), eq(sourceLinks.entityType, type)))
			.all()
			.map((r) => r.id);
	const ids = {
		exchange: linked('exchange'),
		agreement: linked('agreement'),
		tie: linked('tie'),
		organization: linked('organization')
	};
	return {
		source,
		exchanges: ids.exchange.length
			? db
					.select({
						id: exchanges.id,
						titleKo: exchanges.titleKo,
						type: exchanges.type,
						datePrecision: exchanges.datePrecision,
						dateStart: exchanges.dateStart,
						dateEnd: exchanges.dateEnd
					})
					.from(exchanges)
					.where(and(inArray(exchanges.id, ids.exchange), isNull(exchanges.deletedAt)))
					.orderBy(asc(exchanges.dateStart), asc(exchanges.id))
					.all()
			: [],
		agreements: ids.agreement.length
			? db
					.select({
						id: agreements.id,
						titleKo: agreements.titleKo,
						kind: agreements.kind,
						status: agreements.status
					})
					.from(agreements)
					.where(and(inArray(agreements.id, ids.agreement), isNull(agreements.deletedAt)))
					.orderBy(asc(agreements.id))
					.all()
			: [],
		ties: ids.tie.length
			? db
					.select({ id: ties.id, kind: ties.kind, organization: organizations.nameKo })
					.from(ties)
					.innerJoin(organizations, eq(organizations.id, ties.organizationId))
					.where(and(inArray(ties.id, ids.tie), isNull(ties.deletedAt)))
					.all()
			: [],
		organizations: ids.organization.length
			? db
					.select({ id: organizations.id, nameKo: organizations.nameKo })
					.from(organizations)
					.where(and(inArray(organizations.id, ids.organization), isNull(organizations.deletedAt)))
					.orderBy(asc(organizations.nameKo))
					.all()
			: []
	};
}
