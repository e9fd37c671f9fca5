/** Sign-in, cookies and roles over real HTTP against the built app (`node build`). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ADMIN,
	EDITOR,
	VIEWER,
	cookieFor,
	startServer,
	type RunningServer
} from '../helpers/server';

let app: RunningServer;
beforeAll(async () => {
	app = await startServer();
}, 60_000);
afterAll(() => app?.stop());

const get = (path: string, cookie?: string) =>
	fetch(app.url + path, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const postForm = (path: string, cookie: string | undefined, fields: Record<string, string>) =>
	fetch(app.url + path, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams(fields),
		headers: {
			origin: app.url,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			...(cookie ? { cookie } : {})
		}
	});

describe('health', () => {
	it('/healthz answers with the database status', async () => {
		const r = await get('/healthz');
		expect(r.status).toBe(200);
		expect(await r.json()).toEqual({ status: 'ok', db: 'ok' });
	});
});

describe('roles', () => {
	it('sends signed-out visitors to sign-in', async () => {
		for (const path of ['/', '/admin/users', '/profile']) {
			const r = await get(path);
			expect(r.status).toBe(303);
			expect(r.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
		}
	});

	it('lets only admins reach the user admin page', async () => {
		expect((await get('/admin/users', await cookieFor(app.url, VIEWER))).status).toBe(403);
		expect((await get('/admin/users', await cookieFor(app.url, EDITOR))).status).toBe(403);
		const r = await get('/admin/users', await cookieFor(app.url, ADMIN));
		expect(r.status).toBe(200);
		expect(await r.text()).toContain('viewer@example.org');
	});

	it('refuses admin actions posted by hand by a viewer or editor, with the app Origin', async () => {
		for (const who of [VIEWER, EDITOR]) {
			const r = await postForm('/admin/users?/create', await cookieFor(app.url, who), {
				email: 'intruder@example.org',
				displayName: 'x',
				role: 'admin',
				password: 'long-enough-password'
			});
			expect(r.status).toBe(403);
		}
		const admin = await cookieFor(app.url, ADMIN);
		expect(await (await get('/admin/users', admin)).text()).not.toContain('intruder@example.org');
	});

	it('shows the demo records on the home page to a viewer', async () => {
		const html = await (await get('/', await cookieFor(app.url, VIEWER))).text();
		expect(html).toContain('산둥성');
		expect(html).toContain('가나가와현');
	});
});

describe('sign-out', () => {
	it('invalidates the session server-side', async () => {
		const cookie = await cookieFor(app.url, EDITOR);
		expect((await get('/', cookie)).status).toBe(200);
		expect((await postForm('/logout', cookie, {})).status).toBe(303);
		expect((await get('/', cookie)).status).toBe(303);
	});
});

describe('sign-in rate limit', () => {
	it('locks one account after 10 failures without locking out others on the same address', async () => {
		const who = { email: 'ratelimited@example.org', password: 'the-right-password-1' };
		const admin = await cookieFor(app.url, ADMIN);
		await postForm('/admin/users?/create', admin, { ...who, displayName: 'RL', role: 'viewer' });
		for (let i = 0; i < 10; i++) {
			const r = await postForm('/login', undefined, {
				email: who.email,
				password: 'wrong-password!!'
			});
			expect(r.status).toBe(400);
		}
		const blocked = await postForm('/login', undefined, {
			email: who.email,
			password: who.password
		});
		expect(blocked.status).toBe(429);
		expect(blocked.headers.get('set-cookie') ?? '').not.toContain('gyoryu_session=');
		await expect(cookieFor(app.url, EDITOR)).resolves.toMatch(/^gyoryu_session=/);
	});
});

describe('session cookie', () => {
	async function loginCookie(origin: string): Promise<string> {
		const srv = await startServer({ demo: false, env: { ORIGIN: origin } });
		try {
			const r = await fetch(`${srv.url}/login`, {
				method: 'POST',
				redirect: 'manual',
				body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password }),
				headers: {
					origin,
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html'
				}
			});
			expect(r.status).toBe(303);
			return r.headers.get('set-cookie') ?? '';
		} finally {
			await srv.stop();
		}
	}

	it('is HttpOnly, SameSite=Lax and not Secure on a plain-HTTP intranet origin', async () => {
		const c = await loginCookie('http://10.0.0.5:3000');
		expect(c).toMatch(/gyoryu_session=/);
		expect(c).toMatch(/HttpOnly/i);
		expect(c).toMatch(/SameSite=Lax/i);
		expect(c).not.toMatch(/Secure/i);
	});

	it('is Secure when ORIGIN is https', async () => {
		expect(await loginCookie('https://gyoryu.example.org')).toMatch(/;\s*Secure/i);
	});
});
