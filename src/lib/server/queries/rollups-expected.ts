/**
 * What every rollup row should hold, counted in plain code from the records, independently of
 * the SQL triggers that maintain them: `verifyRollups` compares the two.
 */
import { sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { closedAgreementStatuses } from '$lib/vocab';
import { bump } from './dashboard-tally';
import { anniversaryOf, MILESTONE_HORIZON } from './dashboard-anniversaries';
import type { Precision } from '$lib/dates';

interface Org {
	country: string | null;
	scope: string;
}

/** Country keys of a set of partners: ISO codes, INTL for international bodies, ?? for neither. */
function countryKeys(orgs: Org[]): Set<string> {
	const keys = new Set<string>();
	for (const o of orgs) {
		if (o.country) keys.add(o.country);
		if (o.scope === 'international') keys.add('INTL');
		if (!o.country && o.scope !== 'international') keys.add('??');
	}
	return keys;
}

/** The scopes a record counts in: all, each partner country, its type, mode and fields. */
function scopesOf(
	countries: Set<string>,
	type: string | null,
	mode: string | null,
	fields: Iterable<string>
): string[] {
	return [
		'*',
		...[...countries].filter((k) => k !== 'NONE' && k !== '??'),
		...(type ? [`t:${type}`] : []),
		...(mode ? [`m:${mode}`] : []),
		...[...fields].map((f) => `f:${f}`)
	];
}

/** Viewers count normal records; editors count every record. */
const audiencesOf = (visibility: string) =>
	visibility === 'normal' ? ['viewer', 'editor'] : ['editor'];

function group<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
	const m = new Map<K, T[]>();
	for (const r of rows) {
		const list = m.get(key(r));
		if (list) list.push(r);
		else m.set(key(r), [r]);
	}
	return m;
}

function expectedExchangeRollups(db: Conn, out: Map<string, number>): void {
	const exchanges = db.all<{
		id: number;
		visibility: string;
		date_precision: string;
		date_start: string;
		type: string;
		mode: string | null;
	}>(sql`SELECT id, visibility, date_precision, date_start, type, mode FROM exchanges
		WHERE status = 'held' AND deleted_at IS NULL`);
	const links = group(
		db.all<{ exchange_id: number; organization_id: number; country: string | null; scope: string }>(
			sql`SELECT eo.exchange_id, eo.organization_id, o.country, o.scope FROM exchange_organizations eo
			JOIN organizations o ON o.id = eo.organization_id WHERE eo.role IN ('partner', 'organizer')`
		),
		(r) => r.exchange_id
	);
	const fields = group(
		db.all<{ exchange_id: number; field: string }>(
			sql`SELECT exchange_id, field FROM exchange_fields`
		),
		(r) => r.exchange_id
	);
	for (const x of exchanges) {
		const orgs = links.get(x.id) ?? [];
		const countries = orgs.length ? countryKeys(orgs) : new Set(['NONE']);
		const y = Number(x.date_start.slice(0, 4));
		const m = x.date_precision === 'year' ? 0 : Number(x.date_start.slice(5, 7));
		const partners = new Set(orgs.map((o) => o.organization_id));
		const fieldSet = new Set((fields.get(x.id) ?? []).map((f) => f.field));
		for (const k of scopesOf(countries, x.type, x.mode, fieldSet))
			for (const audience of audiencesOf(x.visibility)) {
				const head = `${k}|${audience}`;
				for (const mm of [m, -1]) {
					bump(out, `dash_r_type|${head}|${y}|${mm}|${x.type}`, 1);
					bump(out, `dash_r_mode|${head}|${y}|${mm}|${x.mode ?? 'unknown'}`, 1);
				}
				for (const yy of [y, -1]) {
					for (const c of countries) bump(out, `dash_r_country|${head}|${yy}|${c}`, 1);
					for (const p of partners) bump(out, `dash_r_partner|${head}|${yy}|${p}`, 1);
					for (const f of fieldSet) bump(out, `dash_r_field|${head}|${yy}|${f}`, 1);
				}
			}
	}
}

/** The calendar day in Seoul of a UTC timestamp. */
const seoulDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3600e3).toISOString().slice(0, 10);

function expectedAgreementRollups(db: Conn, out: Map<string, number>): void {
	const agreements = db.all<{
		id: number;
		visibility: string;
		status: string;
		agreed_start: string | null;
		due_end: string | null;
		x_start: string | null;
		x_type: string | null;
		x_mode: string | null;
	}>(sql`SELECT a.id, a.visibility, a.status, a.agreed_start, a.due_end, x.date_start AS x_start,
		x.type AS x_type, x.mode AS x_mode
		FROM agreements a LEFT JOIN exchanges x ON x.id = a.exchange_id AND x.visibility = 'normal'
		WHERE a.deleted_at IS NULL`);
	const sourceDays = group(
		db.all<{ id: number; published_at: string | null }>(
			sql`SELECT sl.entity_id AS id, s.published_at FROM source_links sl JOIN sources s ON s.id = sl.source_id
			WHERE sl.entity_type = 'agreement'`
		),
		(r) => r.id
	);
	const orgs = group(
		db.all<{ agreement_id: number; country: string | null; scope: string }>(
			sql`SELECT ao.agreement_id, o.country, o.scope FROM agreement_organizations ao
			JOIN organizations o ON o.id = ao.organization_id`
		),
		(r) => r.agreement_id
	);
	const agreementFields = group(
		db.all<{ agreement_id: number; field: string }>(
			sql`SELECT agreement_id, field FROM agreement_fields`
		),
		(r) => r.agreement_id
	);
	const actions = group(
		db.all<{ agreement_id: number; done_at: string | null; due_date: string | null }>(
			sql`SELECT agreement_id, done_at, due_date FROM follow_ups WHERE deleted_at IS NULL`
		),
		(r) => r.agreement_id
	);
	for (const a of agreements) {
		const days = (sourceDays.get(a.id) ?? [])
			.filter((s) => s.published_at)
			.map((s) => seoulDay(s.published_at!))
			.sort();
		const date = a.agreed_start ?? a.x_start ?? days[0] ?? null;
		const y = date ? Number(date.slice(0, 4)) : 0;
		const open = !(closedAgreementStatuses as string[]).includes(a.status);
		const fields = (agreementFields.get(a.id) ?? []).map((f) => f.field);
		for (const k of scopesOf(countryKeys(orgs.get(a.id) ?? []), a.x_type, a.x_mode, fields))
			for (const audience of audiencesOf(a.visibility))
				for (const yy of [y, -1]) {
					const head = `${k}|${audience}|${yy}`;
					bump(out, `dash_r_state|${head}|agreement|${a.status}`, 1);
					if (open) bump(out, `dash_r_due|${head}|agreement|${a.due_end?.slice(0, 7) ?? ''}`, 1);
					for (const f of actions.get(a.id) ?? []) {
						bump(out, `dash_r_state|${head}|action|${f.done_at ? 'done' : 'open'}`, 1);
						if (!f.done_at)
							bump(out, `dash_r_due|${head}|action|${f.due_date?.slice(0, 7) ?? ''}`, 1);
					}
				}
	}
}

/** Ties per year, kind and partner scope; every milestone of the ties that have not ended. */
function expectedTieRollups(db: Conn, out: Map<string, number>): void {
	const ties = db.all<{
		id: number;
		organization_id: number;
		kind: string;
		status: string;
		date_precision: Precision | null;
		date_start: string;
		org_live: number;
		country: string | null;
		scope: string;
	}>(sql`SELECT t.id, t.organization_id, t.kind, t.status, t.date_precision, t.date_start,
		o.deleted_at IS NULL AS org_live, o.country, o.scope
		FROM ties t JOIN organizations o ON o.id = t.organization_id
		WHERE t.deleted_at IS NULL AND t.date_start IS NOT NULL`);
	for (const t of ties) {
		const since = Number(t.date_start.slice(0, 4));
		if (t.org_live) {
			const keys = ['*', ...(t.country ? [t.country] : [])];
			if (t.scope === 'international') keys.push('INTL');
			for (const k of keys) bump(out, `dash_r_tie|${k}|${since}|${t.kind}`, 1);
		}
		if (!t.org_live || t.status === 'ended' || !t.date_precision) continue;
		const partner = `${t.organization_id}|${t.country ?? ''}|${t.scope === 'international' ? 1 : 0}`;
		for (let years = 5; since + years <= MILESTONE_HORIZON; years += 5) {
			const a = anniversaryOf(t.date_precision, t.date_start, since + years);
			bump(out, `dash_tie_ms|${t.id}|${years}|${partner}|${a.start}|${a.end}`, 1);
		}
	}
}

/** Every rollup row as `table|key…` → n, counted from the records. */
export function expectedRollups(db: Conn): Map<string, number> {
	const out = new Map<string, number>();
	expectedExchangeRollups(db, out);
	expectedAgreementRollups(db, out);
	expectedTieRollups(db, out);
	return out;
}
