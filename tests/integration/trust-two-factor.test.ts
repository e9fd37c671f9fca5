/** Two-factor sign-in: TOTP codes, recovery codes, and the guard that holds back a session. */
import { beforeEach, describe, expect, it } from 'vitest';
import { isRedirect, isHttpError } from '@sveltejs/kit';
import { generateHOTP } from '@oslojs/otp';
import type { DB } from '../../src/lib/server/db';
import {
	TOTP_PERIOD,
	checkTotp,
	disableTotp,
	enableTotp,
	enrolment,
	generateTotpKey,
	getTotpKey,
	pendingSecondFactor,
	regenerateRecoveryCodes,
	remainingRecoveryCodes,
	useRecoveryCode
} from '../../src/lib/server/auth/two-factor';
import {
	createSession,
	generateSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { requireRole } from '../../src/lib/server/auth/guard';
import { freshDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';

let db: DB;
let user: { id: number; role: 'editor' };
beforeEach(async () => {
	db = freshDb();
	user = { id: (await makeUser(db, 'editor')).id, role: 'editor' };
});

const codeAt = (key: Uint8Array, ms: number) =>
	generateHOTP(key, BigInt(Math.floor(ms / (TOTP_PERIOD * 1000))), 6);

describe('TOTP codes', () => {
	it('accept the current code and its neighbours for clock drift, not older ones', () => {
		const key = generateTotpKey();
		const now = Date.now();
		expect(checkTotp(key, 1001, codeAt(key, now - 30_000), now)).toBe(true);
		expect(checkTotp(key, 1002, codeAt(key, now), now)).toBe(true);
		expect(checkTotp(key, 1003, codeAt(key, now + 30_000), now)).toBe(true);
		expect(checkTotp(key, 1004, codeAt(key, now - 90_000), now)).toBe(false);
		expect(checkTotp(key, 1005, '12345', now)).toBe(false);
		expect(checkTotp(generateTotpKey(), 1006, codeAt(key, now), now)).toBe(false);
	});

	it('refuse a code that was already used (no replay within its window)', () => {
		const key = generateTotpKey();
		const now = Date.now();
		const code = codeAt(key, now);
		expect(checkTotp(key, 2001, code, now)).toBe(true);
		expect(checkTotp(key, 2001, code, now)).toBe(false);
		expect(checkTotp(key, 2001, codeAt(key, now - 30_000), now)).toBe(false);
		expect(checkTotp(key, 2001, codeAt(key, now + 30_000), now)).toBe(true);
	});

	it('enrolment gives an otpauth URI and the same key for typing by hand', () => {
		const e = enrolment('kim@example.org');
		expect(e.uri).toMatch(/^otpauth:\/\/totp\/Gyoryu:kim%40example\.org\?/);
		expect(e.uri).toContain(`secret=${e.manualKey.replace(/ /g, '')}`);
		expect(e.uri).toContain('digits=6');
		expect(e.uri).toContain('period=30');
	});
});

describe('enrolling and recovery codes', () => {
	it('stores the key, marks the session verified, and stores recovery codes hashed', () => {
		const key = generateTotpKey();
		const token = generateSessionToken();
		const session = createSession(db, token, user.id);
		const codes = enableTotp(db, user.id, key, user, session.id);
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		expect(getTotpKey(db, user.id)).toEqual(key);
		expect(validateSessionToken(db, token).session?.twoFactorVerified).toBe(true);
		const stored = db.$client.prepare('SELECT code_hash FROM recovery_codes').all() as {
			code_hash: string;
		}[];
		expect(stored).toHaveLength(10);
		for (const c of codes) {
			expect(stored.map((s) => s.code_hash)).not.toContain(c);
			expect(JSON.stringify(stored)).not.toContain(c.replace('-', ''));
		}
		const audit = db.$client
			.prepare("SELECT action FROM audit_log WHERE entity_type = 'user' AND entity_id = ?")
			.all(user.id) as { action: string }[];
		expect(audit.map((a) => a.action)).toContain('totp_enable');
	});

	it('a recovery code works once, in any case and with or without its dash', () => {
		const codes = enableTotp(db, user.id, generateTotpKey(), user, null);
		expect(useRecoveryCode(db, user.id, codes[0].toLowerCase().replace('-', ' '))).toBe(true);
		expect(useRecoveryCode(db, user.id, codes[0])).toBe(false);
		expect(useRecoveryCode(db, user.id, 'AAAAA-AAAAA')).toBe(false);
		expect(remainingRecoveryCodes(db, user.id)).toBe(9);
	});

	it('new codes replace the old ones; turning 2FA off removes key and codes', () => {
		const first = enableTotp(db, user.id, generateTotpKey(), user, null);
		const second = regenerateRecoveryCodes(db, user.id, user);
		expect(useRecoveryCode(db, user.id, first[1])).toBe(false);
		expect(useRecoveryCode(db, user.id, second[1])).toBe(true);
		disableTotp(db, user.id, user);
		expect(getTotpKey(db, user.id)).toBeNull();
		expect(remainingRecoveryCodes(db, user.id)).toBe(0);
		expect(useRecoveryCode(db, user.id, second[2])).toBe(false);
	});
});

describe('the guard', () => {
	const session = (verified: boolean) => ({
		id: 'x',
		userId: 1,
		expiresAt: new Date(),
		twoFactorVerified: verified
	});
	const sessionUser = (role: 'admin' | 'viewer', totpEnabled: boolean) => ({
		id: 1,
		email: 'a@example.org',
		displayName: 'A',
		role,
		department: null,
		totpEnabled
	});

	it('holds back a session until its second factor, and admins without one when required', () => {
		expect(pendingSecondFactor(sessionUser('viewer', true), session(false), false)).toEqual({
			step: 'verify'
		});
		expect(pendingSecondFactor(sessionUser('viewer', true), session(true), false)).toBeNull();
		expect(pendingSecondFactor(sessionUser('viewer', false), session(false), true)).toBeNull();
		expect(pendingSecondFactor(sessionUser('admin', false), session(false), false)).toBeNull();
		expect(pendingSecondFactor(sessionUser('admin', false), session(false), true)).toEqual({
			step: 'enrol'
		});
	});

	function guardOutcome(pending: 'verify' | 'enrol', method: string, path: string) {
		try {
			requireRole(
				{
					locals: { user: null, twoFactorPending: { step: pending } },
					url: new URL(`http://x${path}`),
					request: new Request(`http://x${path}`, { method })
				},
				'viewer'
			);
		} catch (e) {
			if (isRedirect(e)) return `${e.status} ${e.location}`;
			if (isHttpError(e)) return `${e.status}`;
		}
		return 'passed';
	}

	it('requireRole sends a pending page visit to the second-factor step, and refuses the rest', () => {
		expect(guardOutcome('verify', 'GET', '/exchanges?q=1')).toBe(
			'303 /login/2fa?next=%2Fexchanges%3Fq%3D1'
		);
		expect(guardOutcome('enrol', 'GET', '/admin/users')).toBe(
			'303 /login/2fa/setup?next=%2Fadmin%2Fusers'
		);
		expect(guardOutcome('verify', 'POST', '/exchanges/new')).toBe('401');
		expect(guardOutcome('verify', 'GET', '/api/v1/exchanges')).toBe('401');
	});
});
