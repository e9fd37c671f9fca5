/** The admin audit log's filter, in the URL: `?user=3&type=organization&action=merge&from=…&to=…`. */
import { isValidDay } from '$lib/dates';

export interface AuditQuery {
	userId?: number;
	entityType?: string;
	action?: string;
	from?: string;
	to?: string;
	before?: number;
	after?: number;
}

const word = (v: string | null) => (v && /^[a-z_]{1,40}$/.test(v) ? v : undefined);
const posInt = (v: string | null) => {
	const n = Number(v);
	return v && Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

export function parseAuditQuery(p: URLSearchParams): AuditQuery {
	const q: AuditQuery = {
		userId: posInt(p.get('user')),
		entityType: word(p.get('type')),
		action: word(p.get('action')),
		from: isValidDay(p.get('from') ?? '') ? p.get('from')! : undefined,
		to: isValidDay(p.get('to') ?? '') ? p.get('to')! : undefined,
		before: posInt(p.get('before')),
		after: posInt(p.get('after'))
	};
	for (const k of Object.keys(q) as (keyof AuditQuery)[]) if (q[k] === undefined) delete q[k];
	return q;
}

/** The filter as a query string, with a page cursor when given. */
export function auditQueryString(
	q: AuditQuery,
	cursor: { before?: number; after?: number } = {}
): string {
	const p = new URLSearchParams();
	if (q.userId) p.set('user', String(q.userId));
	if (q.entityType) p.set('type', q.entityType);
	if (q.action) p.set('action', q.action);
	if (q.from) p.set('from', q.from);
	if (q.to) p.set('to', q.to);
	if (cursor.before) p.set('before', String(cursor.before));
	if (cursor.after) p.set('after', String(cursor.after));
	const s = p.toString();
	return s ? `?${s}` : '';
}
