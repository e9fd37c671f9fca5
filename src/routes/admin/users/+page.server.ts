import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import {
	createUser,
	getUserByEmail,
	listUsers,
	setPassword,
	updateUser
} from '$lib/server/auth/users';
import { fieldErrors, newUserSchema, passwordSchema, updateUserSchema } from '$lib/schemas/user';
import { disableTotp, usersWithTotp } from '$lib/server/auth/two-factor';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return { users: listUsers(event.locals.db), twoFactor: usersWithTotp(event.locals.db) };
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireRole(event, 'admin');
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = newUserSchema.safeParse(raw);
		const values = { ...raw, password: '' };
		if (!parsed.success)
			return fail(400, { action: 'create', values, errors: fieldErrors(parsed.error) });
		if (getUserByEmail(event.locals.db, parsed.data.email))
			return fail(400, { action: 'create', values, errors: { email: 'email_taken' } });
		await createUser(event.locals.db, parsed.data, admin);
		return { action: 'create', ok: true };
	},
	update: async (event) => {
		const admin = requireRole(event, 'admin');
		const parsed = updateUserSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { action: 'update', errors: fieldErrors(parsed.error) });
		const { id, ...patch } = parsed.data;
		if (!updateUser(event.locals.db, id, patch, admin))
			return fail(404, { action: 'update', errors: { _: 'not_found' } });
		return { action: 'update', ok: true };
	},
	resetPassword: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const id = Number(form.get('id'));
		const parsed = passwordSchema.safeParse(form.get('password'));
		if (!parsed.success)
			return fail(400, { action: 'resetPassword', id, errors: { password: 'password_too_short' } });
		await setPassword(event.locals.db, id, parsed.data, admin);
		return { action: 'resetPassword', ok: true };
	},
	/** For a user who lost both their phone and their recovery codes: they sign in with the password again. */
	resetTwoFactor: async (event) => {
		const admin = requireRole(event, 'admin');
		const id = Number((await event.request.formData()).get('id'));
		if (!Number.isInteger(id) || id <= 0)
			return fail(400, { action: 'resetTwoFactor', errors: { _: 'not_found' } });
		disableTotp(event.locals.db, id, admin);
		return { action: 'resetTwoFactor', ok: true };
	}
};
