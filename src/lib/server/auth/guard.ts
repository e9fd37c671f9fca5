/** Authorisation at every entry point: each load, action and endpoint calls one of these itself. */
import { error, redirect } from '@sveltejs/kit';
import type { Role, SessionUser } from './session';

const rank: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function hasRole(user: SessionUser | null, role: Role): boolean {
	return !!user && rank[user.role] >= rank[role];
}

interface GuardEvent {
	locals: {
		user: SessionUser | null;
		tokenScope?: 'read' | 'write' | null;
		/** Set (and `user` left null) while a signed-in session still owes its second factor. */
		twoFactorPending?: { step: 'verify' | 'enrol' } | null;
	};
	url: URL;
	request?: Request;
}

const isApi = (url: URL) => url.pathname.startsWith('/api/');

/**
 * Returns the signed-in user when they hold `role` (or higher). Signed-out visitors of a page
 * are sent to sign-in; of the API they get 401. A weaker role gets 403.
 */
export function requireRole(event: GuardEvent, role: Role = 'viewer'): SessionUser {
	const user = event.locals.user;
	if (!user) {
		if (isApi(event.url) || event.request?.method !== 'GET') error(401, 'Sign-in required');
		const next = encodeURIComponent(event.url.pathname + event.url.search);
		const pending = event.locals.twoFactorPending?.step;
		if (pending) redirect(303, `/login/2fa${pending === 'enrol' ? '/setup' : ''}?next=${next}`);
		redirect(303, `/login?next=${next}`);
	}
	if (!hasRole(user, role)) error(403, 'Forbidden');
	// A read-only API token may only read, whatever its user's role.
	if (role !== 'viewer' && event.locals.tokenScope === 'read')
		error(403, 'This token is read-only');
	return user;
}

/** Editors and admins see confidential records; viewers never do. */
export function canSeeConfidential(user: SessionUser | null): boolean {
	return hasRole(user, 'editor');
}
