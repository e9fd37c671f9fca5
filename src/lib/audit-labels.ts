/** Labels for what the audit log stores: actions, record types and field names. */
import { text } from '$lib/i18n';

const orKey = (key: string, fallback: string) => {
	const t = text(key);
	return t === key ? fallback : t;
};

export const auditActionLabel = (action: string) => orKey(`audit_action_${action}`, action);
export const auditEntityLabel = (type: string) => orKey(`audit_entity_${type}`, type);
export const auditFieldLabel = (field: string) => orKey(`audit_field_${field}`, field);

/** Where a record of the log is shown, when it has a page of its own. */
export function recordHref(type: string, id: number | null): string | null {
	if (id === null) return null;
	const base: Record<string, string> = {
		organization: '/partners',
		person: '/people',
		source: '/sources',
		exchange: '/exchanges',
		agreement: '/agreements'
	};
	return base[type] ? `${base[type]}/${id}` : null;
}

/** A stored value as one short line of text. */
export function auditValue(v: unknown, max = 120): string {
	if (v === null || v === undefined || v === '') return '—';
	const s = Array.isArray(v)
		? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ')
		: typeof v === 'string'
			? v
			: JSON.stringify(v);
	return s.length > max ? `${s.slice(0, max)}…` : s;
}
