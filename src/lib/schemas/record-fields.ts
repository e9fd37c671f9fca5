/**
 * Field helpers for the partner, tie, person and source schemas. Each accepts what a form posts
 * (strings, '' for nothing) and what the JSON API sends (numbers, null), so one schema serves both.
 */
import { z } from 'zod';
import { parsePartialDate, isValidDay, type PartialDate } from '$lib/dates';

const blankToNull = (v: unknown) =>
	v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v;

function toId(v: unknown, ctx: z.RefinementCtx): number | null {
	if (blankToNull(v) === null) return null;
	const n = typeof v === 'number' ? v : Number(String(v).trim());
	if (Number.isInteger(n) && n > 0) return n;
	ctx.addIssue({ code: 'custom', message: 'partner_id_invalid' });
	return z.NEVER;
}

/** A positive integer id, or null when left empty. */
export const optionalId = z.preprocess((v) => v ?? null, z.unknown().transform(toId));

export const requiredId = z.preprocess(
	(v) => v ?? null,
	z.unknown().transform((v, ctx): number => {
		const id = toId(v, ctx);
		if (id === null) {
			ctx.addIssue({ code: 'custom', message: 'required' });
			return z.NEVER;
		}
		return id;
	})
);

/** The version the editor started from: a stale save is refused, nothing overwritten. */
export const versionField = z.coerce
	.number('partner_version_missing')
	.int()
	.positive('partner_version_missing');

/** `2008`, `2008-05` or `2008-05-12` as a dated value; null when empty. */
export const optionalPartialDate = z.preprocess(
	blankToNull,
	z
		.string('partner_date_invalid')
		.trim()
		.nullable()
		.transform((v, ctx): PartialDate | null => {
			if (v === null) return null;
			const d = parsePartialDate(v);
			if (!d) ctx.addIssue({ code: 'custom', message: 'partner_date_invalid' });
			return d;
		})
);

/** A calendar day YYYY-MM-DD (impossible days such as 2020-02-30 refused); null when empty. */
export const optionalDay = z.preprocess(
	blankToNull,
	z
		.string('partner_date_invalid')
		.trim()
		.refine((v) => isValidDay(v), 'partner_date_invalid')
		.nullable()
);

/** An http(s) address, or null. */
export const optionalUrl = z.preprocess(
	blankToNull,
	z
		.string()
		.trim()
		.max(2000, 'source_url_invalid')
		.refine((v) => {
			try {
				return ['http:', 'https:'].includes(new URL(v).protocol);
			} catch {
				return false;
			}
		}, 'source_url_invalid')
		.nullable()
);

/** A list of names: an array, or one per line as a textarea posts it. */
export function nameList(item: z.ZodType<string>, maxItems = 50) {
	return z.preprocess(
		(v) =>
			v === undefined || v === null
				? []
				: typeof v === 'string'
					? v.split(/\r?\n/).map((s) => s.trim())
					: v,
		z
			.array(item)
			.max(maxItems, 'partner_too_many')
			.transform((a) => [...new Set(a.filter((s) => s !== ''))])
	);
}
