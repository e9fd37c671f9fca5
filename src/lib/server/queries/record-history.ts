/** The shape of a record's history (read from the audit log by queries/audit.ts) and the field diff. */

export interface HistoryChange {
	field: string;
	before: unknown;
	after: unknown;
}

export interface HistoryEntry {
	id: number;
	at: string;
	action: string;
	userName: string | null;
	changes: HistoryChange[];
}

// Bookkeeping columns change on every save; listing them would bury the real changes.
const ignored = new Set(['updatedAt', 'updatedBy', 'version', 'createdAt', 'createdBy']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that differ between two snapshots (top-level keys). */
export function diffSnapshots(before: unknown, after: unknown): HistoryChange[] {
	const b = (before ?? {}) as Record<string, unknown>;
	const a = (after ?? {}) as Record<string, unknown>;
	const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !ignored.has(k));
	return keys
		.filter((k) => !same(b[k], a[k]))
		.map((k) => ({ field: k, before: b[k], after: a[k] }));
}
