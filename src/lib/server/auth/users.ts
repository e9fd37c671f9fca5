import { asc, eq, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { users } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { hashPassword } from './password';
import { invalidateUserSessions, type Role } from './session';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export interface UserRow {
	id: number;
	email: string;
	displayName: string;
	role: Role;
	department: string | null;
	disabled: boolean;
	createdAt: string;
}

const publicColumns = {
	id: users.id,
	email: users.email,
	displayName: users.displayName,
	role: users.role,
	department: users.department,
	disabled: users.disabled,
	createdAt: users.createdAt
};

export function countUsers(db: DB): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(users)
			.get()?.n ?? 0
	);
}

export function listUsers(db: DB): UserRow[] {
	return db.select(publicColumns).from(users).orderBy(asc(users.email)).all();
}

export function getUserByEmail(db: DB, email: string) {
	return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get() ?? null;
}

export function getUserById(db: DB, id: number) {
	return db.select().from(users).where(eq(users.id, id)).get() ?? null;
}

export interface NewUser {
	email: string;
	displayName: string;
	role: Role;
	department?: string | null;
	password: string;
}

export async function createUser(db: DB, input: NewUser, actor: Actor | null): Promise<UserRow> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction((tx) => {
		const row = tx
			.insert(users)
			.values({
				email: input.email.trim().toLowerCase(),
				displayName: input.displayName.trim(),
				role: input.role,
				department: input.department ?? null,
				passwordHash
			})
			.returning(publicColumns)
			.get();
		writeAudit(tx, actor, { action: 'create', entityType: 'user', entityId: row.id, after: row });
		return row;
	});
}

export function updateUser(
	db: DB,
	id: number,
	patch: { role?: Role; disabled?: boolean; displayName?: string; department?: string | null },
	actor: Actor
): UserRow | null {
	return db.transaction((tx) => {
		const before = tx.select(publicColumns).from(users).where(eq(users.id, id)).get();
		if (!before) return null;
		const after = tx
			.update(users)
			.set({ ...patch, updatedAt: new Date().toISOString() })
			.where(eq(users.id, id))
			.returning(publicColumns)
			.get();
		// A disabled user is signed out everywhere at once; a changed role takes effect at once too.
		if (patch.disabled) invalidateUserSessions(tx, id);
		writeAudit(tx, actor, { action: 'update', entityType: 'user', entityId: id, before, after });
		return after;
	});
}

/** Sets a new password and ends every other session of that user. */
export async function setPassword(
	db: DB,
	id: number,
	password: string,
	actor: Actor,
	keepSessionId?: string
): Promise<void> {
	const passwordHash = await hashPassword(password);
	db.transaction((tx) => {
		tx.update(users)
			.set({ passwordHash, updatedAt: new Date().toISOString() })
			.where(eq(users.id, id))
			.run();
		invalidateUserSessions(tx, id, keepSessionId);
		writeAudit(tx, actor, { action: 'password', entityType: 'user', entityId: id });
	});
}

export function randomPassword(): string {
	const bytes = new Uint8Array(15);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * On first start with no user, creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD, or
 * `admin@localhost` with a random password that is printed once.
 */
export async function ensureAdmin(
	db: DB,
	env: { email?: string; password?: string },
	log: (line: string) => void = console.log
): Promise<void> {
	if (countUsers(db) > 0) return;
	const email = env.email?.trim() || 'admin@localhost';
	const password = env.password || randomPassword();
	await createUser(db, { email, displayName: 'Administrator', role: 'admin', password }, null);
	if (!env.password) log(`[gyoryu] created admin ${email} with password: ${password} (shown once)`);
	else log(`[gyoryu] created admin ${email} from ADMIN_EMAIL / ADMIN_PASSWORD`);
}
