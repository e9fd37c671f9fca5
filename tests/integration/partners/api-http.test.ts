/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely here */
/**
 * The partner, tie, person, source, search and attachment API over HTTP against the built
 * app (BUILD_OUT), with tokens and cookies as real clients send them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createApiToken } from '../../../src/lib/server/auth/api-tokens';
import { organizations } from '../../../src/lib/server/db/schema';
import { getUserByEmail } from '../../../src/lib/server/auth/users';
import { EDITOR, VIEWER, cookieFor, startServer, type RunningServer } from '../../helpers/server';
import { addExchange, pdfBytes } from '../../helpers/partners';

let app: RunningServer;
const tokens = { editor: '', editorRead: '', viewer: '' };

beforeAll(async () => {
	app = await startServer({
		prepare: (db) => {
			const editor = getUserByEmail(db, EDITOR.email)!;
			const viewer = getUserByEmail(db, VIEWER.email)!;
			tokens.editor = createApiToken(db, editor.id, 'test', 'write', null).token;
			tokens.editorRead = createApiToken(db, editor.id, 'read', 'read', null).token;
			tokens.viewer = createApiToken(db, viewer.id, 'viewer', 'write', null).token;
			const shandong = db
				.select()
				.from(organizations)
				.where(eq(organizations.nameKo, '산둥성'))
				.get()!;
			addExchange(db, editor, shandong.id, {
				titleKo: '비밀 사전협의 산둥',
				visibility: 'confidential'
			});
		}
	});
}, 60_000);
afterAll(() => app?.stop());

type Who = keyof typeof tokens;
async function call(
	who: Who | null,
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {}
) {
	const r = await fetch(`${app.url}/api/v1${path}`, {
		method,
		headers: {
			...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
			...(body !== undefined && !(body instanceof Uint8Array)
				? { 'content-type': 'application/json' }
				: {}),
			...headers
		},
		body:
			body === undefined
				? undefined
				: body instanceof Uint8Array
					? (body as Uint8Array<ArrayBuffer>)
					: JSON.stringify(body)
	});
	const text = await r.text();
	let json: any = null;
	try {
		json = JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: r.status, json, headers: r.headers };
}

describe('partners API', () => {
	it('lists, searches by alias and suggests, for any signed-in reader', async () => {
		expect((await call(null, 'GET', '/partners')).status).toBe(401);
		const r = await call('viewer', 'GET', `/partners?q=${encodeURIComponent('산동성')}`);
		expect(r.status).toBe(200);
		expect(r.json.data.map((p: any) => p.nameKo)).toEqual(['산둥성']);
		expect(r.json).toMatchObject({ total: 1, page: 1, pageCount: 1 });
		const s = await call('viewer', 'GET', `/partners/suggest?q=${encodeURIComponent('산둥')}`);
		expect(s.json.data[0]).toMatchObject({ nameKo: '산둥성', country: 'CN' });
	});

	it('creates, reads, updates with the version, refuses stale saves, deletes', async () => {
		const bad = await call('editor', 'POST', '/partners', {
			nameKo: '',
			scope: 'planet',
			notes: 'a\u0001b',
			nameEn: 'x'.repeat(201)
		});
		expect(bad.status).toBe(400);
		expect(bad.json.error).toMatchObject({
			code: 'validation',
			fields: {
				nameKo: 'required',
				scope: 'partner_scope_invalid',
				notes: 'text_control_chars',
				nameEn: 'text_max_200'
			}
		});
		const c = await call('editor', 'POST', '/partners', {
			nameKo: '<script>alert(1)</script>닝샤',
			scope: 'foreign',
			country: 'cn',
			aliases: ['Ningxia', '寧夏']
		});
		expect(c.status).toBe(201);
		expect(c.headers.get('location')).toBe(`/api/v1/partners/${c.json.data.id}`);
		expect(c.json.data).toMatchObject({
			nameKo: '<script>alert(1)</script>닝샤',
			country: 'CN',
			version: 1
		});
		expect(c.json.data.aliases).toEqual(expect.arrayContaining(['Ningxia', '寧夏']));
		const id = c.json.data.id;
		const p1 = await call('editor', 'PATCH', `/partners/${id}`, {
			nameEn: 'Ningxia Hui',
			version: 1
		});
		expect(p1.status).toBe(200);
		expect(p1.json.data).toMatchObject({
			nameEn: 'Ningxia Hui',
			version: 2,
			nameKo: '<script>alert(1)</script>닝샤'
		});
		const stale = await call('editor', 'PATCH', `/partners/${id}`, { nameEn: 'Other', version: 1 });
		expect(stale.status).toBe(409);
		expect(stale.json.error.code).toBe('conflict');
		expect(
			(await call('editor', 'PATCH', `/partners/${id}`, { nameEn: 'x' })).json.error.fields
		).toMatchObject({ version: 'partner_version_missing' });
		expect((await call('editor', 'PATCH', `/partners/${id}`, '[1]')).status).toBe(400);
		expect((await call('viewer', 'GET', `/partners/${id}`)).json.data.organization.nameEn).toBe(
			'Ningxia Hui'
		);
		expect((await call('editor', 'DELETE', `/partners/${id}`)).status).toBe(200);
		expect((await call('viewer', 'GET', `/partners/${id}`)).status).toBe(404);
		expect((await call('editor', 'DELETE', `/partners/${id}`)).status).toBe(404);
		expect((await call('viewer', 'GET', '/partners/abc')).status).toBe(404);
	});

	it("shows a partner's story without confidential exchanges to a viewer", async () => {
		const list = await call('viewer', 'GET', `/partners?q=${encodeURIComponent('산둥성')}`);
		const id = list.json.data[0].id;
		const asViewer = await call('viewer', 'GET', `/partners/${id}`);
		const asEditor = await call('editor', 'GET', `/partners/${id}`);
		expect(JSON.stringify(asViewer.json)).not.toContain('비밀 사전협의');
		expect(asEditor.json.data.exchanges.map((e: any) => e.titleKo)).toContain('비밀 사전협의 산둥');
		expect(list.json.data[0].exchangeCount).toBe(1);
	});

	it('merges a duplicate over the API', async () => {
		const dup = await call('editor', 'POST', '/partners', {
			nameKo: '하북성 인민정부',
			scope: 'foreign',
			country: 'CN'
		});
		const keep = (await call('viewer', 'GET', `/partners?q=${encodeURIComponent('허베이성')}`)).json
			.data[0].id;
		const m = await call('editor', 'POST', `/partners/${keep}/merge`, {
			mergeId: dup.json.data.id
		});
		expect(m.status).toBe(200);
		expect(m.json.data.moved).toMatchObject({ exchanges: 0 });
		expect(
			(await call('viewer', 'GET', `/partners?q=${encodeURIComponent('하북성 인민정부')}`)).json
				.data[0].id
		).toBe(keep);
		expect(
			(await call('editor', 'POST', `/partners/${keep}/merge`, { mergeId: keep })).status
		).toBe(400);
	});
});

describe('every write refuses a viewer and a read-only token', () => {
	const writes: [string, string][] = [
		['POST', '/partners'],
		['PATCH', '/partners/1'],
		['DELETE', '/partners/1'],
		['POST', '/partners/1/merge'],
		['POST', '/ties'],
		['PATCH', '/ties/1'],
		['DELETE', '/ties/1'],
		['POST', '/people'],
		['PATCH', '/people/1'],
		['DELETE', '/people/1'],
		['POST', '/sources'],
		['PATCH', '/sources/1'],
		['DELETE', '/sources/1'],
		['PUT', '/partners/1/attachments/a.pdf'],
		['DELETE', '/attachments/1']
	];
	it.each(writes)('%s %s', async (method, path) => {
		for (const who of ['viewer', 'editorRead'] as const) {
			const r = await call(who, method, path, { nameKo: 'x', scope: 'domestic', version: 1 });
			expect(r.status, who).toBe(403);
		}
		expect((await call(null, method, path, {})).status).toBe(401);
	});

	it('refuses a cookie-authenticated write from another site', async () => {
		const cookie = await cookieFor(app.url, EDITOR);
		const r = await fetch(`${app.url}/api/v1/partners`, {
			method: 'POST',
			headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
			body: JSON.stringify({ nameKo: '악성', scope: 'domestic' })
		});
		expect(r.status).toBe(403);
		const same = await fetch(`${app.url}/api/v1/partners`, {
			method: 'POST',
			headers: { cookie, origin: app.url, 'content-type': 'application/json' },
			body: JSON.stringify({ nameKo: '쿠키로 만든 상대', scope: 'domestic' })
		});
		expect(same.status).toBe(201);
	});
});

describe('ties, people and sources API', () => {
	it('adds friendship 2008 then sister 2009 as two dated ties, and ends the first', async () => {
		const jilin = (await call('viewer', 'GET', `/partners?q=${encodeURIComponent('지린')}`)).json
			.data[0].id;
		const f = await call('editor', 'POST', '/ties', {
			organizationId: jilin,
			kind: 'friendship',
			date: '2008'
		});
		expect(f.status).toBe(201);
		const ended = await call('editor', 'PATCH', `/ties/${f.json.data.id}`, {
			status: 'ended',
			endedOn: '2009-05-12',
			version: 1
		});
		expect(ended.json.data).toMatchObject({
			status: 'ended',
			endedOn: '2009-05-12',
			datePrecision: 'year',
			dateStart: '2008-01-01'
		});
		expect(
			(
				await call('editor', 'POST', '/ties', {
					organizationId: jilin,
					kind: 'sister',
					date: '2009-05'
				})
			).status
		).toBe(201);
		const list = await call('viewer', 'GET', `/ties?partner=${jilin}`);
		expect(list.json.data.map((t: any) => [t.kind, t.status])).toEqual([
			['friendship', 'ended'],
			['sister', 'active']
		]);
		expect(
			(await call('editor', 'POST', '/ties', { organizationId: 99999, kind: 'mou' })).json.error
				.fields
		).toEqual({ organizationId: 'partner_unknown' });
		expect(
			(
				await call('editor', 'POST', '/ties', {
					organizationId: jilin,
					kind: 'mou',
					date: '2020-02-30'
				})
			).json.error.fields
		).toEqual({ date: 'partner_date_invalid' });
		expect((await call('viewer', 'GET', '/ties')).status).toBe(400);
		expect((await call('editor', 'DELETE', `/ties/${f.json.data.id}`)).status).toBe(200);
		expect((await call('viewer', 'GET', `/ties/${f.json.data.id}`)).status).toBe(404);
	});

	it('creates, finds, updates and deletes a person', async () => {
		const c = await call('editor', 'POST', '/people', {
			nameKo: '장 처장',
			nameNative: '张处长',
			email: 'zhang@example.cn'
		});
		expect(c.status).toBe(201);
		expect(
			(await call('editor', 'POST', '/people', { nameKo: 'x', organizationId: 99999 })).status
		).toBe(400);
		const id = c.json.data.id;
		expect(
			(await call('viewer', 'GET', `/people?q=${encodeURIComponent('처장')}`)).json.data.map(
				(p: any) => p.id
			)
		).toEqual([id]);
		const u = await call('editor', 'PATCH', `/people/${id}`, { title: '처장', version: 1 });
		expect(u.json.data).toMatchObject({ title: '처장', email: 'zhang@example.cn', version: 2 });
		expect((await call('viewer', 'GET', `/people/${id}`)).json.data.person.nameNative).toBe(
			'张处长'
		);
		expect((await call('editor', 'DELETE', `/people/${id}`)).status).toBe(200);
	});

	it('creates a source, shows what was made from it, updates and deletes it', async () => {
		const c = await call('editor', 'POST', '/sources', {
			title: '보도자료',
			url: 'https://example.org/a',
			publishedAt: '2021-03-04T10:00',
			body: '본문'
		});
		expect(c.status).toBe(201);
		expect(c.json.data.publishedAt).toBe('2021-03-04T01:00:00.000Z');
		expect(
			(await call('editor', 'POST', '/sources', { title: 'x', url: 'javascript:alert(1)' })).json
				.error.fields
		).toEqual({ url: 'source_url_invalid' });
		const article = (await call('viewer', 'GET', `/sources?q=${encodeURIComponent('온라인')}`)).json
			.data[0];
		const detail = await call('viewer', 'GET', `/sources/${article.id}`);
		expect(detail.json.data.records.filter((r: any) => r.type === 'exchange')).toHaveLength(7);
		const u = await call('editor', 'PATCH', `/sources/${c.json.data.id}`, {
			publisher: '경기도',
			version: 1
		});
		expect(u.json.data).toMatchObject({
			publisher: '경기도',
			publishedAt: '2021-03-04T01:00:00.000Z',
			version: 2
		});
		expect((await call('editor', 'DELETE', `/sources/${c.json.data.id}`)).status).toBe(200);
	});
});

describe('search API', () => {
	it('finds 산둥성 by two syllables and exchanges by three, never a confidential one for a viewer', async () => {
		const short = await call('viewer', 'GET', `/search?q=${encodeURIComponent('산둥')}`);
		expect(short.json.data.mode).toBe('short');
		expect(short.json.data.groups[0].hits[0].titleKo).toBe('산둥성');
		const secret = encodeURIComponent('사전협의');
		expect(JSON.stringify((await call('viewer', 'GET', `/search?q=${secret}`)).json)).not.toContain(
			'비밀'
		);
		expect(JSON.stringify((await call('editor', 'GET', `/search?q=${secret}`)).json)).toContain(
			'비밀 사전협의 산둥'
		);
		const typed = await call(
			'viewer',
			'GET',
			`/search?q=${encodeURIComponent('허베이')}&type=exchange`
		);
		expect(typed.json.data.groups.map((g: any) => g.type)).toEqual(['exchange']);
	});
});

describe('attachments API', () => {
	it('takes a raw PDF body, lists it, serves it back byte for byte, and deletes it to the trash', async () => {
		const bytes = pdfBytes('회의록');
		const put = await call(
			'editor',
			'PUT',
			`/sources/1/attachments/${encodeURIComponent('회의록.pdf')}`,
			bytes,
			{ 'content-type': 'application/pdf' }
		);
		expect(put.status).toBe(201);
		expect(put.json.data).toMatchObject({
			filename: '회의록.pdf',
			mimeType: 'application/pdf',
			size: bytes.length
		});
		const list = await call('viewer', 'GET', '/sources/1/attachments');
		expect(list.json.data.map((a: any) => a.filename)).toEqual(['회의록.pdf']);
		const file = await fetch(`${app.url}/api/v1/attachments/${put.json.data.id}`, {
			headers: { authorization: `Bearer ${tokens.viewer}` }
		});
		expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
		expect(file.headers.get('content-disposition')).toContain(
			"filename*=UTF-8''%ED%9A%8C%EC%9D%98%EB%A1%9D.pdf"
		);
		expect((await call('editor', 'DELETE', `/attachments/${put.json.data.id}`)).status).toBe(200);
		expect((await call('viewer', 'GET', `/attachments/${put.json.data.id}`)).status).toBe(404);
	});

	it('refuses form bodies, mislabelled and unknown formats, oversized files and unknown records', async () => {
		const pdf = pdfBytes();
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		// SvelteKit's own CSRF check refuses a form body from another origin; ours refuses it from any.
		expect((await call('editor', 'PUT', '/sources/1/attachments/a.pdf', pdf, form)).status).toBe(
			403
		);
		expect(
			(
				await call('editor', 'PUT', '/sources/1/attachments/a.pdf', pdf, {
					...form,
					origin: app.url
				})
			).status
		).toBe(415);
		expect(
			(
				await call('editor', 'PUT', '/sources/1/attachments/a.pdf', pdf, {
					'content-type': 'image/png'
				})
			).status
		).toBe(415);
		expect(
			(
				await call('editor', 'PUT', '/sources/1/attachments/a.exe', pdf, {
					'content-type': 'application/octet-stream'
				})
			).status
		).toBe(415);
		const big = new Uint8Array(20 * 1024 * 1024 + 1);
		big.set(pdf);
		expect(
			(
				await call('editor', 'PUT', '/sources/1/attachments/big.pdf', big, {
					'content-type': 'application/pdf'
				})
			).status
		).toBe(413);
		expect(
			(
				await call('editor', 'PUT', '/sources/99999/attachments/a.pdf', pdf, {
					'content-type': 'application/pdf'
				})
			).status
		).toBe(404);
		expect(
			(
				await call('editor', 'PUT', '/users/1/attachments/a.pdf', pdf, {
					'content-type': 'application/pdf'
				})
			).status
		).toBe(404);
	});

	it("hides a confidential exchange's files from a viewer", async () => {
		const mine = await call(
			'editor',
			'GET',
			`/search?q=${encodeURIComponent('사전협의')}&type=exchange`
		);
		const exchangeId = mine.json.data.groups[0].hits[0].id;
		const put = await call(
			'editor',
			'PUT',
			`/exchanges/${exchangeId}/attachments/memo.pdf`,
			pdfBytes('memo'),
			{ 'content-type': 'application/pdf' }
		);
		expect(put.status).toBe(201);
		expect((await call('viewer', 'GET', `/exchanges/${exchangeId}/attachments`)).status).toBe(404);
		expect((await call('viewer', 'GET', `/attachments/${put.json.data.id}`)).status).toBe(404);
		expect((await call('editor', 'GET', `/attachments/${put.json.data.id}`)).status).toBe(200);
	});
});

describe('OpenAPI description', () => {
	it('documents every collection, with request bodies from the schemas', async () => {
		const r = await call('viewer', 'GET', '/openapi.json');
		expect(r.json.openapi).toBe('3.1.0');
		for (const p of [
			'/partners',
			'/partners/{id}',
			'/ties',
			'/exchanges',
			'/exchanges/{id}',
			'/agreements',
			'/follow-ups/{id}',
			'/people',
			'/sources/{id}',
			'/search',
			'/{entity}/{id}/attachments/{filename}'
		])
			expect(Object.keys(r.json.paths), p).toContain(p);
		expect(r.json.components.schemas.PartnerInput.properties.nameKo).toMatchObject({
			type: 'string',
			maxLength: 200
		});
		expect(r.json.components.schemas.ExchangeInput.required).toEqual(['type', 'titleKo', 'date']);
	});
});
