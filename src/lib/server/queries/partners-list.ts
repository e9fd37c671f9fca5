/**
 * The partner list: search over every name and alias in any script (산동성 finds 산둥성),
 * filters by country, scope and tie kind, sorting and page numbers (partners are a few
 * thousand at most, so an exact total is cheap here, unlike exchanges).
 */
import { and, asc, desc, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '../db';
import { organizations, ties } from '../db/schema';
import { normalizeName } from '$lib/normalize';
import type { PartnerFilter } from '$lib/partner-filter';
import type { Viewer } from './exchanges';
import type { Precision } from '$lib/dates';

export const PARTNER_PAGE_SIZE = 50;

export interface PartnerListRow {
	id: number;
	nameKo: string;
	nameEn: string | null;
	nameNative: string | null;
	country: string | null;
	scope: 'foreign' | 'domestic' | 'international';
	level: string;
	/** Kinds of its current (not ended) ties. */
	tieKinds: string[];
	/** Exchanges the viewer may see. */
	exchangeCount: number;
	/** The latest of them, as a dated value. */
	lastExchange: { precision: Precision; start: string; end: string } | null;
}

export interface PartnerPage {
	rows: PartnerListRow[];
	total: number;
	page: number;
	pageCount: number;
}

const inList = (values: string[]) =>
	sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	);

function filterWhere(f: PartnerFilter): SQL {
	const c: (SQL | undefined)[] = [isNull(organizations.deletedAt)];
	const norm = f.q ? normalizeName(f.q) : '';
	if (norm)
		c.push(
			sql`${organizations.id} IN (SELECT organization_id FROM organization_aliases WHERE normalized LIKE ${'%' + norm + '%'})`
		);
	if (f.country?.length) {
		const codes = f.country.filter((x) => x !== 'INTL');
		const opts: SQL[] = [];
		if (codes.length) opts.push(sql`${organizations.country} IN (${inList(codes)})`);
		if (f.country.includes('INTL')) opts.push(sql`${organizations.scope} = 'international'`);
		c.push(sql`(${sql.join(opts, sql` OR `)})`);
	}
	if (f.scope?.length) c.push(sql`${organizations.scope} IN (${inList(f.scope)})`);
	if (f.tie?.length) {
		const kinds = f.tie.filter((t) => t !== 'none');
		const live = sql`t.organization_id = ${organizations.id} AND t.deleted_at IS NULL AND t.status != 'ended'`;
		const opts: SQL[] = [];
		if (kinds.length)
			opts.push(sql`EXISTS (SELECT 1 FROM ties t WHERE ${live} AND t.kind IN (${inList(kinds)}))`);
		if (f.tie.includes('none')) opts.push(sql`NOT EXISTS (SELECT 1 FROM ties t WHERE ${live})`);
		c.push(sql`(${sql.join(opts, sql` OR `)})`);
	}
	return and(...c)!;
}

function exchangeStats(viewer: Viewer) {
	const visible = viewer.includeConfidential ? sql`` : sql`AND e.visibility = 'normal'`;
	const from = sql`FROM exchange_organizations eo JOIN exchanges e ON e.id = eo.exchange_id
		WHERE eo.organization_id = ${organizations.id} AND e.deleted_at IS NULL ${visible}`;
	return {
		exchangeCount: sql<number>`(SELECT count(DISTINCT e.id) ${from})`,
		// Start first, so the value sorts by date; the precision says how to show it.
		lastExchange: sql<
			string | null
		>`(SELECT e.date_start || '|' || e.date_precision || '|' || e.date_end ${from} ORDER BY e.date_start DESC LIMIT 1)`
	};
}

function orderBy(sort: PartnerFilter['sort'], locale: string): SQL[] {
	const name =
		locale === 'en'
			? sql`coalesce(${organizations.nameEn}, ${organizations.nameKo}) COLLATE NOCASE`
			: sql`${organizations.nameKo}`;
	switch (sort) {
		case 'country':
			return [sql`${organizations.country} IS NULL`, asc(organizations.country), name];
		case 'exchanges':
			return [desc(sql`exchange_count`), name];
		case 'recent':
			return [sql`last_exchange IS NULL`, desc(sql`last_exchange`), name];
		default:
			return [name];
	}
}

/** One page of live partners matching the filter, with the viewer's exchange counts. */
export function listPartners(
	db: Conn,
	f: PartnerFilter,
	viewer: Viewer,
	opts: { locale?: string; pageSize?: number } = {}
): PartnerPage {
	const pageSize = opts.pageSize ?? PARTNER_PAGE_SIZE;
	const where = filterWhere(f);
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(organizations)
			.where(where)
			.get()?.n ?? 0;
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(f.page ?? 1, pageCount);
	const stats = exchangeStats(viewer);
	const orgs = db
		.select({
			id: organizations.id,
			nameKo: organizations.nameKo,
			nameEn: organizations.nameEn,
			nameNative: organizations.nameNative,
			country: organizations.country,
			scope: organizations.scope,
			level: organizations.level,
			exchangeCount: sql<number>`${stats.exchangeCount}`.as('exchange_count'),
			lastExchange: sql<string | null>`${stats.lastExchange}`.as('last_exchange')
		})
		.from(organizations)
		.where(where)
		.orderBy(...orderBy(f.sort, opts.locale ?? 'ko'), asc(organizations.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	const rows = orgs.map(({ lastExchange, ...o }) => {
		const [start, precision, end] = lastExchange?.split('|') ?? [];
		return {
			...o,
			lastExchange: start ? { start, end, precision: precision as Precision } : null
		};
	});
	return { rows: withTieKinds(db, rows), total, page, pageCount };
}

function withTieKinds<T extends { id: number }>(
	db: Conn,
	rows: T[]
): (T & { tieKinds: string[] })[] {
	const ids = rows.map((r) => r.id);
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
	return rows.map((r) => ({
		...r,
		tieKinds: [...new Set(tieRows.filter((t) => t.organizationId === r.id).map((t) => t.kind))]
	}));
}
