/**
 * The agreement list filter, kept in the URL like the exchange filter
 * (`?status=postponed&overdue=1&partner=12`), so a list can be shared as a link.
 */
import { agreementKinds, agreementStatuses } from '$lib/vocab';
import { isValidDay } from '$lib/dates';

export interface AgreementFilter {
	status?: string[];
	kind?: string[];
	/** Partner organisation ids. */
	partner?: number[];
	/** Due date window, inclusive (YYYY-MM-DD), on the first day of the due date. */
	dueFrom?: string;
	dueTo?: string;
	/** Only open ones (any status but signed/completed/cancelled). */
	open?: boolean;
	/** Only open ones whose due date ended before today (Asia/Seoul). */
	overdue?: boolean;
	exchange?: number;
	q?: string;
}

const list = (params: URLSearchParams, key: string) =>
	params
		.getAll(key)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter(Boolean);

const positive = (v: string) => {
	const n = Number(v);
	return Number.isInteger(n) && n > 0 ? n : null;
};

/** Reads the filter, dropping values that are not valid. */
export function parseAgreementFilter(params: URLSearchParams): AgreementFilter {
	const f: AgreementFilter = {};
	const status = list(params, 'status').filter((s) =>
		(agreementStatuses as readonly string[]).includes(s)
	);
	if (status.length) f.status = [...new Set(status)];
	const kind = list(params, 'kind').filter((s) =>
		(agreementKinds as readonly string[]).includes(s)
	);
	if (kind.length) f.kind = [...new Set(kind)];
	const partner = list(params, 'partner')
		.map(positive)
		.filter((n): n is number => n !== null);
	if (partner.length) f.partner = [...new Set(partner)];
	const dueFrom = params.get('dueFrom');
	const dueTo = params.get('dueTo');
	if (dueFrom && isValidDay(dueFrom)) f.dueFrom = dueFrom;
	if (dueTo && isValidDay(dueTo)) f.dueTo = dueTo;
	if (['1', 'true', 'on'].includes(params.get('open') ?? '')) f.open = true;
	if (['1', 'true', 'on'].includes(params.get('overdue') ?? '')) f.overdue = true;
	const exchange = positive(params.get('exchange') ?? '');
	if (exchange) f.exchange = exchange;
	const q = params.get('q')?.trim();
	if (q) f.q = q.slice(0, 200);
	return f;
}

export function agreementFilterParams(f: AgreementFilter): URLSearchParams {
	const p = new URLSearchParams();
	if (f.status?.length) p.set('status', f.status.join(','));
	if (f.kind?.length) p.set('kind', f.kind.join(','));
	if (f.partner?.length) p.set('partner', f.partner.join(','));
	if (f.dueFrom) p.set('dueFrom', f.dueFrom);
	if (f.dueTo) p.set('dueTo', f.dueTo);
	if (f.open) p.set('open', '1');
	if (f.overdue) p.set('overdue', '1');
	if (f.exchange) p.set('exchange', String(f.exchange));
	if (f.q) p.set('q', f.q);
	return p;
}
