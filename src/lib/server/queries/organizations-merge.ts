/**
 * Merging two records of the same partner (산둥성 entered twice): every link of the duplicate
 * moves to the one kept, the names join, the duplicate goes to the trash, and the audit log
 * records what moved. Link tables have composite keys, so a link both already share is
 * dropped rather than duplicated.
 */
import { eq, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { organizations } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import {
	getOrganization,
	indexOrganization,
	listAliases,
	replaceAliases,
	type Organization
} from './organizations';
import { invalid, notFound, type WriteResult } from './write-result';

export interface MergeCounts {
	exchanges: number;
	agreements: number;
	ties: number;
	people: number;
	sourceLinks: number;
	attachments: number;
}

/** Columns of the kept record that take the duplicate's value when they are empty. */
const fillable = ['nameEn', 'nameNative', 'country', 'counterpartOffice', 'notes'] as const;

export function mergeOrganizations(
	db: DB,
	keepId: number,
	duplicateId: number,
	actor: Actor
): WriteResult<Organization & { moved: MergeCounts }> {
	if (keepId === duplicateId) return invalid({ mergeId: 'partner_merge_same' });
	return db.transaction((tx) => {
		const keep = getOrganization(tx, keepId);
		const dup = getOrganization(tx, duplicateId);
		if (!keep || keep.deletedAt) return notFound;
		if (!dup || dup.deletedAt) return invalid({ mergeId: 'partner_unknown' });
		const keepAliases = listAliases(tx, keepId);
		const dupAliases = listAliases(tx, duplicateId);
		const move = (table: string, column: string, extra = '') => {
			const t = sql.identifier(table);
			const c = sql.identifier(column);
			// OR IGNORE leaves behind the links the kept record already has; those are then dropped.
			const moved = tx.run(
				sql`UPDATE OR IGNORE ${t} SET ${c} = ${keepId} WHERE ${c} = ${duplicateId} ${sql.raw(extra)}`
			).changes;
			tx.run(sql`DELETE FROM ${t} WHERE ${c} = ${duplicateId} ${sql.raw(extra)}`);
			return moved;
		};
		const entity = "AND entity_type = 'organization'";
		const moved: MergeCounts = {
			exchanges: move('exchange_organizations', 'organization_id'),
			agreements: move('agreement_organizations', 'organization_id'),
			ties: move('ties', 'organization_id'),
			people: move('people', 'organization_id'),
			sourceLinks: move('source_links', 'entity_id', entity),
			attachments: move('attachments', 'entity_id', entity)
		};
		const filled = Object.fromEntries(
			fillable.filter((k) => !keep[k] && dup[k]).map((k) => [k, dup[k]])
		);
		const now = new Date().toISOString();
		const after = tx
			.update(organizations)
			.set({
				...filled,
				updatedAt: now,
				updatedBy: actor.id,
				version: sql`${organizations.version} + 1`
			})
			.where(eq(organizations.id, keepId))
			.returning()
			.get();
		const names = [...keepAliases, ...dupAliases];
		replaceAliases(tx, keepId, names);
		indexOrganization(tx, keepId, { ...after, aliases: names });
		const dupAfter = tx
			.update(organizations)
			.set({
				deletedAt: now,
				updatedAt: now,
				updatedBy: actor.id,
				version: sql`${organizations.version} + 1`
			})
			.where(eq(organizations.id, duplicateId))
			.returning()
			.get();
		writeAudit(tx, actor, {
			action: 'merge',
			entityType: 'organization',
			entityId: keepId,
			before: { ...keep, aliases: keepAliases },
			after: { ...after, aliases: listAliases(tx, keepId), mergedFrom: duplicateId, moved }
		});
		writeAudit(tx, actor, {
			action: 'delete',
			entityType: 'organization',
			entityId: duplicateId,
			before: { ...dup, aliases: dupAliases },
			after: { ...dupAfter, mergedInto: keepId }
		});
		return { ok: true, row: { ...after, moved } };
	});
}
