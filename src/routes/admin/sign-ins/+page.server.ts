import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listSignIns } from '$lib/server/auth/sign-in-history';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const email = (event.url.searchParams.get('email') ?? '').trim().slice(0, 200);
	const raw = event.url.searchParams.get('result');
	const result = raw === 'success' || raw === 'failure' ? raw : undefined;
	return {
		filter: { email, result: result ?? '' },
		rows: listSignIns(event.locals.db, { email: email || undefined, result, limit: 200 })
	};
};
