/** The agreement list's CSV export: every row of the current filter, in the reader's language. */
import type { Conn } from './db';
import { toCsv } from './csv';
import type { AgreementFilter } from '$lib/agreement-filters';
import { partialDateLabel } from '$lib/dates';
import { m } from '$lib/paraglide/messages';
import { listAgreements } from './queries/agreements';
import type { Viewer } from './queries/exchanges';

type Locale = 'ko' | 'en';
const messages = m as unknown as Record<
	string,
	((i?: object, o?: { locale: Locale }) => string) | undefined
>;
const t = (key: string, locale: Locale) => messages[key]?.({}, { locale }) ?? key;

/** Agreements are thousands, not millions: the whole filtered list is built in memory. */
export function agreementCsv(
	db: Conn,
	filter: AgreementFilter,
	viewer: Viewer,
	locale: string
): string {
	const lang: Locale = locale === 'en' ? 'en' : 'ko';
	const rows: (string | number | null)[][] = [];
	let after: string | null = null;
	for (;;) {
		const page = listAgreements(db, filter, viewer, { sort: 'due_asc', after, limit: 200 });
		for (const a of page.rows)
			rows.push([
				a.id,
				t(`agkind_${a.kind}`, lang),
				t(`agstatus_${a.status}`, lang),
				a.titleKo,
				a.titleEn,
				a.partners.map((p) => (lang === 'en' && p.nameEn ? p.nameEn : p.nameKo)).join('; '),
				partialDateLabel(a.duePrecision, a.dueStart, a.dueEnd),
				a.overdue ? t('ag_overdue', lang) : '',
				a.openFollowUps,
				a.exchangeId,
				t(`visibility_${a.visibility}`, lang)
			]);
		if (!page.next) break;
		after = page.next;
	}
	const header = [
		'ex_csv_id',
		'ag_kind',
		'col_status',
		'ag_title',
		'ag_title_en',
		'col_partners',
		'ag_due',
		'ag_overdue',
		'ag_open_follow_ups',
		'ag_exchange',
		'ex_visibility'
	].map((k) => t(k, lang));
	return toCsv(header, rows);
}
