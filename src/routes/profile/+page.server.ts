import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getUserById, setPassword } from '$lib/server/auth/users';
import { verifyPassword } from '$lib/server/auth/password';
import { passwordSchema } from '$lib/schemas/user';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	return { profile: user };
};

export const actions: Actions = {
	changePassword: async (event) => {
		const user = requireRole(event, 'viewer');
		const form = await event.request.formData();
		const current = String(form.get('current') ?? '');
		const parsed = passwordSchema.safeParse(form.get('password'));
		const row = getUserById(event.locals.db, user.id);
		if (!row || !(await verifyPassword(row.passwordHash, current)))
			return fail(400, { action: 'changePassword', errors: { current: 'password_wrong' } });
		if (!parsed.success)
			return fail(400, { action: 'changePassword', errors: { password: 'password_too_short' } });
		// Every other session of this user ends; this one stays signed in.
		await setPassword(event.locals.db, user.id, parsed.data, user, event.locals.session?.id);
		return { action: 'changePassword', ok: true };
	}
};
