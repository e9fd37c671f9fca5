/**
 * The exchange list's CSV export: every row of the current filter, streamed in keyset batches
 * so a large result never sits in memory. Headers and vocabulary are in the reader's language.
 */
import { inArray } from 'drizzle-orm';
import type { Conn } from './db';
import { exchangeFields } from './db/schema';
import { csvCell, type CsvCell } from './csv';
import type { ExchangeFilter } from '$lib/filters';
import { partialDateLabel } from '$lib/dates';
import { m } from '$lib/paraglide/messages';
import { exchangeBatches, type Viewer } from './queries/exchanges';

type Locale = 'ko' | 'en';
const messages = m as unknown as Record<
	string,
	((i?: object, o?: { locale: Locale }) => string) | undefined
>;
/** A message in the given locale: the stream outlives the request's locale context. */
const t = (key: string, locale: Locale) => messages[key]?.({}, { locale }) ?? key;
const vocab = (prefix: string, value: string | null, locale: Locale) =>
	value ? t(`${prefix}_${value}`, locale) : '';

const columns = [
	'ex_csv_id',
	'col_date',
	'ex_csv_start',
	'ex_csv_end',
	'col_type',
	'col_status',
	'ex_title_ko',
	'ex_title_en',
	'col_partners',
	'col_country',
	'ex_organizers',
	'col_mode',
	'ex_location',
	'ex_participants',
	'ex_participants_approx',
	'ex_institutions',
	'ex_recipients',
	'ex_recipients_approx',
	'ex_fields',
	'ex_topics',
	'col_department',
	'ex_visibility',
	'ex_summary_ko',
	'ex_summary_en',
	'ex_outcomes',
	'ex_notes'
];

function fieldsByExchange(db: Conn, ids: number[]): Map<number, string[]> {
	const out = new Map<number, string[]>();
	if (!ids.length) return out;
	for (const r of db
		.select()
		.from(exchangeFields)
		.where(inArray(exchangeFields.exchangeId, ids))
		.all())
		out.set(r.exchangeId, [...(out.get(r.exchangeId) ?? []), r.field]);
	return out;
}

const line = (cells: CsvCell[]) => cells.map(csvCell).join(',') + '\r\n';

export function exchangeCsvStream(
	db: Conn,
	filter: ExchangeFilter,
	viewer: Viewer,
	locale: string
): ReadableStream<Uint8Array> {
	const lang: Locale = locale === 'en' ? 'en' : 'ko';
	const batches = exchangeBatches(db, filter, viewer);
	const encoder = new TextEncoder();
	let started = false;
	return new ReadableStream({
		pull(controller) {
			if (!started) {
				started = true;
				controller.enqueue(encoder.encode('\uFEFF' + line(columns.map((c) => t(c, lang)))));
				return;
			}
			const next = batches.next();
			if (next.done) return controller.close();
			const fields = fieldsByExchange(
				db,
				next.value.map((x) => x.id)
			);
			const text = next.value
				.map((x) => {
					const counterparts = x.partners.filter((p) => p.role === 'partner');
					const organizers = x.partners.filter((p) => p.role === 'organizer');
					const name = (p: { nameKo: string; nameEn: string | null }) =>
						lang === 'en' && p.nameEn ? p.nameEn : p.nameKo;
					return line([
						x.id,
						partialDateLabel(x.datePrecision, x.dateStart, x.dateEnd),
						x.dateStart,
						x.dateEnd,
						vocab('type', x.type, lang),
						vocab('exstatus', x.status, lang),
						x.titleKo,
						x.titleEn,
						counterparts.map(name).join('; '),
						[...new Set(counterparts.map((p) => p.country).filter(Boolean))].join('; '),
						organizers.map(name).join('; '),
						vocab('mode', x.mode, lang),
						x.location,
						x.participants,
						x.participantsApprox ? t('approx', lang) : '',
						x.institutions,
						x.recipients,
						x.recipientsApprox ? t('approx', lang) : '',
						(fields.get(x.id) ?? []).map((f) => vocab('field', f, lang)).join('; '),
						x.topics.join('; '),
						x.department,
						vocab('visibility', x.visibility, lang),
						x.summaryKo,
						x.summaryEn,
						x.outcomes,
						x.notes
					]);
				})
				.join('');
			controller.enqueue(encoder.encode(text));
		}
	});
}
