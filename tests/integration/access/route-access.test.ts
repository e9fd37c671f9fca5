/**
 * Every route × every role: signed-out, viewer, editor, admin. A route missing from the matrix
 * fails the test. Requests carry the app's own Origin, so SvelteKit's CSRF check is not what
 * refuses them: the route's own role check must.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumerateRoutes, entryKey, type RouteEntry } from '../../helpers/routes';
import {
	ADMIN,
	EDITOR,
	VIEWER,
	cookieFor,
	startServer,
	type RunningServer
} from '../../helpers/server';
import { accessMatrix, paramValues, type MinRole } from './matrix';

const routes = enumerateRoutes();
const rank: Record<MinRole | 'anonymous', number> = {
	public: 0,
	anonymous: 0,
	viewer: 1,
	editor: 2,
	admin: 3
};
type Who = 'anonymous' | 'viewer' | 'editor' | 'admin';
const people: Who[] = ['anonymous', 'viewer', 'editor', 'admin'];

let app: RunningServer;
const cookies: Partial<Record<Who, string>> = {};
beforeAll(async () => {
	app = await startServer();
	cookies.viewer = await cookieFor(app.url, VIEWER);
	cookies.editor = await cookieFor(app.url, EDITOR);
	cookies.admin = await cookieFor(app.url, ADMIN);
}, 60_000);
afterAll(() => app?.stop());

function concrete(id: string): string {
	return id.replace(
		/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g,
		(_, name: string) => paramValues[name] ?? '1'
	);
}

async function cookieOf(who: Who, e: RouteEntry): Promise<string | undefined> {
	if (who === 'anonymous') return undefined;
	// Signing out ends the session: give that action a session of its own.
	if (e.id === '/logout' && e.kind === 'action')
		return cookieFor(app.url, { viewer: VIEWER, editor: EDITOR, admin: ADMIN }[who]);
	return cookies[who];
}

async function request(e: RouteEntry, who: Who): Promise<Response> {
	const path = concrete(e.id);
	const cookie = await cookieOf(who, e);
	const headers: Record<string, string> = { origin: app.url, ...(cookie ? { cookie } : {}) };
	if (e.kind === 'page')
		return fetch(app.url + path, {
			redirect: 'manual',
			headers: { ...headers, accept: 'text/html' }
		});
	if (e.kind === 'action') {
		const query = e.name === 'default' ? '' : `?/${e.name}`;
		return fetch(app.url + path + query, {
			method: 'POST',
			redirect: 'manual',
			body: new URLSearchParams({ probe: '1' }),
			headers: {
				...headers,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			}
		});
	}
	const method = e.name!;
	return fetch(app.url + path, {
		method,
		redirect: 'manual',
		headers: { ...headers, 'content-type': 'application/json' },
		body: method === 'GET' ? undefined : '{}'
	});
}

describe('route access', () => {
	it('every route in src/routes has a line in the access matrix', () => {
		const missing = routes.map(entryKey).filter((k) => !(k in accessMatrix));
		expect(missing).toEqual([]);
	});

	for (const e of routes) {
		const min = accessMatrix[entryKey(e)];
		if (!min) continue;
		it(`${entryKey(e)} needs ${min}`, async () => {
			for (const who of people) {
				const r = await request(e, who);
				const allowed = rank[who] >= rank[min];
				const where = `${who} → ${r.status}`;
				expect(r.status, where).toBeLessThan(500);
				if (allowed) {
					expect([401, 403], where).not.toContain(r.status);
					if (r.status === 303)
						expect(r.headers.get('location') ?? '', where).not.toMatch(/^\/login\?next=/);
				} else if (who === 'anonymous') {
					const toSignIn = /^\/login\?next=/.test(r.headers.get('location') ?? '');
					// Pages and browser downloads send a signed-out visitor to sign in; the API says 401.
					if (e.kind === 'page') expect(toSignIn, where).toBe(true);
					else if (e.kind === 'endpoint' && e.name === 'GET' && !e.id.startsWith('/api/'))
						expect(toSignIn || r.status === 401, where).toBe(true);
					else expect(r.status, where).toBe(401);
				} else {
					expect(r.status, where).toBe(403);
				}
			}
		});
	}
});
