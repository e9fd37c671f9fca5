/**
 * The updates an import makes to records that already exist. An import only fills what is
 * empty and sharpens a date (1990 → 1990-04-24); it never overwrites what staff wrote. Each
 * change bumps the version and writes an audit row tagged with the batch.
 */
import { eq, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { exchanges, organizationAliases, organizations, ties } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { normalizeName } from '$lib/normalize';
import { indexOrganization, listAliases, type Organization } from '../queries/organizations';
import type { Tie } from '../queries/ties-write';
import type { Exchange } from '../queries/exchanges-write';
import { indexRecord } from '../queries/search';

const stamp = (actor: Actor | null) => ({
	updatedAt: new Date().toISOString(),
	updatedBy: actor?.id ?? null
});

/** Keeps only the fields whose current value is empty and whose new value is not. */
export function emptyFieldsOnly<T extends object>(current: T, wanted: Partial<T>): Partial<T> {
	const patch: Partial<T> = {};
	for (const [k, v] of Object.entries(wanted) as [keyof T, T[keyof T]][]) {
		const now = current[k];
		if (
			v !== null &&
			v !== undefined &&
			v !== '' &&
			(now === null || now === undefined || now === '')
		)
			patch[k] = v;
	}
	return patch;
}

/** Fills a partner's empty names and adds the sheet's spellings as aliases; false when nothing changed. */
export function fillOrganization(
	db: Conn,
	org: Organization,
	wanted: { nameEn?: string | null; nameNative?: string | null },
	names: string[],
	actor: Actor | null,
	batchId: number
): boolean {
	const patch = emptyFieldsOnly(org, wanted);
	const aliases = listAliases(db, org.id);
	const known = new Set(aliases.map(normalizeName));
	const added = [...new Set(names.map((n) => n.trim()))].filter((n) => {
		const key = normalizeName(n);
		if (!key || known.has(key)) return false;
		known.add(key);
		return true;
	});
	if (Object.keys(patch).length === 0 && added.length === 0) return false;
	for (const alias of added)
		db.insert(organizationAliases)
			.values({ organizationId: org.id, alias, normalized: normalizeName(alias) })
			.run();
	const after = db
		.update(organizations)
		.set({ ...patch, ...stamp(actor), version: sql`${organizations.version} + 1` })
		.where(eq(organizations.id, org.id))
		.returning()
		.get();
	const allAliases = [...aliases, ...added];
	indexOrganization(db, org.id, { ...after, aliases: allAliases });
	writeAudit(db, actor, {
		action: 'update',
		entityType: 'organization',
		entityId: org.id,
		before: { ...org, aliases },
		after: { ...after, aliases: allAliases },
		batchId
	});
	return true;
}

export function updateTie(
	db: Conn,
	tie: Tie,
	patch: Partial<Tie>,
	actor: Actor | null,
	batchId: number
): Tie {
	const after = db
		.update(ties)
		.set({ ...patch, ...stamp(actor), version: sql`${ties.version} + 1` })
		.where(eq(ties.id, tie.id))
		.returning()
		.get();
	writeAudit(db, actor, {
		action: 'update',
		entityType: 'tie',
		entityId: tie.id,
		before: tie,
		after,
		batchId
	});
	return after;
}

/** Same search text as a saved exchange: title, summaries, outcomes, place, topics, partners. */
export function reindexExchange(db: Conn, row: Exchange, partnerNames: string[]): void {
	indexRecord(db, 'exchange', row.id, row.titleKo, [
		row.titleEn,
		row.summaryKo,
		row.summaryEn,
		row.outcomes,
		row.location,
		row.topics.join(' '),
		partnerNames.join(' ')
	]);
}

export function updateExchange(
	db: Conn,
	exchange: Exchange,
	patch: Partial<Exchange>,
	partnerNames: string[],
	actor: Actor | null,
	batchId: number
): Exchange {
	const after = db
		.update(exchanges)
		.set({ ...patch, ...stamp(actor), version: sql`${exchanges.version} + 1` })
		.where(eq(exchanges.id, exchange.id))
		.returning()
		.get();
	reindexExchange(db, after, partnerNames);
	writeAudit(db, actor, {
		action: 'update',
		entityType: 'exchange',
		entityId: exchange.id,
		before: exchange,
		after,
		batchId
	});
	return after;
}
