/**
 * A small hand-counted world for the dashboard tests, built through the app's write code.
 * The expected numbers are written out in tests/integration/dashboard-aggregates.test.ts.
 */
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import type { DB } from '../../src/lib/server/db';
import { followUps, organizations } from '../../src/lib/server/db/schema';
import { parsePartialDate, type PartialDate } from '../../src/lib/dates';
import { insertOrganization } from '../../src/lib/server/queries/organizations';
import { insertExchange, type ExchangeInput } from '../../src/lib/server/queries/exchanges-write';
import {
	insertAgreement,
	type AgreementInput
} from '../../src/lib/server/queries/agreements-write';
import { insertTie } from '../../src/lib/server/queries/ties-write';
import { insertSource, linkSource } from '../../src/lib/server/queries/sources-write';
import { softDelete } from '../../src/lib/server/queries/trash';

export const TODAY = '2026-11-23';
const actor = { id: null, role: 'admin' as const };

export const d = (v: string): PartialDate => {
	const p = parsePartialDate(v);
	if (!p) throw new Error(`bad date ${v}`);
	return p;
};

/** Dates known to the year, the month or the day, as a form takes them ("2020", "2020-03", …). */
export function partialDateArb(minYear: number, maxYear: number): fc.Arbitrary<string> {
	const year = fc.integer({ min: minYear, max: maxYear });
	const month = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, '0'));
	const day = fc.integer({ min: 1, max: 28 }).map((x) => String(x).padStart(2, '0'));
	return fc.oneof(
		year.map(String),
		fc.tuple(year, month).map(([y, m]) => `${y}-${m}`),
		fc.tuple(year, month, day).map(([y, m, x]) => `${y}-${m}-${x}`)
	);
}

type PartnerRow = readonly [string, string | null, 'foreign' | 'domestic' | 'international'];

/** Two partners in one country, one in another, an international body without a country. */
export const MIXED_PARTNERS: readonly PartnerRow[] = [
	['가', 'CN', 'foreign'],
	['나', 'CN', 'foreign'],
	['다', 'JP', 'foreign'],
	['라', null, 'international']
];

/** A fresh database with these partners (name, country, scope), their ids in order. */
export function freshPartners(
	fresh: () => DB,
	list: readonly PartnerRow[]
): { db: DB; orgs: number[] } {
	const db = fresh();
	const orgs = db.transaction((tx) =>
		list.map(
			([nameKo, country, scope]) => insertOrganization(tx, { nameKo, country, scope }, actor).id
		)
	);
	return { db, orgs };
}

export interface Fixture {
	org: Record<'A' | 'B' | 'C' | 'U' | 'D', number>;
	ex: Record<string, number>;
	ag: Record<string, number>;
}

export function buildFixture(db: DB): Fixture {
	return db.transaction((tx) => {
		const o = (
			nameKo: string,
			country: string | null,
			scope: 'foreign' | 'domestic' | 'international'
		) => insertOrganization(tx, { nameKo, country, scope }, actor).id;
		const org = {
			A: o('갑성', 'CN', 'foreign'),
			B: o('을성', 'CN', 'foreign'),
			C: o('병현', 'JP', 'foreign'),
			U: o('국제연합체', null, 'international'),
			D: o('정부처', 'KR', 'domestic')
		};
		const x = (date: string, extra: Partial<ExchangeInput> & Pick<ExchangeInput, 'type'>) =>
			insertExchange(tx, { titleKo: `교류 ${date}`, date: d(date), ...extra }, actor).id;
		const partner = (...ids: number[]) =>
			ids.map((organizationId) => ({ organizationId, role: 'partner' as const }));
		const ex = {
			multi: x('2021-03-10', {
				type: 'meeting',
				mode: 'in_person',
				organizations: partner(org.A, org.C),
				fields: ['tourism', 'culture_arts']
			}),
			video: x('2021-03-20', {
				type: 'video_conference',
				mode: 'online',
				organizations: partner(org.A),
				fields: ['tourism']
			}),
			yearOnly: x('2021', { type: 'newsletter', mode: 'online' }),
			monthOnly: x('2021-07', { type: 'forum', mode: 'hybrid', organizations: partner(org.U) }),
			twoCn: x('2021-05-05', {
				type: 'visit_inbound',
				mode: 'in_person',
				organizations: partner(org.A, org.B)
			}),
			secret: x('2021-06-01', {
				type: 'meeting',
				mode: 'in_person',
				visibility: 'confidential',
				organizations: partner(org.C)
			}),
			trashed: x('2021-08-01', {
				type: 'meeting',
				mode: 'in_person',
				organizations: partner(org.C)
			}),
			planned: x('2021-09-09', {
				type: 'meeting',
				status: 'planned',
				organizations: partner(org.C)
			}),
			before: x('2020-11-04', {
				type: 'video_conference',
				mode: 'online',
				organizations: partner(org.C)
			}),
			domestic: x('2021-10-10', {
				type: 'workshop',
				mode: 'in_person',
				organizations: [
					{ organizationId: org.D, role: 'organizer' },
					{ organizationId: org.C, role: 'presenter' }
				]
			})
		};
		const a = (input: Partial<AgreementInput>) =>
			insertAgreement(
				tx,
				{ kind: 'commitment', titleKo: '약속', status: 'agreed', ...input },
				actor,
				{ today: TODAY }
			).id;
		const ag = {
			overdue: a({ agreed: d('2021-04-01'), due: d('2021-12-31'), organizationIds: [org.A] }),
			signedViaExchange: a({ exchangeId: ex.twoCn, status: 'signed', organizationIds: [org.B] }),
			sourceDated: a({ status: 'proposed' }),
			dueThisMonth: a({
				agreed: d('2021-06'),
				status: 'in_progress',
				due: d('2026-11-30'),
				organizationIds: [org.A]
			}),
			overdueThisMonth: a({
				agreed: d('2021-02-02'),
				due: d('2026-11-10'),
				organizationIds: [org.C]
			}),
			secret: a({ agreed: d('2021-03-03'), visibility: 'confidential', organizationIds: [org.C] }),
			trashed: a({ agreed: d('2021-05-05'), organizationIds: [org.A] })
		};
		// Published 2021-12-31 16:00 UTC = 2022-01-01 in Seoul: the agreement belongs to 2022.
		const src = insertSource(tx, { title: '기사', publishedAt: '2021-12-31T16:00:00.000Z' }, actor);
		linkSource(tx, src.id, 'agreement', ag.sourceDated);
		tx.insert(followUps)
			.values([
				{ agreementId: ag.overdue, action: '회신', dueDate: '2022-01-10' },
				{
					agreementId: ag.overdue,
					action: '보고',
					dueDate: '2022-02-01',
					doneAt: '2022-01-20T00:00:00Z'
				},
				{ agreementId: ag.signedViaExchange, action: '이행 점검', dueDate: '2027-01-01' }
			])
			.run();
		insertTie(tx, { organizationId: org.A, kind: 'sister', date: d('1996-05') }, actor);
		insertTie(tx, { organizationId: org.C, kind: 'friendship', date: d('2012') }, actor);
		insertTie(tx, { organizationId: org.D, kind: 'mou', date: d('2001-01-15') }, actor);
		return { org, ex, ag };
	});
}

/** The trashed records go to the trash the normal way, after creation. */
export function trashFixture(db: DB, f: Fixture): void {
	softDelete(db, 'exchange', f.ex.trashed, actor);
	softDelete(db, 'agreement', f.ag.trashed, actor);
}

export function setCountry(db: DB, id: number, country: string | null): void {
	db.update(organizations).set({ country }).where(eq(organizations.id, id)).run();
}
