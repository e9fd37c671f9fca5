import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getUserById, setPassword } from '$lib/server/auth/users';
import { verifyPassword } from '$lib/server/auth/password';
import { fieldErrors, passwordSchema } from '$lib/schemas/user';
import { apiTokenSchema, tokenExpiry } from '$lib/schemas/api-token';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/auth/api-tokens';
import { formValues } from '$lib/server/record-forms';
import {
	disableTotpAction,
	enableTotpAction,
	recoveryCodesAction,
	securityProfile
} from '$lib/server/auth/profile-security';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'viewer');
	return {
		profile: user,
		tokens: listApiTokens(event.locals.db, user.id),
		...securityProfile(event.locals.db, user, event.locals.config.requireTwoFactorForAdmins)
	};
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
	},
	tfaEnable: enableTotpAction,
	tfaDisable: disableTotpAction,
	tfaCodes: recoveryCodesAction,
	createToken: async (event) => {
		const user = requireRole(event, 'viewer');
		const values = formValues(await event.request.formData());
		const parsed = apiTokenSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { action: 'createToken', values, errors: fieldErrors(parsed.error) });
		const { name, scope, lifetime } = parsed.data;
		// A token carries its user's role; a viewer's write token could not write anyway.
		const { token } = createApiToken(event.locals.db, user.id, name, scope, tokenExpiry(lifetime));
		return { action: 'createToken', ok: true, token };
	},
	revokeToken: async (event) => {
		const user = requireRole(event, 'viewer');
		const id = Number((await event.request.formData()).get('tokenId'));
		if (!Number.isSafeInteger(id) || !revokeApiToken(event.locals.db, user.id, id))
			return fail(404, { action: 'revokeToken', errors: { _: 'not_found' } });
		return { action: 'revokeToken', ok: true };
	}
};
