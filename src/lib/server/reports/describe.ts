/** Words and names that say what a briefing holds: the filter in words, file names, timestamps. */
import countries from 'i18n-iso-countries';
import ko from 'i18n-iso-countries/langs/ko.json';
import en from 'i18n-iso-countries/langs/en.json';
import type { ExchangeFilter } from '$lib/filters';
import { formatPartialDate } from '$lib/dates';
import { msg, reportText, vocab } from './text';
import type { BriefingFormat, Lang } from './types';

countries.registerLocale(ko);
countries.registerLocale(en);

/** A country code as a name; INTL, NONE and ?? as the chart's words. */
export function countryName(lang: Lang, code: string | null | undefined): string {
	const t = reportText(lang);
	if (!code || code === '??') return t.no_country;
	if (code === 'INTL') return t.intl;
	if (code === 'NONE') return t.unassigned;
	return countries.getName(code, lang) ?? code;
}

export function dayLabel(lang: Lang, day: string): string {
	return formatPartialDate(lang, 'day', day);
}

export function periodLabel(lang: Lang, from?: string, to?: string): string {
	if (from && to) return `${dayLabel(lang, from)} – ${dayLabel(lang, to)}`;
	if (from) return msg(lang, 'report_period_from', { from: dayLabel(lang, from) });
	if (to) return msg(lang, 'report_period_to', { to: dayLabel(lang, to) });
	return reportText(lang).period_all;
}

/** The filter as labelled lines, the period first; partner ids are named through `partnerName`. */
export function filterLines(
	lang: Lang,
	f: ExchangeFilter,
	partnerName: (id: number) => string
): { label: string; value: string }[] {
	const t = reportText(lang);
	const lines = [{ label: t.period, value: periodLabel(lang, f.from, f.to) }];
	const add = (label: string, values: string[] | undefined) => {
		if (values?.length) lines.push({ label, value: values.join(', ') });
	};
	add(
		t.f_country,
		f.country?.map((c) => countryName(lang, c))
	);
	add(
		t.f_partner,
		f.partner?.map((p) => (p === 'none' ? t.no_partner : partnerName(p)))
	);
	add(
		t.f_type,
		f.type?.map((x) => vocab(lang, 'type', x))
	);
	add(
		t.f_mode,
		f.mode?.map((x) => vocab(lang, 'mode', x))
	);
	add(
		t.f_field,
		f.field?.map((x) => vocab(lang, 'field', x))
	);
	if (f.department) lines.push({ label: t.f_department, value: f.department });
	return lines;
}

const ascii = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');

/** `gyoryu-briefing_2020-01-01_2020-12-31_CN.pdf`: the period and the filter, in ASCII. */
export function briefingFileName(f: ExchangeFilter, format: BriefingFormat, lang: Lang): string {
	const parts = ['gyoryu-briefing'];
	if (f.from || f.to) parts.push(f.from ?? 'start', f.to ?? 'today');
	else parts.push('all');
	if (f.country?.length) parts.push(f.country.join('-'));
	if (f.partner?.length) parts.push(`partner-${f.partner.join('-')}`);
	for (const values of [f.type, f.mode, f.field]) if (values?.length) parts.push(values.join('-'));
	if (f.department) parts.push('dept');
	if (lang === 'en') parts.push('en');
	return `${parts.map(ascii).filter(Boolean).join('_')}.${format}`;
}

/** `gyoryu-dossier_12_Kanagawa-Prefecture.pdf` */
export function dossierFileName(id: number, nameEn: string | null, format: 'pdf' | 'docx'): string {
	const slug = nameEn ? ascii(nameEn).slice(0, 60) : '';
	return `gyoryu-dossier_${id}${slug ? `_${slug}` : ''}.${format}`;
}

/** "2025-03-04 14:05 KST": when a file was made, on the province's clock. */
export function seoulTimestamp(at: Date): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Asia/Seoul',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(at);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} KST`;
}
