import type { Conn } from './db';
import { auditLog } from './db/schema';

export interface Actor {
	id: number | null;
	role?: 'admin' | 'editor' | 'viewer';
}

export interface AuditEntry {
	action: string;
	entityType: string;
	entityId: number | null;
	before?: unknown;
	after?: unknown;
	batchId?: number | null;
}

/** Appends one row to the audit log; call it inside the same transaction as the change. */
export function writeAudit(db: Conn, actor: Actor | null, entry: AuditEntry): void {
	db.insert(auditLog)
		.values({
			userId: actor?.id ?? null,
			action: entry.action,
			entityType: entry.entityType,
			entityId: entry.entityId,
			before: entry.before ?? null,
			after: entry.after ?? null,
			batchId: entry.batchId ?? null,
			at: new Date().toISOString()
		})
		.run();
}
