/**
 * A briefing's numbers are the dashboard's: for the same filter and viewer, its key figures,
 * charts and month × type pivot come from `dashboardStats`, and its tables list exactly the
 * records those numbers count.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDb } from '../helpers/db';
import type { DB } from '../../src/lib/server/db';
import type { ExchangeFilter } from '../../src/lib/filters';
import { dashboardStats } from '../../src/lib/server/queries/dashboard';
import { countBriefingExchanges } from '../../src/lib/server/queries/briefing';
import {
	briefingAgreements,
	briefingPartners
} from '../../src/lib/server/queries/briefing-records';
import { buildBriefing, dashboardParams } from '../../src/lib/server/reports/model';
import { addExchange, EDITOR, VIEWER } from './reports-support';

let db: DB;
let shandong: number;
beforeAll(() => {
	db = demoDb();
	shandong = db.$client
		.prepare(`SELECT id FROM organizations WHERE name_ko = '산둥성'`)
		.pluck()
		.get() as number;
	// Records the viewer must not count, and one the dashboard never counts (planned).
	addExchange(db, {
		titleKo: '기밀 협의',
		date: '2020-05-05',
		visibility: 'confidential',
		organizations: [{ organizationId: shandong, role: 'partner' }]
	});
	addExchange(db, { titleKo: '예정된 방문', date: '2020-12-20', status: 'planned' });
});

const filters: [string, ExchangeFilter][] = [
	['2020', { from: '2020-01-01', to: '2020-12-31' }],
	['2020, China', { from: '2020-01-01', to: '2020-12-31', country: ['CN'] }],
	[
		'2019–2020, video conferences',
		{ from: '2019-01-01', to: '2020-12-31', type: ['video_conference'] }
	],
	['autumn 2020, one partner', { from: '2020-09-01', to: '2020-12-15', partner: [1] }],
	['all time', {}],
	['nothing (1990)', { from: '1990-01-01', to: '1990-12-31' }]
];

describe.each(filters)('%s', (_name, filter) => {
	it.each([
		['viewer', VIEWER],
		['editor', EDITOR]
	])('agrees with the dashboard for a %s', (_who, viewer) => {
		const f = { ...filter, partner: filter.partner?.map(() => shandong) };
		const stats = dashboardStats(db, dashboardParams(f), viewer, { cache: false });
		const b = buildBriefing(db, f, viewer, { pivot: true });
		expect(b.figures.map((x) => [x.key, x.value, x.previous])).toEqual(
			stats.figures.map((x) => [x.key, x.value, x.previous])
		);
		const figure = (key: string) => stats.figures.find((x) => x.key === key)!.value;
		// The tables list what the figures count.
		expect(b.exchangeTotal).toBe(figure('exchanges'));
		expect(countBriefingExchanges(db, f, viewer)).toBe(figure('exchanges'));
		expect(b.exchangeGroups.reduce((n, g) => n + g.rows.length, 0)).toBe(figure('exchanges'));
		expect(briefingPartners(db, f, viewer)).toHaveLength(figure('partners'));
		expect(briefingAgreements(db, f, viewer)).toHaveLength(figure('agreements'));
		expect(b.agreements.filter((a) => a.open)).toHaveLength(figure('open'));
		// The charts carry the dashboard's series.
		const byType = b.charts.find((c) => c.key === 'by_type');
		const typeTotal = stats.exchangesByType.counts.flat().reduce((s, n) => s + n, 0);
		expect(byType ? byType.series.flatMap((s) => s.data).reduce((s, n) => s + n, 0) : 0).toBe(
			typeTotal
		);
		// Printed bar charts keep 14 bars and sum the rest into one: the total never changes.
		const country = b.charts.find((c) => c.key === 'country')?.series[0].data ?? [];
		const byCountry = stats.byCountry.map((r) => r.n);
		expect(country.slice(0, 14)).toEqual(byCountry.slice(0, 14));
		expect(country.reduce((s, n) => s + n, 0)).toBe(byCountry.reduce((s, n) => s + n, 0));
		// The pivot is the month-granular series of the same query.
		expect(b.pivot.counts.flat().reduce((s, n) => s + n, 0)).toBe(figure('exchanges'));
	});
});

describe('visibility', () => {
	it('counts the confidential exchange for editors only', () => {
		const f = { from: '2020-01-01', to: '2020-12-31' };
		const v = buildBriefing(db, f, VIEWER, {});
		const e = buildBriefing(db, f, EDITOR, {});
		expect(e.exchangeTotal).toBe(v.exchangeTotal + 1);
		const titles = (b: typeof v) => b.exchangeGroups.flatMap((g) => g.rows.map((r) => r.title));
		expect(titles(v)).not.toContain('기밀 협의');
		expect(titles(e)).toContain('기밀 협의');
		expect(titles(e)).not.toContain('예정된 방문');
	});

	it('matches the demo dashboard for 2020: CN 4, JP 1, International 1, Unassigned 1', () => {
		const b = buildBriefing(db, { from: '2020-01-01', to: '2020-12-31' }, VIEWER, {});
		const country = b.charts.find((c) => c.key === 'country')!;
		expect(
			Object.fromEntries(country.labels.map((l, i) => [l, country.series[0].data[i]]))
		).toEqual({
			중국: 4,
			일본: 1,
			국제기구: 1,
			미지정: 1
		});
	});
});
