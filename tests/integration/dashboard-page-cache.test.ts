/**
 * The dashboard's whole-page cache over real HTTP: a repeated page is served again with a fresh
 * CSP nonce, a write shows at once, and one user's cached page never reaches another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR, VIEWER, cookieFor, startServer, type RunningServer } from '../helpers/server';

const PAGE = '/dashboard?from=2020-01-01&to=2020-12-31';
const TITLE = '캐시 확인용 기밀 교류';

let app: RunningServer;
let editor: string;
let viewer: string;
beforeAll(async () => {
	app = await startServer();
	[editor, viewer] = await Promise.all([cookieFor(app.url, EDITOR), cookieFor(app.url, VIEWER)]);
}, 90_000);
afterAll(() => app?.stop());

async function page(cookie: string) {
	const r = await fetch(app.url + PAGE, { headers: { cookie } });
	expect(r.status).toBe(200);
	const header = /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1];
	return { body: await r.text(), header };
}

describe('the dashboard page cache', () => {
	it('serves a repeated page with a new nonce that matches its CSP header', async () => {
		const first = await page(editor);
		const second = await page(editor);
		expect(first.header).toBeTruthy();
		expect(second.header).toBeTruthy();
		expect(second.header).not.toBe(first.header);
		expect(second.body).toContain(`nonce="${second.header}"`);
		expect(second.body).not.toContain(first.header);
		const strip = (s: string) => s.replace(/nonce="[^"]*"/g, '');
		expect(strip(second.body)).toBe(strip(first.body));
	});

	it('shows a write at once, and never gives one user the page cached for another', async () => {
		expect((await page(editor)).body).not.toContain(TITLE);
		expect((await page(viewer)).body).not.toContain(TITLE);
		const r = await fetch(`${app.url}/api/v1/exchanges`, {
			method: 'POST',
			headers: { cookie: editor, origin: app.url, 'content-type': 'application/json' },
			body: JSON.stringify({
				type: 'meeting',
				titleKo: TITLE,
				date: '2020-12-31',
				mode: 'online',
				visibility: 'confidential'
			})
		});
		expect(r.status).toBe(201);
		expect((await page(editor)).body).toContain(TITLE);
		expect((await page(editor)).body).toContain(TITLE);
		expect((await page(viewer)).body).not.toContain(TITLE);
	});

	it('answers many concurrent first views (each one a miss that takes its turn in the queue)', async () => {
		const views = Array.from({ length: 12 }, (_, i) =>
			fetch(`${app.url}/dashboard?from=${2009 + i}-01-01&to=2020-12-31`, {
				headers: { cookie: viewer }
			})
		);
		const replies = await Promise.all(views);
		expect(replies.map((r) => r.status)).toEqual(Array(12).fill(200));
		await Promise.all(replies.map((r) => r.text()));
	}, 30_000);
});
