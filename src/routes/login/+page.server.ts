import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signIn } from '$lib/server/auth/sign-in';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/session';
import { safeNext } from '$lib/server/http';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: url.searchParams.get('next') ?? '/' };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? '/'));
		if (!email || !password) return fail(400, { email, next, error: 'required' as const });
		const result = await signIn(event.locals.db, email, password, {
			ip: event.getClientAddress(),
			userAgent: event.request.headers.get('user-agent')
		});
		if (!result.ok)
			return fail(result.reason === 'blocked' ? 429 : 400, { email, next, error: result.reason });
		event.cookies.set(
			SESSION_COOKIE,
			result.token,
			sessionCookieOptions(event.locals.config.secureCookies, result.session.expiresAt)
		);
		redirect(303, next);
	}
};
