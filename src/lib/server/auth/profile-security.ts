/**
 * The profile page's security section: two-factor enrolment and recovery codes, and the
 * user's own sign-in history. Each action checks the role itself, like every other action.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from './guard';
import { verifyPassword } from './password';
import { listUserSignIns } from './sign-in-history';
import {
	checkTotp,
	decodeTotpKey,
	disableTotp,
	enableTotp,
	enrolment,
	regenerateRecoveryCodes,
	remainingRecoveryCodes
} from './two-factor';
import { getUserById } from './users';
import type { SessionUser } from './session';
import type { DB } from '../db';

export function securityProfile(db: DB, user: SessionUser, requireForAdmins: boolean) {
	return {
		twoFactor: {
			enabled: user.totpEnabled,
			required: requireForAdmins && user.role === 'admin',
			recoveryCodesLeft: user.totpEnabled ? remainingRecoveryCodes(db, user.id) : 0,
			// A fresh key for each visit until enrolled; the form posts it back with the code.
			enrolment: user.totpEnabled ? null : enrolment(user.email)
		},
		signIns: listUserSignIns(db, user.id)
	};
}

type ProfileEvent = RequestEvent;

export async function enableTotpAction(event: ProfileEvent) {
	const user = requireRole(event, 'viewer');
	const form = await event.request.formData();
	const keyField = String(form.get('key') ?? '');
	const key = decodeTotpKey(keyField);
	if (user.totpEnabled) return fail(400, { action: 'tfaEnable', errors: { code: 'tfa_already' } });
	if (!key || !checkTotp(key, user.id, String(form.get('code') ?? '')))
		return fail(400, { action: 'tfaEnable', key: keyField, errors: { code: 'tfa_code_wrong' } });
	const codes = enableTotp(event.locals.db, user.id, key, user, event.locals.session?.id ?? null);
	return { action: 'tfaEnable', codes };
}

/** Turning two-factor off or renewing codes asks for the password again. */
async function passwordConfirmed(event: ProfileEvent, user: SessionUser): Promise<boolean> {
	const form = await event.request.formData();
	const row = getUserById(event.locals.db, user.id);
	return !!row && (await verifyPassword(row.passwordHash, String(form.get('password') ?? '')));
}

export async function disableTotpAction(event: ProfileEvent) {
	const user = requireRole(event, 'viewer');
	if (event.locals.config.requireTwoFactorForAdmins && user.role === 'admin')
		return fail(400, { action: 'tfaDisable', errors: { password: 'tfa_required_admin' } });
	if (!(await passwordConfirmed(event, user)))
		return fail(400, { action: 'tfaDisable', errors: { password: 'password_wrong' } });
	disableTotp(event.locals.db, user.id, user);
	return { action: 'tfaDisable', disabled: true };
}

export async function recoveryCodesAction(event: ProfileEvent) {
	const user = requireRole(event, 'viewer');
	if (!user.totpEnabled)
		return fail(400, { action: 'tfaCodes', errors: { password: 'tfa_not_enabled' } });
	if (!(await passwordConfirmed(event, user)))
		return fail(400, { action: 'tfaCodes', errors: { password: 'password_wrong' } });
	return { action: 'tfaCodes', codes: regenerateRecoveryCodes(event.locals.db, user.id, user) };
}
