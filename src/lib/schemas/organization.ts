import { z } from 'zod';
import { levels, scopes } from '$lib/vocab';
import { LIMITS, optionalText, requiredText, safeText } from './text';
import { nameList, requiredId, versionField } from './record-fields';

const country = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() === '' ? null : v),
	z
		.string('partner_country_invalid')
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, 'partner_country_invalid')
		.nullable()
		.default(null)
);

const fields = {
	nameKo: requiredText(LIMITS.name),
	nameEn: optionalText(LIMITS.name),
	nameNative: optionalText(LIMITS.name),
	country,
	scope: z.enum(scopes, 'partner_scope_invalid'),
	level: z.enum(levels, 'partner_level_invalid').default('other'),
	counterpartOffice: optionalText(LIMITS.short),
	notes: optionalText(LIMITS.long),
	/** Other names (spellings, scripts, abbreviations): one per line in the form. */
	aliases: nameList(safeText(LIMITS.name))
};

/** A foreign partner needs its country; an international body has none. */
function countryRule(o: { scope: string; country: string | null }, ctx: z.RefinementCtx) {
	if (o.scope === 'foreign' && !o.country)
		ctx.addIssue({ code: 'custom', path: ['country'], message: 'partner_country_required' });
}

export const organizationSchema = z.object(fields).superRefine(countryRule);
export const organizationUpdateSchema = z
	.object({ ...fields, version: versionField })
	.superRefine(countryRule);
export const mergeSchema = z.object({ mergeId: requiredId });

export type OrganizationFormInput = z.infer<typeof organizationSchema>;
