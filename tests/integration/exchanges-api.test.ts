/**
 * The exchange, agreement and follow-up JSON API and form actions over HTTP, against the built
 * app on its own demo database: roles, validation, optimistic locking, CSV, audit rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
	ADMIN,
	EDITOR,
	VIEWER,
	cookieFor,
	startServer,
	type RunningServer
} from '../helpers/server';

let app: RunningServer;
const cookie: Record<'viewer' | 'editor' | 'admin', string> = { viewer: '', editor: '', admin: '' };

beforeAll(async () => {
	app = await startServer();
	cookie.viewer = await cookieFor(app.url, VIEWER);
	cookie.editor = await cookieFor(app.url, EDITOR);
	cookie.admin = await cookieFor(app.url, ADMIN);
}, 60_000);
afterAll(() => app?.stop());

type Who = keyof typeof cookie | 'anonymous';
async function call(who: Who, method: string, path: string, body?: unknown) {
	const r = await fetch(app.url + path, {
		method,
		headers: {
			origin: app.url,
			'content-type': 'application/json',
			...(who === 'anonymous' ? {} : { cookie: cookie[who] })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await r.text();
	return { status: r.status, body: text ? JSON.parse(text) : null, headers: r.headers };
}
async function post(who: Who, path: string, form: Record<string, string | string[]>) {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
	const r = await fetch(app.url + path, {
		method: 'POST',
		redirect: 'manual',
		body,
		headers: {
			origin: app.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(who === 'anonymous' ? {} : { cookie: cookie[who] })
		}
	});
	return { status: r.status, location: r.headers.get('location'), html: await r.text() };
}
function audit(type: string, id: number): string[] {
	const db = new Database(app.dbPath, { readonly: true });
	try {
		return (
			db
				.prepare('SELECT action FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY id')
				.all(type, id) as { action: string }[]
		).map((r) => r.action);
	} finally {
		db.close();
	}
}

const hebeiConference = {
	type: 'video_conference',
	date: '2021-09-21',
	mode: 'online',
	partners: [{ name: '허베이성' }],
	fields: ['administration'],
	participants: 20
};

describe('GET /api/v1/exchanges', () => {
	it('needs a sign-in and answers in the error shape', async () => {
		const r = await call('anonymous', 'GET', '/api/v1/exchanges');
		expect(r.status).toBe(401);
		expect(r.body).toEqual({
			error: { code: 'unauthenticated', message: expect.any(String), fields: {} }
		});
	});

	it('filters like the list: period, type, country and text', async () => {
		const r = await call(
			'viewer',
			'GET',
			`/api/v1/exchanges?from=2020-01-01&to=2020-12-31&type=video_conference&country=CN&q=${encodeURIComponent('허베이')}`
		);
		expect(r.status).toBe(200);
		expect(r.body.data.map((x: { dateStart: string }) => x.dateStart)).toEqual(['2020-09-21']);
		expect(r.body.data[0].partners[0].nameKo).toBe('허베이성');
	});

	it('pages with cursors, next and previous', async () => {
		const first = await call('viewer', 'GET', '/api/v1/exchanges?limit=3');
		expect(first.body.data).toHaveLength(3);
		expect(first.body.prev).toBeNull();
		const second = await call(
			'viewer',
			'GET',
			`/api/v1/exchanges?limit=3&after=${first.body.next}`
		);
		const back = await call(
			'viewer',
			'GET',
			`/api/v1/exchanges?limit=3&before=${second.body.prev}`
		);
		expect(back.body.data.map((x: { id: number }) => x.id)).toEqual(
			first.body.data.map((x: { id: number }) => x.id)
		);
		expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
	});
});

describe('POST/PATCH/DELETE /api/v1/exchanges', () => {
	it('refuses viewers with 403 on every write', async () => {
		expect((await call('viewer', 'POST', '/api/v1/exchanges', hebeiConference)).status).toBe(403);
		expect((await call('viewer', 'PATCH', '/api/v1/exchanges/1', { version: 1 })).status).toBe(403);
		expect((await call('viewer', 'DELETE', '/api/v1/exchanges/1')).status).toBe(403);
		expect((await call('viewer', 'POST', '/api/v1/agreements', {})).status).toBe(403);
		expect((await call('viewer', 'POST', '/api/v1/follow-ups', {})).status).toBe(403);
	});

	it('reports every invalid field as a message key', async () => {
		const r = await call('editor', 'POST', '/api/v1/exchanges', {
			type: '',
			date: '2020-02-30',
			titleKo: '가'.repeat(10_000),
			summaryKo: 'bad\u0001text',
			participants: -5,
			recipients: 2_000_000
		});
		expect(r.status).toBe(400);
		expect(r.body.error).toMatchObject({
			code: 'validation',
			fields: {
				type: 'required',
				date: 'ex_date_invalid',
				titleKo: 'text_max_300',
				summaryKo: 'text_control_chars',
				participants: 'form_count_negative',
				recipients: 'form_count_too_large'
			}
		});
		const range = await call('editor', 'POST', '/api/v1/exchanges', {
			type: 'meeting',
			date: '2020-11-05',
			dateEnd: '2020-11-04'
		});
		expect(range.body.error.fields).toEqual({ dateEnd: 'ex_date_end_before_start' });
		const precision = await call('editor', 'POST', '/api/v1/exchanges', {
			type: 'meeting',
			date: '2020-11',
			datePrecision: 'day'
		});
		expect(precision.body.error.fields).toEqual({ datePrecision: 'ex_date_precision_mismatch' });
		const unknown = await call('editor', 'POST', '/api/v1/exchanges', {
			type: 'meeting',
			date: '2020',
			partners: [{ organizationId: 987654 }]
		});
		expect(unknown.status).toBe(400);
		expect(unknown.body.error.fields).toEqual({ partners: 'ex_unknown_partner' });
		expect((await call('editor', 'POST', '/api/v1/exchanges', 'not json')).status).toBe(400);
	});

	it('creates, edits with the version, refuses a stale edit, deletes — and audits each', async () => {
		const created = await call('editor', 'POST', '/api/v1/exchanges', hebeiConference);
		expect(created.status).toBe(201);
		const x = created.body.data;
		expect(x).toMatchObject({
			titleKo: '경기도–허베이성 화상회의',
			version: 1,
			dateStart: '2021-09-21'
		});
		expect(created.headers.get('location')).toBe(`/api/v1/exchanges/${x.id}`);

		const noVersion = await call('editor', 'PATCH', `/api/v1/exchanges/${x.id}`, { titleKo: 'x' });
		expect(noVersion.status).toBe(400);
		expect(noVersion.body.error.fields).toEqual({ version: 'form_version_required' });

		const edited = await call('editor', 'PATCH', `/api/v1/exchanges/${x.id}`, {
			version: 1,
			titleKo: '제2차 경기도–허베이성 교류협력회의',
			date: '2021-09'
		});
		expect(edited.status).toBe(200);
		expect(edited.body.data).toMatchObject({
			version: 2,
			datePrecision: 'month',
			participants: 20,
			partners: [expect.objectContaining({ nameKo: '허베이성' })]
		});

		const stale = await call('editor', 'PATCH', `/api/v1/exchanges/${x.id}`, {
			version: 1,
			titleKo: '덮어쓰기 시도'
		});
		expect(stale.status).toBe(409);
		expect(stale.body.error.code).toBe('conflict');
		expect((await call('viewer', 'GET', `/api/v1/exchanges/${x.id}`)).body.data.titleKo).toBe(
			'제2차 경기도–허베이성 교류협력회의'
		);

		expect((await call('editor', 'DELETE', `/api/v1/exchanges/${x.id}`)).status).toBe(200);
		expect((await call('viewer', 'GET', `/api/v1/exchanges/${x.id}`)).status).toBe(404);
		expect((await call('editor', 'DELETE', `/api/v1/exchanges/${x.id}`)).status).toBe(404);
		expect(audit('exchange', x.id)).toEqual(['create', 'update', 'delete']);

		const restored = await post('editor', '/trash?/restore', {
			type: 'exchange',
			id: String(x.id)
		});
		expect(restored.status).toBe(200);
		expect(audit('exchange', x.id)).toEqual(['create', 'update', 'delete', 'restore']);
	});

	it('never shows a confidential exchange to a viewer', async () => {
		const c = await call('editor', 'POST', '/api/v1/exchanges', {
			type: 'meeting',
			date: '2021-01-05',
			titleKo: '대외비 협의',
			visibility: 'confidential'
		});
		const id = c.body.data.id;
		expect((await call('viewer', 'GET', `/api/v1/exchanges/${id}`)).status).toBe(404);
		const list = await call('viewer', 'GET', '/api/v1/exchanges?limit=200');
		expect(list.body.data.map((x: { id: number }) => x.id)).not.toContain(id);
		expect((await call('editor', 'GET', `/api/v1/exchanges/${id}`)).status).toBe(200);
		const csv = await fetch(`${app.url}/exchanges/export.csv`, {
			headers: { cookie: cookie.viewer }
		});
		expect(await csv.text()).not.toContain('대외비 협의');
	});
});

describe('agreements and follow-ups API', () => {
	it('creates an agreement, changes its status with history, and runs a follow-up to done', async () => {
		const a = await call('editor', 'POST', '/api/v1/agreements', {
			kind: 'commitment',
			titleKo: '교류협력회의 정기 개최',
			status: 'agreed',
			exchangeId: 1,
			due: '2020'
		});
		expect(a.status).toBe(201);
		const id = a.body.data.id;
		const moved = await call('editor', 'PATCH', `/api/v1/agreements/${id}`, {
			version: 1,
			status: 'postponed',
			due: '2021'
		});
		expect(moved.status).toBe(200);
		expect(moved.body.data.history.at(-1)).toMatchObject({
			status: 'postponed',
			dueFrom: '2020',
			dueTo: '2021'
		});
		expect((await call('editor', 'PATCH', `/api/v1/agreements/${id}`, { version: 1 })).status).toBe(
			409
		);
		const bad = await call('editor', 'PATCH', `/api/v1/agreements/${id}`, {
			version: 2,
			due: '2021-02-30',
			organizationIds: [424242]
		});
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toEqual({ due: 'ex_date_invalid' });

		const f = await call('editor', 'POST', '/api/v1/follow-ups', {
			agreementId: id,
			action: '정기회의 일정 협의',
			owner: '국제협력팀',
			dueDate: '2021-03-31'
		});
		expect(f.status).toBe(201);
		const listed = await call('viewer', 'GET', `/api/v1/follow-ups?agreement=${id}&open=1`);
		expect(listed.body.data.map((x: { id: number }) => x.id)).toEqual([f.body.data.id]);
		const done = await call('editor', 'PATCH', `/api/v1/follow-ups/${f.body.data.id}`, {
			version: 1,
			done: true
		});
		expect(done.body.data.doneAt).not.toBeNull();
		expect(
			(await call('viewer', 'PATCH', `/api/v1/follow-ups/${f.body.data.id}`, { version: 2 })).status
		).toBe(403);
		expect((await call('editor', 'DELETE', `/api/v1/follow-ups/${f.body.data.id}`)).status).toBe(
			200
		);
		expect(audit('follow_up', f.body.data.id)).toEqual(['create', 'update', 'delete']);

		const overdue = await call('viewer', 'GET', '/api/v1/agreements?overdue=1&limit=200');
		expect(overdue.body.data.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
		expect((await call('editor', 'DELETE', `/api/v1/agreements/${id}`)).status).toBe(200);
		expect((await call('viewer', 'GET', `/api/v1/agreements/${id}`)).status).toBe(404);
		expect(audit('agreement', id)).toEqual(['create', 'update', 'delete']);
	});
});

describe('form actions posted by hand', () => {
	it('refuse viewers with 403 on every write', async () => {
		const writes: [string, Record<string, string>][] = [
			['/exchanges/new', { type: 'meeting', date: '2021' }],
			['/exchanges/1/edit', { type: 'meeting', date: '2021', version: '1' }],
			['/exchanges/1?/delete', {}],
			['/agreements/new', { kind: 'mou', titleKo: 'x', status: 'agreed' }],
			['/agreements/1/edit', { kind: 'mou', titleKo: 'x', status: 'agreed', version: '1' }],
			['/agreements/1?/delete', {}],
			['/agreements/1?/status', { status: 'completed', version: '1' }],
			['/agreements/1?/addFollowUp', { action: 'x' }],
			['/agreements/1?/followUpDone', { followUpId: '1', version: '1', done: '1' }],
			['/agreements/1?/deleteFollowUp', { followUpId: '1' }],
			['/trash?/restore', { type: 'exchange', id: '1' }],
			['/trash?/purge', { type: 'exchange', id: '1' }]
		];
		for (const [path, form] of writes)
			expect((await post('viewer', path, form)).status, path).toBe(403);
		expect((await post('editor', '/trash?/purge', { type: 'exchange', id: '1' })).status).toBe(403);
	});

	it('show errors in the reader’s language and keep what was typed', async () => {
		const r = await post('editor', '/exchanges/new', {
			type: 'video_conference',
			date: '2020-02-30',
			titleKo: '허베이성 회의 초안',
			participants: '-3'
		});
		expect(r.status).toBe(400);
		expect(r.html).toContain('없는 날짜입니다');
		expect(r.html).toContain('0보다 작을 수 없습니다');
		expect(r.html).toContain('value="허베이성 회의 초안"');
	});

	it('store HTML and script as text and render it escaped', async () => {
		const r = await post('editor', '/exchanges/new', {
			type: 'meeting',
			date: '2021-02-02',
			titleKo: '<script>alert("x")</script>',
			notes: '<img src=x onerror=alert(1)>'
		});
		expect(r.status).toBe(303);
		const page = await fetch(app.url + r.location!, { headers: { cookie: cookie.viewer } });
		const html = await page.text();
		expect(html).toContain('&lt;script>alert("x")&lt;/script>');
		expect(html).not.toContain('<script>alert("x")</script>');
		expect(html).not.toContain('<img src=x');
	});

	it('refuse a stale edit with a clear message and overwrite nothing', async () => {
		const created = await post('editor', '/exchanges/new', {
			type: 'forum',
			date: '2021-03-03',
			titleKo: '원본'
		});
		const id = created.location!.split('/').pop();
		const form = { type: 'forum', date: '2021-03-03', version: '1' };
		expect(
			(await post('editor', `/exchanges/${id}/edit`, { ...form, titleKo: '첫 저장' })).status
		).toBe(303);
		const second = await post('editor', `/exchanges/${id}/edit`, {
			...form,
			titleKo: '두 번째 저장'
		});
		expect(second.status).toBe(409);
		expect(second.html).toContain('다른 사람이 이 기록을 먼저 수정했습니다');
		expect(second.html).toContain('value="두 번째 저장"');
		const now = await call('viewer', 'GET', `/api/v1/exchanges/${id}`);
		expect(now.body.data.titleKo).toBe('첫 저장');
	});
});

describe('list and form pages', () => {
	it('keep one URL per filter: blank fields vanish, lists are comma-joined', async () => {
		const r = await fetch(`${app.url}/exchanges?q=&type=meeting&type=forum&from=&sort=date_desc`, {
			redirect: 'manual',
			headers: { cookie: cookie.viewer }
		});
		expect(r.status).toBe(307);
		expect(r.headers.get('location')).toBe('/exchanges?type=meeting%2Cforum');
	});

	it('prefill "duplicate as new" from an existing exchange, without its date', async () => {
		const r = await fetch(`${app.url}/exchanges/new?from=2`, {
			headers: { cookie: cookie.editor }
		});
		const html = await r.text();
		expect(r.status).toBe(200);
		expect(html).toMatch(/name="titleKo"[^>]*value="[^"]+"/);
		expect(html).toMatch(/name="date"[^>]*value=""/);
		expect(html).toContain('name="partnerId"');
	});
});

describe('CSV export', () => {
	it('writes the filtered rows as UTF-8 with a BOM, neutralising formulas, at the field maxima', async () => {
		const long = '요'.repeat(20_000);
		await call('editor', 'POST', '/api/v1/exchanges', {
			type: 'forum',
			date: '2022-05-05',
			titleKo: '=HYPERLINK("http://evil")' + '가'.repeat(270),
			summaryKo: long,
			location: '-1+2'
		});
		const r = await fetch(`${app.url}/exchanges/export.csv?from=2022-01-01&to=2022-12-31`, {
			headers: { cookie: cookie.viewer }
		});
		expect(r.headers.get('content-type')).toContain('text/csv');
		const bytes = new Uint8Array(await r.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		const lines = text.trim().split('\r\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toContain('제목');
		expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")`);
		expect(lines[1]).toContain(",'-1+2,");
		expect(lines[1]).toContain(long);
	});
});
