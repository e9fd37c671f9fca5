import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DB } from '../../src/lib/server/db';
import { loadDemoData } from '../../src/lib/server/demo/load-demo';
import { findOrganizationByName } from '../../src/lib/server/queries/organizations';
import { demoDb } from '../helpers/db';
import seed from '../fixtures/seed-records.json' with { type: 'json' };

let db: DB;
beforeAll(() => {
	db = demoDb();
});

const all = <T>(q: string) => db.$client.prepare(q).all() as T[];
const one = <T>(q: string) => db.$client.prepare(q).get() as T;

describe('demo data', () => {
	it('loads exactly the records of seed-records.json', () => {
		expect(one<{ n: number }>('SELECT count(*) n FROM organizations').n).toBe(
			seed.organizations.length
		);
		expect(one<{ n: number }>('SELECT count(*) n FROM exchanges').n).toBe(seed.exchanges.length);
		expect(one<{ n: number }>('SELECT count(*) n FROM agreements').n).toBe(seed.agreements.length);
		expect(one<{ n: number }>('SELECT count(*) n FROM sources').n).toBe(2);
		expect(one<{ n: number }>("SELECT count(*) n FROM exchanges WHERE status = 'held'").n).toBe(8);
	});

	it('has five video conferences on the dates the article gives', () => {
		const dates = all<{ date_start: string }>(
			"SELECT date_start FROM exchanges WHERE type = 'video_conference' ORDER BY date_start"
		).map((r) => r.date_start);
		expect(dates).toEqual(['2020-09-21', '2020-10-13', '2020-11-04', '2020-11-04', '2020-12-01']);
	});

	it('has the 2019-09-06 workshop with about 80 participants, organised by MOTIE', () => {
		const w = one<{
			participants: number;
			participants_approx: number;
			date_precision: string;
			location: string;
			id: number;
		}>("SELECT * FROM exchanges WHERE type = 'workshop'");
		expect(w).toMatchObject({
			participants: 80,
			participants_approx: 1,
			date_precision: 'day',
			location: '정부세종컨벤션센터'
		});
		const roles = all<{ name_ko: string; role: string }>(
			`SELECT o.name_ko, eo.role FROM exchange_organizations eo JOIN organizations o ON o.id = eo.organization_id WHERE eo.exchange_id = ${w.id} ORDER BY o.name_ko`
		);
		expect(roles).toContainEqual({ name_ko: '산업통상자원부', role: 'organizer' });
		expect(roles).toContainEqual({ name_ko: '대한무역투자진흥공사', role: 'participant' });
		expect(roles.filter((r) => r.role === 'presenter')).toHaveLength(3);
	});

	it("records Kanagawa's sister tie since 1990 at year precision, and no tie for Chongqing", () => {
		const t = all<{
			name_ko: string;
			kind: string;
			date_precision: string;
			date_start: string;
			date_end: string;
		}>(
			'SELECT o.name_ko, t.kind, t.date_precision, t.date_start, t.date_end FROM ties t JOIN organizations o ON o.id = t.organization_id'
		);
		expect(t).toEqual([
			{
				name_ko: '가나가와현',
				kind: 'sister',
				date_precision: 'year',
				date_start: '1990-01-01',
				date_end: '1990-12-31'
			}
		]);
	});

	it('spreads the two 2020 newsletters over the whole year', () => {
		const n = all<{
			date_precision: string;
			date_start: string;
			date_end: string;
			recipients: number;
			recipients_approx: number;
		}>("SELECT * FROM exchanges WHERE type = 'newsletter' ORDER BY recipients");
		expect(
			n.map((r) => [r.date_precision, r.date_start, r.date_end, r.recipients, r.recipients_approx])
		).toEqual([
			['year', '2020-01-01', '2020-12-31', 43, 0],
			['year', '2020-01-01', '2020-12-31', 150, 1]
		]);
	});

	it('proposes a title from type and partner when the article gives none', () => {
		const titles = all<{ title_ko: string }>(
			"SELECT title_ko FROM exchanges WHERE date_start = '2020-09-21'"
		);
		expect(titles).toEqual([{ title_ko: '경기도–허베이성 화상회의' }]);
	});

	it("keeps Kanagawa's postponement in the commitment's history", () => {
		const a = one<{
			id: number;
			status: string;
			due_start: string;
			due_precision: string;
			exchange_id: number | null;
		}>("SELECT * FROM agreements WHERE title_ko LIKE '자매결연 30주년%'");
		expect(a).toMatchObject({
			status: 'postponed',
			due_start: '2021-01-01',
			due_precision: 'year'
		});
		expect(a.exchange_id).not.toBeNull();
		const h = all<{ status: string; changed_on: string; due_from: string; due_to: string }>(
			`SELECT status, changed_on, due_from, due_to FROM agreement_status_history WHERE agreement_id = ${a.id}`
		);
		expect(h).toEqual([
			{ status: 'postponed', changed_on: '2020-11-04', due_from: '2020', due_to: '2021' }
		]);
	});

	it('links agreements to the exchange of their date with the same partner', () => {
		const rows = all<{ title_ko: string; date_start: string | null }>(
			"SELECT a.title_ko, e.date_start FROM agreements a LEFT JOIN exchanges e ON e.id = a.exchange_id WHERE a.title_ko = '교류협력회의 정기 개최' ORDER BY e.date_start"
		);
		expect(rows.map((r) => r.date_start)).toEqual(['2020-09-21', '2020-11-04']);
	});

	it('links every exchange and agreement to its article', () => {
		const unlinked = one<{ n: number }>(
			"SELECT count(*) n FROM exchanges e WHERE NOT EXISTS (SELECT 1 FROM source_links s WHERE s.entity_type = 'exchange' AND s.entity_id = e.id)"
		);
		expect(unlinked.n).toBe(0);
		const agreementsLinked = one<{ n: number }>(
			"SELECT count(*) n FROM source_links WHERE entity_type = 'agreement'"
		);
		expect(agreementsLinked.n).toBe(seed.agreements.length);
	});

	it('finds a partner by any alias in any script', () => {
		for (const name of ['산둥성', '산동성', '山東省', '山东省', 'shandong', 'Shandong Province'])
			expect(findOrganizationByName(db, name)?.nameKo).toBe('산둥성');
		expect(findOrganizationByName(db, '길림성')?.nameKo).toBe('지린성');
	});

	it('stores the home government in settings, not as a partner', () => {
		expect(
			one<{ n: number }>("SELECT count(*) n FROM organizations WHERE name_ko = '경기도'").n
		).toBe(0);
		const home = one<{ value: string }>("SELECT value FROM settings WHERE key = 'home'");
		expect(JSON.parse(home.value)).toMatchObject({ nameKo: '경기도', country: 'KR' });
	});

	it('never loads twice', () => {
		expect(loadDemoData(db)).toBe(false);
		expect(db.get<{ n: number }>(sql`SELECT count(*) n FROM exchanges`).n).toBe(
			seed.exchanges.length
		);
	});
});
