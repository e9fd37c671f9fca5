import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db';
import { agreementSchema, statusChangeSchema } from '../../src/lib/schemas/agreement';
import { followUpSchema } from '../../src/lib/schemas/follow-up';
import { getAgreement, listAgreements } from '../../src/lib/server/queries/agreements';
import {
	changeAgreementStatus,
	createAgreement,
	deleteAgreement,
	restoreAgreement,
	updateAgreement
} from '../../src/lib/server/queries/agreement-save';
import {
	createFollowUp,
	deleteFollowUp,
	getFollowUp,
	listFollowUps,
	restoreFollowUp,
	setFollowUpDone,
	updateFollowUp
} from '../../src/lib/server/queries/follow-ups';
import { findOrganizationByName } from '../../src/lib/server/queries/organizations';
import { InvalidReferences, VersionConflict } from '../../src/lib/server/queries/write-errors';
import { demoDb } from '../helpers/db';
import { makeUsers } from '../helpers/factories';

let db: DB;
let editor: { id: number; role: 'editor' };
const all = { includeConfidential: true };
const viewerOnly = { includeConfidential: false };
let hebei: number;
const TODAY = '2021-06-15';

beforeAll(async () => {
	db = demoDb();
	const u = await makeUsers(db);
	editor = { id: u.editor.id, role: 'editor' };
	hebei = findOrganizationByName(db, '허베이성')!.id;
});

const agreement = (input: Record<string, unknown>) =>
	agreementSchema.parse({ kind: 'commitment', status: 'agreed', ...input });
const actions = (type: string, id: number) =>
	(
		db.$client
			.prepare('SELECT action FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY id')
			.all(type, id) as { action: string }[]
	).map((r) => r.action);

describe('agreements', () => {
	it('creates one linked to its exchange, with a first history row and an audit row', () => {
		const a = createAgreement(
			db,
			agreement({
				titleKo: '교류협력회의 정기 개최',
				organizationIds: [hebei],
				exchangeId: 1,
				agreed: '2020-09-21',
				due: '2021',
				sourceIds: [2]
			}),
			editor,
			TODAY
		);
		const d = getAgreement(db, a.id, all, { today: TODAY })!;
		expect(d.partners.map((p) => p.id)).toEqual([hebei]);
		expect(d.exchange?.id).toBe(1);
		expect(d.history.map((h) => [h.status, h.changedOn])).toEqual([['agreed', '2020-09-21']]);
		expect(d.sources.map((s) => s.id)).toEqual([2]);
		expect(d.overdue).toBe(false);
		expect(actions('agreement', a.id)).toEqual(['create']);
		expect(listAgreements(db, { q: '정기 개최' }, all).rows.map((r) => r.id)).toContain(a.id);
	});

	it('refuses unknown partner, exchange and source ids', () => {
		let err: unknown;
		try {
			createAgreement(
				db,
				agreement({ titleKo: 'x', organizationIds: [9999], exchangeId: 9999, sourceIds: [9999] }),
				editor
			);
		} catch (e) {
			err = e;
		}
		expect((err as InvalidReferences).fields).toEqual({
			organizationIds: 'ex_unknown_partner',
			exchangeId: 'ex_unknown_exchange',
			sourceIds: 'ex_unknown_source'
		});
	});

	it('keeps a postponement in the history: postponed from 2020 to 2021', () => {
		const a = createAgreement(
			db,
			agreement({ titleKo: '30주년 기념행사', due: '2020', agreed: '2019-05-01' }),
			editor,
			TODAY
		);
		changeAgreementStatus(
			db,
			a.id,
			statusChangeSchema.parse({
				status: 'postponed',
				due: '2021',
				changedOn: '2020-11-04',
				version: 1
			}),
			editor,
			TODAY
		);
		const d = getAgreement(db, a.id, all)!;
		expect(d).toMatchObject({ status: 'postponed', dueStart: '2021-01-01', version: 2 });
		expect(d.history.map((h) => [h.status, h.changedOn, h.dueFrom, h.dueTo])).toEqual([
			['agreed', '2019-05-01', null, null],
			['postponed', '2020-11-04', '2020', '2021']
		]);
		expect(() =>
			changeAgreementStatus(
				db,
				a.id,
				statusChangeSchema.parse({ status: 'completed', version: 1 }),
				editor
			)
		).toThrow(VersionConflict);
		expect(actions('agreement', a.id)).toEqual(['create', 'update']);
	});

	it('appends history when an edit changes the status, and refuses a stale edit', () => {
		const a = createAgreement(
			db,
			agreement({ titleKo: '편집 시험', status: 'proposed' }),
			editor,
			TODAY
		);
		const data = agreement({ titleKo: '편집 시험', status: 'in_progress' });
		updateAgreement(db, a.id, { ...data, version: 1 }, editor, TODAY);
		expect(getAgreement(db, a.id, all)!.history.map((h) => [h.status, h.changedOn])).toEqual([
			['proposed', TODAY],
			['in_progress', TODAY]
		]);
		expect(() =>
			updateAgreement(db, a.id, { ...agreement({ titleKo: '늦음' }), version: 1 }, editor)
		).toThrow(VersionConflict);
		expect(getAgreement(db, a.id, all)!.titleKo).toBe('편집 시험');
	});

	it('lists open and overdue agreements as of a day in Seoul', () => {
		const late = createAgreement(
			db,
			agreement({ titleKo: '늦은 약속', due: '2021-03' }),
			editor,
			TODAY
		);
		const done = createAgreement(
			db,
			agreement({ titleKo: '끝난 약속', due: '2021-03', status: 'completed' }),
			editor,
			TODAY
		);
		const overdue = listAgreements(db, { overdue: true }, all, { limit: 200 }, TODAY).rows;
		expect(overdue.map((r) => r.id)).toContain(late.id);
		expect(overdue.map((r) => r.id)).not.toContain(done.id);
		expect(overdue.every((r) => r.overdue)).toBe(true);
		// Due in 2021 (the whole year) is not overdue in June 2021.
		expect(
			listAgreements(db, { overdue: true }, all, {}, TODAY).rows.some(
				(r) => r.dueEnd === '2021-12-31'
			)
		).toBe(false);
		const open = listAgreements(db, { open: true }, all, { limit: 200 }, TODAY).rows;
		expect(open.map((r) => r.status)).not.toContain('completed');
		expect(
			listAgreements(db, { status: ['postponed'] }, all).rows.every((r) => r.status === 'postponed')
		).toBe(true);
		expect(
			listAgreements(db, { partner: [hebei] }, all, { limit: 200 }).rows.length
		).toBeGreaterThan(1);
		const due = listAgreements(db, { dueFrom: '2021-01-01', dueTo: '2021-12-31' }, all, {
			limit: 200
		}).rows;
		expect(due.every((r) => r.dueStart! >= '2021-01-01' && r.dueStart! <= '2021-12-31')).toBe(true);
	});

	it('pages by keyset with undated agreements last', () => {
		const everything = listAgreements(db, {}, all, { limit: 200 }).rows;
		const keys = everything.map((r) => r.dueStart ?? '9999');
		expect(keys).toEqual([...keys].sort());
		const ids: number[] = [];
		let page = listAgreements(db, {}, all, { limit: 4 });
		for (;;) {
			ids.push(...page.rows.map((r) => r.id));
			if (!page.next) break;
			const nextPage = listAgreements(db, {}, all, { limit: 4, after: page.next });
			expect(
				listAgreements(db, {}, all, { limit: 4, before: nextPage.prev }).rows.map((r) => r.id)
			).toEqual(page.rows.map((r) => r.id));
			page = nextPage;
		}
		expect(ids).toEqual(everything.map((r) => r.id));
	});

	it('hides confidential agreements and their follow-ups from viewers', () => {
		const a = createAgreement(
			db,
			agreement({ titleKo: '비공개 약속', visibility: 'confidential' }),
			editor
		);
		const f = createFollowUp(
			db,
			followUpSchema.parse({ agreementId: a.id, action: '비공개 조치' }),
			editor
		);
		expect(getAgreement(db, a.id, viewerOnly)).toBeNull();
		expect(listAgreements(db, {}, viewerOnly, { limit: 200 }).rows.map((r) => r.id)).not.toContain(
			a.id
		);
		expect(getFollowUp(db, f.id, viewerOnly)).toBeNull();
		expect(listFollowUps(db, {}, viewerOnly, { limit: 200 }).rows.map((r) => r.id)).not.toContain(
			f.id
		);
		expect(getFollowUp(db, f.id, all)?.action).toBe('비공개 조치');
	});

	it('moves to the trash and back', () => {
		const a = createAgreement(db, agreement({ titleKo: '삭제할 약속' }), editor);
		expect(deleteAgreement(db, a.id, editor)).toBe(true);
		expect(getAgreement(db, a.id, all)).toBeNull();
		expect(restoreAgreement(db, a.id, editor)).toBe(true);
		expect(actions('agreement', a.id)).toEqual(['create', 'delete', 'restore']);
	});
});

describe('follow-ups', () => {
	it('are added with an owner and due date, marked done, reopened, edited and trashed', () => {
		const a = createAgreement(db, agreement({ titleKo: '후속 조치 시험' }), editor);
		const f = createFollowUp(
			db,
			followUpSchema.parse({
				agreementId: a.id,
				action: '회의 일정 협의',
				owner: '국제협력팀',
				dueDate: '2021-03-31'
			}),
			editor
		);
		expect(
			listFollowUps(db, { agreementId: a.id, overdue: true }, all, {}, TODAY).rows.map((r) => r.id)
		).toEqual([f.id]);
		const done = setFollowUpDone(db, f.id, true, 1, editor);
		expect(done.doneAt).not.toBeNull();
		expect(listFollowUps(db, { agreementId: a.id, open: true }, all).rows).toHaveLength(0);
		expect(() => setFollowUpDone(db, f.id, false, 1, editor)).toThrow(VersionConflict);
		expect(setFollowUpDone(db, f.id, false, 2, editor).doneAt).toBeNull();
		const edited = updateFollowUp(
			db,
			f.id,
			{
				...followUpSchema.parse({ agreementId: a.id, action: '회의 일정 확정', done: true }),
				version: 3
			},
			editor
		);
		expect(edited).toMatchObject({ action: '회의 일정 확정', version: 4 });
		expect(edited.doneAt).not.toBeNull();
		expect(getAgreement(db, a.id, all)!.followUps.map((x) => x.id)).toEqual([f.id]);
		expect(deleteFollowUp(db, f.id, editor)).toBe(true);
		expect(getAgreement(db, a.id, all)!.followUps).toHaveLength(0);
		expect(restoreFollowUp(db, f.id, editor)).toBe(true);
		expect(actions('follow_up', f.id)).toEqual([
			'create',
			'update',
			'update',
			'update',
			'delete',
			'restore'
		]);
	});

	it('refuse an unknown agreement', () => {
		expect(() =>
			createFollowUp(db, followUpSchema.parse({ agreementId: 99999, action: 'x' }), editor)
		).toThrow(InvalidReferences);
	});
});
