/**
 * The exchange schema, shared by the form actions and the JSON API. The input is the JSON
 * shape (forms are converted to it by `exchangeFormInput`); the output is what
 * `createExchange` / `updateExchange` take. Errors are message keys.
 */
import { z } from 'zod';
import type { PartialDate } from '$lib/dates';
import {
	exchangeStatuses,
	exchangeTypes,
	fields,
	modes,
	orgRoles,
	scopes,
	visibilities
} from '$lib/vocab';
import { LIMITS, optionalText, safeText } from './text';
import { choice, choices, count, flag, id, ids, optionalChoice, version } from './common';
import { resolveDate } from './partial-date';

export const MAX_PARTICIPANTS = 1_000_000;
export const MAX_INSTITUTIONS = 100_000;

const role = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
	z.preprocess(
		(v) => (v == null || v === '' ? fallback : v),
		z.enum(values, 'form_invalid_choice')
	);

/** A partner link: an existing organisation by id, or a new one by name (created with the exchange). */
export const partnerLinkSchema = z
	.object({
		organizationId: id.optional(),
		name: optionalText(LIMITS.name),
		country: z
			.preprocess(
				(v) => (typeof v === 'string' ? v.trim().toUpperCase() || undefined : (v ?? undefined)),
				z
					.string()
					.regex(/^[A-Z]{2}$/, 'ex_country_invalid')
					.optional()
			)
			.transform((v) => v ?? null),
		scope: optionalChoice(scopes),
		role: role(orgRoles, 'partner')
	})
	.refine((p) => p.organizationId !== undefined || p.name !== null, 'ex_partner_required');
export type PartnerLink = z.output<typeof partnerLinkSchema>;

export const personLinkSchema = z.object({
	personId: id,
	role: role(['counterpart', 'delegation', 'contact'] as const, 'counterpart')
});
export type PersonLink = z.output<typeof personLinkSchema>;

const exchangeObject = z.object({
	type: choice(exchangeTypes),
	status: role(exchangeStatuses, 'held'),
	titleKo: optionalText(LIMITS.title),
	titleEn: optionalText(LIMITS.title),
	date: z.unknown().optional(),
	dateEnd: z.unknown().optional(),
	datePrecision: z.unknown().optional(),
	mode: optionalChoice(modes),
	location: optionalText(LIMITS.name),
	partners: z.array(partnerLinkSchema, 'form_invalid_choice').max(50, 'form_too_many').default([]),
	participants: count(MAX_PARTICIPANTS),
	participantsApprox: flag,
	institutions: count(MAX_INSTITUTIONS),
	recipients: count(MAX_PARTICIPANTS),
	recipientsApprox: flag,
	people: z.array(personLinkSchema, 'form_invalid_choice').max(200, 'form_too_many').default([]),
	topics: z
		.array(safeText(100), 'form_invalid_choice')
		.max(30, 'form_too_many')
		.default([])
		.transform((t) => [...new Set(t.filter(Boolean))]),
	department: optionalText(LIMITS.short),
	summaryKo: optionalText(LIMITS.long),
	summaryEn: optionalText(LIMITS.long),
	outcomes: optionalText(LIMITS.long),
	notes: optionalText(LIMITS.long),
	visibility: role(visibilities, 'normal'),
	fields: choices(fields, fields.length),
	sourceIds: ids(20)
});

type ExchangeObject = z.output<typeof exchangeObject>;
export type ExchangeData = Omit<ExchangeObject, 'date' | 'dateEnd' | 'datePrecision'> & {
	date: PartialDate;
};

const partPath = { value: 'date', end: 'dateEnd', precision: 'datePrecision' } as const;

type DateFields = Pick<ExchangeObject, 'date' | 'dateEnd' | 'datePrecision'>;
const resolveExchangeDate = (v: DateFields) =>
	resolveDate({ value: v.date, end: v.dateEnd, precision: v.datePrecision }, true);

/** Reports a bad date even when other fields failed too, so the form shows every error at once. */
function checkDate(value: DateFields, ctx: z.core.$RefinementCtx<DateFields>) {
	const r = resolveExchangeDate(value);
	if (!r.ok) ctx.addIssue({ code: 'custom', message: r.problem, path: [partPath[r.part]] });
}
export const evenWithOtherErrors = {
	when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null
};

function withDate<T extends ExchangeObject>(value: T) {
	const { date: _d, dateEnd: _e, datePrecision: _p, ...rest } = value;
	const r = resolveExchangeDate(value);
	// checkDate already refused a bad date, so this one is good.
	return { ...rest, date: (r.ok && r.date) as PartialDate };
}

export const exchangeSchema = exchangeObject
	.superRefine(checkDate, evenWithOtherErrors)
	.transform(withDate);
export const exchangeUpdateSchema = exchangeObject
	.extend({ version })
	.superRefine(checkDate, evenWithOtherErrors)
	.transform((v) => withDate(v) as ExchangeData & { version: number });
