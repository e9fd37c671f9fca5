/** The dashboard's query lives in the URL: parsing what we write gives back the same query. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	autoGranularity,
	dashboardSearch,
	exchangesHref,
	exchangesHrefMaker,
	granularities,
	parseDashboardParams,
	periodRange,
	previousPeriod,
	type DashboardParams
} from '../../src/lib/dashboard';
import { parseExchangeFilter } from '../../src/lib/filters';
import { exchangeTypes, fields, modes } from '../../src/lib/vocab';
import { splitPeriod } from '../../src/lib/server/queries/dashboard-scope';
import { bucketKey, buildBuckets } from '../../src/lib/server/queries/dashboard-series';

const day = fc
	.date({
		min: new Date('1985-01-01T00:00:00Z'),
		max: new Date('2030-12-31T00:00:00Z'),
		noInvalidDate: true
	})
	.map((x) => x.toISOString().slice(0, 10));
const some = <T>(values: readonly T[]) =>
	fc.option(fc.subarray([...values], { minLength: 1, maxLength: 2 }), { nil: undefined });

const paramsArb: fc.Arbitrary<DashboardParams> = fc
	.record({
		period: fc.option(
			fc.constantFrom('this_year', 'last_year', 'last_5_years', 'all') as fc.Arbitrary<'all'>,
			{ nil: undefined }
		),
		range: fc.option(
			fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
			{ nil: undefined }
		),
		granularity: fc.option(fc.constantFrom(...granularities), { nil: undefined }),
		country: some(['CN', 'JP', 'INTL']),
		partner: fc.option(fc.subarray([3, 17, 'none' as const], { minLength: 1, maxLength: 2 }), {
			nil: undefined
		}),
		type: some(exchangeTypes),
		mode: some(modes),
		field: some(fields),
		department: fc.option(fc.constantFrom('외교통상과', 'Trade & Affairs'), { nil: undefined })
	})
	.map(({ period, range, granularity, ...filter }) => {
		const p: DashboardParams = { filter: {} };
		if (period) p.period = period;
		else if (range) [p.from, p.to] = range;
		if (granularity) p.granularity = granularity;
		for (const [k, v] of Object.entries(filter))
			if (v !== undefined) Object.assign(p.filter, { [k]: v });
		return p;
	});

describe('dashboard URL', () => {
	it('round-trips every query through the URL', () => {
		fc.assert(
			fc.property(paramsArb, (p) => {
				const back = parseDashboardParams(new URLSearchParams(dashboardSearch(p)));
				expect(back).toEqual(p);
				expect(dashboardSearch(back)).toBe(dashboardSearch(p));
			})
		);
	});

	it('links a bar with the dashboard filter, the bar and held only', () => {
		const href = exchangesHref(
			{ country: ['CN'] },
			{ from: '2020-01-01', to: '2020-12-31', mode: ['online'] }
		);
		expect(href).toBe(
			'/exchanges?from=2020-01-01&to=2020-12-31&status=held&mode=online&country=CN'
		);
		expect(parseExchangeFilter(new URL(href, 'http://x').searchParams)).toEqual({
			from: '2020-01-01',
			to: '2020-12-31',
			status: ['held'],
			mode: ['online'],
			country: ['CN']
		});
	});

	it('spells a chart cell link exactly as exchangesHref does, from a template', () => {
		const cell = fc.record({
			range: fc.tuple(day, day),
			precision: fc.option(fc.constant(['year'] as ('year' | 'month' | 'day')[]), {
				nil: undefined
			}),
			value: fc.option(fc.constantFrom(...exchangeTypes, ...modes, 'a b', '가,나'), {
				nil: undefined
			})
		});
		fc.assert(
			fc.property(
				paramsArb,
				fc.constantFrom('type' as const, 'mode' as const),
				fc.array(cell, { minLength: 1, maxLength: 6 }),
				(p, dim, cells) => {
					const href = exchangesHrefMaker(p.filter, dim);
					for (const { range, precision, value } of cells) {
						const [from, to] = range;
						const patch = { from, to, precision, ...(value ? { [dim]: [value] } : {}) };
						expect(href({ from, to, precision, value })).toBe(exchangesHref(p.filter, patch));
					}
				}
			)
		);
	});
});

describe('periods and granularity', () => {
	it('names periods by calendar years', () => {
		expect(periodRange('this_year', '2026-11-23')).toEqual({
			from: '2026-01-01',
			to: '2026-12-31'
		});
		expect(periodRange('last_5_years', '2026-11-23')).toEqual({
			from: '2022-01-01',
			to: '2026-12-31'
		});
		expect(periodRange('all', '2026-11-23')).toEqual({});
	});

	it('compares with the previous period of equal length', () => {
		expect(previousPeriod('2020-01-01', '2020-12-31')).toEqual({
			from: '2019-01-01',
			to: '2019-12-31'
		});
		expect(previousPeriod('2016-01-01', '2020-12-31')).toEqual({
			from: '2011-01-01',
			to: '2015-12-31'
		});
		expect(previousPeriod('2020-03-01', '2020-03-31')).toEqual({
			from: '2020-01-30',
			to: '2020-02-29'
		});
	});

	it('chooses months up to 18 months, quarters up to 6 years, years beyond', () => {
		expect(autoGranularity('2020-01-01', '2021-06-30')).toBe('month');
		expect(autoGranularity('2020-01-01', '2021-07-01')).toBe('quarter');
		expect(autoGranularity('2015-01-01', '2020-12-31')).toBe('quarter');
		expect(autoGranularity('2014-12-01', '2020-12-31')).toBe('year');
	});

	it('splits a period into whole years and the partial years around them', () => {
		expect(splitPeriod()).toEqual({ years: 'all', partial: [] });
		expect(splitPeriod('2015-01-01', '2020-12-31')).toEqual({ years: [2015, 2020], partial: [] });
		expect(splitPeriod('2019-03-15', '2021-08-31')).toEqual({
			years: [2020, 2020],
			partial: [
				{ from: '2019-03-15', to: '2019-12-31' },
				{ from: '2021-01-01', to: '2021-08-31' }
			]
		});
		expect(splitPeriod('2020-03-01', '2020-08-31')).toEqual({
			years: null,
			partial: [{ from: '2020-03-01', to: '2020-08-31' }]
		});
	});

	it('never spreads a year-only record over months', () => {
		expect(bucketKey(2020, 0, 'month')).toBe('2020-u');
		expect(bucketKey(2020, 0, 'quarter')).toBe('2020-u');
		expect(bucketKey(2020, 0, 'year')).toBe('2020');
		expect(bucketKey(2020, 11, 'quarter')).toBe('2020-Q4');
		const b = buildBuckets('2020-03-15', '2020-12-31', 'quarter', new Set([2020]));
		expect(b.map((x) => [x.key, x.from, x.to])).toEqual([
			['2020-Q1', '2020-03-15', '2020-03-31'],
			['2020-Q2', '2020-04-01', '2020-06-30'],
			['2020-Q3', '2020-07-01', '2020-09-30'],
			['2020-Q4', '2020-10-01', '2020-12-31'],
			['2020-u', '2020-01-01', '2020-12-31']
		]);
	});
});
