/**
 * The columns of the flat exchange table that XLSX and CSV share: one row per exchange, typed
 * values (dates as dates, counts as numbers) that each format writes its own way.
 */
import { countryName } from './describe';
import { withNative } from './model-records';
import { msg } from './text';
import type { AgreementView, AnniversaryView, Briefing, ExchangeView, PartnerView } from './types';

export type Value = string | number | Date | null;

export interface FlatColumn<T> {
	header: string;
	width: number;
	kind?: 'date' | 'number';
	value: (row: T) => Value;
}

export const utcDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** The group a row is shown under in the documents: its month, or its partners. */
function groupOf(b: Briefing, r: ExchangeView): string {
	if (b.groupBy === 'partner') return r.partners.map(withNative).join(', ') || b.text.no_partner;
	const [y, m] = r.month.split('-');
	return m === '00'
		? msg(b.lang, 'report_month_unknown', { year: y })
		: msg(b.lang, 'report_month', { year: y, month: b.lang === 'ko' ? Number(m) : m });
}

export function exchangeColumns(b: Briefing): FlatColumn<ExchangeView>[] {
	const t = b.text;
	return [
		{ header: t.c_id, width: 8, kind: 'number', value: (r) => r.id },
		{ header: t.c_group, width: 18, value: (r) => groupOf(b, r) },
		{ header: t.c_date, width: 16, value: (r) => r.date },
		{ header: t.c_start, width: 12, kind: 'date', value: (r) => utcDate(r.dateStart) },
		{ header: t.c_end, width: 12, kind: 'date', value: (r) => utcDate(r.dateEnd) },
		{
			header: t.c_precision,
			width: 9,
			value: (r) => msg(b.lang, `report_precision_${r.precision}`)
		},
		{ header: t.c_title, width: 48, value: (r) => r.title },
		{ header: t.c_type, width: 12, value: (r) => r.type },
		{ header: t.c_mode, width: 10, value: (r) => r.mode },
		{ header: t.c_partners, width: 30, value: (r) => r.partners.map(withNative).join(', ') },
		{
			header: t.c_countries,
			width: 14,
			value: (r) => [...new Set(r.partners.map((p) => countryName(b.lang, p.country)))].join(', ')
		},
		{ header: t.c_participants, width: 10, kind: 'number', value: (r) => r.participants },
		{ header: t.c_location, width: 20, value: (r) => r.location },
		{ header: t.c_fields, width: 20, value: (r) => r.fields.join(', ') },
		{ header: t.c_summary, width: 60, value: (r) => r.summary }
	];
}

export function agreementColumns(b: Briefing): FlatColumn<AgreementView>[] {
	const t = b.text;
	return [
		{ header: t.c_id, width: 8, kind: 'number', value: (a) => a.id },
		{ header: t.c_date, width: 16, value: (a) => a.date },
		{ header: t.c_agreement, width: 48, value: (a) => a.title },
		{ header: t.c_kind, width: 14, value: (a) => a.kind },
		{ header: t.c_partners, width: 30, value: (a) => a.partners.join(', ') },
		{ header: t.c_status, width: 14, value: (a) => a.status },
		{ header: t.c_open, width: 8, value: (a) => (a.open ? t.yes : t.no) },
		{ header: t.c_overdue, width: 10, value: (a) => (a.overdue ? t.yes : t.no) },
		{ header: t.c_due, width: 14, value: (a) => a.due },
		{
			header: t.c_followups,
			width: 60,
			value: (a) =>
				a.followUps
					.map((f) => `${f.done ? '✓' : '·'} ${f.action}${f.due ? ` (${f.due})` : ''}`)
					.join('\n')
		}
	];
}

export function partnerColumns(b: Briefing): FlatColumn<PartnerView>[] {
	const t = b.text;
	return [
		{ header: t.c_id, width: 8, kind: 'number', value: (p) => p.id },
		{ header: t.c_partner, width: 28, value: (p) => p.name },
		{ header: t.c_native, width: 18, value: (p) => p.native },
		{ header: t.c_label, width: 28, value: (p) => p.other },
		{ header: t.c_country, width: 14, value: (p) => p.country },
		{ header: t.c_exchanges, width: 10, kind: 'number', value: (p) => p.exchanges },
		{
			header: t.c_ties,
			width: 36,
			value: (p) => p.ties.map((x) => `${x.kind} (${x.status}) ${x.date}`).join('\n')
		},
		{
			header: t.c_next_anniversary,
			width: 26,
			value: (p) =>
				p.ties
					.map((x) => x.nextAnniversary)
					.filter(Boolean)
					.join('\n')
		}
	];
}

export function anniversaryColumns(b: Briefing): FlatColumn<AnniversaryView>[] {
	const t = b.text;
	return [
		{ header: t.c_date, width: 16, value: (a) => a.date },
		{
			header: t.c_partner,
			width: 32,
			value: (a) => withNative({ name: a.partner, native: a.native })
		},
		{ header: t.c_kind, width: 12, value: (a) => a.kind },
		{ header: t.c_years, width: 8, kind: 'number', value: (a) => a.years },
		{ header: t.c_commitments, width: 60, value: (a) => a.commitments.join('\n') }
	];
}
