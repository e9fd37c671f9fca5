/** Sessions as Lucia's guide designs them: a random token in the cookie, its SHA-256 in the database. */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import { sessions, users } from '../db/schema';

export const SESSION_COOKIE = 'gyoryu_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;

export type Role = 'admin' | 'editor' | 'viewer';
export interface SessionUser {
	id: number;
	email: string;
	displayName: string;
	role: Role;
	department: string | null;
	totpEnabled: boolean;
}
export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
	twoFactorVerified: boolean;
}

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(
	db: DB,
	token: string,
	userId: number,
	twoFactorVerified = false,
	now = Date.now()
): Session {
	const session: Session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(now + SESSION_LIFETIME),
		twoFactorVerified
	};
	db.insert(sessions)
		.values({ id: session.id, userId, expiresAt: session.expiresAt.getTime(), twoFactorVerified })
		.run();
	return session;
}

/** Returns the session and its user, sliding the expiry forward when half of it has passed. */
export function validateSessionToken(
	db: DB,
	token: string,
	now = Date.now()
): { session: Session; user: SessionUser } | { session: null; user: null } {
	const id = hashToken(token);
	const row = db
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id))
		.get();
	if (!row || row.user.disabled) return { session: null, user: null };
	if (now >= row.session.expiresAt) {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return { session: null, user: null };
	}
	let expiresAt = row.session.expiresAt;
	if (now >= expiresAt - SESSION_LIFETIME / 2) {
		expiresAt = now + SESSION_LIFETIME;
		db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
	}
	const u = row.user;
	return {
		session: {
			id,
			userId: u.id,
			expiresAt: new Date(expiresAt),
			twoFactorVerified: row.session.twoFactorVerified
		},
		user: {
			id: u.id,
			email: u.email,
			displayName: u.displayName,
			role: u.role,
			department: u.department,
			totpEnabled: u.totpKey !== null
		}
	};
}

export function invalidateSession(db: DB, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions(db: Conn, userId: number, exceptSessionId?: string): void {
	const rows = db
		.select({ id: sessions.id })
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.all();
	for (const r of rows) {
		if (r.id !== exceptSessionId)
			db.delete(sessions)
				.where(and(eq(sessions.id, r.id)))
				.run();
	}
}

export function markSessionTwoFactorVerified(db: DB, sessionId: string): void {
	db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId)).run();
}

/** Cookie attributes: `Secure` only when the app is served over https (intranets often are not). */
export function sessionCookieOptions(secure: boolean, expiresAt: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure,
		expires: expiresAt
	};
}
