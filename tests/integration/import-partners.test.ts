import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db';
import { findOrganizationByName } from '../../src/lib/server/queries/organizations';
import { demoDb, freshDb } from '../helpers/db';
import { importFixture } from '../helpers/import';

let db: DB;
const all = <T>(q: string, ...args: unknown[]) => db.$client.prepare(q).all(...args) as T[];
const one = <T>(q: string, ...args: unknown[]) => db.$client.prepare(q).get(...args) as T;
const count = (table: string) => one<{ n: number }>(`SELECT count(*) n FROM ${table}`).n;

interface TieRow {
	name_ko: string;
	country: string;
	kind: string;
	date_precision: string | null;
	date_start: string | null;
}
const tiesOf = (name: string) =>
	all<TieRow>(
		'SELECT o.name_ko, o.country, t.kind, t.date_precision, t.date_start FROM ties t JOIN organizations o ON o.id = t.organization_id WHERE o.name_ko = ? AND t.deleted_at IS NULL',
		name
	);

describe('importing a partner list into an empty database', () => {
	beforeEach(() => {
		db = freshDb();
	});

	it('creates each partner with its country, level and dated tie from a CP949 file', async () => {
		const report = await importFixture(db, 'partners-cp949.csv', 'partners');
		expect(report.totals.organization.create).toBe(8);
		expect(report.totals.tie.create).toBe(8);
		expect(report.totals.rows.error).toBe(0);
		expect(tiesOf('가나가와현')).toEqual([
			{
				name_ko: '가나가와현',
				country: 'JP',
				kind: 'sister',
				date_precision: 'day',
				date_start: '1990-04-24'
			}
		]);
		expect(tiesOf('메릴랜드주')[0]).toMatchObject({
			country: 'US',
			date_precision: 'year',
			date_start: '1997-01-01'
		});
		expect(tiesOf('동나이성')[0]).toMatchObject({
			country: 'VN',
			kind: 'friendship',
			date_precision: 'month'
		});
		expect(tiesOf('마하라슈트라주')[0]).toMatchObject({ country: 'IN', kind: 'mou' });
		expect(
			one<{ level: string; name_en: string }>(
				"SELECT level, name_en FROM organizations WHERE name_ko = '메릴랜드주'"
			)
		).toEqual({ level: 'state', name_en: 'State of Maryland' });
		// The English name is an alias too, so either spelling finds the partner later.
		expect(findOrganizationByName(db, 'Liaoning Province', 'CN')?.nameKo).toBe('랴오닝성');
	});

	it('writes nothing on a dry run, yet previews exactly what the import then does', async () => {
		const preview = await importFixture(db, 'partners-bom.csv', 'partners', { dryRun: true });
		expect(preview.batchId).toBeNull();
		expect(
			count('organizations') + count('ties') + count('import_batches') + count('audit_log')
		).toBe(0);
		const report = await importFixture(db, 'partners-bom.csv', 'partners');
		expect(report.totals).toEqual(preview.totals);
		expect(report.rows.map((r) => r.status)).toEqual(preview.rows.map((r) => r.status));
		expect(count('organizations')).toBe(6);
		expect(tiesOf('뉴사우스웨일스주')[0]).toMatchObject({
			kind: 'sister',
			date_start: '2009-12-11'
		});
		expect(tiesOf('파라나주')[0]).toMatchObject({
			date_precision: 'month',
			date_start: '2001-08-01'
		});
	});

	it('imports the merged-header XLSX, reading Date cells, serial days and a year in a date column', async () => {
		const report = await importFixture(db, 'partners-merged.xlsx', 'partners');
		expect(report.totals.rows).toMatchObject({ total: 5, create: 5, error: 0 });
		expect(tiesOf('랴오닝성')[0]).toMatchObject({ country: 'CN', date_start: '1993-10-04' });
		expect(tiesOf('허베이성')[0]).toMatchObject({ country: 'CN', date_precision: 'month' });
		expect(tiesOf('지린성')[0]).toMatchObject({
			country: 'CN',
			kind: 'sister',
			date_start: '2008-03-05'
		});
		expect(tiesOf('메릴랜드주')[0]).toMatchObject({
			date_precision: 'year',
			date_start: '1997-01-01'
		});
	});

	it('changes nothing when the same file is imported again', async () => {
		await importFixture(db, 'partners-cp949.csv', 'partners');
		const before = count('audit_log');
		const again = await importFixture(db, 'partners-cp949.csv', 'partners');
		const { organization, tie, rows } = again.totals;
		expect([organization.create, organization.update, tie.create, tie.update]).toEqual([
			0, 0, 0, 0
		]);
		expect(rows.unchanged).toBe(8);
		expect(count('organizations')).toBe(8);
		expect(count('ties')).toBe(8);
		// Only the batch's own row: no record got an audit entry.
		expect(count('audit_log') - before).toBe(1);
	});

	it('reports bad rows one by one and imports the good ones', async () => {
		const report = await importFixture(db, 'partners-bad-rows.csv', 'partners');
		const byRow = Object.fromEntries(report.rows.map((r) => [r.row, r]));
		expect(byRow[2].status).toBe('create');
		expect(byRow[3].errors).toEqual([
			{ field: 'nameKo', code: 'import_err_name_missing', value: undefined }
		]);
		expect(byRow[4].errors).toEqual([
			{ field: 'country', code: 'import_err_country_unknown', value: '아틀란티스' }
		]);
		expect(byRow[5].errors).toEqual([
			{ field: 'tieDate', code: 'import_err_date', value: '2020.02.30' }
		]);
		expect(byRow[6].errors[0]).toMatchObject({
			field: 'tieDate',
			code: 'import_err_date',
			value: '12명'
		});
		expect(byRow[7]).toMatchObject({
			status: 'create',
			warnings: [{ code: 'import_warn_kind_unknown' }]
		});
		expect(report.totals.rows).toMatchObject({ total: 6, create: 2, error: 4 });
		expect(all<{ name_ko: string }>('SELECT name_ko FROM organizations ORDER BY id')).toEqual([
			{ name_ko: '멕시코주' },
			{ name_ko: '세부주' }
		]);
	});

	it('imports only the home government’s rows from a sheet with a 자치단체 column', async () => {
		const report = await importFixture(db, 'partners-all-governments.csv', 'partners');
		const skipped = report.rows.filter((r) => r.status === 'skip');
		expect(skipped.map((r) => r.warnings[0].value)).toEqual([
			'서울특별시',
			'서울특별시',
			'경기도 수원시',
			'강원특별자치도'
		]);
		expect(report.totals.rows).toMatchObject({ total: 7, create: 3, skip: 4 });
		// The blank cell under 경기도 (a merged cell saved as CSV) and the short form 경기 count as home.
		expect(
			all<{ name_ko: string }>('SELECT name_ko FROM organizations ORDER BY id').map(
				(r) => r.name_ko
			)
		).toEqual(['메릴랜드주', '랴오닝성', '동나이성']);
	});

	it('tags every audit row of the batch with its id', async () => {
		const report = await importFixture(db, 'partners-cp949.csv', 'partners');
		const rows = all<{ entity_type: string; batch_id: number | null }>(
			'SELECT entity_type, batch_id FROM audit_log'
		);
		expect(rows).toHaveLength(1 + 16);
		expect(new Set(rows.map((r) => r.batch_id))).toEqual(new Set([report.batchId]));
	});
});

describe('importing into the demo records', () => {
	beforeEach(() => {
		db = demoDb();
	});

	it('matches partners through their aliases: 산동성 finds 산둥성', async () => {
		const report = await importFixture(db, 'partners-cp949.csv', 'partners');
		const row = report.rows.find((r) => r.label === '산동성')!;
		expect(row.actions[0]).toMatchObject({
			entity: 'organization',
			change: 'unchanged',
			label: '산둥성'
		});
		expect(
			one<{ n: number }>(
				"SELECT count(*) n FROM organizations WHERE name_ko IN ('산동성', '산둥성')"
			).n
		).toBe(1);
		expect(tiesOf('산둥성')[0]).toMatchObject({ kind: 'friendship', date_start: '2008-09-03' });
	});

	it('takes the more precise tie date: 1990 becomes 1990-04-24, and 1990 never undoes it', async () => {
		expect(tiesOf('가나가와현')).toEqual([
			{
				name_ko: '가나가와현',
				country: 'JP',
				kind: 'sister',
				date_precision: 'year',
				date_start: '1990-01-01'
			}
		]);
		const report = await importFixture(db, 'partners-cp949.csv', 'partners');
		const row = report.rows.find((r) => r.label === '가나가와현')!;
		expect(row.status).toBe('update');
		expect(row.actions.map((a) => [a.entity, a.change])).toEqual([
			['organization', 'unchanged'],
			['tie', 'update']
		]);
		expect(tiesOf('가나가와현')).toEqual([
			{
				name_ko: '가나가와현',
				country: 'JP',
				kind: 'sister',
				date_precision: 'day',
				date_start: '1990-04-24'
			}
		]);
		const version = one<{ version: number }>(
			"SELECT t.version FROM ties t JOIN organizations o ON o.id = t.organization_id WHERE o.name_ko = '가나가와현'"
		);
		expect(version.version).toBe(2);
		const coarser = Buffer.from('국가,교류지역,결연구분,결연일자\n일본,가나가와현,자매결연,1990\n');
		const again = await importFixture(db, 'coarser.csv', 'partners', { bytes: coarser });
		expect(again.rows[0].status).toBe('unchanged');
		expect(tiesOf('가나가와현')[0].date_start).toBe('1990-04-24');
	});

	it('keeps a tie of another kind or another date as its own row: friendship 2008, sister 2019', async () => {
		const sheet = Buffer.from(
			'국가,교류지역,결연구분,결연일자\n중국,산둥성,우호협력,2008\n중국,산둥성,자매결연,2019.05\n중국,산둥성,자매결연,2019.05.17\n'
		);
		const report = await importFixture(db, 'upgrade.csv', 'partners', { bytes: sheet });
		expect(report.rows.map((r) => r.status)).toEqual(['create', 'create', 'update']);
		expect(tiesOf('산둥성').map((t) => [t.kind, t.date_precision, t.date_start])).toEqual([
			['friendship', 'year', '2008-01-01'],
			['sister', 'day', '2019-05-17']
		]);
	});
});
