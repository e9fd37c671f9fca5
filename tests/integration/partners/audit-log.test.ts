import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db';
import { auditFacets, listAuditLog, recordHistory } from '../../../src/lib/server/queries/audit';
import {
	createOrganization,
	organizationFormValues,
	updateOrganization
} from '../../../src/lib/server/queries/organizations';
import { softDelete, restore } from '../../../src/lib/server/queries/trash';
import { createTie } from '../../../src/lib/server/queries/ties';
import { demoDb } from '../../helpers/db';
import { makeUsers } from '../../helpers/factories';

let db: DB;
let users: Awaited<ReturnType<typeof makeUsers>>;
let orgId: number;

beforeAll(async () => {
	db = demoDb();
	users = await makeUsers(db);
	const org = createOrganization(
		db,
		{ nameKo: '닝샤회족자치구', scope: 'foreign', country: 'CN' },
		users.editor
	);
	orgId = org.id;
	const v = organizationFormValues(db, org);
	updateOrganization(db, org.id, { ...v, nameEn: 'Ningxia' }, v.version, users.editor);
	softDelete(db, 'organization', org.id, users.admin);
	restore(db, 'organization', org.id, users.editor);
	createTie(db, { organizationId: org.id, kind: 'friendship' }, users.editor);
});

describe('recordHistory', () => {
	it("shows a partner's changes and its ties' newest first, with who and what changed", () => {
		const tieIds = (
			db.$client.prepare('SELECT id FROM ties WHERE organization_id = ?').all(orgId) as {
				id: number;
			}[]
		).map((t) => t.id);
		const h = recordHistory(db, [
			{ type: 'organization', ids: [orgId] },
			{ type: 'tie', ids: tieIds }
		]);
		expect(h.map((e) => [e.entityType, e.action])).toEqual([
			['tie', 'create'],
			['organization', 'restore'],
			['organization', 'delete'],
			['organization', 'update'],
			['organization', 'create']
		]);
		const update = h.find((e) => e.action === 'update')!;
		expect(update.userName).toBe('Test editor');
		expect(update.changes).toContainEqual({ field: 'nameEn', before: null, after: 'Ningxia' });
		expect(update.changes.map((c) => c.field)).not.toContain('version');
		expect(h.find((e) => e.action === 'delete')!.userName).toBe('Test admin');
		expect(recordHistory(db, [{ type: 'organization', ids: [] }])).toEqual([]);
	});
});

describe('listAuditLog', () => {
	it('filters by user, entity type, action and Seoul calendar day', () => {
		expect(listAuditLog(db, { userId: users.admin.id }).rows.map((r) => r.action)).toEqual([
			'delete'
		]);
		expect(listAuditLog(db, { entityType: 'tie' }).rows).toHaveLength(2);
		expect(listAuditLog(db, { action: 'restore' }).rows.map((r) => r.entityId)).toEqual([orgId]);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
		expect(listAuditLog(db, { from: today, action: 'update' }).rows).toHaveLength(1);
		expect(listAuditLog(db, { to: '2000-01-01' }).rows).toEqual([]);
	});

	it('pages by keyset, forwards and back', () => {
		const all = listAuditLog(db, {}, 1000).rows.map((r) => r.id);
		const first = listAuditLog(db, {}, 5);
		expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, 5));
		expect(first.newer).toBeNull();
		const second = listAuditLog(db, { before: first.older! }, 5);
		expect(second.rows.map((r) => r.id)).toEqual(all.slice(5, 10));
		const back = listAuditLog(db, { after: second.newer! }, 5);
		expect(back.rows.map((r) => r.id)).toEqual(all.slice(0, 5));
	});

	it('lists the users, entity types and actions to filter by', () => {
		const f = auditFacets(db);
		expect(f.entityTypes).toEqual(
			expect.arrayContaining(['organization', 'tie', 'exchange', 'user'])
		);
		expect(f.actions).toEqual(expect.arrayContaining(['create', 'update', 'delete', 'restore']));
		expect(f.users.map((u) => u.email)).toContain('admin@example.org');
	});
});
