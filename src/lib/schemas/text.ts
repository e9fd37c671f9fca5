/**
 * Text fields shared by every entity schema: one place for length limits and for refusing
 * characters that corrupt exports and screens (C0 controls other than tab/LF/CR, lone
 * surrogates). Errors are message keys (`text_max_300`, …) that `text(key)` renders.
 */
import { z } from 'zod';

/** The field lengths of the issue, set once here. */
export const LIMITS = {
	title: 300,
	name: 200,
	short: 200,
	action: 2000,
	long: 20_000
} as const;

// Tab (09), LF (0A) and CR (0D) are the only C0 controls a person types into a form.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// With the u flag a surrogate class matches only unpaired halves; pairs are one code point.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const knownMaxima = new Set<number>([100, 200, 300, 2000, 20_000]);
export const tooLongKey = (max: number) =>
	knownMaxima.has(max) ? `text_max_${max}` : 'text_too_long';

/** Any trimmed text up to `max` characters, free of control characters and lone surrogates. */
export function safeText(max: number) {
	return z
		.string('text_invalid')
		.trim()
		.max(max, tooLongKey(max))
		.refine((s) => !FORBIDDEN_CONTROL.test(s), 'text_control_chars')
		.refine((s) => !LONE_SURROGATE.test(s), 'text_lone_surrogate');
}

/** Non-empty text up to `max` characters. */
export function requiredText(max: number) {
	return z.preprocess(
		(v) => v ?? '',
		safeText(max).refine((s) => s.length > 0, 'required')
	);
}

/** Text that may be missing: undefined, null and blank all become null. */
export function optionalText(max: number) {
	return z.preprocess((v) => v ?? '', safeText(max)).transform((s) => (s === '' ? null : s));
}
