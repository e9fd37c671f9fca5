/**
 * The partner, person and source pages' form actions posted as a browser (or a person by
 * hand) would, the CSV exports, the audit page and API tokens on the profile page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ADMIN,
	EDITOR,
	VIEWER,
	cookieFor,
	startServer,
	type RunningServer
} from '../../helpers/server';
import { pdfBytes } from '../../helpers/partners';

let app: RunningServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
	app = await startServer();
	cookies.viewer = await cookieFor(app.url, VIEWER);
	cookies.editor = await cookieFor(app.url, EDITOR);
	cookies.admin = await cookieFor(app.url, ADMIN);
}, 60_000);
afterAll(() => app?.stop());

async function post(who: string, path: string, fields: Record<string, string> | FormData) {
	const r = await fetch(app.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie: cookies[who], origin: app.url, accept: 'text/html' },
		body: fields instanceof FormData ? fields : new URLSearchParams(fields)
	});
	return { status: r.status, location: r.headers.get('location'), html: await r.text() };
}
async function get(who: string | null, path: string) {
	const r = await fetch(app.url + path, {
		redirect: 'manual',
		headers: who ? { cookie: cookies[who] } : {}
	});
	const bytes = new Uint8Array(await r.arrayBuffer());
	// Decoded keeping a byte-order mark, which Response.text() would drop.
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
	return { status: r.status, headers: r.headers, text };
}
const partnerId = async (name: string) => {
	const r = await fetch(`${app.url}/api/v1/partners?q=${encodeURIComponent(name)}`, {
		headers: { cookie: cookies.viewer }
	});
	return ((await r.json()) as { data: { id: number }[] }).data[0].id;
};

describe('partner forms', () => {
	it('creates a partner and shows markup in its name as text', async () => {
		const r = await post('editor', '/partners/new', {
			nameKo: '<img src=x onerror=alert(1)>광둥성',
			scope: 'foreign',
			country: 'CN',
			level: 'province',
			aliases: '광동성\nGuangdong'
		});
		expect(r.status).toBe(303);
		const page = await get('viewer', r.location!);
		expect(page.text).toContain('&lt;img src=x onerror=alert(1)>광둥성');
		expect(page.text).not.toContain('<img src=x');
	});

	it('keeps what was typed and shows each error next to its field', async () => {
		const r = await post('editor', '/partners/new', {
			nameKo: '',
			nameEn: 'Typed English name',
			scope: 'foreign',
			country: 'China',
			notes: 'a\u0007b'
		});
		expect(r.status).toBe(400);
		expect(r.html).toContain('필수 입력 항목입니다.');
		expect(r.html).toContain('두 글자 국가 코드로 입력하세요');
		expect(r.html).toContain('value="Typed English name"');
		expect(r.html).toMatch(/id="p-name-ko"[^>]*aria-invalid="true"/);
	});

	it('refuses the second of two saves from the same version, overwriting nothing', async () => {
		const id = await partnerId('지린성');
		const base = {
			nameKo: '지린성',
			scope: 'foreign',
			country: 'CN',
			level: 'province',
			version: '1'
		};
		expect(
			(await post('editor', `/partners/${id}/edit`, { ...base, notes: '첫 번째' })).status
		).toBe(303);
		const second = await post('admin', `/partners/${id}/edit`, { ...base, notes: '두 번째' });
		expect(second.status).toBe(409);
		expect(second.html).toContain('그사이 다른 사람이 이 기록을 고쳤습니다');
		expect(second.html).toContain('두 번째');
		expect((await get('viewer', `/partners/${id}`)).text).toContain('첫 번째');
	});

	it('adds and ends ties on the partner page, and refuses a viewer posting by hand', async () => {
		const id = await partnerId('충칭시');
		expect(
			(await post('viewer', `/partners/${id}?/addTie`, { kind: 'friendship', date: '2008' })).status
		).toBe(403);
		expect(
			(
				await post('editor', `/partners/${id}?/addTie`, {
					kind: 'friendship',
					date: '2008',
					status: 'active'
				})
			).status
		).toBe(200);
		const bad = await post('editor', `/partners/${id}?/addTie`, {
			kind: 'sister',
			date: '2009-02-30'
		});
		expect(bad.status).toBe(400);
		expect(bad.html).toContain('없는 날짜입니다');
		const ties = (await (
			await fetch(`${app.url}/api/v1/ties?partner=${id}`, { headers: { cookie: cookies.viewer } })
		).json()) as { data: { id: number; version: number }[] };
		const tieId = ties.data[0].id;
		expect(
			(await post('viewer', `/partners/${id}?/endTie`, { tieId: String(tieId), version: '1' }))
				.status
		).toBe(403);
		expect(
			(
				await post('editor', `/partners/${id}?/endTie`, {
					tieId: String(tieId),
					version: '1',
					endedOn: '2009-05-12'
				})
			).status
		).toBe(200);
		const page = await get('viewer', `/partners/${id}`);
		expect(page.text).toContain('우호협력');
		expect(page.text).toContain('2009. 5. 12.');
		expect(page.text).not.toContain('?/addTie');
		expect(page.text).not.toContain(`/partners/${id}/edit`);
		expect(
			(await post('viewer', `/partners/${id}?/merge`, { mergeId: '1', confirm: 'yes' })).status
		).toBe(403);
		expect((await post('viewer', `/partners/${id}?/delete`, {})).status).toBe(403);
		expect(
			(
				await post('viewer', `/partners/${id}/edit`, {
					nameKo: 'x',
					scope: 'domestic',
					version: '1'
				})
			).status
		).toBe(403);
		expect((await post('viewer', '/partners/new', { nameKo: 'x', scope: 'domestic' })).status).toBe(
			403
		);
	});

	it('offers to merge the partners of the same country or of none, and says when there are none', async () => {
		const hubei = await get('editor', `/partners/${await partnerId('허베이성')}`);
		expect(hubei.text).toContain(`충칭시 (CN) · #${await partnerId('충칭시')}`);
		expect(hubei.text).toContain(
			`세계지방정부연합 아태지부 · #${await partnerId('세계지방정부연합 아태지부')}`
		);
		expect(hubei.text).not.toContain(`가나가와현 (JP) · #`);
		// The only partner without a country has no candidate: no form, a sentence instead.
		const uclg = await get('editor', `/partners/${await partnerId('세계지방정부연합 아태지부')}`);
		expect(uclg.text).toContain('합칠 수 있는 상대가 없습니다');
		expect(uclg.text).not.toContain('action="?/merge"');
	});

	it('asks to confirm a merge', async () => {
		const id = await partnerId('허베이성');
		const r = await post('editor', `/partners/${id}?/merge`, {
			mergeId: String(await partnerId('충칭시'))
		});
		expect(r.status).toBe(400);
		expect(r.html).toContain('합치기를 확인해 주세요');
	});

	it('uploads, lists, downloads and deletes a file from the page', async () => {
		const id = await partnerId('산둥성');
		const form = new FormData();
		form.set('file', new Blob([pdfBytes('page')], { type: 'application/pdf' }), '산둥 협약.pdf');
		expect((await post('viewer', `/partners/${id}?/uploadAttachment`, form)).status).toBe(403);
		expect((await post('editor', `/partners/${id}?/uploadAttachment`, form)).status).toBe(200);
		const page = (await get('viewer', `/partners/${id}`)).text;
		const fileId = /href="\/attachments\/(\d+)"/.exec(page)![1];
		expect(page).toContain('산둥 협약.pdf');
		const file = await get('viewer', `/attachments/${fileId}`);
		expect(file.headers.get('content-type')).toBe('application/pdf');
		expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect((await get(null, `/attachments/${fileId}`)).status).toBe(401);
		const exe = new FormData();
		exe.set('file', new Blob(['MZ']), 'run.exe');
		expect((await post('editor', `/partners/${id}?/uploadAttachment`, exe)).html).toContain(
			'파일만 올릴 수 있습니다'
		);
		expect(
			(await post('editor', `/partners/${id}?/deleteAttachment`, { attachmentId: fileId })).status
		).toBe(200);
		expect((await get('viewer', `/attachments/${fileId}`)).status).toBe(404);
	});
});

describe('people and source forms', () => {
	it('creates a person at a partner, and a source with its text', async () => {
		const org = await partnerId('산둥성');
		const p = await post('editor', '/people/new', {
			nameKo: '왕밍',
			organizationId: String(org),
			email: 'not-an-email'
		});
		expect(p.status).toBe(400);
		expect(p.html).toContain('이메일 주소가 올바르지 않습니다');
		const ok = await post('editor', '/people/new', { nameKo: '왕밍', organizationId: String(org) });
		expect(ok.status).toBe(303);
		expect((await get('viewer', `/partners/${org}`)).text).toContain('왕밍');
		const s = await post('editor', '/sources/new', {
			title: '산둥성 보도자료',
			body: '=cmd|calc 산둥성과 협력',
			url: 'https://example.org/x'
		});
		expect(s.status).toBe(303);
		expect((await get('viewer', s.location!)).text).toContain('=cmd|calc 산둥성과 협력');
		expect((await post('viewer', '/sources/new', { title: 'x' })).status).toBe(403);
		expect((await post('viewer', `${s.location}?/delete`, {})).status).toBe(403);
	});
});

describe('CSV exports', () => {
	it('exports the filtered partner list with a BOM, Korean headers and formula cells neutralised', async () => {
		const long = '가'.repeat(200);
		await post('editor', '/partners/new', { nameKo: '=HYPERLINK("http://x")', scope: 'domestic' });
		await post('editor', '/partners/new', {
			nameKo: long,
			scope: 'domestic',
			notes: '나'.repeat(20_000)
		});
		expect((await get(null, '/partners/export.csv')).status).toBe(401);
		const r = await get('viewer', '/partners/export.csv?scope=domestic');
		expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(r.text.startsWith('\uFEFFID,한글 이름')).toBe(true);
		expect(r.text).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(r.text).toContain(long);
		expect(r.text).not.toContain('산둥성');
		const one = await get('viewer', `/partners/export.csv?q=${encodeURIComponent('산동성')}`);
		expect(one.text.trim().split('\r\n')).toHaveLength(2);
	});

	it('exports people and sources, and the audit log for admins only', async () => {
		expect((await get('viewer', '/people/export.csv')).text).toContain('왕밍');
		expect(
			(await get('viewer', `/sources/export.csv?q=${encodeURIComponent('보도자료')}`)).text
		).toContain('산둥성 보도자료');
		expect((await get('editor', '/admin/audit/export.csv')).status).toBe(403);
		const audit = await get('admin', '/admin/audit/export.csv?type=organization&action=create');
		expect(audit.text.startsWith('\uFEFF')).toBe(true);
		expect(audit.text).toContain('교류 상대');
	});
});

describe('admin audit page', () => {
	it('lists changes with filters for admins only', async () => {
		expect((await get('editor', '/admin/audit')).status).toBe(403);
		const r = await get('admin', '/admin/audit?action=update&type=organization');
		expect(r.status).toBe(200);
		expect(r.text).toContain('첫 번째');
		expect(r.text).not.toContain('광동성');
	});
});

describe('API tokens on the profile page', () => {
	it('creates a token shown once, which then reads the API until revoked', async () => {
		const r = await post('viewer', '/profile?/createToken', {
			name: '엑셀 연동',
			scope: 'read',
			lifetime: '30'
		});
		const token = /value="(gyr_[a-z0-9]+)"/.exec(r.html)![1];
		const use = () =>
			fetch(`${app.url}/api/v1/partners`, { headers: { authorization: `Bearer ${token}` } });
		expect((await use()).status).toBe(200);
		const profile = (await get('viewer', '/profile')).text;
		expect(profile).toContain('엑셀 연동');
		expect(profile).not.toContain(token);
		const tokenId = /name="tokenId" value="(\d+)"/.exec(profile)![1];
		expect((await post('editor', '/profile?/revokeToken', { tokenId })).status).toBe(404);
		expect((await post('viewer', '/profile?/revokeToken', { tokenId })).status).toBe(200);
		expect((await use()).status).toBe(401);
		expect(
			(await post('viewer', '/profile?/createToken', { name: '', scope: 'admin' })).status
		).toBe(400);
	});
});
