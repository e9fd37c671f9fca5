/**
 * Sign-in throttling: after MAX_FAILURES failed attempts within the window for one account,
 * or MAX_FAILURES_PER_IP from one client address (higher, because a whole office may sit
 * behind one address), further attempts are refused until the window has passed.
 * Counted from the sign-in history table, so the limit survives a restart.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { signInAttempts } from '../db/schema';

export const MAX_FAILURES = 10;
export const MAX_FAILURES_PER_IP = 50;
export const WINDOW_MINUTES = 15;

function since(now: number): string {
	return new Date(now - WINDOW_MINUTES * 60_000).toISOString();
}

function failuresWhere(
	column: typeof signInAttempts.email | typeof signInAttempts.ip,
	value: string,
	now: number
) {
	return and(
		eq(column, value),
		eq(signInAttempts.success, false),
		gt(signInAttempts.at, since(now))
	);
}

function countFailures(db: DB, where: ReturnType<typeof failuresWhere>): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(signInAttempts)
			.where(where)
			.get()?.n ?? 0
	);
}

export function isSignInBlocked(db: DB, email: string, ip: string, now = Date.now()): boolean {
	return (
		countFailures(db, failuresWhere(signInAttempts.email, email.toLowerCase(), now)) >=
			MAX_FAILURES ||
		countFailures(db, failuresWhere(signInAttempts.ip, ip, now)) >= MAX_FAILURES_PER_IP
	);
}

export function recordSignInAttempt(
	db: DB,
	attempt: {
		email: string;
		ip: string;
		userAgent: string | null;
		userId: number | null;
		success: boolean;
	}
): void {
	db.insert(signInAttempts)
		.values({ ...attempt, email: attempt.email.toLowerCase(), at: new Date().toISOString() })
		.run();
}
