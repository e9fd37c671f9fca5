/** Ranked rows for the dashboard's bar charts and tables, with the names they show. */
import { sql } from 'drizzle-orm';
import type { Conn } from '../db';
import type {
	CountryRow,
	FieldRow,
	FilterChoices,
	FollowUpRow,
	MapRow,
	PartnerRow,
	StatusRow
} from '$lib/dashboard-stats';
import { agreementStatuses, closedAgreementStatuses } from '$lib/vocab';
import { countryName, countryNumeric } from '../country-names';
import type { AgreementTally } from './dashboard-tally';
import { ranked } from './dashboard-series';

const iso = (k: string) => /^[A-Z]{2}$/.test(k);

export function countryRows(tally: Map<string, number>): CountryRow[] {
	return ranked(tally).map(([key, n]) => ({
		key,
		nameKo: iso(key) ? countryName(key, 'ko') : '',
		nameEn: iso(key) ? countryName(key, 'en') : '',
		n
	}));
}

/** The top partners' rows, with their names. */
export function partnerRows(db: Conn, top: [number, number][]): PartnerRow[] {
	if (!top.length) return [];
	const names = new Map(
		db
			.all<{ id: number; name_ko: string; name_en: string | null; country: string | null }>(
				sql`SELECT id, name_ko, name_en, country FROM organizations
				WHERE id IN (SELECT value FROM json_each(${JSON.stringify(top.map(([id]) => id))}))`
			)
			.map((r) => [r.id, r])
	);
	return top.map(([id, n]) => {
		const o = names.get(id);
		return {
			id,
			nameKo: o?.name_ko ?? `#${id}`,
			nameEn: o?.name_en ?? null,
			country: o?.country ?? null,
			n
		};
	});
}

/** Partners engaged per foreign country, from every partner's count. */
export function countPartnerCountries(
	db: Conn,
	tally: Map<number, number>,
	home: string
): [string, number][] {
	const ids = [...tally].filter(([, n]) => n > 0).map(([id]) => id);
	if (!ids.length) return [];
	return db
		.all<{ country: string; n: number }>(
			sql`SELECT country, count(*) AS n FROM organizations
			WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
				AND country IS NOT NULL AND country <> ${home}
			GROUP BY country ORDER BY n DESC, country`
		)
		.map((r) => [r.country, r.n]);
}

/** The world map's rows: partners per country with the shapes' ids and names. */
export function partnersMap(byCountry: [string, number][]): MapRow[] {
	return byCountry.map(([country, partners]) => ({
		country,
		numeric: countryNumeric(country),
		nameKo: countryName(country, 'ko'),
		nameEn: countryName(country, 'en'),
		partners
	}));
}

export function fieldRows(tally: Map<string, number>): FieldRow[] {
	return ranked(tally).map(([field, n]) => ({ field, n }));
}

const closed = closedAgreementStatuses as string[];

export function agreementRows(t: AgreementTally): StatusRow[] {
	const known = agreementStatuses as readonly string[];
	const order = [...known, ...[...t.status.keys()].filter((s) => !known.includes(s)).sort()];
	return order
		.filter((status) => (t.status.get(status) ?? 0) > 0)
		.map((status) => ({ status, open: !closed.includes(status), n: t.status.get(status)! }));
}

export function followUpRows(t: AgreementTally): FollowUpRow[] {
	const closedAgreements = closed.reduce((s, st) => s + (t.status.get(st) ?? 0), 0);
	return [
		{ state: 'overdue', agreements: t.agreements.overdue, actions: t.actions.overdue },
		{ state: 'due', agreements: t.agreements.due, actions: t.actions.due },
		{ state: 'no_date', agreements: t.agreements.none, actions: t.actions.none },
		{ state: 'done', agreements: closedAgreements, actions: t.actions.done }
	];
}

/** What the filter form offers: partner countries, and the view's top partners plus any chosen. */
export function filterChoices(db: Conn, partnerIds: number[]): FilterChoices {
	const countries = db
		.all<{ country: string }>(
			sql`SELECT DISTINCT country FROM organizations WHERE country IS NOT NULL AND deleted_at IS NULL ORDER BY country`
		)
		.map((r) => ({
			code: r.country,
			nameKo: countryName(r.country, 'ko'),
			nameEn: countryName(r.country, 'en')
		}));
	const partners = partnerIds.length
		? db.all<{ id: number; nameKo: string; nameEn: string | null }>(
				sql`SELECT id, name_ko AS nameKo, name_en AS nameEn FROM organizations
				WHERE id IN (SELECT value FROM json_each(${JSON.stringify(partnerIds)})) ORDER BY name_ko`
			)
		: [];
	return { countries, partners };
}
