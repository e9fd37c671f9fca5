import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { safeNext } from '$lib/server/http';
import { markSessionTwoFactorVerified } from '$lib/server/auth/session';
import { getUserById } from '$lib/server/auth/users';
import { checkTotp, getTotpKey, useRecoveryCode } from '$lib/server/auth/two-factor';
import { isSignInBlocked, recordSignInAttempt } from '$lib/server/auth/rate-limit';

/** Where a visitor belongs when this step is not theirs: home, enrolment or sign-in. */
function elsewhere(event: { locals: App.Locals; url: URL }): string | null {
	const next = safeNext(event.url.searchParams.get('next'));
	if (event.locals.user) return next;
	const step = event.locals.twoFactorPending?.step;
	if (step === 'enrol') return `/login/2fa/setup?next=${encodeURIComponent(next)}`;
	if (step !== 'verify') return '/login';
	return null;
}

export const load: PageServerLoad = (event) => {
	const away = elsewhere(event);
	if (away) redirect(303, away);
	return { next: safeNext(event.url.searchParams.get('next')) };
};

/** Checks one code (TOTP or recovery) for the pending session; rate-limited like sign-in. */
async function verifyWith(event: RequestEvent, kind: 'totp' | 'recovery') {
	const away = elsewhere(event);
	if (away) redirect(303, away);
	const { db, session } = event.locals;
	const user = session ? getUserById(db, session.userId) : null;
	if (!session || !user) redirect(303, '/login');
	const form = await event.request.formData();
	const code = String(form.get('code') ?? '').trim();
	const next = safeNext(String(form.get('next') ?? '/'));
	const client = {
		ip: event.getClientAddress(),
		userAgent: event.request.headers.get('user-agent')
	};
	if (isSignInBlocked(db, user.email, client.ip))
		return fail(429, { kind, next, error: 'sign_in_blocked' });
	if (!code) return fail(400, { kind, next, error: 'required' });
	const key = getTotpKey(db, user.id);
	const ok =
		kind === 'totp' ? !!key && checkTotp(key, user.id, code) : useRecoveryCode(db, user.id, code);
	if (!ok) {
		recordSignInAttempt(db, { ...client, email: user.email, userId: user.id, success: false });
		return fail(400, {
			kind,
			next,
			error: kind === 'totp' ? 'tfa_code_wrong' : 'tfa_recovery_wrong'
		});
	}
	markSessionTwoFactorVerified(db, session.id);
	redirect(303, next);
}

export const actions: Actions = {
	verify: (event) => verifyWith(event, 'totp'),
	recover: (event) => verifyWith(event, 'recovery')
};
