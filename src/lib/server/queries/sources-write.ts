import { and, eq, isNull } from 'drizzle-orm';
import type { Conn } from '../db';
import { sourceLinks, sources } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { indexRecord } from './search';

export interface SourceInput {
	title: string;
	publisher?: string | null;
	url?: string | null;
	publishedAt?: string | null;
	body?: string | null;
}

export type Source = typeof sources.$inferSelect;

export function insertSource(
	db: Conn,
	input: SourceInput,
	actor: Actor | null,
	batchId?: number | null
): Source {
	const row = db
		.insert(sources)
		.values({
			title: input.title.trim(),
			publisher: input.publisher ?? null,
			url: input.url ?? null,
			publishedAt: input.publishedAt ?? null,
			body: input.body ?? null,
			createdBy: actor?.id ?? null,
			updatedBy: actor?.id ?? null
		})
		.returning()
		.get();
	indexRecord(db, 'source', row.id, row.title, [row.publisher, row.body]);
	writeAudit(db, actor, {
		action: 'create',
		entityType: 'source',
		entityId: row.id,
		after: { ...row, body: undefined },
		batchId
	});
	return row;
}

export function findSourceByUrl(db: Conn, url: string): Source | null {
	return (
		db
			.select()
			.from(sources)
			.where(and(eq(sources.url, url), isNull(sources.deletedAt)))
			.get() ?? null
	);
}

/** Records that `entityType #entityId` was made from this source (provenance). */
export function linkSource(db: Conn, sourceId: number, entityType: string, entityId: number): void {
	db.insert(sourceLinks).values({ sourceId, entityType, entityId }).onConflictDoNothing().run();
}
