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

interface Store {
	/** The data version every entry was rendered at: a write makes them all unreachable. */
	version: number;
	entries: Map<string, Entry>;
	chars: number;
}

/** Bounds the cache by size, not count: a Korean dashboard page is a few hundred KB. */
const MAX_CHARS = 8_000_000;
/** Per database, as the dashboard's own cache: tests open several in one process. */
const stores = new WeakMap<object, Store>();

const nonceIn = (csp: string | null) => (csp ? (/'nonce-([^']+)'/.exec(csp)?.[1] ?? null) : null);

export interface PageCacheKey {
	version: number;
	key: string;
}

export function pageCacheKey(db: Conn, parts: (string | number)[]): PageCacheKey {
	return { version: dataVersion(db), key: JSON.stringify(parts) };
}

/** The cached reply for `key`, with a new nonce; null when there is none. */
export function cachedPage(db: Conn, { version, key }: PageCacheKey): Response | null {
	const store = stores.get(db);
	const entry = store?.version === version ? store.entries.get(key) : undefined;
	if (!entry) return null;
	const fresh = randomBytes(16).toString('base64');
	const swap = (s: string) => (entry.nonce ? s.replaceAll(entry.nonce, fresh) : s);
	return new Response(swap(entry.body), {
		status: 200,
		headers: entry.headers.map(([k, v]): [string, string] => [k, swap(v)])
	});
}

/** Keeps a successful HTML reply (without its cookies) and returns an equivalent one. */
export async function storePage(
	db: Conn,
	{ version, key }: PageCacheKey,
	response: Response
): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || !type.startsWith('text/html')) return response;
	const body = await response.text();
	let store = stores.get(db);
	// Pages of an older version can never be served again: let them go at once.
	if (!store || store.version < version)
		stores.set(db, (store = { version, entries: new Map(), chars: 0 }));
	if (store.version === version && body.length <= MAX_CHARS / 4) {
		const old = store.entries.get(key);
		if (old) store.chars -= old.body.length;
		store.entries.set(key, {
			body,
			headers: [...response.headers].filter(([k]) => k !== 'set-cookie'),
			nonce: nonceIn(response.headers.get('content-security-policy'))
		});
		store.chars += body.length;
		for (const [k, e] of store.entries) {
			if (store.chars <= MAX_CHARS) break;
			store.entries.delete(k);
			store.chars -= e.body.length;
		}
	}
	return new Response(body, response);
}
