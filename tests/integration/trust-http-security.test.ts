/**
 * Security over real HTTP against the built app: response headers, the sign-in rate limit
 * behind a reverse proxy, sign-in history, and two-factor sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase64 } from '@oslojs/encoding';
import { ADMIN, VIEWER, cookieFor, startServer, type RunningServer } from '../helpers/server';
import { createUser } from '../../src/lib/server/auth/users';
import { enableTotp, generateTotpKey, TOTP_PERIOD } from '../../src/lib/server/auth/two-factor';

const TFA = { email: 'two-factor@example.org', password: 'two-factor-password-1' };
const PROXIED_ORIGIN = 'https://gyoryu.example.go.kr';
const key = generateTotpKey();
let recovery: string[] = [];

let app: RunningServer;
let proxied: RunningServer;
beforeAll(async () => {
	[app, proxied] = await Promise.all([
		startServer({
			demo: false,
			prepare: async (db) => {
				const u = await createUser(db, { ...TFA, displayName: '이중', role: 'editor' }, null);
				recovery = enableTotp(db, u.id, key, u, null);
			}
		}),
		startServer({
			demo: false,
			env: {
				ORIGIN: PROXIED_ORIGIN,
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1',
				PROTOCOL_HEADER: 'x-forwarded-proto',
				REQUIRE_2FA_FOR_ADMINS: '1'
			}
		})
	]);
}, 90_000);
afterAll(() => Promise.all([app?.stop(), proxied?.stop()]));

const codeNow = (offsetSteps = 0) =>
	generateHOTP(key, BigInt(Math.floor(Date.now() / (TOTP_PERIOD * 1000)) + offsetSteps), 6);

function post(
	server: RunningServer,
	path: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {}
) {
	return fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams(fields),
		headers: {
			origin: server === proxied ? PROXIED_ORIGIN : server.url,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			...headers
		}
	});
}
/** Signs in through the "proxy" (which always sends X-Forwarded-For) and returns the cookie. */
async function proxiedCookie(who: { email: string; password: string }): Promise<string> {
	const r = await post(
		proxied,
		'/login',
		{ ...who, next: '/' },
		{ 'x-forwarded-for': '198.51.100.50' }
	);
	const m = /gyoryu_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '');
	if (!m) throw new Error(`sign-in failed: ${r.status}`);
	return `gyoryu_session=${m[1]}`;
}

const get = (server: RunningServer, path: string, cookie?: string) =>
	fetch(server.url + path, {
		redirect: 'manual',
		headers: { ...(cookie ? { cookie } : {}), 'x-forwarded-for': '198.51.100.50' }
	});

function attemptsFrom(server: RunningServer, email: string): { ip: string; success: number }[] {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return db
			.prepare('SELECT ip, success FROM sign_in_attempts WHERE email = ? ORDER BY id')
			.all(email) as { ip: string; success: number }[];
	} finally {
		db.close();
	}
}

describe('response headers', () => {
	it('a Content-Security-Policy with nonces, no inline script, no framing', async () => {
		const r = await get(app, '/login');
		const csp = r.headers.get('content-security-policy') ?? '';
		const directives = Object.fromEntries(
			csp.split(';').map((d) => {
				const [name, ...values] = d.trim().split(/\s+/);
				return [name, values];
			})
		);
		expect(directives['frame-ancestors']).toEqual(["'none'"]);
		expect(directives['default-src']).toEqual(["'self'"]);
		expect(directives['object-src']).toEqual(["'none'"]);
		const script = directives['script-src'] as string[];
		expect(script).not.toContain("'unsafe-inline'");
		expect(script).not.toContain("'unsafe-eval'");
		const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
		expect(nonce).toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
		// Every script in the page carries this response's nonce.
		const html = await r.text();
		const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
		expect(scripts.length).toBeGreaterThan(0);
		for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
		// A new response, a new nonce.
		const again = (await get(app, '/login')).headers.get('content-security-policy');
		expect(again).not.toContain(nonce);
	});

	it('nosniff and same-origin referrers on pages and endpoints; no HSTS over http', async () => {
		for (const path of ['/login', '/healthz']) {
			const r = await get(app, path);
			expect(r.headers.get('x-content-type-options')).toBe('nosniff');
			expect(r.headers.get('referrer-policy')).toBe('same-origin');
			expect(r.headers.get('strict-transport-security')).toBeNull();
		}
	});

	it('HSTS when ORIGIN is https', async () => {
		const r = await get(proxied, '/login');
		expect(r.headers.get('strict-transport-security')).toMatch(/max-age=(\d{8,})/);
	});
});

describe('behind a reverse proxy', () => {
	it('records the client address from X-Forwarded-For when ADDRESS_HEADER says so', async () => {
		const email = 'nobody-1@example.org';
		await post(
			proxied,
			'/login',
			{ email, password: 'wrong-password!' },
			{
				'x-forwarded-for': '198.51.100.23'
			}
		);
		// XFF_DEPTH=1: the address the proxy itself appended, not what the client claimed.
		await post(
			proxied,
			'/login',
			{ email, password: 'wrong-password!' },
			{
				'x-forwarded-for': '10.9.9.9, 198.51.100.24'
			}
		);
		expect(attemptsFrom(proxied, email).map((a) => a.ip)).toEqual([
			'198.51.100.23',
			'198.51.100.24'
		]);
	});

	it('ignores X-Forwarded-For when no proxy is configured', async () => {
		const email = 'nobody-2@example.org';
		await post(
			app,
			'/login',
			{ email, password: 'wrong-password!' },
			{
				'x-forwarded-for': '198.51.100.99'
			}
		);
		expect(attemptsFrom(app, email).map((a) => a.ip)).toEqual(['127.0.0.1']);
	});

	it('the per-address sign-in limit keys on the real client, not on the proxy', async () => {
		const attacker = { 'x-forwarded-for': '198.51.100.30' };
		for (let i = 0; i < 50; i++)
			await post(
				proxied,
				'/login',
				{ email: `guess-${i}@example.org`, password: 'x-wrong-1234' },
				attacker
			);
		const blocked = await post(proxied, '/login', VIEWER, attacker);
		expect(blocked.status).toBe(429);
		const colleague = await post(proxied, '/login', VIEWER, { 'x-forwarded-for': '198.51.100.31' });
		expect(colleague.status).toBe(303);
		expect(colleague.headers.get('set-cookie')).toMatch(/gyoryu_session=.*Secure/);
	}, 60_000);
});

describe('sign-in history', () => {
	it('the admin sees everyone’s attempts with address and browser; others may not', async () => {
		await post(
			app,
			'/login',
			{ email: 'history@example.org', password: 'wrong-password!' },
			{
				'user-agent': 'HistoryTest/1.0'
			}
		);
		const admin = await cookieFor(app.url, ADMIN);
		const html = await (await get(app, '/admin/sign-ins?result=failure', admin)).text();
		expect(html).toContain('history@example.org');
		expect(html).toContain('HistoryTest/1.0');
		expect(html).toContain('127.0.0.1');
		const viewer = await cookieFor(app.url, VIEWER);
		expect((await get(app, '/admin/sign-ins', viewer)).status).toBe(403);
		expect((await get(app, '/admin/sign-ins')).status).toBe(303);
	});

	it('each user sees their own on the profile page', async () => {
		await post(
			app,
			'/login',
			{ email: VIEWER.email, password: 'wrong-password!' },
			{
				'user-agent': 'ViewerFailed/2.0'
			}
		);
		const viewer = await cookieFor(app.url, VIEWER);
		const html = await (await get(app, '/profile', viewer)).text();
		expect(html).toContain('ViewerFailed/2.0');
		expect(html).not.toContain('history@example.org');
	});
});

describe('two-factor sign-in', () => {
	it('a password alone opens nothing; the code does', async () => {
		const cookie = await cookieFor(app.url, TFA);
		const home = await get(app, '/', cookie);
		expect(home.status).toBe(303);
		expect(home.headers.get('location')).toBe('/login/2fa?next=%2F');
		expect((await get(app, '/profile', cookie)).headers.get('location')).toBe(
			'/login/2fa?next=%2Fprofile'
		);
		const apiCall = await fetch(`${app.url}/api/v1/exchanges`, { headers: { cookie } });
		expect(apiCall.status).toBe(401);
		expect((await get(app, '/login/2fa', cookie)).status).toBe(200);

		const wrong = await post(app, '/login/2fa?/verify', { code: '000000', next: '/' }, { cookie });
		expect(wrong.status).toBe(400);
		expect(attemptsFrom(app, TFA.email).at(-1)?.success).toBe(0);
		const code = codeNow();
		const right = await post(app, '/login/2fa?/verify', { code, next: '/' }, { cookie });
		expect(right.status).toBe(303);
		expect(right.headers.get('location')).toBe('/');
		expect((await get(app, '/', cookie)).status).toBe(200);
		// The same code cannot open a second session.
		const other = await cookieFor(app.url, TFA);
		const replay = await post(app, '/login/2fa?/verify', { code, next: '/' }, { cookie: other });
		expect(replay.status).toBe(400);
	});

	it('a recovery code signs in once', async () => {
		const first = await cookieFor(app.url, TFA);
		const ok = await post(
			app,
			'/login/2fa?/recover',
			{ code: recovery[0], next: '/' },
			{ cookie: first }
		);
		expect(ok.status).toBe(303);
		expect((await get(app, '/', first)).status).toBe(200);
		const second = await cookieFor(app.url, TFA);
		const again = await post(
			app,
			'/login/2fa?/recover',
			{ code: recovery[0], next: '/' },
			{ cookie: second }
		);
		expect(again.status).toBe(400);
		expect((await get(app, '/', second)).status).toBe(303);
	});

	it('an admin can turn it off for a user who lost phone and codes', async () => {
		const db = new Database(app.dbPath, { readonly: true });
		const { id } = db.prepare('SELECT id FROM users WHERE email = ?').get(TFA.email) as {
			id: number;
		};
		db.close();
		const admin = await cookieFor(app.url, ADMIN);
		const viewer = await cookieFor(app.url, VIEWER);
		const refused = await post(
			app,
			'/admin/users?/resetTwoFactor',
			{ id: String(id) },
			{ cookie: viewer }
		);
		expect(refused.status).toBe(403);
		expect((await get(app, '/', await cookieFor(app.url, TFA))).status).toBe(303);
		const r = await post(
			app,
			'/admin/users?/resetTwoFactor',
			{ id: String(id) },
			{ cookie: admin }
		);
		expect(r.status).toBe(200);
		expect((await get(app, '/', await cookieFor(app.url, TFA))).status).toBe(200);
	});

	it('REQUIRE_2FA_FOR_ADMINS=1 sends an admin without it to enrol first', async () => {
		const viewer = await proxiedCookie(VIEWER);
		expect((await get(proxied, '/', viewer)).status).toBe(200);
		const admin = await proxiedCookie(ADMIN);
		const r = await get(proxied, '/admin/users', admin);
		expect(r.headers.get('location')).toBe('/login/2fa/setup?next=%2Fadmin%2Fusers');
		const page = await (await get(proxied, '/login/2fa/setup', admin)).text();
		expect(page).toContain('otpauth://totp/Gyoryu:admin%40example.org');
		const adminKey = /name="key" value="([^"]+)"/.exec(page)![1];
		const code = generateHOTP(
			decodeBase64(adminKey),
			BigInt(Math.floor(Date.now() / (TOTP_PERIOD * 1000))),
			6
		);
		const enrolled = await post(
			proxied,
			'/login/2fa/setup?/enable',
			{ key: adminKey, code, next: '/admin/users' },
			{ cookie: admin, 'x-forwarded-for': '198.51.100.50' }
		);
		expect(enrolled.status).toBe(200);
		expect(await enrolled.text()).toMatch(/[A-Z2-7]{5}-[A-Z2-7]{5}/);
		expect((await get(proxied, '/admin/users', admin)).status).toBe(200);
	});
});
