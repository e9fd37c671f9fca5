import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DB } from '../../src/lib/server/db';
import { sessions } from '../../src/lib/server/db/schema';
import {
	createSession,
	generateSessionToken,
	hashToken,
	invalidateSession,
	SESSION_LIFETIME,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { setPassword, updateUser } from '../../src/lib/server/auth/users';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { isSignInBlocked, MAX_FAILURES } from '../../src/lib/server/auth/rate-limit';
import { freshDb } from '../helpers/db';
import { makeUser, PASSWORD } from '../helpers/factories';

let db: DB;
let userId: number;
beforeEach(async () => {
	db = freshDb();
	userId = (await makeUser(db, 'editor')).id;
});

const DAY = 86_400_000;
const client = { ip: '192.0.2.7', userAgent: 'vitest' };

describe('sessions', () => {
	it('store only the SHA-256 of the token', () => {
		const token = generateSessionToken();
		const s = createSession(db, token, userId);
		const rows = db.select().from(sessions).all();
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(hashToken(token));
		expect(rows[0].id).not.toContain(token);
		expect(s.id).toMatch(/^[0-9a-f]{64}$/);
	});

	it('expire after 30 days and are deleted then', () => {
		const token = generateSessionToken();
		const t0 = Date.now();
		createSession(db, token, userId, false, t0);
		expect(validateSessionToken(db, token, t0 + 29 * DAY).session).not.toBeNull();
		const later = generateSessionToken();
		createSession(db, later, userId, false, t0);
		expect(validateSessionToken(db, later, t0 + SESSION_LIFETIME + 1).session).toBeNull();
		expect(
			db
				.select()
				.from(sessions)
				.where(eq(sessions.id, hashToken(later)))
				.get()
		).toBeUndefined();
	});

	it('slide forward once half the lifetime has passed', () => {
		const token = generateSessionToken();
		const t0 = Date.now();
		createSession(db, token, userId, false, t0);
		const v = validateSessionToken(db, token, t0 + 16 * DAY);
		expect(v.session?.expiresAt.getTime()).toBe(t0 + 16 * DAY + SESSION_LIFETIME);
	});

	it('end on sign-out, on password change and when the user is disabled', async () => {
		const a = generateSessionToken();
		const sa = createSession(db, a, userId);
		invalidateSession(db, sa.id);
		expect(validateSessionToken(db, a).user).toBeNull();

		const keep = generateSessionToken();
		const other = generateSessionToken();
		const kept = createSession(db, keep, userId);
		createSession(db, other, userId);
		await setPassword(db, userId, 'a-brand-new-password', { id: userId }, kept.id);
		expect(validateSessionToken(db, other).user).toBeNull();
		expect(validateSessionToken(db, keep).user?.id).toBe(userId);

		updateUser(db, userId, { disabled: true }, { id: null });
		expect(validateSessionToken(db, keep).user).toBeNull();
	});

	it('start a new session on every sign-in', async () => {
		const one = await signIn(db, 'editor@example.org', PASSWORD, client);
		const two = await signIn(db, 'EDITOR@example.org ', PASSWORD, client);
		expect(one.ok && two.ok).toBe(true);
		if (one.ok && two.ok) expect(one.session.id).not.toBe(two.session.id);
	});
});

describe('sign-in throttling', () => {
	it(`blocks an account after ${MAX_FAILURES} failures but not other accounts`, async () => {
		await makeUser(db, 'viewer');
		for (let i = 0; i < MAX_FAILURES; i++)
			expect(
				(
					await signIn(db, 'editor@example.org', 'wrong-password', {
						...client,
						ip: `198.51.100.${i}`
					})
				).ok
			).toBe(false);
		const blocked = await signIn(db, 'editor@example.org', PASSWORD, client);
		expect(blocked).toEqual({ ok: false, reason: 'blocked' });
		expect((await signIn(db, 'viewer@example.org', PASSWORD, client)).ok).toBe(true);
	});

	it('gives one generic answer for an unknown email and a wrong password', async () => {
		expect(await signIn(db, 'nobody@example.org', 'whatever-123456', client)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await signIn(db, 'editor@example.org', 'whatever-123456', client)).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});

	it('blocks a client address after many failures across accounts', async () => {
		for (let i = 0; i < 50; i++)
			await signIn(db, `someone${i}@example.org`, 'wrong-password', {
				...client,
				ip: '203.0.113.9'
			});
		expect(isSignInBlocked(db, 'editor@example.org', '203.0.113.9')).toBe(true);
		expect(isSignInBlocked(db, 'editor@example.org', '203.0.113.10')).toBe(false);
	});
});
