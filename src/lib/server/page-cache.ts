/**
 * A whole-page cache for the dashboard's HTML: with the counts cached, rendering the page is most
 * of a request. An entry is reused only for the same user (the page shows their name and role),
 * language, query, Seoul day and data version — every write bumps `dash_version` in its own
 * transaction — so it is never stale and never crosses visibility classes. Each reply gets a
 * fresh CSP nonce: the stored page's nonce is replaced, never sent twice.
 */
import { randomBytes } from 'node:crypto';
import type { Conn } from './db';
import { dataVersion } from './queries/dashboard-cache';

interface Entry {
	body: string;
	headers: [string, string][];
	nonce: string | null;
}

const MAX_ENTRIES = 100;
/** Per database, as the dashboard's own cache: tests open several in one process. */
const caches = new WeakMap<object, Map<string, Entry>>();

const nonceIn = (csp: string | null) => (csp ? (/'nonce-([^']+)'/.exec(csp)?.[1] ?? null) : null);

export function pageCacheKey(db: Conn, parts: (string | number)[]): string {
	return JSON.stringify([dataVersion(db), ...parts]);
}

/** The cached reply for `key`, with a new nonce; null when there is none. */
export function cachedPage(db: Conn, key: string): Response | null {
	const entry = caches.get(db)?.get(key);
	if (!entry) return null;
	const fresh = randomBytes(16).toString('base64');
	const swap = (s: string) => (entry.nonce ? s.replaceAll(entry.nonce, fresh) : s);
	return new Response(swap(entry.body), {
		status: 200,
		headers: entry.headers.map(([k, v]): [string, string] => [k, swap(v)])
	});
}

/** Keeps a successful HTML reply (without its cookies) and returns an equivalent one. */
export async function storePage(db: Conn, key: string, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || !type.startsWith('text/html')) return response;
	const body = await response.text();
	let entries = caches.get(db);
	if (!entries) caches.set(db, (entries = new Map()));
	entries.set(key, {
		body,
		headers: [...response.headers].filter(([k]) => k !== 'set-cookie'),
		nonce: nonceIn(response.headers.get('content-security-policy'))
	});
	if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return new Response(body, response);
}
