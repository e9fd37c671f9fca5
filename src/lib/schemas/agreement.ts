/**
 * The agreement schema (forms and API) and the status change. Dates are typed as people say
 * them (`2021`, `2020-11`, `2020-11-04`); errors are message keys.
 */
import { z } from 'zod';
import { isValidDay, type PartialDate } from '$lib/dates';
import { agreementKinds, agreementStatuses, fields, visibilities } from '$lib/vocab';
import { LIMITS, optionalText, requiredText } from './text';
import { choice, choices, id, ids, version } from './common';
import { resolveDate } from './partial-date';
import { evenWithOtherErrors } from './exchange';

const datedParts = ['agreed', 'due', 'signed'] as const;
type DatedPart = (typeof datedParts)[number];

const agreementObject = z.object({
	exchangeId: z.preprocess((v) => (v === '' ? null : v), id.nullable().optional()),
	kind: choice(agreementKinds),
	titleKo: requiredText(LIMITS.title),
	titleEn: optionalText(LIMITS.title),
	status: choice(agreementStatuses),
	agreed: z.unknown().optional(),
	agreedPrecision: z.unknown().optional(),
	due: z.unknown().optional(),
	duePrecision: z.unknown().optional(),
	signed: z.unknown().optional(),
	signedPrecision: z.unknown().optional(),
	visibility: z.preprocess(
		(v) => (v == null || v === '' ? 'normal' : v),
		z.enum(visibilities, 'form_invalid_choice')
	),
	notes: optionalText(LIMITS.long),
	organizationIds: ids(50),
	fields: choices(fields, fields.length),
	sourceIds: ids(20)
});
type AgreementObject = z.output<typeof agreementObject>;

export type AgreementData = Omit<
	AgreementObject,
	DatedPart | `${DatedPart}Precision` | 'exchangeId'
> & {
	exchangeId: number | null;
} & Record<DatedPart, PartialDate | null>;

type DateFields = Pick<AgreementObject, DatedPart | `${DatedPart}Precision`>;
const resolvePart = (v: DateFields, part: DatedPart) =>
	resolveDate({ value: v[part], precision: v[`${part}Precision`] }, false);

function checkDates(value: DateFields, ctx: z.core.$RefinementCtx<DateFields>) {
	for (const part of datedParts) {
		const r = resolvePart(value, part);
		if (!r.ok)
			ctx.addIssue({
				code: 'custom',
				message: r.problem,
				path: [r.part === 'precision' ? `${part}Precision` : part]
			});
	}
}

function withDates<T extends AgreementObject>(value: T) {
	const dates = {} as Record<DatedPart, PartialDate | null>;
	// checkDates already refused bad dates.
	for (const part of datedParts) {
		const r = resolvePart(value, part);
		dates[part] = r.ok ? r.date : null;
	}
	const {
		agreed: _a,
		agreedPrecision: _ap,
		due: _d,
		duePrecision: _dp,
		signed: _s,
		signedPrecision: _sp,
		...rest
	} = value;
	return { ...rest, exchangeId: value.exchangeId ?? null, ...dates };
}

export const agreementSchema = agreementObject
	.superRefine(checkDates, evenWithOtherErrors)
	.transform(withDates);
export const agreementUpdateSchema = agreementObject
	.extend({ version })
	.superRefine(checkDates, evenWithOtherErrors)
	.transform((v) => withDates(v) as AgreementData & { version: number });

const day = z.preprocess(
	(v) => (v == null || v === '' ? undefined : v),
	z.string('ex_date_invalid').trim().refine(isValidDay, 'ex_date_invalid').optional()
);

/** A status change: the new status, the day it changed, and for a postponement the new due date. */
export const statusChangeSchema = z
	.object({
		status: choice(agreementStatuses),
		changedOn: day,
		due: z.unknown().optional(),
		note: optionalText(LIMITS.action),
		version
	})
	.transform((v, ctx) => {
		const r = resolveDate({ value: v.due }, false);
		if (!r.ok) {
			ctx.addIssue({ code: 'custom', message: r.problem, path: ['due'] });
			return z.NEVER;
		}
		return { ...v, changedOn: v.changedOn ?? null, due: r.date };
	});
export type StatusChange = z.output<typeof statusChangeSchema>;
