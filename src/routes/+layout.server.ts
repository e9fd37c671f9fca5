import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';

// Not a guard: every page's own load checks the role it needs.
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user,
	locale: getLocale()
});
