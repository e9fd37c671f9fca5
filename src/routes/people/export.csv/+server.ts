import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseSimpleFilter } from '$lib/list-params';
import { listPeople } from '$lib/server/queries/people';
import { csvResponse, toCsv } from '$lib/server/csv';
import { m } from '$lib/paraglide/messages';

/** Every person matching the list's current filter, for Excel. */
export const GET: RequestHandler = (event) => {
	if (!event.locals.user) error(401, 'Sign-in required');
	requireRole(event, 'viewer');
	const filter = { ...parseSimpleFilter(event.url.searchParams), page: 1 };
	const { rows } = listPeople(event.locals.db, filter, 100_000);
	const body = toCsv(
		[
			'ID',
			m.person_name_ko(),
			m.person_name_en(),
			m.person_name_native(),
			m.person_title(),
			m.person_organization()
		],
		rows.map((p) => [p.id, p.nameKo, p.nameEn, p.nameNative, p.title, p.organizationKo])
	);
	return csvResponse(body, 'people.csv');
};
