/** Words for the dashboard's bars, periods and special keys, in the reader's language. */
import { m } from '$lib/paraglide/messages';
import { formatPartialDate } from '$lib/dates';
import { label } from '$lib/i18n';
import type { Bucket, CountryRow } from '$lib/dashboard-stats';

export function bucketLabel(b: Bucket): string {
	const year = String(b.y);
	switch (b.kind) {
		case 'month':
			return m.dash_month({ year, month: String(b.part) });
		case 'quarter':
			return m.dash_quarter({ year, quarter: String(b.part) });
		case 'year':
			return m.dash_year({ year });
		case 'unknown':
			return b.unit === 'quarter'
				? m.dash_quarter_unknown({ year })
				: m.dash_month_unknown({ year });
	}
}

/** "2020년", "2016–2020년", "2020. 3. 1. – 2020. 8. 31." or "전체 기간". */
export function periodLabel(locale: string, from?: string, to?: string): string {
	if (!from && !to) return m.dash_period_all();
	if (from?.endsWith('-01-01') && to?.endsWith('-12-31')) {
		const [a, b] = [from.slice(0, 4), to.slice(0, 4)];
		return a === b ? m.dash_year({ year: a }) : m.dash_years_range({ from: a, to: b });
	}
	const day = (d?: string) => (d ? formatPartialDate(locale, 'day', d) : '…');
	return `${day(from)} – ${day(to)}`;
}

export function countryLabel(
	locale: string,
	row: Pick<CountryRow, 'key' | 'nameKo' | 'nameEn'>
): string {
	switch (row.key) {
		case 'INTL':
			return m.dash_country_intl();
		case 'NONE':
			return m.dash_country_none();
		case '??':
			return m.dash_country_unknown();
		default:
			return `${locale === 'en' ? row.nameEn : row.nameKo} (${row.key})`;
	}
}

export function modeLabel(mode: string): string {
	return mode === 'unknown' ? m.dash_mode_unknown() : label('mode', mode);
}

/** CSV text (with a BOM, so spreadsheet programs read the Korean right). */
export function csvText(rows: (string | number)[][]): string {
	const cell = (v: string | number) => {
		const s = String(v);
		return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

// One formatter per language: building an Intl formatter costs far more than using it.
const percent = new Map<string, Intl.NumberFormat>();

export function formatShare(locale: string, share: number): string {
	let f = percent.get(locale);
	if (!f)
		percent.set(
			locale,
			(f = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
				style: 'percent',
				maximumFractionDigits: 1
			}))
		);
	return f.format(share);
}
