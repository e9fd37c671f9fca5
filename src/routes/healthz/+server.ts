import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { sql } from 'drizzle-orm';

// Public on purpose: load balancers and the start script probe it. It reveals no data.
export const GET: RequestHandler = ({ locals }) => {
	try {
		locals.db.get(sql`SELECT 1`);
		return json({ status: 'ok', db: 'ok' });
	} catch {
		return json({ status: 'error', db: 'unreachable' }, { status: 503 });
	}
};
