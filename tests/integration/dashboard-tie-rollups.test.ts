/**
 * The ties' rollups (drizzle/0006: ties per year and kind, every tie's milestones) stay equal to
 * a recount whatever happens to ties and their partners, and the dashboard reads the same
 * anniversaries and ties chart from them as from the ties themselves.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import type { DB } from '../../src/lib/server/db';
import { organizations, ties } from '../../src/lib/server/db/schema';
import { insertTie } from '../../src/lib/server/queries/ties-write';
import { purge, restore, softDelete } from '../../src/lib/server/queries/trash';
import { recountRollups, readRollups, verifyRollups } from '../../src/lib/server/queries/rollups';
import {
	addMonths,
	anniversaries,
	milestonesByRule
} from '../../src/lib/server/queries/dashboard-anniversaries';
import { tiesSeries } from '../../src/lib/server/queries/dashboard-lists';
import type { DashboardFilter } from '../../src/lib/dashboard';
import { tieKinds, type TieKind } from '../../src/lib/vocab';
import { freshDb } from '../helpers/db';
import { d, freshPartners, MIXED_PARTNERS, partialDateArb } from '../helpers/dashboard-fixture';
import type { Anniversary } from '../../src/lib/dashboard-stats';

const actor = { id: null, role: 'admin' as const };

// Leap days and month ends are where a milestone's date needs care.
const dateArb = fc.oneof(
	partialDateArb(1985, 2030),
	// Milestones on a window's first or last day.
	fc.constantFrom(
		'1988-02-29',
		'1996-02-29',
		'2000-02-29',
		'1990-01-31',
		'1995-12-31',
		'2010',
		'2005-01',
		'2000-12-31'
	)
);
const pick = fc.nat({ max: 1000 });
const org = fc.nat({ max: 4 });
const kind = fc.constantFrom(...tieKinds);
const status = fc.constantFrom('active', 'active', 'dormant', 'ended');
const op = fc.oneof(
	fc.record({
		kind: fc.constant('create' as const),
		org,
		tie: kind,
		status,
		date: fc.option(dateArb, { freq: 6 })
	}),
	fc.record({
		kind: fc.constant('update' as const),
		pick,
		org,
		tie: kind,
		status,
		date: dateArb
	}),
	fc.record({
		kind: fc.constantFrom('delete' as const, 'restore' as const, 'purge' as const),
		pick
	}),
	fc.record({
		kind: fc.constantFrom('orgDelete' as const, 'orgRestore' as const),
		org
	}),
	fc.record({
		kind: fc.constant('orgMove' as const),
		org,
		country: fc.constantFrom('CN', 'JP', null),
		scope: fc.constantFrom('foreign', 'international')
	})
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const world = () => freshPartners(freshDb, [...MIXED_PARTNERS, ['마', 'US', 'international']]);

/** What identifies a milestone on the list (names and commitments are looked up afterwards). */
const essence = (m: Omit<Anniversary, 'commitments' | 'nameKo' | 'nameEn'>) =>
	[m.tieId, m.years, m.start, m.end, m.kind, m.precision].join(' ');

const tieIds = (db: DB) =>
	db.all<{ id: number }>(sql`SELECT id FROM ties ORDER BY id`).map((r) => r.id);

function apply(db: DB, orgs: number[], o: Op): void {
	const ids = tieIds(db);
	const id = 'pick' in o && ids.length ? ids[o.pick % ids.length] : undefined;
	switch (o.kind) {
		case 'create':
			db.transaction((tx) =>
				insertTie(
					tx,
					{
						organizationId: orgs[o.org],
						kind: o.tie as TieKind,
						status: o.status as 'active',
						date: o.date ? d(o.date) : null
					},
					actor
				)
			);
			return;
		case 'update': {
			if (!id) return;
			const p = d(o.date);
			db.update(ties)
				.set({
					organizationId: orgs[o.org],
					kind: o.tie as TieKind,
					status: o.status as 'active',
					datePrecision: p.precision,
					dateStart: p.start,
					dateEnd: p.end
				})
				.where(eq(ties.id, id))
				.run();
			return;
		}
		case 'delete':
			if (id) softDelete(db, 'tie', id, actor);
			return;
		case 'restore':
			if (id) restore(db, 'tie', id, actor);
			return;
		case 'purge':
			if (id) purge(db, 'tie', id, actor);
			return;
		case 'orgDelete':
			softDelete(db, 'organization', orgs[o.org], actor);
			return;
		case 'orgRestore':
			restore(db, 'organization', orgs[o.org], actor);
			return;
		case 'orgMove':
			db.update(organizations)
				.set({ country: o.country, scope: o.scope })
				.where(eq(organizations.id, orgs[o.org]))
				.run();
	}
}

const windows = [
	['2020-01-01', '2020-12-31'],
	['2015-01-01', '2021-12-31'],
	['2021-02-28', '2021-03-01'],
	['2024-02-29', '2024-02-29'],
	['2026-01-01', '2026-11-23'],
	['1985-01-01', '2099-12-31']
] as const;

/** The same question asked so that the ties, not the rollups, must answer it. */
function filters(orgs: number[]): [DashboardFilter, DashboardFilter][] {
	return [
		[{}, { partner: orgs }],
		[{ country: ['CN'] }, { country: ['CN', 'ZZ'] }],
		[{ country: ['INTL'] }, { country: ['INTL', 'ZZ'] }],
		[{ partner: [orgs[1]] }, { partner: [orgs[1]] }]
	];
}

describe('tie rollups', () => {
	it('equal a recount after any sequence of tie and partner changes', () => {
		fc.assert(
			fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
				const { db, orgs } = world();
				for (const o of ops) apply(db, orgs, o);
				expect(verifyRollups(db)).toEqual([]);
				for (const [rollup, records] of filters(orgs)) {
					expect(tiesSeries(db, rollup)).toEqual(tiesSeries(db, records));
					for (const [from, to] of windows) {
						const stored = anniversaries(
							db,
							rollup,
							{ includeConfidential: true },
							{ from, to },
							'2026-11-23',
							5
						);
						const rule = milestonesByRule(db, rollup, from, addMonths(to, 12), 5);
						expect(stored.total).toBe(rule.total);
						expect(stored.items.map(essence)).toEqual(rule.shown.map(essence));
					}
				}
				db.$client.close();
			}),
			{ numRuns: 40 }
		);
	});

	it('are rebuilt by a recount and answer a window past their horizon by the rule', () => {
		const { db, orgs } = world();
		db.transaction((tx) => {
			insertTie(tx, { organizationId: orgs[0], kind: 'sister', date: d('1996-02-29') }, actor);
			insertTie(tx, { organizationId: orgs[3], kind: 'friendship', date: d('2001-05') }, actor);
		});
		const before = readRollups(db);
		db.run(sql`DELETE FROM dash_tie_ms`);
		db.run(sql`DELETE FROM dash_r_tie`);
		expect(verifyRollups(db)).not.toEqual([]);
		recountRollups(db);
		expect(readRollups(db)).toEqual(before);
		// Feb 29 of 1996 falls on the 28th in 2021, a year without one.
		expect(before.has(`dash_tie_ms|1|25|${orgs[0]}|CN|0|2021-02-28|2021-02-28`)).toBe(true);
		const late = anniversaries(
			db,
			{},
			{ includeConfidential: true },
			{ from: '2101-01-01', to: '2101-12-31' },
			'2026-11-23'
		);
		expect(late.items.map((a) => [a.years, a.start, a.end])).toEqual([
			[105, '2101-02-28', '2101-02-28'],
			[100, '2101-05-01', '2101-05-31']
		]);
	});
});
