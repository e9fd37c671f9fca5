import { z } from 'zod';
import { LIMITS, optionalText, requiredText } from './text';
import { optionalId, versionField } from './record-fields';

const email = optionalText(LIMITS.short).refine(
	(v) => v === null || z.email().safeParse(v).success,
	'person_email_invalid'
);
const phone = optionalText(50).refine(
	(v) => v === null || /^[0-9+()\-.\s/x]+$/.test(v),
	'person_phone_invalid'
);

const fields = {
	nameKo: requiredText(LIMITS.name),
	nameEn: optionalText(LIMITS.name),
	nameNative: optionalText(LIMITS.name),
	title: optionalText(LIMITS.short),
	organizationId: optionalId,
	email,
	phone,
	notes: optionalText(LIMITS.long)
};

export const personSchema = z.object(fields);
export const personUpdateSchema = z.object({ ...fields, version: versionField });

export type PersonFormInput = z.infer<typeof personSchema>;
