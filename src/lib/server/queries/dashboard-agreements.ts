/** Agreements and follow-up actions counted from the records (the path the rollups are tested against). */
import { sql } from 'drizzle-orm';
import type { Conn } from '../db';
import type { ExchangeFilter } from '$lib/filters';
import type { Visibility } from './exchange-filter';
import {
	bump,
	closedStatusesSql,
	datedAgreements,
	emptyAgreementTally,
	type AgreementTally,
	type DueCounts
} from './dashboard-tally';

/** Agreements by status and due state, and follow-up actions, from the records. */
export function agreementTallyFromRecords(
	db: Conn,
	f: ExchangeFilter,
	viewer: Visibility,
	today: string
): AgreementTally {
	const t = emptyAgreementTally();
	const dated = datedAgreements(f, viewer);
	for (const r of db.all<{ status: string; due: string; n: number }>(
		sql`SELECT status, CASE WHEN status IN ${closedStatusesSql} THEN 'closed'
			WHEN due_end IS NULL THEN 'none' WHEN due_end < ${today} THEN 'overdue' ELSE 'due' END AS due,
			count(*) AS n FROM (${dated}) GROUP BY 1, 2`
	)) {
		bump(t.status, r.status, r.n);
		if (r.due !== 'closed') t.agreements[r.due as keyof DueCounts] += r.n;
	}
	for (const r of db.all<{ state: string; n: number }>(
		sql`SELECT CASE WHEN f.done_at IS NOT NULL THEN 'done' WHEN f.due_date IS NULL THEN 'none'
			WHEN f.due_date < ${today} THEN 'overdue' ELSE 'due' END AS state, count(*) AS n
		FROM (${dated}) d JOIN follow_ups f ON f.agreement_id = d.id AND f.deleted_at IS NULL GROUP BY 1`
	))
		t.actions[r.state as keyof AgreementTally['actions']] += r.n;
	return t;
}
