/** Sign-in history, read from the attempts the sign-in and two-factor steps record. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../db';
import { signInAttempts } from '../db/schema';

export interface SignInRow {
	id: number;
	at: string;
	email: string;
	success: boolean;
	ip: string;
	userAgent: string | null;
}

const columns = {
	id: signInAttempts.id,
	at: signInAttempts.at,
	email: signInAttempts.email,
	success: signInAttempts.success,
	ip: signInAttempts.ip,
	userAgent: signInAttempts.userAgent
};

/** One user's recent attempts, newest first. */
export function listUserSignIns(db: DB, userId: number, limit = 20): SignInRow[] {
	return db
		.select(columns)
		.from(signInAttempts)
		.where(eq(signInAttempts.userId, userId))
		.orderBy(desc(signInAttempts.id))
		.limit(limit)
		.all();
}

export interface SignInFilter {
	/** Part of the email typed into the form. */
	email?: string;
	result?: 'success' | 'failure';
	limit?: number;
}

/** Everyone's recent attempts for the admin, including those for unknown emails. */
export function listSignIns(db: DB, filter: SignInFilter = {}): SignInRow[] {
	const where: SQL[] = [];
	if (filter.email)
		where.push(sql`${signInAttempts.email} LIKE ${`%${escapeLike(filter.email)}%`} ESCAPE '\\'`);
	if (filter.result) where.push(eq(signInAttempts.success, filter.result === 'success'));
	return db
		.select(columns)
		.from(signInAttempts)
		.where(where.length ? and(...where) : undefined)
		.orderBy(desc(signInAttempts.id))
		.limit(filter.limit ?? 200)
		.all();
}

function escapeLike(s: string): string {
	return s.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`);
}
