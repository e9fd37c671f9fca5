import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { canSeeConfidential, requireRole } from '$lib/server/auth/guard';
import { parsePartnerFilter } from '$lib/partner-filter';
import { listPartners } from '$lib/server/queries/partners-list';
import { csvResponse, toCsv } from '$lib/server/csv';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { label } from '$lib/i18n';
import { countryName } from '$lib/country-names';
import { partialDateLabel } from '$lib/dates';

/** Every row of the list's current filter (all pages), for Excel. */
export const GET: RequestHandler = (event) => {
	if (!event.locals.user) error(401, 'Sign-in required');
	const user = requireRole(event, 'viewer');
	const filter = { ...parsePartnerFilter(event.url.searchParams), page: 1 };
	const locale = getLocale();
	const { rows } = listPartners(
		event.locals.db,
		filter,
		{ includeConfidential: canSeeConfidential(user) },
		{ locale, pageSize: 100_000 }
	);
	const body = toCsv(
		[
			'ID',
			m.partner_name_ko(),
			m.partner_name_en(),
			m.partner_name_native(),
			m.col_country(),
			m.col_scope(),
			m.col_level(),
			m.col_ties(),
			m.partner_exchange_count(),
			m.partner_last_exchange()
		],
		rows.map((p) => [
			p.id,
			p.nameKo,
			p.nameEn,
			p.nameNative,
			p.country ? `${countryName(locale, p.country)} (${p.country})` : '',
			label('scope', p.scope),
			label('level', p.level),
			p.tieKinds.map((k) => label('tie', k)).join('; '),
			p.exchangeCount,
			p.lastExchange
				? partialDateLabel(p.lastExchange.precision, p.lastExchange.start, p.lastExchange.end)
				: ''
		])
	);
	return csvResponse(body, 'partners.csv');
};
