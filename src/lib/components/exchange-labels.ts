import { m } from '$lib/paraglide/messages';

/** Field names of exchange and agreement snapshots, as the history list shows them. */
export function exchangeFieldLabels(): Record<string, string> {
	return {
		type: m.col_type(),
		status: m.col_status(),
		titleKo: m.ex_title_ko(),
		titleEn: m.ex_title_en(),
		datePrecision: m.ex_precision(),
		dateStart: m.ex_csv_start(),
		dateEnd: m.ex_csv_end(),
		mode: m.col_mode(),
		location: m.ex_location(),
		participants: m.ex_participants(),
		participantsApprox: m.ex_participants_approx(),
		institutions: m.ex_institutions(),
		recipients: m.ex_recipients(),
		recipientsApprox: m.ex_recipients_approx(),
		topics: m.ex_topics(),
		department: m.col_department(),
		summaryKo: m.ex_summary_ko(),
		summaryEn: m.ex_summary_en(),
		outcomes: m.ex_outcomes(),
		notes: m.ex_notes(),
		visibility: m.ex_visibility(),
		organizations: m.col_partners(),
		organizationIds: m.col_partners(),
		fields: m.ex_fields(),
		people: m.ex_people(),
		sourceIds: m.ex_sources(),
		deletedAt: m.ex_deleted_at(),
		kind: m.ag_kind(),
		exchangeId: m.ag_exchange(),
		dueStart: m.ag_due(),
		agreedStart: m.ag_agreed(),
		signedStart: m.ag_signed()
	};
}
