/** Sources (articles, documents) and every record made from them. */
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import {
	agreements,
	exchanges,
	organizations,
	people,
	sourceLinks,
	sources,
	ties
} from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { ftsPhrase } from './exchange-filter';
import { indexRecord } from './search';
import { insertSource, type Source, type SourceInput } from './sources-write';
import { likeSubstring } from './people';
import type { Viewer } from './exchanges';
import type { Precision } from '$lib/dates';
import { conflict, notFound, type WriteResult } from './write-result';

export const SOURCE_PAGE_SIZE = 50;

export interface SourceListRow {
	id: number;
	title: string;
	publisher: string | null;
	url: string | null;
	publishedAt: string | null;
	/** Records made from it. */
	linkCount: number;
}

export interface SourceFilter {
	q?: string;
	page?: number;
}

function sourcesWhere(f: SourceFilter): SQL {
	const c: (SQL | undefined)[] = [isNull(sources.deletedAt)];
	if (f.q) {
		const p = likeSubstring(f.q);
		const like = sql`${sources.title} LIKE ${p} ESCAPE '\\' OR ${sources.publisher} LIKE ${p} ESCAPE '\\' OR ${sources.url} LIKE ${p} ESCAPE '\\'`;
		// The article text is searched through the trigram index, which needs three characters.
		c.push(
			[...f.q].length >= 3
				? sql`(${like} OR ${sources.id} IN (SELECT rowid / 8 FROM search_fts WHERE search_fts MATCH ${ftsPhrase(f.q)} AND rowid % 8 = 4))`
				: sql`(${like})`
		);
	}
	return and(...c)!;
}

/** Links to records the viewer may see: a confidential one is not counted for a viewer. */
function visibleLinkCount(viewer: Viewer): SQL<number> {
	if (viewer.includeConfidential)
		return sql<number>`(SELECT count(*) FROM source_links sl WHERE sl.source_id = ${sources.id})`;
	return sql<number>`(SELECT count(*) FROM source_links sl WHERE sl.source_id = ${sources.id}
		AND NOT EXISTS (SELECT 1 FROM exchanges x WHERE sl.entity_type = 'exchange'
			AND x.id = sl.entity_id AND x.visibility <> 'normal')
		AND NOT EXISTS (SELECT 1 FROM agreements a WHERE sl.entity_type = 'agreement'
			AND a.id = sl.entity_id AND a.visibility <> 'normal'))`;
}

export function listSources(
	db: Conn,
	f: SourceFilter,
	pageSize = SOURCE_PAGE_SIZE,
	viewer: Viewer = { includeConfidential: false }
): { rows: SourceListRow[]; total: number; page: number; pageCount: number } {
	const where = sourcesWhere(f);
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(sources)
			.where(where)
			.get()?.n ?? 0;
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(f.page ?? 1, pageCount);
	const rows = db
		.select({
			id: sources.id,
			title: sources.title,
			publisher: sources.publisher,
			url: sources.url,
			publishedAt: sources.publishedAt,
			linkCount: visibleLinkCount(viewer)
		})
		.from(sources)
		.where(where)
		.orderBy(sql`${sources.publishedAt} IS NULL`, desc(sources.publishedAt), desc(sources.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	return { rows, total, page, pageCount };
}

export function getSource(db: Conn, id: number): Source | null {
	return db.select().from(sources).where(eq(sources.id, id)).get() ?? null;
}

export interface LinkedRecord {
	type: string;
	id: number;
	labelKo: string;
	labelEn: string | null;
	/** When it happened, for the records that have a date. */
	date: { precision: Precision | null; start: string; end: string | null } | null;
}

const dated = (r: { precision: Precision | null; start: string | null; end: string | null }) =>
	r.start ? { precision: r.precision, start: r.start, end: r.end } : null;

/** Every live record made from the source that the viewer may see, grouped by type. */
export function recordsFromSource(db: Conn, sourceId: number, viewer: Viewer): LinkedRecord[] {
	const links = db.select().from(sourceLinks).where(eq(sourceLinks.sourceId, sourceId)).all();
	const ids = (type: string) => links.filter((l) => l.entityType === type).map((l) => l.entityId);
	const out: LinkedRecord[] = [];
	const some = (type: string) => ids(type).length > 0;
	const hidden = (col: typeof exchanges.visibility | typeof agreements.visibility) =>
		viewer.includeConfidential ? undefined : eq(col, 'normal');
	if (some('exchange'))
		for (const r of db
			.select({
				id: exchanges.id,
				ko: exchanges.titleKo,
				en: exchanges.titleEn,
				precision: exchanges.datePrecision,
				start: exchanges.dateStart,
				end: exchanges.dateEnd
			})
			.from(exchanges)
			.where(
				and(
					inArray(exchanges.id, ids('exchange')),
					isNull(exchanges.deletedAt),
					hidden(exchanges.visibility)
				)
			)
			.all())
			out.push({ type: 'exchange', id: r.id, labelKo: r.ko, labelEn: r.en, date: dated(r) });
	if (some('agreement'))
		for (const r of db
			.select({
				id: agreements.id,
				ko: agreements.titleKo,
				en: agreements.titleEn,
				precision: agreements.agreedPrecision,
				start: agreements.agreedStart,
				end: agreements.agreedEnd
			})
			.from(agreements)
			.where(
				and(
					inArray(agreements.id, ids('agreement')),
					isNull(agreements.deletedAt),
					hidden(agreements.visibility)
				)
			)
			.all())
			out.push({ type: 'agreement', id: r.id, labelKo: r.ko, labelEn: r.en, date: dated(r) });
	if (some('organization'))
		for (const r of db
			.select({ id: organizations.id, ko: organizations.nameKo, en: organizations.nameEn })
			.from(organizations)
			.where(and(inArray(organizations.id, ids('organization')), isNull(organizations.deletedAt)))
			.all())
			out.push({ type: 'organization', id: r.id, labelKo: r.ko, labelEn: r.en, date: null });
	if (some('tie'))
		for (const r of db
			.select({
				id: ties.id,
				orgId: ties.organizationId,
				kind: ties.kind,
				ko: organizations.nameKo,
				en: organizations.nameEn,
				precision: ties.datePrecision,
				start: ties.dateStart,
				end: ties.dateEnd
			})
			.from(ties)
			.innerJoin(organizations, eq(organizations.id, ties.organizationId))
			.where(and(inArray(ties.id, ids('tie')), isNull(ties.deletedAt)))
			.all())
			out.push({ type: 'tie', id: r.orgId, labelKo: r.ko, labelEn: r.en, date: dated(r) });
	if (some('person'))
		for (const r of db
			.select({ id: people.id, ko: people.nameKo, en: people.nameEn })
			.from(people)
			.where(and(inArray(people.id, ids('person')), isNull(people.deletedAt)))
			.all())
			out.push({ type: 'person', id: r.id, labelKo: r.ko, labelEn: r.en, date: null });
	return out;
}

function columns(input: SourceInput) {
	return {
		title: input.title.trim(),
		publisher: input.publisher ?? null,
		url: input.url ?? null,
		publishedAt: input.publishedAt ?? null,
		body: input.body ?? null
	};
}

export function createSource(db: DB, input: SourceInput, actor: Actor): Source {
	return db.transaction((tx) => insertSource(tx, input, actor));
}

export function updateSource(
	db: DB,
	id: number,
	input: SourceInput,
	version: number,
	actor: Actor
): WriteResult<Source> {
	return db.transaction((tx) => {
		const before = getSource(tx, id);
		if (!before || before.deletedAt) return notFound;
		if (before.version !== version) return conflict(before.version);
		const row = tx
			.update(sources)
			.set({
				...columns(input),
				updatedAt: new Date().toISOString(),
				updatedBy: actor.id,
				version: sql`${sources.version} + 1`
			})
			.where(and(eq(sources.id, id), eq(sources.version, version)))
			.returning()
			.get();
		indexRecord(tx, 'source', id, row.title, [row.publisher, row.body]);
		// The article text can be long; the log keeps its length, the record keeps the text.
		const brief = (x: Source) => ({ ...x, body: undefined, bodyChars: x.body?.length ?? 0 });
		writeAudit(tx, actor, {
			action: 'update',
			entityType: 'source',
			entityId: id,
			before: brief(before),
			after: brief(row)
		});
		return { ok: true, row };
	});
}

export function sourceFormValues(s: Source) {
	const { title, publisher, url, publishedAt, body, version } = s;
	return { title, publisher, url, publishedAt, body, version };
}
