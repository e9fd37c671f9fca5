import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db';
import { exchangeSchema } from '../../src/lib/schemas/exchange';
import {
	countExchanges,
	exchangeBatches,
	listExchanges,
	listRecentExchanges
} from '../../src/lib/server/queries/exchanges';
import { getExchange } from '../../src/lib/server/queries/exchange-detail';
import {
	createExchange,
	deleteExchange,
	duplicateExchange,
	restoreExchange,
	updateExchange
} from '../../src/lib/server/queries/exchange-save';
import { recordHistory } from '../../src/lib/server/queries/audit';
import { findOrganizationByName } from '../../src/lib/server/queries/organizations';
import {
	InvalidReferences,
	RecordNotFound,
	VersionConflict
} from '../../src/lib/server/queries/write-errors';
import { listTrash, purge } from '../../src/lib/server/queries/trash';
import { demoDb } from '../helpers/db';
import { makeUsers } from '../helpers/factories';

let db: DB;
let editor: { id: number; role: 'editor' };
let admin: { id: number; role: 'admin' };
const all = { includeConfidential: true };
const viewerOnly = { includeConfidential: false };
let hebei: number;

beforeAll(async () => {
	db = demoDb();
	const u = await makeUsers(db);
	editor = { id: u.editor.id, role: 'editor' };
	admin = { id: u.admin.id, role: 'admin' };
	hebei = findOrganizationByName(db, '허베이성')!.id;
});

const data = (input: Record<string, unknown>) => exchangeSchema.parse(input);
const auditActions = (id: number) =>
	(
		db.$client
			.prepare(
				"SELECT action FROM audit_log WHERE entity_type = 'exchange' AND entity_id = ? ORDER BY id"
			)
			.all(id) as { action: string }[]
	).map((r) => r.action);

describe('createExchange', () => {
	it('stores the exchange, its links, search entry and an audit row in one go', () => {
		const row = createExchange(
			db,
			data({
				type: 'video_conference',
				date: '2021-03-15',
				mode: 'online',
				partners: [{ organizationId: hebei, role: 'partner' }],
				fields: ['economy_trade'],
				participants: 12,
				sourceIds: [1]
			}),
			editor
		);
		expect(row.titleKo).toBe('경기도–허베이성 화상회의');
		const d = getExchange(db, row.id, all)!;
		expect(d.partners.map((p) => [p.nameKo, p.role])).toEqual([['허베이성', 'partner']]);
		expect(d.fields).toEqual(['economy_trade']);
		expect(d.sources.map((s) => s.id)).toEqual([1]);
		expect(auditActions(row.id)).toEqual(['create']);
		const found = listExchanges(db, { q: '허베이' }, all, { limit: 50 }).rows.map((r) => r.id);
		expect(found).toContain(row.id);
	});

	it('creates a partner typed in by name, and reuses one known by an alias', () => {
		const row = createExchange(
			db,
			data({
				type: 'meeting',
				date: '2021-04',
				partners: [
					{ name: '새로운시', country: 'JP', scope: 'foreign' },
					{ name: '산동성', role: 'participant' }
				]
			}),
			editor
		);
		const d = getExchange(db, row.id, all)!;
		expect(d.partners.map((p) => p.nameKo).sort()).toEqual(['산둥성', '새로운시']);
		expect(findOrganizationByName(db, '새로운시')).toMatchObject({
			country: 'JP',
			scope: 'foreign'
		});
	});

	it('refuses unknown partner, person and source ids and keeps nothing', () => {
		const before = countExchanges(db, {}, all).count;
		let err: unknown;
		try {
			createExchange(
				db,
				data({
					type: 'meeting',
					date: '2021',
					partners: [{ organizationId: 99999 }],
					people: [{ personId: 4242 }],
					sourceIds: [777]
				}),
				editor
			);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(InvalidReferences);
		expect((err as InvalidReferences).fields).toEqual({
			partners: 'ex_unknown_partner',
			people: 'ex_unknown_person',
			sourceIds: 'ex_unknown_source'
		});
		expect(countExchanges(db, {}, all).count).toBe(before);
	});

	it('stores HTML and SQL fragments as plain text', () => {
		const row = createExchange(
			db,
			data({
				type: 'other',
				date: '2021-05-01',
				titleKo: "<img src=x onerror=alert(1)>'; DROP TABLE exchanges;--",
				notes: '<script>alert(1)</script>'
			}),
			editor
		);
		expect(getExchange(db, row.id, all)).toMatchObject({
			titleKo: "<img src=x onerror=alert(1)>'; DROP TABLE exchanges;--",
			notes: '<script>alert(1)</script>'
		});
	});
});

describe('listExchanges', () => {
	it('pages by keyset forwards and back without gaps or repeats', () => {
		const everything = listExchanges(db, {}, all, { limit: 200 }).rows.map((r) => r.id);
		expect(everything.length).toBeGreaterThan(8);
		const seen: number[] = [];
		let page = listExchanges(db, {}, all, { limit: 3 });
		expect(page.prev).toBeNull();
		const pages = [page];
		for (;;) {
			seen.push(...page.rows.map((r) => r.id));
			if (!page.next) break;
			page = listExchanges(db, {}, all, { limit: 3, after: page.next });
			pages.push(page);
		}
		expect(seen).toEqual(everything);
		// Going back from the last page gives the page before it.
		const back = listExchanges(db, {}, all, { limit: 3, before: pages.at(-1)!.prev });
		expect(back.rows.map((r) => r.id)).toEqual(pages.at(-2)!.rows.map((r) => r.id));
		expect(back.next).not.toBeNull();
		const first = listExchanges(db, {}, all, { limit: 3, before: pages[1].prev });
		expect(first.rows.map((r) => r.id)).toEqual(pages[0].rows.map((r) => r.id));
		expect(first.prev).toBeNull();
	});

	it('sorts by date both ways and by title', () => {
		const asc = listExchanges(db, {}, all, { sort: 'date_asc', limit: 200 }).rows;
		expect(asc.map((r) => r.dateStart)).toEqual(asc.map((r) => r.dateStart).sort());
		const titles = listExchanges(db, {}, all, { sort: 'title_asc', limit: 200 }).rows.map(
			(r) => r.titleKo
		);
		expect(titles).toEqual([...titles].sort());
		const t2 = listExchanges(db, {}, all, { sort: 'title_asc', limit: 2 });
		const t3 = listExchanges(db, {}, all, { sort: 'title_asc', limit: 2, after: t2.next });
		expect([...t2.rows, ...t3.rows].map((r) => r.titleKo)).toEqual(titles.slice(0, 4));
	});

	it('applies the shared filter: period, type, country, partner=none', () => {
		const conf = listExchanges(
			db,
			{ from: '2020-01-01', to: '2020-12-31', type: ['video_conference'], country: ['CN'] },
			all
		).rows;
		expect(conf.map((r) => r.dateStart).sort()).toEqual([
			'2020-09-21',
			'2020-10-13',
			'2020-11-04',
			'2020-12-01'
		]);
		const none = listExchanges(db, { partner: ['none'] }, all).rows;
		expect(
			none.every((r) => !r.partners.some((p) => ['partner', 'organizer'].includes(p.role)))
		).toBe(true);
	});

	it('ignores a forged cursor instead of failing', () => {
		expect(listExchanges(db, {}, all, { after: 'not-a-cursor', limit: 2 }).rows).toHaveLength(2);
	});

	it('counts up to a cap', () => {
		expect(countExchanges(db, {}, all, 3)).toEqual({ count: 3, more: true });
		const n = countExchanges(db, {}, all).count;
		expect(countExchanges(db, {}, all, 1000)).toEqual({ count: n, more: false });
	});

	it('yields every matching exchange in batches', () => {
		const ids = [...exchangeBatches(db, {}, all, 4)].flat().map((r) => r.id);
		expect(ids).toEqual(listExchanges(db, {}, all, { limit: 200 }).rows.map((r) => r.id));
	});
});

describe('confidential exchanges', () => {
	it('are hidden from viewers everywhere', () => {
		const row = createExchange(
			db,
			data({
				type: 'meeting',
				date: '2021-06-01',
				titleKo: '비공개 협의',
				visibility: 'confidential'
			}),
			editor
		);
		expect(getExchange(db, row.id, viewerOnly)).toBeNull();
		expect(getExchange(db, row.id, all)?.titleKo).toBe('비공개 협의');
		expect(listExchanges(db, {}, viewerOnly, { limit: 200 }).rows.map((r) => r.id)).not.toContain(
			row.id
		);
		expect(listRecentExchanges(db, viewerOnly, 50).map((r) => r.id)).not.toContain(row.id);
		expect([...exchangeBatches(db, {}, viewerOnly)].flat().map((r) => r.id)).not.toContain(row.id);
		expect(countExchanges(db, {}, viewerOnly).count).toBeLessThan(
			countExchanges(db, {}, all).count
		);
	});
});

describe('updateExchange', () => {
	it('saves from the current version and refuses a stale one, overwriting nothing', () => {
		const row = createExchange(
			db,
			data({ type: 'forum', date: '2021-07-01', titleKo: '원래' }),
			editor
		);
		const first = updateExchange(
			db,
			row.id,
			{ ...data({ type: 'forum', date: '2021-07-01', titleKo: '첫 수정' }), version: 1 },
			editor
		);
		expect(first.version).toBe(2);
		expect(() =>
			updateExchange(
				db,
				row.id,
				{ ...data({ type: 'forum', date: '2021-07-01', titleKo: '늦은 수정' }), version: 1 },
				editor
			)
		).toThrow(VersionConflict);
		expect(getExchange(db, row.id, all)?.titleKo).toBe('첫 수정');
		expect(auditActions(row.id)).toEqual(['create', 'update']);
		const history = recordHistory(db, [{ type: 'exchange', ids: [row.id] }]);
		expect(history[0].changes).toContainEqual({
			field: 'titleKo',
			before: '원래',
			after: '첫 수정'
		});
	});

	it('replaces links and reindexes', () => {
		const row = createExchange(
			db,
			data({ type: 'meeting', date: '2021-08-01', titleKo: '임시' }),
			editor
		);
		updateExchange(
			db,
			row.id,
			{
				...data({
					type: 'meeting',
					date: '2021-08-01',
					titleKo: '충칭 관광 회의',
					partners: [{ organizationId: hebei }],
					fields: ['tourism']
				}),
				version: 1
			},
			editor
		);
		const d = getExchange(db, row.id, all)!;
		expect(d.fields).toEqual(['tourism']);
		expect(listExchanges(db, { q: '관광 회의' }, all).rows.map((r) => r.id)).toContain(row.id);
		expect(listExchanges(db, { q: '임시' }, all).rows.map((r) => r.id)).not.toContain(row.id);
	});

	it('refuses to edit a missing or trashed exchange', () => {
		expect(() =>
			updateExchange(db, 424242, { ...data({ type: 'meeting', date: '2021' }), version: 1 }, editor)
		).toThrow(RecordNotFound);
	});
});

describe('delete, restore, duplicate', () => {
	it('moves to the trash and back, with audit rows, and only an admin purge removes it', () => {
		const row = createExchange(
			db,
			data({ type: 'ceremony', date: '2021-09-09', titleKo: '삭제 시험' }),
			editor
		);
		expect(deleteExchange(db, row.id, editor)).toBe(true);
		expect(getExchange(db, row.id, all)).toBeNull();
		expect(getExchange(db, row.id, all, { includeDeleted: true })?.deletedAt).not.toBeNull();
		expect(listTrash(db).map((t) => `${t.type}:${t.id}`)).toContain(`exchange:${row.id}`);
		expect(listExchanges(db, { q: '삭제 시험' }, all).rows).toHaveLength(0);
		expect(restoreExchange(db, row.id, editor)).toBe(true);
		expect(getExchange(db, row.id, all)?.titleKo).toBe('삭제 시험');
		expect(auditActions(row.id)).toEqual(['create', 'delete', 'restore']);
		deleteExchange(db, row.id, editor);
		expect(purge(db, 'exchange', row.id, admin)).toBe(true);
		expect(getExchange(db, row.id, all, { includeDeleted: true })).toBeNull();
	});

	it('duplicates a recurring meeting on a new date with its partners, not its outcomes', () => {
		const original = createExchange(
			db,
			data({
				type: 'meeting',
				date: '2021-10-01',
				titleKo: '정기 교류협력회의',
				partners: [{ organizationId: hebei }],
				fields: ['administration'],
				outcomes: '합의 3건'
			}),
			editor
		);
		const copy = duplicateExchange(
			db,
			original.id,
			{ precision: 'day', start: '2022-10-01', end: '2022-10-01' },
			editor
		);
		const d = getExchange(db, copy.id, all)!;
		expect(d).toMatchObject({
			titleKo: '정기 교류협력회의',
			dateStart: '2022-10-01',
			outcomes: null
		});
		expect(d.partners.map((p) => p.id)).toEqual([hebei]);
		expect(d.fields).toEqual(['administration']);
	});
});
