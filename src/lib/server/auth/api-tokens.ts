/** Personal API tokens: shown once, stored as SHA-256, with their user's role and a scope. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DB } from '../db';
import { apiTokens, users } from '../db/schema';
import { generateSessionToken, hashToken, type SessionUser } from './session';
import { writeAudit } from '../audit';

export interface ApiTokenRow {
	id: number;
	name: string;
	scope: 'read' | 'write';
	expiresAt: string | null;
	lastUsedAt: string | null;
	revokedAt: string | null;
	createdAt: string;
}

export function createApiToken(
	db: DB,
	userId: number,
	name: string,
	scope: 'read' | 'write',
	expiresAt: string | null
): { token: string; row: ApiTokenRow } {
	const token = `gyr_${generateSessionToken()}`;
	const row = db.transaction((tx) => {
		const r = tx
			.insert(apiTokens)
			.values({ userId, name, scope, expiresAt, tokenHash: hashToken(token) })
			.returning()
			.get();
		// The log names the token, never its hash.
		const { tokenHash: _h, userId: _u, ...shown } = r;
		writeAudit(
			tx,
			{ id: userId },
			{ action: 'create', entityType: 'api_token', entityId: r.id, after: shown }
		);
		return r;
	});
	return { token, row };
}

export function listApiTokens(db: DB, userId: number): ApiTokenRow[] {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			scope: apiTokens.scope,
			expiresAt: apiTokens.expiresAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt,
			createdAt: apiTokens.createdAt
		})
		.from(apiTokens)
		.where(eq(apiTokens.userId, userId))
		.orderBy(desc(apiTokens.id))
		.all();
}

export function revokeApiToken(db: DB, userId: number, id: number): boolean {
	return db.transaction((tx) => {
		const r = tx
			.update(apiTokens)
			.set({ revokedAt: new Date().toISOString() })
			.where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
			.run();
		if (r.changes > 0)
			writeAudit(tx, { id: userId }, { action: 'revoke', entityType: 'api_token', entityId: id });
		return r.changes > 0;
	});
}

export function validateApiToken(
	db: DB,
	token: string
): { user: SessionUser; scope: 'read' | 'write' } | null {
	const row = db
		.select({ token: apiTokens, user: users })
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(eq(apiTokens.tokenHash, hashToken(token)))
		.get();
	if (!row || row.token.revokedAt || row.user.disabled) return null;
	const now = new Date().toISOString();
	if (row.token.expiresAt && row.token.expiresAt <= now) return null;
	db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id)).run();
	const u = row.user;
	return {
		scope: row.token.scope,
		user: {
			id: u.id,
			email: u.email,
			displayName: u.displayName,
			role: u.role,
			department: u.department,
			totpEnabled: u.totpKey !== null
		}
	};
}
