import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db';
import { searchEverything, snippetAround } from '../../../src/lib/server/queries/search-query';
import { softDelete } from '../../../src/lib/server/queries/trash';
import { createPerson } from '../../../src/lib/server/queries/people';
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

const titles = (q: string, type: string, v = viewer) =>
	searchEverything(db, q, v)
		.groups.find((g) => g.type === type)
		?.hits.map((h) => h.titleKo) ?? [];

describe('search (three characters or more: the trigram index)', () => {
	it('finds Korean substrings in titles, summaries and article text', () => {
		const r = searchEverything(db, '연석회의', viewer);
		expect(r.mode).toBe('fts');
		expect(titles('연석회의', 'exchange')).toEqual(['제1회 경기-중국 산둥성 우호협력 연석회의']);
		expect(titles('연석회의', 'agreement')).toContain('연석회의 격년 개최');
		expect(titles('컨벤션센터', 'source')).toHaveLength(1);
		expect(titles('정부세종', 'exchange')).toEqual(['2019년 지자체 통상협력 워크숍']);
	});

	it('finds a partner by any alias and script', () => {
		expect(titles('산동성', 'organization')).toEqual(['산둥성']);
		expect(titles('山東省', 'organization')).toEqual(['산둥성']);
		expect(titles('shandong', 'organization')).toEqual(['산둥성']);
		expect(titles('산동 성', 'organization')).toEqual(['산둥성']);
		const hit = searchEverything(db, '산동성', viewer).groups[0].hits[0];
		expect(hit).toMatchObject({ type: 'organization', detail: 'CN' });
	});

	it('finds exchanges by their partner name (허베이)', () => {
		expect(titles('허베이', 'exchange')).toEqual(['경기도–허베이성 화상회의']);
	});

	it('never shows confidential records to a viewer, nor deleted ones to anybody', () => {
		const id = orgId(db, '지린성');
		addExchange(db, users.editor, id, { titleKo: '두만강 비밀 협의', visibility: 'confidential' });
		const gone = addExchange(db, users.editor, id, { titleKo: '두만강 지워진 협의' });
		softDelete(db, 'exchange', gone.id, users.editor);
		expect(titles('두만강', 'exchange', viewer)).toEqual([]);
		expect(titles('두만강', 'exchange', editor)).toEqual(['두만강 비밀 협의']);
		const all = JSON.stringify(searchEverything(db, '비밀 협의', viewer));
		expect(all).not.toContain('두만강');
	});

	it('takes FTS syntax and SQL as plain text', () => {
		for (const q of [
			'"산둥',
			'NEAR(a b)',
			"'; DROP TABLE exchanges; --",
			'산둥* OR 허베이',
			'title:산둥성'
		])
			expect(() => searchEverything(db, q, viewer), q).not.toThrow();
		expect(searchEverything(db, '산둥* OR 허베이', viewer).groups).toEqual([]);
	});
});

describe('search (one or two characters: names and aliases)', () => {
	it('finds 산둥성 by 산둥 and 충칭시 by 충칭, prefix matches first', () => {
		const r = searchEverything(db, '산둥', viewer);
		expect(r.mode).toBe('short');
		expect(titles('산둥', 'organization')).toEqual(['산둥성']);
		expect(titles('충칭', 'organization')).toEqual(['충칭시']);
		expect(titles('중경', 'organization')).toEqual(['충칭시']);
		expect(titles('지린', 'organization')).toEqual(['지린성']);
		expect(titles('충', 'organization')).toEqual(['충청북도', '충칭시']);
		expect(searchEverything(db, '충칭', viewer).groups[0].hits[0].snippet).toBeNull();
		expect(searchEverything(db, '중경', viewer).groups[0].hits[0].snippet).toBe('중경시');
	});

	it('finds people by a two-syllable name', () => {
		createPerson(db, { nameKo: '왕밍', nameNative: '王明' }, users.editor);
		expect(titles('왕밍', 'person')).toEqual(['왕밍']);
		expect(titles('王明', 'person')).toEqual(['왕밍']);
		expect(titles('%', 'person')).toEqual([]);
	});

	it('returns nothing for an empty or punctuation-only query', () => {
		expect(searchEverything(db, '   ', viewer)).toMatchObject({ mode: 'empty', groups: [] });
		expect(searchEverything(db, '!!', viewer)).toMatchObject({ mode: 'empty', groups: [] });
	});
});

describe('snippetAround', () => {
	it('cuts the text around the match', () => {
		expect(snippetAround('가'.repeat(100) + '산둥성' + '나'.repeat(100), '산둥성', 5)).toBe(
			'…가가가가가산둥성나나나나나…'
		);
		expect(snippetAround('abc', 'x')).toBeNull();
		expect(snippetAround(null, 'x')).toBeNull();
	});
});
