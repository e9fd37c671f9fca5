/**
 * The exchanges behind a briefing, selected exactly as the dashboard counts them: held, live
 * exchanges through `heldWhere` (the shared exchange filter plus status = held). Agreements
 * and partners are in briefing-records.ts.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { organizations } from '../db/schema';
import type { ExchangeFilter } from '$lib/filters';
import type { Precision } from '$lib/dates';
import type { Visibility } from './exchange-filter';
import { heldWhere } from './dashboard-tally';

export interface BriefingPartner {
	id: number;
	nameKo: string;
	nameEn: string | null;
	nameNative: string | null;
	country: string | null;
	scope: string;
}

export interface BriefingExchange {
	id: number;
	type: string;
	status: string;
	titleKo: string;
	titleEn: string | null;
	summaryKo: string | null;
	summaryEn: string | null;
	datePrecision: Precision;
	dateStart: string;
	dateEnd: string;
	mode: string | null;
	location: string | null;
	participants: number | null;
	participantsApprox: boolean;
	department: string | null;
	partners: BriefingPartner[];
	fields: string[];
}

/** How many exchanges the briefing lists: the dashboard's "exchanges" figure for the filter. */
export function countBriefingExchanges(db: Conn, f: ExchangeFilter, viewer: Visibility): number {
	return (
		db.get<{ n: number }>(sql`SELECT count(*) AS n FROM exchanges WHERE ${heldWhere(f, viewer)}`)
			?.n ?? 0
	);
}

interface ExchangeRowSql {
	id: number;
	type: string;
	status: string;
	title_ko: string;
	title_en: string | null;
	summary_ko: string | null;
	summary_en: string | null;
	date_precision: Precision;
	date_start: string;
	date_end: string;
	mode: string | null;
	location: string | null;
	participants: number | null;
	participants_approx: number;
	department: string | null;
	partners_json: string;
	fields_json: string;
}

/**
 * Every exchange of the briefing, oldest first, in batches: 100,000 rows stream into a
 * spreadsheet without being held in memory at once. Plain SQL with each row's counterparts
 * (partner or organiser, by name) and fields as JSON: one query per batch, no mapping layer.
 */
export function* briefingExchangeBatches(
	db: Conn,
	f: ExchangeFilter,
	viewer: Visibility,
	batchSize = 2000
): Generator<BriefingExchange[]> {
	let after: { start: string; id: number } | null = null;
	for (;;) {
		const rows: ExchangeRowSql[] = db.all<ExchangeRowSql>(
			sql`SELECT "exchanges"."id" AS id, type, status, title_ko, title_en, summary_ko, summary_en,
				date_precision, date_start, date_end, mode, location, participants, participants_approx,
				department,
				(SELECT json_group_array(json_array(p.id, p.name_ko, p.name_en, p.name_native, p.country, p.scope))
					FROM (SELECT DISTINCT o.id, o.name_ko, o.name_en, o.name_native, o.country, o.scope
						FROM exchange_organizations eo JOIN organizations o ON o.id = eo.organization_id
						WHERE eo.exchange_id = "exchanges"."id" AND eo.role IN ('partner', 'organizer')
						ORDER BY o.name_ko) p) AS partners_json,
				(SELECT json_group_array(field) FROM exchange_fields ef
					WHERE ef.exchange_id = "exchanges"."id") AS fields_json
			FROM exchanges
			WHERE ${heldWhere(f, viewer)}${
				after
					? sql` AND ("exchanges"."date_start", "exchanges"."id") > (${after.start}, ${after.id})`
					: sql``
			}
			ORDER BY "exchanges"."date_start", "exchanges"."id" LIMIT ${batchSize}`
		);
		if (!rows.length) return;
		yield rows.map(toBriefingExchange);
		const last: ExchangeRowSql = rows[rows.length - 1];
		after = { start: last.date_start, id: last.id };
		if (rows.length < batchSize) return;
	}
}

type PartnerTuple = [number, string, string | null, string | null, string | null, string];

function toBriefingExchange(r: ExchangeRowSql): BriefingExchange {
	return {
		id: r.id,
		type: r.type,
		status: r.status,
		titleKo: r.title_ko,
		titleEn: r.title_en,
		summaryKo: r.summary_ko,
		summaryEn: r.summary_en,
		datePrecision: r.date_precision,
		dateStart: r.date_start,
		dateEnd: r.date_end,
		mode: r.mode,
		location: r.location,
		participants: r.participants,
		participantsApprox: !!r.participants_approx,
		department: r.department,
		partners: (JSON.parse(r.partners_json) as PartnerTuple[]).map(
			([id, nameKo, nameEn, nameNative, country, scope]) => ({
				id,
				nameKo,
				nameEn,
				nameNative,
				country,
				scope
			})
		),
		fields: JSON.parse(r.fields_json) as string[]
	};
}

/** Names of the given organisations (deleted ones too: a filter may still name them). */
export function organizationNames(db: Conn, ids: number[]): Map<number, BriefingPartner> {
	if (!ids.length) return new Map();
	return new Map(
		db
			.select({
				id: organizations.id,
				nameKo: organizations.nameKo,
				nameEn: organizations.nameEn,
				nameNative: organizations.nameNative,
				country: organizations.country,
				scope: organizations.scope
			})
			.from(organizations)
			.where(inArray(organizations.id, ids))
			.all()
			.map((o) => [o.id, o])
	);
}
