/**
 * The same event told twice — in the lead and again in the body, or one day of a multi-day
 * visit told on its own — becomes one draft, keeping what each telling adds.
 */
import type { ExchangeType } from '$lib/vocab';
import type { DraftExchange } from './draft-types';
import type { ContextMap } from './context';

const partnerSet = (x: DraftExchange) =>
	x.organizations
		.filter((o) => o.role === 'partner' || o.role === 'organizer')
		.map((o) => o.partnerKey)
		.sort()
		.join('|');

const GENERIC: ExchangeType[] = ['meeting', 'other'];

/** b happens within a's days: a day of a multi-day visit told on its own. */
const inside = (a: DraftExchange, b: DraftExchange) =>
	a.date.value.precision === 'day' &&
	b.date.value.precision === 'day' &&
	a.date.value.start <= b.date.value.start &&
	b.date.value.end <= a.date.value.end;

function sameEvent(a: DraftExchange, b: DraftExchange): boolean {
	// A day of a multi-day visit told without naming the visitors again ("대표단은 11일 …") is part of it.
	if (
		partnerSet(b) === '' &&
		partnerSet(a) !== '' &&
		inside(a, b) &&
		a.date.value.start !== a.date.value.end
	)
		return a.type.value.startsWith('visit') || a.type.value === b.type.value;
	if (partnerSet(a) !== partnerSet(b)) return false;
	const compatible =
		a.type.value === b.type.value ||
		GENERIC.includes(a.type.value) ||
		GENERIC.includes(b.type.value);
	if (a.date.value.start === b.date.value.start && a.date.value.end === b.date.value.end)
		return compatible;
	// A day of a multi-day visit or forum, told again, is part of it.
	return (
		(inside(a, b) || inside(b, a)) &&
		partnerSet(a) !== '' &&
		(compatible || b.type.value.startsWith('visit') || a.type.value.startsWith('visit'))
	);
}

/** The same event told twice (lead and body) becomes one draft, keeping what each adds. */
export function mergeExchanges(list: DraftExchange[], context: ContextMap): DraftExchange[] {
	const out: DraftExchange[] = [];
	for (const x of list) {
		const into = out.find((o) => sameEvent(o, x));
		if (!into) {
			out.push(x);
			continue;
		}
		if (GENERIC.includes(into.type.value) && !GENERIC.includes(x.type.value)) into.type = x.type;
		if (into.title.proposed && !x.title.proposed) into.title = x.title;
		if ((!into.date.span && x.date.span) || inside(x, into)) into.date = x.date;
		into.location ??= x.location;
		into.participants ??= x.participants;
		into.institutions ??= x.institutions;
		into.recipients ??= x.recipients;
		for (const f of x.fields)
			if (!into.fields.some((g) => g.value === f.value)) into.fields.push(f);
		for (const n of x.participantNames)
			if (!into.participantNames.some((g) => g.value === n.value)) into.participantNames.push(n);
		for (const o of x.organizations)
			if (!into.organizations.some((g) => g.partnerKey === o.partnerKey))
				into.organizations.push(o);
		for (const row of context) for (let i = 0; i < row.length; i++) if (row[i] === x) row[i] = into;
	}
	return out;
}
