/**
 * One SQL condition for the shared exchange filter, used by lists, charts, the stats API and
 * briefings alike, so their numbers always agree.
 *
 * The period rule: a record is in a period when its first day is in it and, for month or year
 * precision, its whole interval lies inside it. An exchange dated only "2020" is in 2020, not
 * in November 2020; a visit on 2020-10-31~11-01 (day precision) counts in October.
 */
import { and, sql, type SQL } from 'drizzle-orm';
import type { ExchangeFilter } from '$lib/filters';
import { exchanges } from '../db/schema';

export interface Visibility {
	includeConfidential: boolean;
}

const inList = (values: (string | number)[]) =>
	sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	);

/** The period condition on any precision/start/end column triple. */
export function periodCondition(
	cols: {
		precision: SQL | typeof exchanges.datePrecision;
		start: SQL | typeof exchanges.dateStart;
		end: SQL | typeof exchanges.dateEnd;
	},
	from?: string,
	to?: string
): SQL | undefined {
	const parts: SQL[] = [];
	if (from) parts.push(sql`${cols.start} >= ${from}`);
	if (to)
		parts.push(
			sql`${cols.start} <= ${to}`,
			sql`(${cols.precision} = 'day' OR ${cols.end} <= ${to})`
		);
	return parts.length ? and(...parts) : undefined;
}

/** Counterparts: organisations linked as partner or organiser. */
const counterpartLink = sql`eo.exchange_id = ${exchanges.id} AND eo.role IN ('partner', 'organizer')`;

export function exchangeFilterWhere(f: ExchangeFilter, viewer: Visibility): SQL {
	const c: (SQL | undefined)[] = [sql`${exchanges.deletedAt} IS NULL`];
	if (!viewer.includeConfidential) c.push(sql`${exchanges.visibility} = 'normal'`);
	c.push(
		periodCondition(
			{ precision: exchanges.datePrecision, start: exchanges.dateStart, end: exchanges.dateEnd },
			f.from,
			f.to
		)
	);
	if (f.type?.length) c.push(sql`${exchanges.type} IN (${inList(f.type)})`);
	if (f.status?.length) c.push(sql`${exchanges.status} IN (${inList(f.status)})`);
	if (f.mode?.length) c.push(sql`${exchanges.mode} IN (${inList(f.mode)})`);
	if (f.precision?.length) c.push(sql`${exchanges.datePrecision} IN (${inList(f.precision)})`);
	if (f.department) c.push(sql`${exchanges.department} = ${f.department}`);
	if (f.field?.length)
		c.push(
			sql`EXISTS (SELECT 1 FROM exchange_fields ef WHERE ef.exchange_id = ${exchanges.id} AND ef.field IN (${inList(f.field)}))`
		);
	const ids = f.partner?.filter((p): p is number => p !== 'none') ?? [];
	const wantsNone = f.partner?.includes('none');
	if (ids.length || wantsNone) {
		const alternatives: SQL[] = [];
		if (ids.length)
			alternatives.push(
				sql`EXISTS (SELECT 1 FROM exchange_organizations eo WHERE ${counterpartLink} AND eo.organization_id IN (${inList(ids)}))`
			);
		if (wantsNone)
			alternatives.push(
				sql`NOT EXISTS (SELECT 1 FROM exchange_organizations eo WHERE ${counterpartLink})`
			);
		c.push(sql`(${sql.join(alternatives, sql` OR `)})`);
	}
	if (f.country?.length || f.scope?.length) {
		const orgConds: SQL[] = [];
		if (f.country?.length) {
			const codes = f.country.filter((x) => x !== 'INTL');
			const intl = f.country.includes('INTL');
			const opts: SQL[] = [];
			if (codes.length) opts.push(sql`o.country IN (${inList(codes)})`);
			if (intl) opts.push(sql`o.scope = 'international'`);
			orgConds.push(sql`(${sql.join(opts, sql` OR `)})`);
		}
		if (f.scope?.length) orgConds.push(sql`o.scope IN (${inList(f.scope)})`);
		c.push(
			sql`EXISTS (SELECT 1 FROM exchange_organizations eo JOIN organizations o ON o.id = eo.organization_id WHERE ${counterpartLink} AND ${sql.join(orgConds, sql` AND `)})`
		);
	}
	if (f.q) {
		// Trigram needs three characters; shorter queries match titles by substring instead.
		if ([...f.q].length >= 3)
			c.push(
				sql`${exchanges.id} IN (SELECT rowid / 8 FROM search_fts WHERE search_fts MATCH ${ftsPhrase(f.q)} AND rowid % 8 = 1)`
			);
		else
			c.push(
				sql`(${exchanges.titleKo} LIKE ${'%' + f.q + '%'} OR ${exchanges.titleEn} LIKE ${'%' + f.q + '%'})`
			);
	}
	return and(...c)!;
}

/** Quotes user text as one FTS5 phrase, so operators in it are taken literally. */
export function ftsPhrase(q: string): string {
	return `"${q.replace(/"/g, '""')}"`;
}
