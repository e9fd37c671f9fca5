import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db';
import { getPartnerStory, STORY_EXCHANGES } from '../../../src/lib/server/queries/partner-story';
import {
	createTie,
	endTie,
	listTies,
	updateTie,
	tieFormValues
} from '../../../src/lib/server/queries/ties';
import { softDelete } from '../../../src/lib/server/queries/trash';
import { parsePartialDate } from '../../../src/lib/dates';
import { followUps } from '../../../src/lib/server/db/schema';
import { demoDb } from '../../helpers/db';
import { makeUsers } from '../../helpers/factories';
import { addExchange, orgId } from '../../helpers/partners';

let db: DB;
let users: Awaited<ReturnType<typeof makeUsers>>;
const editor = { includeConfidential: true };
const viewer = { includeConfidential: false };

beforeAll(async () => {
	db = demoDb();
	users = await makeUsers(db);
});

describe('getPartnerStory', () => {
	it("tells Kanagawa's story: the 1990 sister tie, the video conference, the postponed anniversary, the article", () => {
		const s = getPartnerStory(db, orgId(db, '가나가와현'), viewer)!;
		expect(s.aliases).toContain('神奈川');
		expect(s.ties.map((t) => [t.kind, t.dateStart])).toEqual([['sister', '1990-01-01']]);
		expect(s.exchanges.map((e) => [e.type, e.dateStart])).toEqual([
			['video_conference', '2020-11-04']
		]);
		expect(s.agreements.map((a) => [a.status, a.dueStart])).toEqual([['postponed', '2021-01-01']]);
		expect(s.sources).toHaveLength(1);
		expect(s.sources[0].title).toContain('온라인');
	});

	it('lists open follow-ups of its agreements, not the done ones', () => {
		const id = orgId(db, '가나가와현');
		const agreementId = getPartnerStory(db, id, viewer)!.agreements[0].id;
		db.insert(followUps)
			.values([
				{ agreementId, action: '기념행사 일정 협의', owner: '외교통상과', dueDate: '2021-03-31' },
				{ agreementId, action: '끝난 일', doneAt: '2021-01-05T00:00:00Z' }
			])
			.run();
		const open = getPartnerStory(db, id, viewer)!.agreements[0].openFollowUps;
		expect(open.map((f) => f.action)).toEqual(['기념행사 일정 협의']);
	});

	it('never shows a confidential exchange to a viewer, and no deleted one to anybody', () => {
		const id = orgId(db, '산둥성');
		const secret = addExchange(db, users.editor, id, {
			titleKo: '비공개 사전협의',
			visibility: 'confidential'
		});
		const gone = addExchange(db, users.editor, id, { titleKo: '지워진 교류' });
		softDelete(db, 'exchange', gone.id, users.editor);
		const titles = (v: typeof viewer) =>
			getPartnerStory(db, id, v)!.exchanges.map((e) => e.titleKo);
		expect(titles(viewer)).not.toContain('비공개 사전협의');
		expect(titles(editor)).toContain('비공개 사전협의');
		expect(titles(editor)).not.toContain('지워진 교류');
		expect(titles(viewer)).toContain('제1회 경기-중국 산둥성 우호협력 연석회의');
		expect(secret.id).toBeGreaterThan(0);
	});

	it('shows the latest STORY_EXCHANGES exchanges of a long story and counts them all', () => {
		const id = orgId(db, '세계지방정부연합 아태지부');
		for (let i = 0; i < STORY_EXCHANGES; i++)
			addExchange(db, users.editor, id, {
				titleKo: `뉴스레터 ${i}`,
				date: `2001-01-${String((i % 28) + 1).padStart(2, '0')}`
			});
		const s = getPartnerStory(db, id, viewer)!;
		expect(s.exchanges).toHaveLength(STORY_EXCHANGES);
		expect(s.exchangeTotal).toBe(STORY_EXCHANGES + 1);
		expect(s.exchanges[0].dateStart).toBe('2020-01-01');
	});

	it('stops counting at the cap asked for and says there are more', () => {
		const id = orgId(db, '세계지방정부연합 아태지부');
		// The story has STORY_EXCHANGES + 1 exchanges (the test before added them).
		const s = getPartnerStory(db, id, viewer, { countCap: STORY_EXCHANGES })!;
		expect(s.exchanges).toHaveLength(STORY_EXCHANGES);
		expect(s.exchangeTotal).toBe(STORY_EXCHANGES);
		expect(s.exchangeTotalMore).toBe(true);
		const all = getPartnerStory(db, id, viewer, { countCap: Infinity })!;
		expect([all.exchangeTotal, all.exchangeTotalMore]).toEqual([STORY_EXCHANGES + 1, false]);
	});

	it('finds the same latest exchanges whether it walks all exchanges or reads its links', () => {
		const id = orgId(db, '세계지방정부연합 아태지부');
		// Dense links: the walk over all exchanges newest first.
		const walked = getPartnerStory(db, id, viewer)!.exchanges;
		// A thousand exchanges of another partner make its links sparse: read and sorted instead.
		const other = orgId(db, '산둥성');
		for (let i = 0; i < 1000; i++)
			addExchange(db, users.editor, other, { titleKo: `희석 ${i}`, date: '2022-05-05' });
		const read = getPartnerStory(db, id, viewer)!.exchanges;
		expect(read).toEqual(walked);
		expect(read.map((e) => e.titleKo)).not.toContain('희석 0');
	});

	it('is null for a missing or trashed partner', () => {
		expect(getPartnerStory(db, 99999, editor)).toBeNull();
		const id = orgId(db, '충청북도');
		softDelete(db, 'organization', id, users.editor);
		expect(getPartnerStory(db, id, editor)).toBeNull();
	});
});

describe('ties', () => {
	it('records friendship 2008 → sister 2009 as two dated rows', () => {
		const id = orgId(db, '지린성');
		const friendship = createTie(
			db,
			{ organizationId: id, kind: 'friendship', date: parsePartialDate('2008') },
			users.editor
		);
		if (!friendship.ok) throw new Error('not created');
		const ended = endTie(db, friendship.row.id, '2009-05-12', friendship.row.version, users.editor);
		expect(ended.ok && ended.row).toMatchObject({
			status: 'ended',
			endedOn: '2009-05-12',
			version: 2
		});
		expect(
			createTie(
				db,
				{ organizationId: id, kind: 'sister', date: parsePartialDate('2009-05') },
				users.editor
			).ok
		).toBe(true);
		const rows = listTies(db, id).map((t) => [t.kind, t.status, t.datePrecision, t.dateStart]);
		expect(rows).toEqual([
			['friendship', 'ended', 'year', '2008-01-01'],
			['sister', 'active', 'month', '2009-05-01']
		]);
		expect(getPartnerStory(db, id, viewer)!.ties).toHaveLength(2);
	});

	it('edits a tie with its version, refuses a stale edit, an unknown partner and an end before the start', () => {
		const id = orgId(db, '허베이성');
		const t = createTie(
			db,
			{ organizationId: id, kind: 'mou', date: parsePartialDate('2015-03-04') },
			users.editor
		);
		if (!t.ok) throw new Error('not created');
		const values = { ...tieFormValues(t.row), date: parsePartialDate('2015-03-05') };
		expect(updateTie(db, t.row.id, { ...values, organizationId: id }, 1, users.editor).ok).toBe(
			true
		);
		expect(
			updateTie(db, t.row.id, { ...values, organizationId: id, notes: 'x' }, 1, users.editor)
		).toMatchObject({ reason: 'conflict' });
		expect(
			updateTie(db, t.row.id, { ...values, organizationId: 99999 }, 2, users.editor)
		).toMatchObject({ reason: 'invalid' });
		expect(endTie(db, t.row.id, '2014-01-01', 2, users.editor)).toMatchObject({
			reason: 'invalid',
			fields: { endedOn: 'partner_tie_end_before_start' }
		});
		expect(createTie(db, { organizationId: 99999, kind: 'mou' }, users.editor)).toMatchObject({
			reason: 'invalid'
		});
		const actions = db.$client
			.prepare(
				"SELECT action FROM audit_log WHERE entity_type = 'tie' AND entity_id = ? ORDER BY id"
			)
			.all(t.row.id)
			.map((r) => (r as { action: string }).action);
		expect(actions).toEqual(['create', 'update']);
	});
});
