import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { safeNext } from '$lib/server/http';
import { getUserById } from '$lib/server/auth/users';
import { checkTotp, decodeTotpKey, enableTotp, enrolment } from '$lib/server/auth/two-factor';

/**
 * Enrolment an admin must finish before anything else when REQUIRE_2FA_FOR_ADMINS=1. Other
 * users enrol (optionally) on their profile page.
 */
function pendingUser(event: { locals: App.Locals; url: URL }, nextField?: string) {
	const next = safeNext(nextField ?? event.url.searchParams.get('next'));
	if (event.locals.user) redirect(303, next);
	const { session, twoFactorPending, db } = event.locals;
	if (twoFactorPending?.step === 'verify')
		redirect(303, `/login/2fa?next=${encodeURIComponent(next)}`);
	const user =
		session && twoFactorPending?.step === 'enrol' ? getUserById(db, session.userId) : null;
	if (!session || !user) redirect(303, '/login');
	return { user, session, next };
}

export const load: PageServerLoad = (event) => {
	const { user, next } = pendingUser(event);
	return { next, enrolment: enrolment(user.email), email: user.email };
};

export const actions: Actions = {
	enable: async (event) => {
		const form = await event.request.formData();
		const { user, session, next } = pendingUser(event, String(form.get('next') ?? '/'));
		const keyField = String(form.get('key') ?? '');
		const key = decodeTotpKey(keyField);
		if (!key) return fail(400, { errors: { code: 'tfa_code_wrong' }, key: null });
		if (!checkTotp(key, user.id, String(form.get('code') ?? '')))
			return fail(400, { errors: { code: 'tfa_code_wrong' }, key: keyField });
		const codes = enableTotp(event.locals.db, user.id, key, user, session.id);
		return { codes, next };
	}
};
