import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { locales } from '$lib/paraglide/runtime';
import { safeNext } from '$lib/server/http';

export const load: PageServerLoad = () => redirect(303, '/');

// Open to everyone (the sign-in page has the switch too); it only sets a preference cookie.
export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = String(form.get('locale'));
		if ((locales as readonly string[]).includes(locale))
			cookies.set('PARAGLIDE_LOCALE', locale, {
				path: '/',
				maxAge: 60 * 60 * 24 * 365,
				httpOnly: false,
				sameSite: 'lax'
			});
		redirect(303, safeNext(String(form.get('next') ?? '/')));
	}
};
