/**
 * After a crash and restart: every acknowledged write is there and intact, with its audit
 * entries, its search-index entry and the dashboard counts; no record is half-written.
 */
import { sql } from 'drizzle-orm';
import type { DB } from '../../src/lib/server/db';
import { searchRowId } from '../../src/lib/server/queries/search';
import { verifyRollups } from '../../src/lib/server/queries/rollups';
import type { Ledger, Rec } from './ledger';

interface Row {
	id: number;
	version: number;
	titleKo: string;
	participants: number | null;
	summaryKo: string | null;
	deletedAt: string | null;
	creates: number;
	updates: number;
	auditTitle: string | null;
	partners: number;
}

function rowOf(db: DB, id: number): Row | undefined {
	return db.get<Row>(sql`
		SELECT e.id, e.version, e.title_ko AS titleKo, e.participants, e.summary_ko AS summaryKo,
			e.deleted_at AS deletedAt,
			(SELECT count(*) FROM audit_log a WHERE a.entity_type = 'exchange' AND a.entity_id = e.id AND a.action = 'create') AS creates,
			(SELECT count(*) FROM audit_log a WHERE a.entity_type = 'exchange' AND a.entity_id = e.id AND a.action = 'update') AS updates,
			(SELECT json_extract(a.after, '$.titleKo') FROM audit_log a WHERE a.entity_type = 'exchange' AND a.entity_id = e.id ORDER BY a.id DESC LIMIT 1) AS auditTitle,
			(SELECT count(*) FROM exchange_organizations o WHERE o.exchange_id = e.id AND o.role = 'partner') AS partners
		FROM exchanges e WHERE e.id = ${id}`);
}

/** The unique marker in a test title (`crash3x5x17q`): what the search must find. */
const markerOf = (title: string) => /crash\d+x\d+x\d+q/.exec(title)?.[0] ?? null;

function searchHits(db: DB, marker: string): Set<number> {
	const rows = db.all<{ rowid: number }>(
		sql`SELECT rowid FROM search_fts WHERE search_fts MATCH ${`"${marker}"`}`
	);
	return new Set(rows.map((r) => r.rowid));
}

function checkRecord(db: DB, ledger: Ledger, r: Rec): string[] {
	const row = rowOf(db, r.id);
	if (!row) return [`exchange ${r.id}: acknowledged but missing`];
	const problems: string[] = [];
	const state = ledger
		.allowed(r)
		.find(
			(s) =>
				s.version === row.version &&
				s.titleKo === row.titleKo &&
				s.participants === row.participants
		);
	if (!state)
		problems.push(
			`exchange ${r.id}: is v${row.version} "${row.titleKo}" (${row.participants}), acknowledged v${r.version} "${r.titleKo}" (${r.participants})`
		);
	if (row.deletedAt) problems.push(`exchange ${r.id}: deleted`);
	if (row.summaryKo !== r.summaryKo) problems.push(`exchange ${r.id}: summary changed`);
	if (row.creates !== 1) problems.push(`exchange ${r.id}: ${row.creates} create audit entries`);
	if (row.updates !== row.version - 1)
		problems.push(`exchange ${r.id}: v${row.version} but ${row.updates} update audit entries`);
	if (row.auditTitle !== row.titleKo)
		problems.push(`exchange ${r.id}: last audit entry says "${row.auditTitle}"`);
	if (row.partners < 1) problems.push(`exchange ${r.id}: partner link missing`);
	const marker = markerOf(row.titleKo);
	if (!marker || !searchHits(db, marker).has(searchRowId('exchange', r.id)))
		problems.push(`exchange ${r.id}: search does not find "${row.titleKo}"`);
	return problems;
}

/** Records no one was told about (in flight at the kill) must still be whole or absent. */
function halfWritten(db: DB): string[] {
	const orphans = db.all<{ id: number; why: string }>(sql`
		SELECT id, 'no create audit entry' AS why FROM exchanges e WHERE NOT EXISTS (
			SELECT 1 FROM audit_log a WHERE a.entity_type = 'exchange' AND a.entity_id = e.id AND a.action = 'create')
		UNION ALL
		SELECT id, 'no search-index entry' FROM exchanges e
			WHERE e.deleted_at IS NULL AND e.id * 8 + 1 NOT IN (SELECT rowid FROM search_fts)
		UNION ALL
		SELECT id, 'no partner link' FROM exchanges e WHERE e.title_ko LIKE '%crash%' AND NOT EXISTS (
			SELECT 1 FROM exchange_organizations o WHERE o.exchange_id = e.id)`);
	return orphans.map((o) => `exchange ${o.id}: ${o.why}`);
}

export function verifyDatabase(db: DB, ledger: Ledger): string[] {
	const integrity = db.$client.pragma('integrity_check', { simple: true });
	const problems = integrity === 'ok' ? [] : [`integrity_check: ${String(integrity)}`];
	for (const r of ledger.records.values()) problems.push(...checkRecord(db, ledger, r));
	problems.push(...halfWritten(db));
	problems.push(...verifyRollups(db).map((d) => `dashboard counts: ${d}`));
	return problems;
}
