/** Test users and records built through the app's own write code. */
import type { DB } from '../../src/lib/server/db';
import { createUser } from '../../src/lib/server/auth/users';
import type { Role } from '../../src/lib/server/auth/session';

export const PASSWORD = 'correct-horse-battery';

export async function makeUser(db: DB, role: Role, email = `${role}@example.org`) {
	return createUser(db, { email, displayName: `Test ${role}`, role, password: PASSWORD }, null);
}

export async function makeUsers(db: DB) {
	return {
		admin: await makeUser(db, 'admin'),
		editor: await makeUser(db, 'editor'),
		viewer: await makeUser(db, 'viewer')
	};
}
