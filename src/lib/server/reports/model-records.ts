/** Records of a briefing as the rows its tables print, in the briefing's language. */
import { formatPartialDate, type Precision } from '$lib/dates';
import { closedAgreementStatuses } from '$lib/vocab';
import type { Anniversary } from '$lib/dashboard-stats';
import type { BriefingExchange, BriefingPartner } from '../queries/briefing';
import type { BriefingAgreement, BriefingPartnerTies } from '../queries/briefing-records';
import { anniversaryOf } from '../queries/dashboard-anniversaries';
import { countryName } from './describe';
import { msg, reportText, vocab } from './text';
import type {
	AgreementView,
	AnniversaryView,
	ExchangeGroup,
	ExchangeView,
	GroupBy,
	Lang,
	PartnerName,
	PartnerView,
	TieView
} from './types';

export const localized = (lang: Lang, ko: string, en: string | null | undefined): string =>
	lang === 'en' && en?.trim() ? en : ko;

export const dateLabel = (
	lang: Lang,
	precision: Precision | null,
	start: string | null,
	end?: string | null
): string => formatPartialDate(lang, precision, start, end);

export function partnerName(lang: Lang, p: BriefingPartner): PartnerName {
	return {
		id: p.id,
		name: localized(lang, p.nameKo, p.nameEn),
		native: p.nameNative && p.nameNative !== p.nameKo ? p.nameNative : null,
		country: p.country
	};
}

export function participantsLabel(lang: Lang, n: number | null, approx: boolean): string {
	if (n === null) return '';
	return msg(lang, approx ? 'report_people_approx' : 'report_people_count', { n });
}

export function exchangeView(lang: Lang, x: BriefingExchange): ExchangeView {
	return {
		id: x.id,
		date: dateLabel(lang, x.datePrecision, x.dateStart, x.dateEnd),
		precision: x.datePrecision,
		dateStart: x.dateStart,
		dateEnd: x.dateEnd,
		title: localized(lang, x.titleKo, x.titleEn),
		summary: lang === 'en' && x.summaryEn?.trim() ? x.summaryEn : x.summaryKo,
		type: vocab(lang, 'type', x.type),
		mode: vocab(lang, 'mode', x.mode),
		status: vocab(lang, 'exstatus', x.status),
		location: x.location,
		participants: x.participants,
		participantsLabel: participantsLabel(lang, x.participants, x.participantsApprox),
		partners: x.partners.map((p) => partnerName(lang, p)),
		fields: x.fields.map((f) => vocab(lang, 'field', f)),
		month: x.datePrecision === 'year' ? `${x.dateStart.slice(0, 4)}-00` : x.dateStart.slice(0, 7)
	};
}

/** A partner's name with its native form: "산둥성 (山东省)". */
export const withNative = (p: { name: string; native: string | null }): string =>
	p.native ? `${p.name} (${p.native})` : p.name;

/**
 * Month groups run in calendar order with each year's "month unknown" group after its months;
 * partner groups put the busiest partner first, an exchange under each of its partners, and
 * exchanges without one last.
 */
export function groupExchanges(lang: Lang, rows: ExchangeView[], by: GroupBy): ExchangeGroup[] {
	const groups = new Map<string, ExchangeGroup>();
	const add = (key: string, label: string, row: ExchangeView) => {
		const g = groups.get(key) ?? { key, label, rows: [] };
		g.rows.push(row);
		groups.set(key, g);
	};
	for (const r of rows) {
		if (by === 'month') {
			const [y, m] = r.month.split('-');
			const label =
				m === '00'
					? msg(lang, 'report_month_unknown', { year: y })
					: msg(lang, 'report_month', { year: y, month: lang === 'ko' ? Number(m) : m });
			add(m === '00' ? `${y}-13` : r.month, label, r);
		} else if (!r.partners.length) add('~none', reportText(lang).no_partner, r);
		else for (const p of r.partners) add(`p${p.id}`, withNative(p), r);
	}
	const list = [...groups.values()];
	if (by === 'month') return list.sort((a, b) => a.key.localeCompare(b.key));
	return list.sort(
		(a, b) =>
			Number(a.key === '~none') - Number(b.key === '~none') ||
			b.rows.length - a.rows.length ||
			a.label.localeCompare(b.label)
	);
}

const closed = closedAgreementStatuses as string[];

export function agreementView(lang: Lang, a: BriefingAgreement, today: string): AgreementView {
	const open = !closed.includes(a.status);
	return {
		id: a.id,
		title: localized(lang, a.titleKo, a.titleEn),
		kind: vocab(lang, 'agkind', a.kind),
		status: vocab(lang, 'agstatus', a.status),
		open,
		overdue: open && !!a.dueEnd && a.dueEnd < today,
		date: dateLabel(lang, a.effPrecision, a.effStart, a.effEnd),
		due: dateLabel(lang, a.duePrecision, a.dueStart, a.dueEnd),
		partners: a.partners.map((p) => withNative(partnerName(lang, p))),
		followUps: a.followUps.map((f) => ({
			action: f.action,
			owner: f.owner,
			due: f.dueDate ? dateLabel(lang, 'day', f.dueDate) : '',
			done: !!f.doneAt,
			overdue: !f.doneAt && !!f.dueDate && f.dueDate < today
		}))
	};
}

/** The next 5-year milestone of a tie on or after today, at the tie date's precision. */
export function nextAnniversary(
	precision: Precision | null,
	start: string | null,
	today: string
): { years: number; precision: Precision; start: string; end: string } | null {
	if (!precision || !start) return null;
	const since = Number(start.slice(0, 4));
	let y = Math.max(since + 5, since + Math.ceil((Number(today.slice(0, 4)) - since) / 5) * 5);
	for (;;) {
		const a = anniversaryOf(precision, start, y);
		if (a.end >= today) return { years: y - since, precision, ...a };
		y += 5;
	}
}

export function tieView(
	lang: Lang,
	t: BriefingPartnerTies['ties'][number],
	today: string
): TieView {
	const next = t.status === 'ended' ? null : nextAnniversary(t.datePrecision, t.dateStart, today);
	return {
		kind: vocab(lang, 'tie', t.kind),
		status: vocab(lang, 'tiestatus', t.status),
		date: dateLabel(lang, t.datePrecision, t.dateStart, t.dateEnd),
		nextAnniversary: next
			? `${dateLabel(lang, next.precision, next.start)} (${msg(lang, 'report_years', { years: next.years })})`
			: ''
	};
}

export function partnerView(lang: Lang, p: BriefingPartnerTies, today: string): PartnerView {
	const n = partnerName(lang, p);
	return {
		id: p.id,
		name: n.name,
		native: n.native,
		other: lang === 'en' ? (p.nameEn ? p.nameKo : null) : p.nameEn,
		country: countryName(lang, p.scope === 'international' ? 'INTL' : p.country),
		exchanges: p.exchanges,
		ties: p.ties.map((t) => tieView(lang, t, today))
	};
}

export function anniversaryView(
	lang: Lang,
	a: Anniversary,
	native: string | null
): AnniversaryView {
	return {
		partner: localized(lang, a.nameKo, a.nameEn),
		native,
		kind: vocab(lang, 'tie', a.kind),
		years: a.years,
		date: dateLabel(lang, a.precision, a.start, a.end),
		commitments: a.commitments.map(
			(c) => `${localized(lang, c.titleKo, c.titleEn)} (${vocab(lang, 'agstatus', c.status)})`
		)
	};
}
