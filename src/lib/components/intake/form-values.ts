/** Reading the review form's values (draft defaults, or what was posted) by field name. */
import type { FormValues } from '$lib/intake-form';

export const str = (v: FormValues, k: string): string => {
	const x = v[k];
	return Array.isArray(x) ? (x[0] ?? '') : (x ?? '');
};
export const isOn = (v: FormValues, k: string): boolean => str(v, k) === 'on';
export const list = (v: FormValues, k: string): string[] => {
	const x = v[k];
	return Array.isArray(x) ? x : x ? [x] : [];
};
