import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db';
import { demoDb } from '../helpers/db';
import { importFixture } from '../helpers/import';

let db: DB;
const all = <T>(q: string, ...args: unknown[]) => db.$client.prepare(q).all(...args) as T[];
const one = <T>(q: string, ...args: unknown[]) => db.$client.prepare(q).get(...args) as T;

beforeEach(async () => {
	db = demoDb();
	await importFixture(db, 'partners-cp949.csv', 'partners');
});

describe('importing an exchange log', () => {
	it('creates the exchanges with type, dates, counts and their partners', async () => {
		const exchangesBefore = one<{ n: number }>('SELECT count(*) n FROM exchanges').n;
		const report = await importFixture(db, 'exchanges.csv', 'exchanges');
		expect(report.totals.rows).toMatchObject({ total: 5, create: 4, unchanged: 1, error: 0 });
		expect(one<{ n: number }>('SELECT count(*) n FROM exchanges').n).toBe(exchangesBefore + 4);
		const visit = one<Record<string, unknown>>(
			"SELECT * FROM exchanges WHERE title_ko = '가나가와현 의회 대표단 방한'"
		);
		expect(visit).toMatchObject({
			type: 'visit_inbound',
			date_precision: 'day',
			date_start: '2021-05-20',
			date_end: '2021-05-21',
			participants: 15,
			participants_approx: 1,
			status: 'held'
		});
		const video = one<Record<string, unknown>>(
			"SELECT * FROM exchanges WHERE date_start = '2021-03-15'"
		);
		expect(video).toMatchObject({
			type: 'video_conference',
			mode: 'online',
			participants: 12,
			participants_approx: 0
		});
		const forum = one<{ id: number; date_precision: string }>(
			"SELECT id, date_precision FROM exchanges WHERE title_ko = '동북아 지방정부 협력 포럼'"
		);
		expect(forum.date_precision).toBe('month');
		const partners = all<{ name_ko: string; role: string }>(
			'SELECT o.name_ko, eo.role FROM exchange_organizations eo JOIN organizations o ON o.id = eo.organization_id WHERE eo.exchange_id = ? ORDER BY o.name_ko',
			forum.id
		);
		// 산동성 in the sheet is the demo's 산둥성; 허베이성 too was known already.
		expect(partners).toEqual([
			{ name_ko: '산둥성', role: 'partner' },
			{ name_ko: '허베이성', role: 'partner' }
		]);
	});

	it('recognises the demo workshop by date, type and counterpart, and fills nothing it already has', async () => {
		const report = await importFixture(db, 'exchanges.csv', 'exchanges');
		const row = report.rows.find((r) => r.row === 6)!;
		expect(row.status).toBe('unchanged');
		expect(
			one<{ n: number }>(
				"SELECT count(*) n FROM exchanges WHERE type = 'workshop' AND date_start = '2019-09-06'"
			).n
		).toBe(1);
	});

	it('changes nothing when the log is imported again', async () => {
		await importFixture(db, 'exchanges.csv', 'exchanges');
		const again = await importFixture(db, 'exchanges.csv', 'exchanges');
		expect(again.totals.exchange).toEqual({ create: 0, update: 0, unchanged: 5 });
		expect(again.totals.organization.create).toBe(0);
		expect(again.totals.rows.unchanged).toBe(5);
	});

	it('fills an empty place and sharpens a month to a day on a later, more precise sheet', async () => {
		const coarse = Buffer.from('일자,유형,상대기관,국가\n2022.10,워크숍,메릴랜드주,미국\n');
		await importFixture(db, 'coarse.csv', 'exchanges', { bytes: coarse });
		const report = await importFixture(db, 'exchanges.csv', 'exchanges');
		expect(report.rows.find((r) => r.row === 4)!.status).toBe('update');
		const rows = all<{ date_start: string; date_precision: string; location: string }>(
			"SELECT date_start, date_precision, location FROM exchanges WHERE type = 'workshop' AND date_start LIKE '2022-10%'"
		);
		expect(rows).toEqual([
			{ date_start: '2022-10-04', date_precision: 'day', location: '판교 경기바이오센터' }
		]);
	});

	it('reports an unknown counterpart without a country, a bad date and a bad head count per row', async () => {
		const sheet = Buffer.from(
			'일자,유형,상대기관,참석인원\n2021.13.01,회의,산둥성,10\n2021.06.01,회의,아무개시,10\n2021.06.02,회의,산둥성,열명\n2030.01.15,포럼,산둥성,\n'
		);
		const report = await importFixture(db, 'bad.csv', 'exchanges', { bytes: sheet });
		expect(report.rows.map((r) => r.errors.map((e) => e.code))).toEqual([
			['import_err_date'],
			['import_err_partner_unknown'],
			['import_err_count'],
			[]
		]);
		expect(
			one<{ status: string }>("SELECT status FROM exchanges WHERE date_start = '2030-01-15'").status
		).toBe('planned');
	});
});
