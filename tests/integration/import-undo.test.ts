import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DB } from '../../src/lib/server/db';
import { ties } from '../../src/lib/server/db/schema';
import { writeAudit } from '../../src/lib/server/audit';
import { softDelete } from '../../src/lib/server/queries/trash';
import { insertExchange } from '../../src/lib/server/queries/exchanges-write';
import { findOrganizationByName } from '../../src/lib/server/queries/organizations';
import { undoBatch } from '../../src/lib/server/import/undo';
import { getBatch } from '../../src/lib/server/import/batches';
import { parsePartialDate } from '../../src/lib/dates';
import { demoDb } from '../helpers/db';
import { makeUsers } from '../helpers/factories';
import { importFixture } from '../helpers/import';

let db: DB;
let admin: { id: number; role: 'admin' };
let editor: { id: number; role: 'editor' };
const one = <T>(q: string, ...args: unknown[]) => db.$client.prepare(q).get(...args) as T;
const liveOrgs = () =>
	one<{ n: number }>('SELECT count(*) n FROM organizations WHERE deleted_at IS NULL').n;
const kanagawaTie = () =>
	one<{ id: number; date_precision: string; date_start: string; deleted_at: string | null }>(
		"SELECT t.* FROM ties t JOIN organizations o ON o.id = t.organization_id WHERE o.name_ko = '가나가와현'"
	);

/** An editor's save of a record, as the recording pages write it: the row and an audit entry. */
function editTie(id: number, notes: string) {
	const before = db.select().from(ties).where(eq(ties.id, id)).get();
	const after = db.update(ties).set({ notes }).where(eq(ties.id, id)).returning().get();
	writeAudit(db, editor, { action: 'update', entityType: 'tie', entityId: id, before, after });
}

beforeEach(async () => {
	db = demoDb();
	const users = await makeUsers(db);
	admin = { id: users.admin.id, role: 'admin' };
	editor = { id: users.editor.id, role: 'editor' };
});

describe('undoing an import batch', () => {
	it('trashes what the batch created and gives back what it changed', async () => {
		const orgsBefore = liveOrgs();
		const report = await importFixture(db, 'partners-cp949.csv', 'partners', { actor: editor });
		expect(liveOrgs()).toBe(orgsBefore + 6);
		expect(kanagawaTie().date_precision).toBe('day');
		const result = undoBatch(db, report.batchId!, admin, 'refuse');
		// 6 partners and 7 ties created, 1 tie updated (가나가와현's date).
		expect(result).toEqual({ ok: true, undone: 14, skipped: [] });
		expect(liveOrgs()).toBe(orgsBefore);
		expect(kanagawaTie()).toMatchObject({
			date_precision: 'year',
			date_start: '1990-01-01',
			deleted_at: null
		});
		expect(one<{ n: number }>('SELECT count(*) n FROM ties WHERE deleted_at IS NULL').n).toBe(1);
		expect(getBatch(db, report.batchId!)?.undoneAt).not.toBeNull();
		expect(undoBatch(db, report.batchId!, admin, 'refuse')).toMatchObject({
			ok: false,
			reason: 'already_undone'
		});
		// Imported again after the undo, the partners come back as new records.
		const again = await importFixture(db, 'partners-cp949.csv', 'partners', { actor: editor });
		expect(again.totals.organization.create).toBe(6);
	});

	it('refuses, listing them, when records were edited since; skip mode undoes the rest', async () => {
		const report = await importFixture(db, 'partners-cp949.csv', 'partners', { actor: editor });
		const kanagawa = kanagawaTie();
		editTie(kanagawa.id, '2020년 30주년 기념행사 연기');
		const maryland = findOrganizationByName(db, '메릴랜드주', 'US')!;
		softDelete(db, 'organization', maryland.id, editor);
		const auditBefore = one<{ n: number }>('SELECT count(*) n FROM audit_log').n;

		const refused = undoBatch(db, report.batchId!, admin, 'refuse');
		expect(refused).toMatchObject({ ok: false, reason: 'conflicts' });
		if (refused.ok) return;
		expect(refused.conflicts).toEqual([
			{ entityType: 'tie', entityId: kanagawa.id, label: '가나가와현', reason: 'edited' },
			{ entityType: 'organization', entityId: maryland.id, label: '메릴랜드주', reason: 'edited' }
		]);
		expect(one<{ n: number }>('SELECT count(*) n FROM audit_log').n).toBe(auditBefore);
		expect(getBatch(db, report.batchId!)?.undoneAt).toBeNull();

		const skipped = undoBatch(db, report.batchId!, admin, 'skip');
		expect(skipped).toMatchObject({ ok: true, undone: 12 });
		expect(kanagawaTie()).toMatchObject({ date_precision: 'day', deleted_at: null });
		expect(findOrganizationByName(db, '랴오닝성', 'CN')).toBeNull();
		expect(getBatch(db, report.batchId!)?.summary.undo?.skipped).toHaveLength(2);
	});

	it('keeps a partner it created when a record made since uses it', async () => {
		const report = await importFixture(db, 'partners-cp949.csv', 'partners', { actor: editor });
		const liaoning = findOrganizationByName(db, '랴오닝성', 'CN')!;
		db.transaction((tx) =>
			insertExchange(
				tx,
				{
					type: 'video_conference',
					titleKo: '경기도–랴오닝성 화상회의',
					date: parsePartialDate('2025-03-04')!,
					organizations: [{ organizationId: liaoning.id, role: 'partner' }]
				},
				editor
			)
		);
		const refused = undoBatch(db, report.batchId!, admin, 'refuse');
		expect(refused).toEqual({
			ok: false,
			reason: 'conflicts',
			conflicts: [
				{ entityType: 'organization', entityId: liaoning.id, label: '랴오닝성', reason: 'in_use' }
			]
		});
		expect(undoBatch(db, report.batchId!, admin, 'skip')).toMatchObject({ ok: true, undone: 13 });
		expect(findOrganizationByName(db, '랴오닝성', 'CN')?.id).toBe(liaoning.id);
	});

	it('writes an audit row for each record it undoes, outside the batch', async () => {
		const report = await importFixture(db, 'partners-cp949.csv', 'partners', { actor: editor });
		undoBatch(db, report.batchId!, admin, 'refuse');
		const rows = db.$client
			.prepare("SELECT entity_type, user_id, batch_id FROM audit_log WHERE action = 'import_undo'")
			.all() as { entity_type: string; user_id: number; batch_id: number | null }[];
		expect(rows).toHaveLength(14 + 1);
		expect(rows.every((r) => r.user_id === admin.id && r.batch_id === null)).toBe(true);
	});

	it('puts back a partner’s empty name and aliases, and an exchange’s empty place', async () => {
		const names = Buffer.from('국가,기관명,원어명\n대한민국,충청북도,忠淸北道\n');
		const partners = await importFixture(db, 'names.csv', 'partners', {
			bytes: names,
			actor: editor
		});
		expect(partners.rows[0].status).toBe('update');
		expect(findOrganizationByName(db, '忠淸北道', 'KR')?.nameNative).toBe('忠淸北道');
		const log = Buffer.from(
			'일자,유형,상대기관,국가,장소\n2019.9.6,워크숍,산업통상자원부,대한민국,세종\n2020.11.4,화상회의,가나가와현,일본,경기도청 상황실\n'
		);
		const exchanges = await importFixture(db, 'log.csv', 'exchanges', {
			bytes: log,
			actor: editor
		});
		expect(exchanges.rows.map((r) => r.status)).toEqual(['unchanged', 'update']);
		const filled = one<{ id: number; location: string; version: number }>(
			"SELECT e.id, e.location, e.version FROM exchanges e JOIN exchange_organizations eo ON eo.exchange_id = e.id JOIN organizations o ON o.id = eo.organization_id WHERE o.name_ko = '가나가와현' AND e.date_start = '2020-11-04' AND e.type = 'video_conference'"
		);
		expect(filled).toMatchObject({ location: '경기도청 상황실', version: 2 });

		expect(undoBatch(db, exchanges.batchId!, admin, 'refuse')).toMatchObject({
			ok: true,
			undone: 1
		});
		expect(
			one<{ location: string | null; version: number }>(
				'SELECT location, version FROM exchanges WHERE id = ?',
				filled.id
			)
		).toEqual({
			location: null,
			version: 3
		});
		expect(undoBatch(db, partners.batchId!, admin, 'refuse')).toMatchObject({
			ok: true,
			undone: 1
		});
		expect(findOrganizationByName(db, '충청북도', 'KR')?.nameNative).toBeNull();
		expect(findOrganizationByName(db, '忠淸北道', 'KR')).toBeNull();
	});
});
