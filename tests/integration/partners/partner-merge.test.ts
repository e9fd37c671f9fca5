import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db';
import { mergeOrganizations } from '../../../src/lib/server/queries/organizations-merge';
import {
	createOrganization,
	findOrganizationByName,
	listAliases,
	getOrganization
} from '../../../src/lib/server/queries/organizations';
import { createTie } from '../../../src/lib/server/queries/ties';
import { createPerson } from '../../../src/lib/server/queries/people';
import { linkSource } from '../../../src/lib/server/queries/sources-write';
import { addAttachment } from '../../../src/lib/server/queries/attachments';
import { restore, softDelete } from '../../../src/lib/server/queries/trash';
import { mergeCandidates } from '../../../src/lib/server/queries/pick-lists';
import { insertAgreement } from '../../../src/lib/server/queries/agreements-write';
import { exchangeOrganizations } from '../../../src/lib/server/db/schema';
import { searchEverything } from '../../../src/lib/server/queries/search-query';
import { demoDb } from '../../helpers/db';
import { makeUsers } from '../../helpers/factories';
import { addExchange, orgId, pdfBytes } from '../../helpers/partners';

let db: DB;
let users: Awaited<ReturnType<typeof makeUsers>>;
const dataDir = mkdtempSync(join(tmpdir(), 'gyoryu-merge-'));

beforeAll(async () => {
	db = demoDb();
	users = await makeUsers(db);
});

const count = (q: string, ...args: unknown[]) =>
	(db.$client.prepare(q).get(...args) as { n: number }).n;

describe('mergeOrganizations', () => {
	it('moves every link of the duplicate, joins the names, trashes it and audits the merge', () => {
		const keep = orgId(db, '산둥성');
		const dup = createOrganization(
			db,
			{
				nameKo: '산동성 인민정부',
				scope: 'foreign',
				country: 'CN',
				counterpartOffice: '외사판공실',
				aliases: ['Shandong Provincial Government']
			},
			users.editor
		).id;
		const shared = db.$client
			.prepare('SELECT exchange_id FROM exchange_organizations WHERE organization_id = ?')
			.get(keep) as { exchange_id: number };
		// A link both records share must not be duplicated (the key is exchange + partner + role).
		db.insert(exchangeOrganizations)
			.values({ exchangeId: shared.exchange_id, organizationId: dup, role: 'partner' })
			.run();
		const own = addExchange(db, users.editor, dup, { titleKo: '산동성 방문단 접견' });
		const agreement = db.transaction((tx) =>
			insertAgreement(
				tx,
				{ kind: 'mou', titleKo: '산동성 MOU', status: 'signed', organizationIds: [dup] },
				users.editor
			)
		);
		const tie = createTie(db, { organizationId: dup, kind: 'friendship' }, users.editor);
		const person = createPerson(db, { nameKo: '왕 주임', organizationId: dup }, users.editor);
		linkSource(db, 1, 'organization', dup);
		const file = addAttachment(
			db,
			dataDir,
			{ entityType: 'organization', entityId: dup, filename: 'mou.pdf', bytes: pdfBytes() },
			users.editor
		);
		expect(tie.ok && person.ok && file.ok).toBe(true);

		const r = mergeOrganizations(db, keep, dup, users.editor);
		if (!r.ok) throw new Error(r.reason);
		expect(r.row.moved).toMatchObject({
			exchanges: 1,
			agreements: 1,
			ties: 1,
			people: 1,
			attachments: 1
		});
		expect(
			count('SELECT count(*) n FROM exchange_organizations WHERE organization_id = ?', dup)
		).toBe(0);
		expect(
			count(
				'SELECT count(*) n FROM exchange_organizations WHERE organization_id = ? AND exchange_id = ?',
				keep,
				own.id
			)
		).toBe(1);
		expect(
			count(
				'SELECT count(*) n FROM exchange_organizations WHERE organization_id = ? AND exchange_id = ?',
				keep,
				shared.exchange_id
			)
		).toBe(1);
		expect(
			count(
				'SELECT count(*) n FROM agreement_organizations WHERE organization_id = ? AND agreement_id = ?',
				keep,
				agreement.id
			)
		).toBe(1);
		for (const [table, column] of [
			['ties', 'organization_id'],
			['people', 'organization_id']
		])
			expect(count(`SELECT count(*) n FROM ${table} WHERE ${column} = ?`, dup), table).toBe(0);
		expect(
			count(
				"SELECT count(*) n FROM source_links WHERE entity_type = 'organization' AND entity_id = ?",
				dup
			)
		).toBe(0);
		expect(
			count(
				"SELECT count(*) n FROM source_links WHERE entity_type = 'organization' AND entity_id = ? AND source_id = 1",
				keep
			)
		).toBe(1);
		expect(
			count(
				"SELECT count(*) n FROM attachments WHERE entity_type = 'organization' AND entity_id = ?",
				keep
			)
		).toBe(1);

		expect(listAliases(db, keep)).toEqual(
			expect.arrayContaining([
				'산둥성',
				'산동성',
				'산동성 인민정부',
				'Shandong Provincial Government'
			])
		);
		expect(findOrganizationByName(db, '산동성 인민정부')?.id).toBe(keep);
		expect(getOrganization(db, keep)?.counterpartOffice).toBe('외사판공실');
		expect(getOrganization(db, dup)?.deletedAt).not.toBeNull();
		const audit = db.$client
			.prepare('SELECT action, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 2')
			.all() as { action: string; entity_id: number; after: string }[];
		expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
			['delete', dup],
			['merge', keep]
		]);
		expect(JSON.parse(audit[1].after)).toMatchObject({ mergedFrom: dup, moved: { exchanges: 1 } });
		const hits = searchEverything(db, 'Shandong Provincial', { includeConfidential: false });
		expect(hits.groups.find((g) => g.type === 'organization')?.hits.map((h) => h.id)).toEqual([
			keep
		]);
	});

	it('refuses to merge a partner into itself, a missing one, or into a trashed one', () => {
		const keep = orgId(db, '허베이성');
		expect(mergeOrganizations(db, keep, keep, users.editor)).toMatchObject({
			reason: 'invalid',
			fields: { mergeId: 'partner_merge_same' }
		});
		expect(mergeOrganizations(db, keep, 99999, users.editor)).toMatchObject({ reason: 'invalid' });
		expect(mergeOrganizations(db, 99999, keep, users.editor)).toMatchObject({
			reason: 'not_found'
		});
	});

	it('can restore the duplicate from the trash afterwards (its links stay with the kept record)', () => {
		const dup = findOrganizationByName(db, '산동성 인민정부');
		const trashed = db.$client
			.prepare("SELECT id FROM organizations WHERE name_ko = '산동성 인민정부'")
			.get() as { id: number };
		expect(restore(db, 'organization', trashed.id, users.editor)).toBe(true);
		expect(
			count(
				"SELECT count(*) n FROM audit_log WHERE action = 'restore' AND entity_id = ?",
				trashed.id
			)
		).toBe(1);
		expect(dup?.id).not.toBe(trashed.id);
	});

	it('offers as duplicates the partners of the same country or of none, never itself or trashed ones', () => {
		const make = (nameKo: string, country: string | null) =>
			createOrganization(db, { nameKo, scope: 'foreign', country }, users.editor).id;
		const self = { id: make('후보 기준', 'VN'), country: 'VN' };
		const same = make('후보 같은 국가', 'VN');
		const none = make('후보 국가 없음', null);
		const other = make('후보 다른 국가', 'TH');
		const trashed = make('후보 휴지통', 'VN');
		softDelete(db, 'organization', trashed, users.editor);
		const ids = (org: { id: number; country: string | null }) =>
			mergeCandidates(db, org).map((c) => c.id);
		expect(ids(self)).toContain(same);
		expect(ids(self)).toContain(none);
		for (const absent of [self.id, other, trashed]) expect(ids(self)).not.toContain(absent);
		// Without a country, only others without one: the pair is merged from that side.
		expect(ids({ id: none, country: null })).not.toContain(same);
		expect(ids({ id: same, country: 'VN' })).toContain(none);
	});
});
