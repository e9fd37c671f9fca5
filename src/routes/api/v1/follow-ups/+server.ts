import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser, readJson } from '$lib/server/api';
import { apiWrite, limitParam } from '$lib/server/api-write';
import { canSeeConfidential } from '$lib/server/auth/guard';
import { followUpSchema } from '$lib/schemas/follow-up';
import { createFollowUp, listFollowUps } from '$lib/server/queries/follow-ups';

const flag = (v: string | null) => ['1', 'true'].includes(v ?? '');

/** Follow-ups by `?agreement=&open=1&overdue=1`, soonest due first. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const user = apiUser(event, 'viewer');
		const params = event.url.searchParams;
		const agreementId = Number(params.get('agreement'));
		const page = listFollowUps(
			event.locals.db,
			{
				agreementId: Number.isSafeInteger(agreementId) && agreementId > 0 ? agreementId : undefined,
				open: flag(params.get('open')),
				overdue: flag(params.get('overdue'))
			},
			{ includeConfidential: canSeeConfidential(user) },
			{ after: params.get('after'), before: params.get('before'), limit: limitParam(event.url) }
		);
		return json({ data: page.rows, next: page.next, prev: page.prev });
	});

export const POST: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const data = await readJson(event.request, followUpSchema);
		const row = apiWrite(() => createFollowUp(event.locals.db, data, user));
		return json(
			{ data: row },
			{ status: 201, headers: { location: `/api/v1/follow-ups/${row.id}` } }
		);
	});
