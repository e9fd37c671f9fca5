import { z } from 'zod';
import { LIMITS, optionalText, requiredText } from './text';
import { optionalUrl, versionField } from './record-fields';

/** Article text can be long; the limit only stops pasted files and accidents. */
export const SOURCE_BODY_MAX = 200_000;

const SEOUL_OFFSET = '+09:00';

/**
 * When the source was published, as UTC ISO-8601. A day or a `datetime-local` value is read
 * as Seoul time (where the articles are written); a full timestamp keeps its own offset.
 */
export const publishedAtField = z.preprocess(
	(v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
	z
		.string('source_published_invalid')
		.trim()
		.nullable()
		.transform((v, ctx): string | null => {
			if (v === null) return null;
			const withTime = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00` : v;
			const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(withTime)
				? withTime + SEOUL_OFFSET
				: withTime;
			const t = Date.parse(zoned);
			const day = v.slice(0, 10);
			if (Number.isNaN(t) || new Date(`${day}T00:00Z`).toISOString().slice(0, 10) !== day) {
				ctx.addIssue({ code: 'custom', message: 'source_published_invalid' });
				return z.NEVER;
			}
			return new Date(t).toISOString();
		})
);

/** The value a `datetime-local` input shows for a stored UTC timestamp, in Seoul time. */
export function seoulLocalInput(iso: string | null): string {
	if (!iso) return '';
	const t = new Date(Date.parse(iso) + 9 * 3600_000);
	return t.toISOString().slice(0, 16);
}

const fields = {
	title: requiredText(LIMITS.title),
	publisher: optionalText(LIMITS.short),
	url: optionalUrl,
	publishedAt: publishedAtField,
	body: optionalText(SOURCE_BODY_MAX)
};

export const sourceSchema = z.object(fields);
export const sourceUpdateSchema = z.object({ ...fields, version: versionField });

export type SourceFormInput = z.infer<typeof sourceSchema>;
