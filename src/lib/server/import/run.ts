/**
 * Runs an import as one batch in one transaction. A dry run does exactly the same work and
 * then rolls it back, so the preview is what the import will do, rows that name the same
 * partner twice included.
 */
import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { importBatches } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { getHome } from '../queries/settings';
import { seoulToday } from '$lib/dates';
import { missingFields, type ImportKind, type Mapping } from './columns';
import { ImportFileError } from './errors';
import type { SheetTable } from './header';
import { importPartnerRow } from './partner-rows';
import { importExchangeRow } from './exchange-rows';
import { computeTotals, type ImportReport } from './report';
import type { ImportContext } from './row-context';

export interface ImportOptions {
	kind: ImportKind;
	mapping: Mapping;
	filename: string | null;
	dryRun: boolean;
	actor: Actor | null;
	/** Asia/Seoul date that separates held from planned exchanges; today unless a test fixes it. */
	today?: string;
}

/** How many changed rows a batch keeps for its report page. */
const SUMMARY_ROWS = 1000;

class DryRunDone extends Error {
	constructor(public report: ImportReport) {
		super('dry run');
	}
}

export function runImport(db: DB, table: SheetTable, options: ImportOptions): ImportReport {
	const missing = missingFields(options.kind, options.mapping);
	if (missing.length)
		throw new ImportFileError(
			'import_err_mapping_missing',
			`Map a column to: ${missing.join(', ')}`
		);
	try {
		return db.transaction((tx) => {
			const batch = tx
				.insert(importBatches)
				.values({
					kind: options.kind,
					filename: options.filename,
					createdBy: options.actor?.id ?? null
				})
				.returning()
				.get();
			writeAudit(tx, options.actor, {
				action: 'import',
				entityType: 'import_batch',
				entityId: batch.id,
				after: { kind: options.kind, filename: options.filename },
				batchId: batch.id
			});
			const ctx: ImportContext = {
				tx,
				mapping: options.mapping,
				home: getHome(tx),
				actor: options.actor,
				batchId: batch.id,
				today: options.today ?? seoulToday(),
				lastOurSide: ''
			};
			const importRow = options.kind === 'partners' ? importPartnerRow : importExchangeRow;
			const rows = table.rows.map((row) => importRow(ctx, row));
			const report: ImportReport = {
				kind: options.kind,
				dryRun: options.dryRun,
				batchId: options.dryRun ? null : batch.id,
				filename: options.filename,
				totals: computeTotals(rows),
				rows
			};
			if (options.dryRun) throw new DryRunDone(report);
			const kept = rows.filter((r) => r.status !== 'unchanged');
			tx.update(importBatches)
				.set({
					summary: {
						totals: report.totals,
						mapping: options.mapping,
						labels: table.labels,
						rows: kept.slice(0, SUMMARY_ROWS),
						truncated: kept.length > SUMMARY_ROWS
					}
				})
				.where(eq(importBatches.id, batch.id))
				.run();
			return report;
		});
	} catch (e) {
		if (e instanceof DryRunDone) return e.report;
		throw e;
	}
}
