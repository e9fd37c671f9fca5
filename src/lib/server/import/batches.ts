/** Past import batches for the import page and a batch's report. */
import { desc, eq } from 'drizzle-orm';
import type { Conn } from '../db';
import { importBatches, users } from '../db/schema';
import type { ImportReport, RowOutcome } from './report';
import type { UndoConflict } from './undo';

export interface BatchSummary {
	totals?: ImportReport['totals'];
	labels?: string[];
	rows?: RowOutcome[];
	truncated?: boolean;
	undo?: { by: number | null; at: string; undone: number; skipped: UndoConflict[] };
}

export interface BatchRow {
	id: number;
	kind: string;
	filename: string | null;
	createdAt: string;
	undoneAt: string | null;
	createdByName: string | null;
	summary: BatchSummary;
}

const columns = {
	id: importBatches.id,
	kind: importBatches.kind,
	filename: importBatches.filename,
	createdAt: importBatches.createdAt,
	undoneAt: importBatches.undoneAt,
	createdByName: users.displayName,
	summary: importBatches.summary
};

const asRow = (r: { summary: unknown } & Omit<BatchRow, 'summary'>): BatchRow => ({
	...r,
	summary: (r.summary as BatchSummary | null) ?? {}
});

export function listBatches(db: Conn, limit = 50): BatchRow[] {
	return db
		.select(columns)
		.from(importBatches)
		.leftJoin(users, eq(users.id, importBatches.createdBy))
		.orderBy(desc(importBatches.id))
		.limit(limit)
		.all()
		.map(asRow);
}

export function getBatch(db: Conn, id: number): BatchRow | null {
	const row = db
		.select(columns)
		.from(importBatches)
		.leftJoin(users, eq(users.id, importBatches.createdBy))
		.where(eq(importBatches.id, id))
		.get();
	return row ? asRow(row) : null;
}
