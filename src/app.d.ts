import type { DB } from '$lib/server/db';
import type { Session, SessionUser } from '$lib/server/auth/session';
import type { AppConfig } from '$lib/server/config';
import type { TwoFactorPending } from '$lib/server/auth/two-factor';

declare global {
	namespace App {
		interface Locals {
			db: DB;
			config: AppConfig;
			user: SessionUser | null;
			session: Session | null;
			/** Set when the request was authenticated by an API token rather than the cookie. */
			tokenScope: 'read' | 'write' | null;
			/** A signed-in session that still owes its second factor (then `user` is null). */
			twoFactorPending?: TwoFactorPending | null;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
