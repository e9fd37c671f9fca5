/**
 * The rollups stay equal to a recount whatever sequence of writes happens, through any path:
 * the app's insert helpers, plain updates (as forms, the API or an import would make), soft
 * delete and restore through the trash, purge, link and partner-country changes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import type { DB } from '../../src/lib/server/db';
import { agreements, exchanges, followUps, organizations } from '../../src/lib/server/db/schema';
import { insertExchange, replaceExchangeLinks } from '../../src/lib/server/queries/exchanges-write';
import { insertAgreement } from '../../src/lib/server/queries/agreements-write';
import { insertSource, linkSource } from '../../src/lib/server/queries/sources-write';
import { purge, restore, softDelete } from '../../src/lib/server/queries/trash';
import { recountRollups, readRollups, verifyRollups } from '../../src/lib/server/queries/rollups';
import { dashboardStats } from '../../src/lib/server/queries/dashboard';
import { exchangeTypes, type ExchangeType } from '../../src/lib/vocab';
import { freshDb } from '../helpers/db';
import { d, freshPartners, MIXED_PARTNERS, partialDateArb } from '../helpers/dashboard-fixture';

const actor = { id: null, role: 'admin' as const };
const COUNTRIES = ['CN', 'JP', 'US', null] as const;

const dateArb = partialDateArb(2018, 2022);
const pick = fc.nat({ max: 1000 });
const op = fc.oneof(
	fc.record({
		kind: fc.constant('create' as const),
		date: dateArb,
		type: fc.constantFrom(...exchangeTypes),
		mode: fc.constantFrom('in_person', 'online', 'hybrid', null),
		vis: fc.constantFrom('normal', 'confidential'),
		status: fc.constantFrom('held', 'held', 'planned'),
		orgs: fc.array(fc.nat({ max: 5 }), { maxLength: 3 }),
		fields: fc.subarray(['tourism', 'agriculture', 'sports'])
	}),
	fc.record({
		kind: fc.constant('update' as const),
		pick,
		date: dateArb,
		status: fc.constantFrom('held', 'cancelled'),
		vis: fc.constantFrom('normal', 'confidential'),
		mode: fc.constantFrom('in_person', 'online', null),
		type: fc.constantFrom('meeting', 'forum')
	}),
	fc.record({
		kind: fc.constant('relink' as const),
		pick,
		orgs: fc.array(fc.nat({ max: 5 }), { maxLength: 3 }),
		fields: fc.subarray(['tourism', 'sports'])
	}),
	fc.record({
		kind: fc.constantFrom('delete' as const, 'restore' as const, 'purge' as const),
		pick
	}),
	fc.record({
		kind: fc.constant('country' as const),
		org: fc.nat({ max: 5 }),
		country: fc.constantFrom(...COUNTRIES)
	}),
	fc.record({
		kind: fc.constant('agreement' as const),
		pick,
		agreed: fc.option(dateArb),
		due: fc.option(dateArb),
		status: fc.constantFrom('agreed', 'signed', 'postponed'),
		orgs: fc.array(fc.nat({ max: 5 }), { maxLength: 2 }),
		fields: fc.subarray(['tourism', 'sports']),
		viaSource: fc.boolean()
	}),
	fc.record({
		kind: fc.constant('agreementChange' as const),
		pick,
		status: fc.constantFrom('completed', 'in_progress'),
		trash: fc.boolean()
	}),
	fc.record({
		kind: fc.constant('followUp' as const),
		pick,
		due: fc.option(dateArb.map((x) => d(x).end)),
		done: fc.boolean()
	})
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const world = () =>
	freshPartners(freshDb, [...MIXED_PARTNERS, ['마', 'KR', 'domestic'], ['바', 'US', 'foreign']]);

const ids = (db: DB, table: 'exchanges' | 'agreements' | 'follow_ups') =>
	db.all<{ id: number }>(sql.raw(`SELECT id FROM ${table} ORDER BY id`)).map((r) => r.id);
const nth = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);

function apply(db: DB, orgs: number[], o: Op): void {
	const links = (list: number[]) =>
		[...new Set(list)].map((i) => ({
			organizationId: orgs[i],
			role: i % 4 === 3 ? ('organizer' as const) : ('partner' as const)
		}));
	switch (o.kind) {
		case 'create':
			db.transaction((tx) =>
				insertExchange(
					tx,
					{
						type: o.type as ExchangeType,
						titleKo: 't',
						date: d(o.date),
						mode: o.mode as 'online' | null,
						visibility: o.vis as 'normal',
						status: o.status as 'held',
						organizations: links(o.orgs),
						fields: o.fields as 'tourism'[]
					},
					actor
				)
			);
			return;
		case 'update': {
			const id = nth(ids(db, 'exchanges'), o.pick);
			const p = d(o.date);
			if (id)
				db.update(exchanges)
					.set({
						type: o.type,
						dateStart: p.start,
						dateEnd: p.end,
						datePrecision: p.precision,
						status: o.status as 'held',
						visibility: o.vis as 'normal',
						mode: o.mode as 'online' | null
					})
					.where(eq(exchanges.id, id))
					.run();
			return;
		}
		case 'relink': {
			const id = nth(ids(db, 'exchanges'), o.pick);
			if (id)
				db.transaction((tx) =>
					replaceExchangeLinks(tx, id, {
						type: 'other',
						titleKo: 't',
						date: d('2020'),
						organizations: links(o.orgs),
						fields: o.fields as 'tourism'[]
					})
				);
			return;
		}
		case 'delete':
		case 'restore':
		case 'purge': {
			const id = nth(ids(db, 'exchanges'), o.pick);
			if (!id) return;
			if (o.kind === 'delete') softDelete(db, 'exchange', id, actor);
			else if (o.kind === 'restore') restore(db, 'exchange', id, actor);
			else if (!db.get(sql`SELECT 1 FROM agreements WHERE exchange_id = ${id}`))
				purge(db, 'exchange', id, actor);
			return;
		}
		case 'country':
			db.update(organizations)
				.set({ country: o.country })
				.where(eq(organizations.id, orgs[o.org]))
				.run();
			return;
		case 'agreement':
			db.transaction((tx) => {
				const exchangeId = o.pick % 2 ? (nth(ids(db, 'exchanges'), o.pick) ?? null) : null;
				const a = insertAgreement(
					tx,
					{
						kind: 'commitment',
						titleKo: 'a',
						status: o.status as 'agreed',
						exchangeId,
						agreed: o.agreed ? d(o.agreed) : null,
						due: o.due ? d(o.due) : null,
						organizationIds: [...new Set(o.orgs)].map((i) => orgs[i]),
						fields: o.fields as 'tourism'[]
					},
					actor,
					{ today: '2026-11-23' }
				);
				if (o.viaSource)
					linkSource(
						tx,
						insertSource(
							tx,
							{ title: 's', publishedAt: `${o.pick % 2 ? '2019' : '2021'}-12-31T20:00:00.000Z` },
							actor
						).id,
						'agreement',
						a.id
					);
			});
			return;
		case 'agreementChange': {
			const id = nth(ids(db, 'agreements'), o.pick);
			if (!id) return;
			if (o.trash) softDelete(db, 'agreement', id, actor);
			else db.update(agreements).set({ status: o.status }).where(eq(agreements.id, id)).run();
			return;
		}
		case 'followUp': {
			const id = nth(ids(db, 'agreements'), o.pick);
			const existing = nth(ids(db, 'follow_ups'), o.pick);
			if (existing && o.pick % 3 === 0)
				db.update(followUps)
					.set({ doneAt: o.done ? '2022-01-01T00:00:00Z' : null, dueDate: o.due })
					.where(eq(followUps.id, existing))
					.run();
			else if (id)
				db.insert(followUps)
					.values({
						agreementId: id,
						action: 'f',
						dueDate: o.due,
						doneAt: o.done ? '2022-01-01T00:00:00Z' : null
					})
					.run();
			return;
		}
	}
}

const periods = [
	{},
	{ from: '2020-01-01', to: '2021-12-31' },
	{ from: '2019-03-15', to: '2021-08-31' },
	// One day at each end around a whole year: the ends come from the records, the year from the rollups.
	{ from: '2020-12-31', to: '2022-01-01' }
];

describe('dashboard rollups', () => {
	it('equal a recount after any sequence of creates, updates, deletes, restores and purges', () => {
		fc.assert(
			fc.property(fc.array(op, { minLength: 5, maxLength: 25 }), (ops) => {
				const { db, orgs } = world();
				for (const o of ops) apply(db, orgs, o);
				expect(verifyRollups(db)).toEqual([]);
				db.$client.close();
			}),
			{ numRuns: 40 }
		);
	}, 120_000);

	it('answer every rollup-served filter exactly as counting the records does', () => {
		const scoped = [
			{},
			{ country: ['CN'] },
			{ country: ['INTL'] },
			{ type: ['meeting'] },
			{ mode: ['online'] },
			{ field: ['tourism'] }
		];
		fc.assert(
			fc.property(fc.array(op, { minLength: 5, maxLength: 25 }), (ops) => {
				const { db, orgs } = world();
				for (const o of ops) apply(db, orgs, o);
				// Today inside the data, so "due this month" needs the exact days.
				const opts = { today: '2021-06-15', cache: false };
				for (const who of [{ includeConfidential: false }, { includeConfidential: true }])
					for (const p of periods)
						for (const filter of scoped) {
							const fast = dashboardStats(db, { ...p, filter }, who, opts);
							// "Any partner or none" selects the same records, counted from the records.
							const all = [...orgs, 'none' as const];
							const slow = dashboardStats(
								db,
								{ ...p, filter: { ...filter, partner: all } },
								who,
								opts
							);
							expect(fast.fromRollups && !slow.fromRollups).toBe(true);
							const { fromRollups: _f, filter: _a, overdue: _o, ...a } = fast;
							const { fromRollups: _s, filter: _b, overdue: _p, ...b } = slow;
							expect({ ...a, ties: null, anniversaries: null }).toEqual({
								...b,
								ties: null,
								anniversaries: null
							});
							expect(fast.overdue.map((x) => x.item + x.id)).toEqual(
								slow.overdue.map((x) => x.item + x.id)
							);
						}
				db.$client.close();
			}),
			{ numRuns: 15 }
		);
	}, 120_000);

	it('recountRollups rebuilds the same rows', () => {
		const { db, orgs } = world();
		fc.sample(op, { numRuns: 40, seed: 7 }).forEach((o) => apply(db, orgs, o));
		const before = readRollups(db);
		expect(before.size).toBeGreaterThan(0);
		recountRollups(db);
		expect(readRollups(db)).toEqual(before);
	});

	it('the response cache never serves counts older than the last write', () => {
		const { db, orgs } = world();
		const exchanges = () =>
			dashboardStats(db, { filter: {} }, { includeConfidential: false }, { today: '2026-11-23' })
				.figures[0].value;
		expect(exchanges()).toBe(0);
		apply(db, orgs, {
			kind: 'create',
			date: '2021-05-05',
			type: 'meeting',
			mode: 'online',
			vis: 'normal',
			status: 'held',
			orgs: [0],
			fields: []
		});
		expect(exchanges()).toBe(1);
		softDelete(db, 'exchange', ids(db, 'exchanges')[0], actor);
		expect(exchanges()).toBe(0);
	});

	it('a viewer never counts a confidential exchange', () => {
		const { db, orgs } = world();
		apply(db, orgs, {
			kind: 'create',
			date: '2021-05-05',
			type: 'meeting',
			mode: 'online',
			vis: 'confidential',
			status: 'held',
			orgs: [0],
			fields: []
		});
		const s = (includeConfidential: boolean) =>
			dashboardStats(db, { filter: {} }, { includeConfidential }, { today: '2026-11-23' });
		expect(s(false).figures[0].value).toBe(0);
		expect(s(true).figures[0].value).toBe(1);
		expect(s(false).figures[0].value).toBe(0);
	});
});
