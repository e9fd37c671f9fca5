import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db';
import { listPartners } from '../../../src/lib/server/queries/partners-list';
import {
	createOrganization,
	organizationFormValues,
	suggestPartners,
	updateOrganization,
	getOrganization,
	findOrganizationByName
} from '../../../src/lib/server/queries/organizations';
import { parsePartnerFilter, partnerFilterParams } from '../../../src/lib/partner-filter';
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

const names = (f: Parameters<typeof listPartners>[1], v = viewer) =>
	listPartners(db, f, v).rows.map((r) => r.nameKo);

describe('listPartners', () => {
	it('finds 산둥성 by its alias 산동성, by 山東省 and by Shandong in any case', () => {
		expect(names({ q: '산동성' })).toEqual(['산둥성']);
		expect(names({ q: '山東省' })).toEqual(['산둥성']);
		expect(names({ q: 'shandong' })).toEqual(['산둥성']);
		expect(names({ q: '산둥' })).toEqual(['산둥성']);
	});

	it('finds nothing for a name nobody has, and treats SQL as text', () => {
		expect(names({ q: '없는이름' })).toEqual([]);
		expect(names({ q: "' OR 1=1 --" })).toEqual([]);
		expect(names({ q: '%' })).toHaveLength(11);
	});

	it('filters by country, international bodies, scope and tie kind', () => {
		expect(names({ country: ['CN'] }).sort()).toEqual(
			['산둥성', '지린성', '충칭시', '허베이성'].sort()
		);
		expect(names({ country: ['INTL'] })).toEqual(['세계지방정부연합 아태지부']);
		expect(names({ scope: ['domestic'] })).toHaveLength(5);
		expect(names({ tie: ['sister'] })).toEqual(['가나가와현']);
		expect(names({ tie: ['none'] })).toHaveLength(10);
		expect(names({ country: ['JP'], tie: ['friendship'] })).toEqual([]);
	});

	it('sorts by name, country and number of exchanges, and pages', () => {
		const byName = names({});
		expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'ko')));
		expect(names({ sort: 'country' })[0]).toBe('산둥성');
		const page = listPartners(db, { page: 2 }, viewer, { pageSize: 4 });
		expect(page).toMatchObject({ total: 11, page: 2, pageCount: 3 });
		expect(page.rows.map((r) => r.nameKo)).toEqual(byName.slice(4, 8));
		expect(listPartners(db, { page: 99 }, viewer, { pageSize: 4 }).page).toBe(3);
	});

	it('counts only the exchanges the viewer may see', () => {
		const jilin = orgId(db, '지린성');
		addExchange(db, users.editor, jilin, { visibility: 'confidential', titleKo: '비공개 회의' });
		const count = (v: typeof viewer) => listPartners(db, { q: '지린성' }, v).rows[0].exchangeCount;
		expect(count(viewer)).toBe(1);
		expect(count(editor)).toBe(2);
		expect(listPartners(db, { sort: 'exchanges' }, editor).rows[0].nameKo).toBe('지린성');
	});

	it('reads and writes its filter to the URL', () => {
		const f = parsePartnerFilter(
			new URLSearchParams(
				'q=산동&country=cn,XX1&scope=foreign,bogus&tie=sister,none&sort=recent&page=2'
			)
		);
		expect(f).toEqual({
			q: '산동',
			country: ['CN'],
			scope: ['foreign'],
			tie: ['sister', 'none'],
			sort: 'recent',
			page: 2
		});
		expect(partnerFilterParams(f).toString()).toBe(
			'q=%EC%82%B0%EB%8F%99&country=CN&scope=foreign&tie=sister%2Cnone&sort=recent&page=2'
		);
	});
});

describe('suggestPartners', () => {
	it('puts prefix matches first and reports the alias that matched', () => {
		const s = suggestPartners(db, '중경');
		expect(s[0]).toMatchObject({ nameKo: '충칭시', matched: '중경시' });
		expect(suggestPartners(db, '충')[0].nameKo).toMatch(/^충/);
		expect(suggestPartners(db, '   ')).toEqual([]);
	});
});

describe('createOrganization / updateOrganization', () => {
	it('saves with the version read, keeps the old name as an alias, and audits before/after', () => {
		const org = createOrganization(
			db,
			{ nameKo: '광둥성', scope: 'foreign', country: 'CN', aliases: ['광동성'] },
			users.editor
		);
		const values = organizationFormValues(db, org);
		expect(values.aliases).toEqual(['광동성']);
		const r = updateOrganization(
			db,
			org.id,
			{ ...values, nameKo: '광둥성 인민정부', nameEn: 'Guangdong' },
			values.version,
			users.editor
		);
		expect(r.ok).toBe(true);
		expect(getOrganization(db, org.id)).toMatchObject({ version: 2, nameEn: 'Guangdong' });
		expect(findOrganizationByName(db, '광둥성')?.id).toBe(org.id);
		const audit = db.$client
			.prepare(
				"SELECT before, after FROM audit_log WHERE entity_type = 'organization' AND entity_id = ? AND action = 'update'"
			)
			.get(org.id) as { before: string; after: string };
		expect(JSON.parse(audit.before).nameKo).toBe('광둥성');
		expect(JSON.parse(audit.after).nameKo).toBe('광둥성 인민정부');
	});

	it('refuses a stale save and overwrites nothing', () => {
		const id = orgId(db, '허베이성');
		const values = organizationFormValues(db, getOrganization(db, id)!);
		expect(
			updateOrganization(db, id, { ...values, notes: 'first' }, values.version, users.editor).ok
		).toBe(true);
		const stale = updateOrganization(
			db,
			id,
			{ ...values, notes: 'second' },
			values.version,
			users.admin
		);
		expect(stale).toEqual({ ok: false, reason: 'conflict', currentVersion: values.version + 1 });
		expect(getOrganization(db, id)?.notes).toBe('first');
		expect(updateOrganization(db, 99999, values, 1, users.editor)).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});
