/**
 * Small schema pieces shared by the entity schemas. They accept what a JSON client sends and
 * what a form posts (strings, "on"), and report message keys, never English sentences.
 */
import { z } from 'zod';

const blankToUndefined = (v: unknown) =>
	v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;

/** One value of a fixed vocabulary, required. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
	return z.preprocess(
		blankToUndefined,
		z.enum(values, {
			error: (issue) => (issue.input === undefined ? 'required' : 'form_invalid_choice')
		})
	);
}

/** One value of a fixed vocabulary, or null when absent. */
export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T) {
	return z
		.preprocess(blankToUndefined, z.enum(values, 'form_invalid_choice').optional())
		.transform((v) => v ?? null);
}

/** A whole count between 0 and `max`, or null when absent. Forms post it as text. */
export function count(max: number) {
	return z
		.preprocess((v) => {
			const b = blankToUndefined(v);
			return typeof b === 'string' ? Number(b.trim().replace(/,/g, '')) : b;
		}, z.number('form_count_invalid').int('form_count_invalid').min(0, 'form_count_negative').max(max, 'form_count_too_large').optional())
		.transform((v) => v ?? null);
}

/** A positive row id (forms post it as text). */
export const id = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
	z.number('form_id_invalid').int('form_id_invalid').positive('form_id_invalid')
);

/** A checkbox or a JSON boolean. */
export const flag = z.preprocess(
	(v) => v === true || v === 'on' || v === 'true' || v === '1',
	z.boolean()
);

/** The row version an edit started from, for the optimistic check. */
export const version = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
	z.number('form_version_required').int('form_version_required').positive('form_version_required')
);

/** A list of vocabulary values without repeats. */
export function choices<const T extends readonly [string, ...string[]]>(values: T, max = 50) {
	return z
		.array(z.enum(values, 'form_invalid_choice'), 'form_invalid_choice')
		.max(max, 'form_too_many')
		.optional()
		.transform((v) => [...new Set(v ?? [])]);
}

/** A list of row ids without repeats. */
export function ids(max = 50) {
	return z
		.array(id, 'form_id_invalid')
		.max(max, 'form_too_many')
		.optional()
		.transform((v) => [...new Set(v ?? [])]);
}
