import type { DB } from '../db';
import { isSignInBlocked, recordSignInAttempt } from './rate-limit';
import { getUserByEmail } from './users';
import { hashPassword, verifyPassword } from './password';
import { createSession, generateSessionToken, type Session } from './session';

export type SignInResult =
	{ ok: true; token: string; session: Session } | { ok: false; reason: 'invalid' | 'blocked' };

// Verifying against a fixed hash when the account does not exist keeps the timing the same,
// so a response time does not reveal which emails are registered.
let dummyHash: Promise<string> | null = null;

/** Checks the throttle, the password and the account state; records the attempt either way. */
export async function signIn(
	db: DB,
	email: string,
	password: string,
	client: { ip: string; userAgent: string | null }
): Promise<SignInResult> {
	const normalized = email.trim().toLowerCase();
	if (isSignInBlocked(db, normalized, client.ip)) return { ok: false, reason: 'blocked' };
	const user = getUserByEmail(db, normalized);
	dummyHash ??= hashPassword('not-a-real-password');
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
	const ok = !!user && valid && !user.disabled;
	recordSignInAttempt(db, {
		email: normalized,
		ip: client.ip,
		userAgent: client.userAgent,
		userId: user?.id ?? null,
		success: ok
	});
	if (!ok || !user) return { ok: false, reason: 'invalid' };
	const token = generateSessionToken();
	const session = createSession(db, token, user.id);
	return { ok: true, token, session };
}
