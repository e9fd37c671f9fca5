/** Counterpart officials and contacts, with their organization and the exchanges they took part in. */
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import { exchangePeople, exchanges, organizations, people } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import type { Precision } from '$lib/dates';
import { indexRecord } from './search';
import { isLive } from './trash';
import type { Viewer } from './exchanges';
import { conflict, invalid, notFound, type WriteResult } from './write-result';

export interface PersonInput {
	nameKo: string;
	nameEn?: string | null;
	nameNative?: string | null;
	title?: string | null;
	organizationId?: number | null;
	email?: string | null;
	phone?: string | null;
	notes?: string | null;
}

export type Person = typeof people.$inferSelect;

export const PEOPLE_PAGE_SIZE = 50;

export interface PersonListRow {
	id: number;
	nameKo: string;
	nameEn: string | null;
	nameNative: string | null;
	title: string | null;
	organizationId: number | null;
	organizationKo: string | null;
	organizationEn: string | null;
}

export interface PeopleFilter {
	q?: string;
	organization?: number;
	page?: number;
}

/** LIKE pattern for a substring, with the user's % and _ taken literally. */
export function likeSubstring(q: string): string {
	return `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

function peopleWhere(f: PeopleFilter): SQL {
	const c: (SQL | undefined)[] = [isNull(people.deletedAt)];
	if (f.q) {
		const p = likeSubstring(f.q);
		c.push(
			sql`(${people.nameKo} LIKE ${p} ESCAPE '\\' OR ${people.nameEn} LIKE ${p} ESCAPE '\\' OR ${people.nameNative} LIKE ${p} ESCAPE '\\' OR ${people.title} LIKE ${p} ESCAPE '\\')`
		);
	}
	if (f.organization) c.push(eq(people.organizationId, f.organization));
	return and(...c)!;
}

export function listPeople(
	db: Conn,
	f: PeopleFilter,
	pageSize = PEOPLE_PAGE_SIZE
): { rows: PersonListRow[]; total: number; page: number; pageCount: number } {
	const where = peopleWhere(f);
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(people)
			.where(where)
			.get()?.n ?? 0;
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(f.page ?? 1, pageCount);
	const rows = db
		.select({
			id: people.id,
			nameKo: people.nameKo,
			nameEn: people.nameEn,
			nameNative: people.nameNative,
			title: people.title,
			organizationId: people.organizationId,
			organizationKo: organizations.nameKo,
			organizationEn: organizations.nameEn
		})
		.from(people)
		.leftJoin(organizations, eq(organizations.id, people.organizationId))
		.where(where)
		.orderBy(asc(people.nameKo), asc(people.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	return { rows, total, page, pageCount };
}

export function getPerson(db: Conn, id: number): Person | null {
	return db.select().from(people).where(eq(people.id, id)).get() ?? null;
}

export interface PersonDetail {
	person: Person;
	organization: { id: number; nameKo: string; nameEn: string | null; deleted: boolean } | null;
	exchanges: {
		id: number;
		titleKo: string;
		titleEn: string | null;
		type: string;
		datePrecision: Precision;
		dateStart: string;
		dateEnd: string;
		role: string;
	}[];
}

/** A live person with their organization and every exchange (visible to the viewer) they took part in. */
export function getPersonDetail(db: Conn, id: number, viewer: Viewer): PersonDetail | null {
	const person = getPerson(db, id);
	if (!person || person.deletedAt) return null;
	const org = person.organizationId
		? db
				.select({
					id: organizations.id,
					nameKo: organizations.nameKo,
					nameEn: organizations.nameEn,
					deletedAt: organizations.deletedAt
				})
				.from(organizations)
				.where(eq(organizations.id, person.organizationId))
				.get()
		: undefined;
	const rows = db
		.select({
			id: exchanges.id,
			titleKo: exchanges.titleKo,
			titleEn: exchanges.titleEn,
			type: exchanges.type,
			datePrecision: exchanges.datePrecision,
			dateStart: exchanges.dateStart,
			dateEnd: exchanges.dateEnd,
			role: exchangePeople.role
		})
		.from(exchangePeople)
		.innerJoin(exchanges, eq(exchanges.id, exchangePeople.exchangeId))
		.where(
			and(
				eq(exchangePeople.personId, id),
				isNull(exchanges.deletedAt),
				viewer.includeConfidential ? undefined : eq(exchanges.visibility, 'normal')
			)
		)
		.orderBy(desc(exchanges.dateStart), desc(exchanges.id))
		.all();
	return {
		person,
		organization: org
			? { id: org.id, nameKo: org.nameKo, nameEn: org.nameEn, deleted: !!org.deletedAt }
			: null,
		exchanges: rows
	};
}

function columns(input: PersonInput) {
	return {
		nameKo: input.nameKo.trim(),
		nameEn: input.nameEn ?? null,
		nameNative: input.nameNative ?? null,
		title: input.title ?? null,
		organizationId: input.organizationId ?? null,
		email: input.email ?? null,
		phone: input.phone ?? null,
		notes: input.notes ?? null
	};
}

function indexPerson(db: Conn, p: Person): void {
	indexRecord(db, 'person', p.id, p.nameKo, [p.nameEn, p.nameNative, p.title, p.notes]);
}

function checkOrganization(db: Conn, input: PersonInput) {
	return input.organizationId && !isLive(db, 'organization', input.organizationId)
		? invalid({ organizationId: 'partner_unknown' })
		: null;
}

export function createPerson(db: DB, input: PersonInput, actor: Actor): WriteResult<Person> {
	return db.transaction((tx) => {
		const bad = checkOrganization(tx, input);
		if (bad) return bad;
		const row = tx
			.insert(people)
			.values({ ...columns(input), createdBy: actor.id, updatedBy: actor.id })
			.returning()
			.get();
		indexPerson(tx, row);
		writeAudit(tx, actor, { action: 'create', entityType: 'person', entityId: row.id, after: row });
		return { ok: true, row };
	});
}

export function updatePerson(
	db: DB,
	id: number,
	input: PersonInput,
	version: number,
	actor: Actor
): WriteResult<Person> {
	return db.transaction((tx) => {
		const before = getPerson(tx, id);
		if (!before || before.deletedAt) return notFound;
		if (before.version !== version) return conflict(before.version);
		const bad = checkOrganization(tx, input);
		if (bad) return bad;
		const row = tx
			.update(people)
			.set({
				...columns(input),
				updatedAt: new Date().toISOString(),
				updatedBy: actor.id,
				version: sql`${people.version} + 1`
			})
			.where(and(eq(people.id, id), eq(people.version, version)))
			.returning()
			.get();
		indexPerson(tx, row);
		writeAudit(tx, actor, {
			action: 'update',
			entityType: 'person',
			entityId: id,
			before,
			after: row
		});
		return { ok: true, row };
	});
}

/** The stored person in the shape the form and schema take. */
export function personFormValues(p: Person) {
	const { nameKo, nameEn, nameNative, title, organizationId, email, phone, notes, version } = p;
	return { nameKo, nameEn, nameNative, title, organizationId, email, phone, notes, version };
}
