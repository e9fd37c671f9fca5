/** Every dashboard aggregate against numbers counted by hand from tests/helpers/dashboard-fixture.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DB } from '../../src/lib/server/db';
import { dashboardStats } from '../../src/lib/server/queries/dashboard';
import { exchangeFilterWhere } from '../../src/lib/server/queries/exchange-filter';
import { verifyRollups } from '../../src/lib/server/queries/rollups';
import { parseExchangeFilter } from '../../src/lib/filters';
import { exchangesHref, type DashboardParams } from '../../src/lib/dashboard';
import type { DashboardStats } from '../../src/lib/dashboard-stats';
import { freshDb } from '../helpers/db';
import { buildFixture, trashFixture, TODAY, type Fixture } from '../helpers/dashboard-fixture';

let db: DB;
let fx: Fixture;
const viewer = { includeConfidential: false };
const editor = { includeConfidential: true };

beforeAll(() => {
	db = freshDb();
	fx = buildFixture(db);
	trashFixture(db, fx);
});

const stats = (p: Partial<DashboardParams>, who = viewer) =>
	dashboardStats(db, { filter: {}, ...p }, who, { today: TODAY, cache: false });
const year2021 = { from: '2021-01-01', to: '2021-12-31' };
const figure = (s: DashboardStats, key: string) => s.figures.find((f) => f.key === key)!;
const country = (s: DashboardStats) => Object.fromEntries(s.byCountry.map((r) => [r.key, r.n]));
const series = (t: DashboardStats['exchangesByType']) =>
	Object.fromEntries(
		t.buckets
			.map((b, j) => [b.key, t.counts.reduce((s, row) => s + row[j], 0)] as const)
			.filter(([, n]) => n > 0)
	);

describe('dashboard aggregates, 2021 (hand-counted)', () => {
	it('counts held, live, non-confidential exchanges once each for a viewer', () => {
		const s = stats(year2021);
		expect(figure(s, 'exchanges')).toEqual({ key: 'exchanges', value: 6, previous: 1 });
		expect(figure(s, 'partners').value).toBe(5);
		expect(figure(s, 'countries').value).toBe(2);
		expect(figure(s, 'online_share').value).toBeCloseTo(2 / 6);
	});

	it('counts the confidential exchange for an editor only', () => {
		const s = stats(year2021, editor);
		expect(figure(s, 'exchanges').value).toBe(7);
		expect(country(s).JP).toBe(2);
		expect(country(stats(year2021)).JP).toBe(1);
	});

	it('counts an exchange once per distinct country, with International, Unassigned and the home country', () => {
		expect(country(stats(year2021))).toEqual({ CN: 3, JP: 1, INTL: 1, NONE: 1, KR: 1 });
	});

	it('counts an exchange once per partner in the partner chart (presenters are not partners)', () => {
		const s = stats(year2021);
		expect(Object.fromEntries(s.topPartners.map((p) => [p.id, p.n]))).toEqual({
			[fx.org.A]: 3,
			[fx.org.B]: 1,
			[fx.org.C]: 1,
			[fx.org.U]: 1,
			[fx.org.D]: 1
		});
	});

	it('keeps a year-only exchange out of the month bars, in its own "month unknown" bar', () => {
		const s = stats({ ...year2021, granularity: 'month' });
		expect(series(s.exchangesByType)).toEqual({
			'2021-03': 2,
			'2021-05': 1,
			'2021-07': 1,
			'2021-10': 1,
			'2021-u': 1
		});
		expect(s.exchangesByType.buckets.at(-1)).toMatchObject({
			kind: 'unknown',
			unit: 'month',
			y: 2021
		});
	});

	it('places month-precision records in their quarter, year-only ones apart', () => {
		const s = stats({ ...year2021, granularity: 'quarter' });
		expect(series(s.exchangesByType)).toEqual({
			'2021-Q1': 2,
			'2021-Q2': 1,
			'2021-Q3': 1,
			'2021-Q4': 1,
			'2021-u': 1
		});
		expect(series(stats({ ...year2021, granularity: 'year' }).exchangesByType)).toEqual({
			'2021': 6
		});
	});

	it('applies the period rule to partial periods', () => {
		expect(figure(stats({ from: '2021-03-01', to: '2021-03-31' }), 'exchanges').value).toBe(2);
		expect(figure(stats({ from: '2021-07-01', to: '2021-07-31' }), 'exchanges').value).toBe(1);
		expect(figure(stats({ from: '2021-07-15', to: '2021-12-31' }), 'exchanges').value).toBe(1);
	});

	it('counts modes and fields', () => {
		const s = stats({ ...year2021, granularity: 'year' });
		const modes = Object.fromEntries(
			s.exchangesByMode.keys.map((k, i) => [k, s.exchangesByMode.counts[i][0]])
		);
		expect(modes).toEqual({ in_person: 3, online: 2, hybrid: 1 });
		expect(Object.fromEntries(s.byField.map((r) => [r.field, r.n]))).toEqual({
			tourism: 2,
			culture_arts: 1
		});
	});

	it('dates agreements by agreed-on date, else exchange, else the source article in Seoul', () => {
		const s = stats(year2021);
		expect(Object.fromEntries(s.agreementsByStatus.map((r) => [r.status, r.n]))).toEqual({
			agreed: 2,
			signed: 1,
			in_progress: 1
		});
		expect(figure(s, 'agreements').value).toBe(4);
		expect(figure(s, 'open').value).toBe(3);
		const s2022 = stats({ from: '2022-01-01', to: '2022-12-31' });
		expect(s2022.agreementsByStatus).toEqual([{ status: 'proposed', open: true, n: 1 }]);
		expect(figure(stats(year2021, editor), 'agreements').value).toBe(5);
	});

	it('finds overdue agreements and follow-ups relative to today in Seoul, this month included', () => {
		const s = stats(year2021);
		expect(s.followUps).toEqual([
			{ state: 'overdue', agreements: 2, actions: 1 },
			{ state: 'due', agreements: 1, actions: 1 },
			{ state: 'no_date', agreements: 0, actions: 0 },
			{ state: 'done', agreements: 1, actions: 1 }
		]);
		expect(figure(s, 'overdue').value).toBe(3);
		expect(s.overdue.map((o) => [o.item, o.dueEnd])).toEqual([
			['agreement', '2026-11-10'],
			['action', '2022-01-10'],
			['agreement', '2021-12-31']
		]);
	});

	it('lists anniversaries every 5 years at the tie date’s precision, in the period and 12 months after', () => {
		const s = stats(year2021);
		expect(s.anniversaries.map((a) => [a.organizationId, a.years, a.precision, a.start])).toEqual([
			[fx.org.D, 20, 'day', '2021-01-15'],
			[fx.org.A, 25, 'month', '2021-05-01'],
			[fx.org.C, 10, 'year', '2022-01-01']
		]);
	});

	it('charts ties per year by kind with the running total', () => {
		const t = stats(year2021).ties;
		expect(t.years[0]).toBe(1996);
		expect(t.years.at(-1)).toBe(2021);
		expect(t.cumulative.at(-1)).toBe(3);
		expect(t.cumulative[t.years.indexOf(2001)]).toBe(2);
	});

	it('lists the latest held exchanges, newest first', () => {
		expect(stats(year2021).latest.map((x) => x.id)).toEqual([
			fx.ex.domestic,
			fx.ex.monthOnly,
			fx.ex.twoCn,
			fx.ex.video,
			fx.ex.multi,
			fx.ex.yearOnly
		]);
	});

	it('gives the same numbers from the rollups and from the records, and the rollups equal a recount', () => {
		expect(verifyRollups(db)).toEqual([]);
		for (const p of [
			{},
			year2021,
			{ from: '2019-06-15', to: '2021-08-31' },
			{ filter: { country: ['CN'] } }
		]) {
			const fast = stats(p as Partial<DashboardParams>, editor);
			// A type filter listing every type selects the same exchanges but forces the record path.
			const slow = stats(
				{
					...p,
					filter: {
						...(p as DashboardParams).filter,
						type: [
							'meeting',
							'video_conference',
							'newsletter',
							'forum',
							'visit_inbound',
							'workshop'
						]
					}
				} as DashboardParams,
				editor
			);
			expect(fast.fromRollups).toBe(true);
			expect(slow.fromRollups).toBe(false);
			expect(fast.figures.slice(0, 4)).toEqual(slow.figures.slice(0, 4));
			expect(fast.byCountry).toEqual(slow.byCountry);
		}
	});

	it('links every bar to a list filter that selects exactly its exchanges', () => {
		const s = stats({ ...year2021, granularity: 'month' });
		const t = s.exchangesByType;
		for (const [i, key] of t.keys.entries())
			t.buckets.forEach((b, j) => {
				if (!t.counts[i][j]) return;
				const href = exchangesHref(s.filter, {
					from: b.from,
					to: b.to,
					type: [key],
					precision: b.kind === 'unknown' ? ['year'] : undefined
				});
				const f = parseExchangeFilter(new URL(href, 'http://x').searchParams);
				const n = db.get<{ n: number }>(
					sql`SELECT count(*) AS n FROM exchanges WHERE ${exchangeFilterWhere(f, viewer)}`
				)!.n;
				expect(n, `${b.key} ${key}`).toBe(t.counts[i][j]);
			});
	});
});
