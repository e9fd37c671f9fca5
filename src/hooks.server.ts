import type { Handle, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { setFlagsFromString } from 'node:v8';
import { env } from '$env/dynamic/private';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { loadConfig, type AppConfig } from '$lib/server/config';
import { startApp } from '$lib/server/app-init';
import type { DB } from '$lib/server/db';
import {
	SESSION_COOKIE,
	sessionCookieOptions,
	validateSessionToken
} from '$lib/server/auth/session';
import { validateApiToken } from '$lib/server/auth/api-tokens';
import { pendingSecondFactor } from '$lib/server/auth/two-factor';
import { startOperations } from '$lib/server/operations';
import { cachedPage, pageCacheKey, storePage } from '$lib/server/page-cache';
import { getLocale } from '$lib/paraglide/runtime';
import { seoulToday } from '$lib/dates';
import { awaitsLargeBody, createRequestQueue, type Lane } from '$lib/server/request-queue';

let config: AppConfig;
let db: DB;

export const init: ServerInit = async () => {
	if (building) return;
	config = loadConfig(env);
	// Under load V8 let the heap reach three times its live size between full collections
	// (a soak run peaked at 510 MB RSS); collecting at 1.5× held it under 400 MB.
	if (config.heapGrowingPercent > 0)
		setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);
	db = await startApp(config);
	// Daily backups in a worker thread; on SIGTERM, the database is closed after the last request.
	startOperations(config, db);
};

const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.db = db;
	event.locals.config = config;
	event.locals.user = null;
	event.locals.session = null;
	event.locals.tokenScope = null;
	event.locals.twoFactorPending = null;

	const bearer = event.request.headers.get('authorization');
	if (bearer?.startsWith('Bearer ') && event.url.pathname.startsWith('/api/')) {
		const found = validateApiToken(db, bearer.slice(7).trim());
		if (found) {
			event.locals.user = found.user;
			event.locals.tokenScope = found.scope;
		}
		return resolve(event);
	}

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const { session, user } = validateSessionToken(db, token);
		if (session) {
			event.cookies.set(
				SESSION_COOKIE,
				token,
				sessionCookieOptions(config.secureCookies, session.expiresAt)
			);
			event.locals.session = session;
			// Until the second factor is given, the session signs in no one (requireRole refuses it).
			event.locals.twoFactorPending = pendingSecondFactor(
				user,
				session,
				config.requireTwoFactorForAdmins
			);
			event.locals.user = event.locals.twoFactorPending ? null : user;
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	if (config?.secureCookies)
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	return response;
};

const requests = createRequestQueue();
/** Requests already holding their turn (the dashboard takes its own, after a cache miss). */
const holdingTurn = new WeakSet<object>();
/** Health checks answer at once; report downloads wait on the report worker, not the event loop. */
const unqueued = /^\/healthz$|^\/api\/v1\/reports\/|\/dossier\.[a-z]+$/;

/** The dashboard (page and client-side data) goes ahead of the line: see request-queue.ts. */
const laneOf = (event: RequestEvent): Lane =>
	event.url.pathname === '/dashboard' ? 'first' : 'inOrder';

/** Everything else takes its turn in arrival order (see request-queue.ts). */
const fairQueue: Handle = async ({ event, resolve }) =>
	unqueued.test(event.url.pathname) ||
	holdingTurn.has(event.locals) ||
	awaitsLargeBody(event.request)
		? resolve(event)
		: requests.run(async () => resolve(event), laneOf(event));

/**
 * The dashboard's HTML from the page cache (see page-cache.ts); off with the dashboard cache.
 * A cached page is served at once, without waiting in the queue. On a miss the key is read
 * again when the request's turn comes, right before the page is counted, so the page is kept
 * under the data version it shows (and another request may have rendered it meanwhile).
 * A reply from the cache skips the session cookie's renewal: the next other page renews it.
 */
const dashboardPages: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	if (
		event.request.method !== 'GET' ||
		event.url.pathname !== '/dashboard' ||
		!user ||
		!config.dashboardCache ||
		event.isDataRequest
	)
		return resolve(event);
	const parts = [JSON.stringify(user), getLocale(), seoulToday(), event.url.search];
	const hit = cachedPage(db, pageCacheKey(db, parts));
	if (hit) return hit;
	return requests.run(async () => {
		holdingTurn.add(event.locals);
		const key = pageCacheKey(db, parts);
		return cachedPage(db, key) ?? storePage(db, key, await resolve(event));
	}, 'first');
};

export const handle = sequence(securityHeaders, authenticate, i18n, dashboardPages, fairQueue);
