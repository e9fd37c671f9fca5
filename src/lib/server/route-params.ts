import { error } from '@sveltejs/kit';

/** A route's numeric id parameter, or a 404 (not a 500) for anything else. */
export function parseId(value: string | undefined): number {
	const n = Number(value);
	if (!value || !/^\d{1,15}$/.test(value) || !Number.isSafeInteger(n) || n <= 0)
		error(404, 'Not found');
	return n;
}
