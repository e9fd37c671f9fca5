/**
 * The briefing's words in its own language (a briefing in English can be made from the Korean
 * UI), looked up in the message catalogue with an explicit locale: files are built outside any
 * request, in a worker or on the command line.
 */
import { m } from '$lib/paraglide/messages';
import type { Lang } from './types';

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: Lang }) => string;
const messages = m as unknown as Record<string, MessageFn | undefined>;

/** A message by key in `lang`; the key itself when missing (tests then catch it). */
export function msg(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
	return messages[key]?.(params, { locale: lang }) ?? key;
}

/** A vocabulary label (type, mode, agstatus…) in `lang`, the raw value when unknown. */
export function vocab(lang: Lang, kind: string, value: string | null | undefined): string {
	if (!value) return '';
	return messages[`${kind}_${value}`]?.({}, { locale: lang }) ?? value;
}

const plainKeys = [
	'filter',
	'period',
	'period_all',
	'f_country',
	'f_partner',
	'f_type',
	'f_mode',
	'f_field',
	'f_department',
	'no_filter',
	's_figures',
	's_charts',
	's_exchanges',
	's_agreements',
	's_partners',
	's_anniversaries',
	's_pivot',
	's_about',
	'ch_count',
	'no_partner',
	'intl',
	'unassigned',
	'no_country',
	'mode_unknown',
	'c_date',
	'c_title',
	'c_type',
	'c_mode',
	'c_status',
	'c_partners',
	'c_countries',
	'c_participants',
	'c_location',
	'c_summary',
	'c_fields',
	'c_kind',
	'c_due',
	'c_followups',
	'c_owner',
	'c_partner',
	'c_native',
	'c_country',
	'c_exchanges',
	'c_ties',
	'c_since',
	'c_next_anniversary',
	'c_years',
	'c_month',
	'c_total',
	'c_group',
	'c_figure',
	'c_value',
	'c_previous',
	'c_change',
	'c_id',
	'c_open',
	'c_overdue',
	'c_commitments',
	'c_start',
	'c_end',
	'c_precision',
	'c_department',
	'c_action',
	'c_done',
	'c_agreement',
	'c_label',
	'empty',
	'none',
	'yes',
	'no',
	'count_rule',
	'd_names',
	'd_name_ko',
	'd_name_en',
	'd_name_native',
	'd_aliases',
	'd_office',
	'd_scope',
	'd_ties',
	'd_exchanges',
	'd_agreements',
	'd_people',
	'd_sources',
	'd_basis'
] as const;

export type ReportText = Record<(typeof plainKeys)[number], string>;

const cache = new Map<Lang, ReportText>();

/** Every fixed string of a briefing, as plain data (it travels to the preview page). */
export function reportText(lang: Lang): ReportText {
	let t = cache.get(lang);
	if (!t) {
		t = Object.fromEntries(plainKeys.map((k) => [k, msg(lang, `report_${k}`)])) as ReportText;
		cache.set(lang, t);
	}
	return t;
}
