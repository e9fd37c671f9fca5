/**
 * Two-factor sign-in with TOTP, as Lucia's guide (lucia-auth.com) designs it: after the
 * password, a session exists but is not "two-factor verified" until a code from the user's
 * authenticator app (or a single-use recovery code) is entered. Recovery codes are shown once
 * and stored as SHA-256 only.
 */
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { decodeBase64, encodeBase32UpperCaseNoPadding, encodeBase64 } from '@oslojs/encoding';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import { recoveryCodes, sessions, users } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { hashToken, type Session, type SessionUser } from './session';

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Gyoryu';

/** Why a signed-in session may not be used yet: a code to enter, or a key to enrol (admins). */
export interface TwoFactorPending {
	step: 'verify' | 'enrol';
}

export function pendingSecondFactor(
	user: SessionUser,
	session: Session,
	requireForAdmins: boolean
): TwoFactorPending | null {
	if (user.totpEnabled) return session.twoFactorVerified ? null : { step: 'verify' };
	if (requireForAdmins && user.role === 'admin') return { step: 'enrol' };
	return null;
}

export function generateTotpKey(): Uint8Array {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return key;
}

/** How a key travels in a form field and is stored: base64. */
export const encodeTotpKey = (key: Uint8Array): string => encodeBase64(key);

export function decodeTotpKey(value: string): Uint8Array | null {
	try {
		const key = decodeBase64(value);
		return key.length === 20 ? key : null;
	} catch {
		return null;
	}
}

export interface Enrolment {
	/** The key in the form field (base64). */
	key: string;
	/** `otpauth://` URI, for apps that accept a link or for a QR code. */
	uri: string;
	/** Base32 in groups of four, for typing into an authenticator app by hand. */
	manualKey: string;
}

export function enrolment(email: string, key = generateTotpKey()): Enrolment {
	return {
		key: encodeTotpKey(key),
		uri: createTOTPKeyURI(ISSUER, email, key, TOTP_PERIOD, TOTP_DIGITS),
		manualKey: encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?!$)/g, '$1 ')
	};
}

// The last time step each user signed in with, so an observed code cannot be replayed within
// its validity window. The app runs as one process, so memory is the right place.
const lastStep = new Map<number, bigint>();

/**
 * Checks a 6-digit code, accepting the neighbouring time steps for clock drift. A step that
 * was already used by this user is refused.
 */
export function checkTotp(
	key: Uint8Array,
	userId: number,
	code: string,
	now = Date.now()
): boolean {
	const otp = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(otp)) return false;
	const step = BigInt(Math.floor(now / (TOTP_PERIOD * 1000)));
	for (const s of [step - 1n, step, step + 1n]) {
		if (!verifyHOTP(key, s, TOTP_DIGITS, otp)) continue;
		const last = lastStep.get(userId);
		if (last !== undefined && s <= last) return false;
		lastStep.set(userId, s);
		return true;
	}
	return false;
}

export function getTotpKey(db: DB, userId: number): Uint8Array | null {
	const row = db.select({ key: users.totpKey }).from(users).where(eq(users.id, userId)).get();
	return row?.key ? decodeTotpKey(row.key) : null;
}

const normalizeCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

function newRecoveryCodes(db: Conn, userId: number): string[] {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const bytes = new Uint8Array(7);
		crypto.getRandomValues(bytes);
		const c = encodeBase32UpperCaseNoPadding(bytes).slice(0, 10);
		return `${c.slice(0, 5)}-${c.slice(5)}`;
	});
	db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
	for (const c of codes)
		db.insert(recoveryCodes)
			.values({ userId, codeHash: hashToken(normalizeCode(c)) })
			.run();
	return codes;
}

/**
 * Turns two-factor sign-in on with a key the user has proved to hold (the caller checked a
 * code), marks the current session verified, and returns fresh recovery codes to show once.
 */
export function enableTotp(
	db: DB,
	userId: number,
	key: Uint8Array,
	actor: Actor,
	sessionId: string | null
): string[] {
	return db.transaction((tx) => {
		tx.update(users)
			.set({ totpKey: encodeTotpKey(key), updatedAt: new Date().toISOString() })
			.where(eq(users.id, userId))
			.run();
		const codes = newRecoveryCodes(tx, userId);
		if (sessionId)
			tx.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId)).run();
		writeAudit(tx, actor, { action: 'totp_enable', entityType: 'user', entityId: userId });
		return codes;
	});
}

export function disableTotp(db: DB, userId: number, actor: Actor): void {
	db.transaction((tx) => {
		tx.update(users)
			.set({ totpKey: null, updatedAt: new Date().toISOString() })
			.where(eq(users.id, userId))
			.run();
		tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
		writeAudit(tx, actor, { action: 'totp_disable', entityType: 'user', entityId: userId });
	});
}

export function regenerateRecoveryCodes(db: DB, userId: number, actor: Actor): string[] {
	return db.transaction((tx) => {
		const codes = newRecoveryCodes(tx, userId);
		writeAudit(tx, actor, { action: 'recovery_codes', entityType: 'user', entityId: userId });
		return codes;
	});
}

/** Spends one recovery code; false when it is wrong or was used before. */
export function useRecoveryCode(db: DB, userId: number, code: string): boolean {
	const normalized = normalizeCode(code);
	if (normalized.length !== 10) return false;
	const r = db
		.update(recoveryCodes)
		.set({ usedAt: new Date().toISOString() })
		.where(
			and(
				eq(recoveryCodes.userId, userId),
				eq(recoveryCodes.codeHash, hashToken(normalized)),
				isNull(recoveryCodes.usedAt)
			)
		)
		.run();
	return r.changes > 0;
}

export function remainingRecoveryCodes(db: DB, userId: number): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(recoveryCodes)
			.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
			.get()?.n ?? 0
	);
}

/** Ids of the users who have two-factor sign-in on (for the admin's user list). */
export function usersWithTotp(db: DB): number[] {
	return db
		.select({ id: users.id })
		.from(users)
		.where(isNotNull(users.totpKey))
		.all()
		.map((r) => r.id);
}
