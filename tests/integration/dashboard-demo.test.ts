/** The dashboard on the demo records of the two source articles. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db';
import { dashboardStats } from '../../src/lib/server/queries/dashboard';
import { verifyRollups } from '../../src/lib/server/queries/rollups';
import { demoDb } from '../helpers/db';

let db: DB;
beforeAll(() => {
	db = demoDb();
});
const viewer = { includeConfidential: false };

describe('dashboard on the demo data', () => {
	it('opens on 2020, the latest year with held exchanges, and says so', () => {
		const s = dashboardStats(db, { filter: {} }, viewer, { today: '2026-11-23' });
		expect(s.period).toMatchObject({
			from: '2020-01-01',
			to: '2020-12-31',
			defaulted: 'latest_year'
		});
		expect(s.granularity).toBe('month');
		const vc = s.exchangesByType.keys.indexOf('video_conference');
		expect(s.exchangesByType.counts[vc].reduce((a, b) => a + b, 0)).toBe(5);
	});

	it('counts the 2020 countries as CN 4, JP 1, International 1, Unassigned 1', () => {
		const s = dashboardStats(db, { filter: {}, from: '2020-01-01', to: '2020-12-31' }, viewer, {
			today: '2026-11-23'
		});
		expect(s.byCountry.map((r) => [r.key, r.n])).toEqual([
			['CN', 4],
			['INTL', 1],
			['JP', 1],
			['NONE', 1]
		]);
	});

	it('has seven online exchanges in 2020: five video conferences and two newsletters', () => {
		const s = dashboardStats(
			db,
			{ filter: {}, from: '2016-01-01', to: '2020-12-31', granularity: 'year' },
			viewer,
			{ today: '2026-11-23' }
		);
		const m = s.exchangesByMode;
		expect(m.buckets.at(-1)?.key).toBe('2020');
		expect(m.counts[m.keys.indexOf('online')].at(-1)).toBe(7);
		expect(m.counts[m.keys.indexOf('in_person')].at(-2)).toBe(1);
		const online = dashboardStats(
			db,
			{ filter: { mode: ['online'] }, from: '2020-01-01', to: '2020-12-31' },
			viewer,
			{ today: '2026-11-23' }
		);
		expect(online.latest.map((x) => x.type).sort()).toEqual([
			'newsletter',
			'newsletter',
			'video_conference',
			'video_conference',
			'video_conference',
			'video_conference',
			'video_conference'
		]);
	});

	it("shows Kanagawa's 30th anniversary in 2020 with its commitment postponed to 2021", () => {
		const s = dashboardStats(db, { filter: {}, from: '2020-01-01', to: '2020-12-31' }, viewer, {
			today: '2026-11-23'
		});
		expect(s.anniversaries).toHaveLength(1);
		expect(s.anniversaries[0]).toMatchObject({
			nameKo: '가나가와현',
			years: 30,
			precision: 'year',
			start: '2020-01-01'
		});
		expect(s.anniversaries[0].commitments).toEqual([
			expect.objectContaining({ status: 'postponed', dueFrom: '2020', dueTo: '2021' })
		]);
	});

	it('keeps its rollups equal to a recount', () => {
		expect(verifyRollups(db)).toEqual([]);
	});
});
