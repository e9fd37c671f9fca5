/** What a dry run or an import tells the user, row by row and in total. */
export type Entity = 'organization' | 'tie' | 'exchange';
export type Change = 'create' | 'update' | 'unchanged';
export type RowStatus = Change | 'skip' | 'error';

export interface RowNote {
	field: string;
	/** A message key (import_err_…, import_warn_…, import_skip_…). */
	code: string;
	value?: string;
}

export interface RowAction {
	entity: Entity;
	change: Change;
	id: number;
	label: string;
	/** A tie's kind or an exchange's type, for the page to name. */
	detail?: string;
}

export interface RowOutcome {
	row: number;
	status: RowStatus;
	label: string;
	actions: RowAction[];
	errors: RowNote[];
	warnings: RowNote[];
}

export type Tally = Record<Change, number>;

export interface ImportReport {
	kind: string;
	dryRun: boolean;
	batchId: number | null;
	filename: string | null;
	totals: Record<Entity, Tally> & {
		rows: {
			total: number;
			create: number;
			update: number;
			unchanged: number;
			skip: number;
			error: number;
		};
	};
	rows: RowOutcome[];
}

const tally = (): Tally => ({ create: 0, update: 0, unchanged: 0 });

export function emptyTotals(): ImportReport['totals'] {
	return {
		organization: tally(),
		tie: tally(),
		exchange: tally(),
		rows: { total: 0, create: 0, update: 0, unchanged: 0, skip: 0, error: 0 }
	};
}

/** A row's status: an error or skip wins, then any creation, then any update. */
export function rowStatus(outcome: Omit<RowOutcome, 'status'>, skipped: boolean): RowStatus {
	if (outcome.errors.length) return 'error';
	if (skipped) return 'skip';
	if (outcome.actions.some((a) => a.change === 'create')) return 'create';
	if (outcome.actions.some((a) => a.change === 'update')) return 'update';
	return 'unchanged';
}

const strength: Record<Change, number> = { unchanged: 0, update: 1, create: 2 };

/** Row counts by status, and each record counted once by the strongest change it had. */
export function computeTotals(rows: RowOutcome[]): ImportReport['totals'] {
	const totals = emptyTotals();
	const records = new Map<string, RowAction>();
	for (const row of rows) {
		totals.rows.total++;
		totals.rows[row.status]++;
		for (const a of row.actions) {
			const key = `${a.entity}:${a.id}`;
			const seen = records.get(key);
			if (!seen || strength[a.change] > strength[seen.change]) records.set(key, a);
		}
	}
	for (const a of records.values()) totals[a.entity][a.change]++;
	return totals;
}
