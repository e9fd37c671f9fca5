import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseAuditQuery } from '$lib/audit-filter';
import { listAuditLog } from '$lib/server/queries/audit';
import { csvResponse, toCsv } from '$lib/server/csv';
import { m } from '$lib/paraglide/messages';
import { auditActionLabel, auditEntityLabel, auditFieldLabel, auditValue } from '$lib/audit-labels';

/** The filtered log (newest 10,000 entries at most) for an auditor's spreadsheet. */
export const GET: RequestHandler = (event) => {
	if (!event.locals.user) error(401, 'Sign-in required');
	requireRole(event, 'admin');
	const query = { ...parseAuditQuery(event.url.searchParams), before: undefined, after: undefined };
	const { rows } = listAuditLog(event.locals.db, query, 10_000);
	const body = toCsv(
		[
			'ID',
			m.audit_when(),
			m.audit_user(),
			m.audit_action(),
			m.audit_entity(),
			'ID',
			m.audit_changes()
		],
		rows.map((r) => [
			r.id,
			r.at,
			r.userName,
			auditActionLabel(r.action),
			auditEntityLabel(r.entityType),
			r.entityId,
			r.changes
				.map(
					(c) =>
						`${auditFieldLabel(c.field)}: ${auditValue(c.before, 500)} → ${auditValue(c.after, 500)}`
				)
				.join('\n')
		])
	);
	return csvResponse(body, 'audit-log.csv');
};
