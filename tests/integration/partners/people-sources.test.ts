import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db';
import {
	createPerson,
	getPersonDetail,
	listPeople,
	personFormValues,
	updatePerson
} from '../../../src/lib/server/queries/people';
import {
	createSource,
	getSource,
	listSources,
	recordsFromSource,
	sourceFormValues,
	updateSource
} from '../../../src/lib/server/queries/sources';
import { linkSource } from '../../../src/lib/server/queries/sources-write';
import { softDelete } from '../../../src/lib/server/queries/trash';
import { searchEverything } from '../../../src/lib/server/queries/search-query';
import { demoDb } from '../../helpers/db';
import { makeUsers } from '../../helpers/factories';
import { addExchange, linkPerson, orgId } from '../../helpers/partners';

let db: DB;
let users: Awaited<ReturnType<typeof makeUsers>>;
const editor = { includeConfidential: true };
const viewer = { includeConfidential: false };

beforeAll(async () => {
	db = demoDb();
	users = await makeUsers(db);
});

describe('people', () => {
	it('shows a person with their organization and every exchange they took part in (visible ones only)', () => {
		const shandong = orgId(db, '산둥성');
		const p = createPerson(
			db,
			{ nameKo: '장 처장', nameEn: 'Zhang', title: '외사판공실 처장', organizationId: shandong },
			users.editor
		);
		if (!p.ok) throw new Error('not created');
		const open = addExchange(db, users.editor, shandong, { titleKo: '처장 면담' });
		const secret = addExchange(db, users.editor, shandong, {
			titleKo: '비공개 면담',
			visibility: 'confidential'
		});
		linkPerson(db, open.id, p.row.id);
		linkPerson(db, secret.id, p.row.id);
		const d = getPersonDetail(db, p.row.id, viewer)!;
		expect(d.organization).toMatchObject({ id: shandong, nameKo: '산둥성', deleted: false });
		expect(d.exchanges.map((e) => e.titleKo)).toEqual(['처장 면담']);
		expect(getPersonDetail(db, p.row.id, editor)!.exchanges).toHaveLength(2);
		expect(getPersonDetail(db, 99999, editor)).toBeNull();
	});

	it('lists and searches people, and saves with the version read', () => {
		const p = createPerson(db, { nameKo: '이 국장', title: '국장' }, users.editor);
		if (!p.ok) throw new Error('not created');
		expect(listPeople(db, { q: '국장' }).rows.map((r) => r.nameKo)).toEqual(['이 국장']);
		expect(listPeople(db, { q: '처장' }).rows[0].organizationKo).toBe('산둥성');
		expect(listPeople(db, { q: '%' }).total).toBe(0);
		const values = personFormValues(p.row);
		expect(
			updatePerson(db, p.row.id, { ...values, email: 'lee@example.org' }, 1, users.editor).ok
		).toBe(true);
		expect(
			updatePerson(db, p.row.id, { ...values, email: 'x@example.org' }, 1, users.editor)
		).toMatchObject({ reason: 'conflict' });
		expect(
			updatePerson(db, p.row.id, { ...values, organizationId: 99999 }, 2, users.editor)
		).toMatchObject({ reason: 'invalid', fields: { organizationId: 'partner_unknown' } });
		expect(createPerson(db, { nameKo: 'x', organizationId: 99999 }, users.editor)).toMatchObject({
			reason: 'invalid'
		});
		expect(searchEverything(db, 'lee@', editor).groups).toEqual([]);
		expect(searchEverything(db, '이 국', editor).groups[0].hits[0].titleKo).toBe('이 국장');
	});
});

describe('sources', () => {
	it('lists sources and finds them by title or by a phrase of the article text', () => {
		expect(listSources(db, {}).total).toBe(2);
		expect(listSources(db, { q: '워크숍' }).rows).toHaveLength(1);
		// Only in the article body:
		expect(listSources(db, { q: '정부세종컨벤션센터' }).rows).toHaveLength(1);
		expect(listSources(db, { q: '가' }).rows.length).toBeGreaterThan(0);
	});

	it('shows every record made from a source that the viewer may see', () => {
		const source = listSources(db, { q: '온라인' }).rows[0];
		const recs = recordsFromSource(db, source.id, viewer);
		expect(recs.filter((r) => r.type === 'exchange')).toHaveLength(7);
		expect(recs.filter((r) => r.type === 'agreement').length).toBeGreaterThan(5);
		expect(recs.some((r) => r.type === 'organization' && r.labelKo === '가나가와현')).toBe(true);
		expect(recs.some((r) => r.type === 'tie')).toBe(true);
		const secret = addExchange(db, users.editor, orgId(db, '허베이성'), {
			titleKo: '비공개',
			visibility: 'confidential'
		});
		linkSource(db, source.id, 'exchange', secret.id);
		expect(
			recordsFromSource(db, source.id, viewer).some(
				(r) => r.id === secret.id && r.type === 'exchange'
			)
		).toBe(false);
		expect(
			recordsFromSource(db, source.id, editor).some(
				(r) => r.id === secret.id && r.type === 'exchange'
			)
		).toBe(true);
		softDelete(db, 'exchange', secret.id, users.editor);
		expect(
			recordsFromSource(db, source.id, editor).some(
				(r) => r.id === secret.id && r.type === 'exchange'
			)
		).toBe(false);
	});

	it('creates and updates a source, keeping the index current and refusing stale saves', () => {
		const s = createSource(
			db,
			{ title: '경기도 보도자료', publisher: '경기도', body: '닝샤회족자치구와 교류' },
			users.editor
		);
		expect(searchEverything(db, '닝샤회족', editor).groups[0]).toMatchObject({ type: 'source' });
		const values = sourceFormValues(s);
		const r = updateSource(
			db,
			s.id,
			{ ...values, body: '내몽골자치구와 교류' },
			s.version,
			users.editor
		);
		expect(r.ok).toBe(true);
		expect(searchEverything(db, '닝샤회족', editor).groups).toEqual([]);
		expect(searchEverything(db, '내몽골자치구', editor).groups[0].hits[0]).toMatchObject({
			id: s.id,
			snippet: '내몽골자치구와 교류'
		});
		expect(updateSource(db, s.id, values, s.version, users.editor)).toMatchObject({
			reason: 'conflict'
		});
		expect(getSource(db, s.id)?.body).toBe('내몽골자치구와 교류');
		const audit = db.$client
			.prepare(
				"SELECT after FROM audit_log WHERE entity_type = 'source' AND action = 'update' AND entity_id = ?"
			)
			.get(s.id) as { after: string };
		expect(JSON.parse(audit.after)).toMatchObject({ bodyChars: 10 });
	});
});
