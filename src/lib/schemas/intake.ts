/**
 * What the intake review form posts: the source, each partner's decision (match an existing
 * one, create it, or drop it) and the kept drafts, each edited. Field names are flat
 * (`x.0.date`, `x.0.org.g:CN:산둥성`, `a.2.status`) so the form works without JavaScript;
 * `intakeFormInput` nests them and `intakeSaveSchema` validates. Errors are message keys.
 */
import { z } from 'zod';
import type { PartialDate } from '$lib/dates';
import {
	agreementKinds,
	agreementStatuses,
	exchangeStatuses,
	exchangeTypes,
	fields,
	levels,
	modes,
	orgRoles,
	scopes,
	tieKinds
} from '$lib/vocab';
import { choice, count, flag, optionalChoice } from './common';
import { LIMITS, optionalText, requiredText, safeText } from './text';
import { resolveDate } from './partial-date';

const MAX_ITEMS = 200;

function dateField(required: boolean) {
	return z.unknown().transform((v, ctx): PartialDate | null => {
		const r = resolveDate({ value: v }, required);
		if (r.ok) return r.date;
		ctx.addIssue({ code: 'custom', message: r.problem });
		return z.NEVER;
	});
}

/** Seoul wall time from a datetime-local input (or an ISO string) → UTC ISO, or null. */
const seoulTime = z.unknown().transform((v, ctx): string | null => {
	if (typeof v !== 'string' || v.trim() === '') return null;
	const s = v.trim();
	const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
	const t = local
		? Date.UTC(+local[1], +local[2] - 1, +local[3], +local[4] - 9, +local[5], +(local[6] ?? 0))
		: Date.parse(s);
	if (Number.isNaN(t)) {
		ctx.addIssue({ code: 'custom', message: 'intake_time_invalid' });
		return z.NEVER;
	}
	return new Date(t).toISOString();
});

const partnerKey = safeText(200).min(1, 'required');

const partnerSchema = z
	.object({
		key: partnerKey,
		action: z.string().regex(/^(?:match:\d+|create|drop)$/, 'form_invalid_choice'),
		nameKo: optionalText(LIMITS.name),
		nameEn: optionalText(LIMITS.name),
		nameNative: optionalText(LIMITS.name),
		country: z
			.preprocess(
				(v) => (typeof v === 'string' ? v.trim().toUpperCase() : ''),
				z.string().regex(/^(?:[A-Z]{2})?$/, 'ex_country_invalid')
			)
			.transform((v) => v || null),
		scope: choice(scopes),
		level: optionalChoice(levels),
		aliases: z
			.array(safeText(LIMITS.name))
			.max(50, 'form_too_many')
			.default([])
			.transform((a) => [...new Set(a.filter(Boolean))]),
		counterpartOffice: optionalText(LIMITS.short)
	})
	.refine((p) => p.action !== 'create' || !!p.nameKo, { message: 'required', path: ['nameKo'] });

const orgLinkSchema = z.object({ partnerKey, role: choice(orgRoles) });

const exchangeSchema = z.object({
	keep: flag,
	key: safeText(20),
	type: choice(exchangeTypes),
	status: choice(exchangeStatuses),
	date: dateField(true),
	mode: optionalChoice(modes),
	titleKo: requiredText(LIMITS.title),
	location: optionalText(LIMITS.name),
	participants: count(1_000_000),
	participantsApprox: flag,
	institutions: count(100_000),
	recipients: count(1_000_000),
	recipientsApprox: flag,
	fields: z.array(z.enum(fields, 'form_invalid_choice')).max(fields.length).default([]),
	organizations: z.array(orgLinkSchema).max(50, 'form_too_many').default([]),
	notes: optionalText(LIMITS.long)
});

const agreementSchema = z.object({
	keep: flag,
	kind: choice(agreementKinds),
	status: choice(agreementStatuses),
	titleKo: requiredText(LIMITS.title),
	due: dateField(false),
	dueBefore: optionalText(20),
	partnerKeys: z.array(partnerKey).max(50, 'form_too_many').default([]),
	exchangeKey: optionalText(20),
	fields: z.array(z.enum(fields, 'form_invalid_choice')).max(fields.length).default([])
});

const tieSchema = z.object({
	keep: flag,
	partnerKey,
	kind: choice(tieKinds),
	since: dateField(false),
	basis: optionalText(LIMITS.short)
});

/**
 * Only the drafts the reviewer kept are validated and returned; the errors of a kept one keep
 * its index in the form (`x.2.date`).
 */
function kept<T extends z.ZodType>(item: T) {
	return z
		.array(z.unknown())
		.max(MAX_ITEMS, 'form_too_many')
		.default([])
		.transform((list, ctx) => {
			const out: z.output<T>[] = [];
			list.forEach((raw, i) => {
				const keep = (raw as { keep?: unknown } | null)?.keep;
				if (!(keep === true || keep === 'on' || keep === 'true' || keep === '1')) return;
				const r = item.safeParse(raw);
				if (r.success) out.push(r.data);
				else
					for (const issue of r.error.issues)
						ctx.addIssue({ code: 'custom', message: issue.message, path: [i, ...issue.path] });
			});
			return out;
		});
}

export const intakeSaveSchema = z.object({
	source: z.object({
		title: requiredText(LIMITS.title),
		publisher: optionalText(LIMITS.name),
		url: z
			.preprocess(
				(v) => (typeof v === 'string' ? v.trim() : ''),
				z
					.string()
					.max(2000, 'text_too_long')
					.regex(/^(?:https?:\/\/\S+)?$/i, 'intake_url_invalid')
			)
			.transform((v) => v || null),
		publishedAt: seoulTime,
		body: z.preprocess((v) => v ?? '', z.string().max(2_000_000, 'text_too_long'))
	}),
	partners: z.array(partnerSchema).max(MAX_ITEMS, 'form_too_many').default([]),
	exchanges: kept(exchangeSchema),
	agreements: kept(agreementSchema),
	ties: kept(tieSchema)
});

export type IntakeSave = z.output<typeof intakeSaveSchema>;
export type IntakePartner = IntakeSave['partners'][number];
export type IntakeExchange = z.output<typeof exchangeSchema>;
export type IntakeAgreement = z.output<typeof agreementSchema>;
export type IntakeTie = z.output<typeof tieSchema>;

function indexed(form: FormData, prefix: string): Map<number, Map<string, FormDataEntryValue[]>> {
	const out = new Map<number, Map<string, FormDataEntryValue[]>>();
	for (const [name, value] of form.entries()) {
		const m = new RegExp(`^${prefix}\\.(\\d{1,4})\\.(.+)$`).exec(name);
		if (!m) continue;
		const i = Number(m[1]);
		if (!out.has(i)) out.set(i, new Map());
		const row = out.get(i)!;
		row.set(m[2], [...(row.get(m[2]) ?? []), value]);
	}
	return new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

const one = (row: Map<string, FormDataEntryValue[]>, k: string) => {
	const v = row.get(k)?.[0];
	return typeof v === 'string' ? v : undefined;
};
const many = (row: Map<string, FormDataEntryValue[]>, k: string) =>
	(row.get(k) ?? []).filter((v): v is string => typeof v === 'string' && v !== '');
const split = (v: string | undefined) => (v ? v.split('|').filter(Boolean) : []);

/** The review form's flat fields as the nested object `intakeSaveSchema` checks. */
export function intakeFormInput(form: FormData): unknown {
	const get = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : undefined;
	};
	const rows = (prefix: string) => [...indexed(form, prefix).values()];
	return {
		source: {
			title: get('src.title'),
			publisher: get('src.publisher'),
			url: get('src.url'),
			publishedAt: get('src.publishedAt'),
			body: get('src.body')
		},
		partners: rows('p').map((r) => ({
			key: one(r, 'key'),
			action: one(r, 'action'),
			nameKo: one(r, 'nameKo'),
			nameEn: one(r, 'nameEn'),
			nameNative: one(r, 'nameNative'),
			country: one(r, 'country'),
			scope: one(r, 'scope'),
			level: one(r, 'level'),
			aliases: split(one(r, 'aliases')),
			counterpartOffice: one(r, 'counterpartOffice')
		})),
		exchanges: rows('x').map((r) => ({
			keep: one(r, 'keep') ?? false,
			key: one(r, 'key'),
			type: one(r, 'type'),
			status: one(r, 'status'),
			date: one(r, 'date'),
			mode: one(r, 'mode'),
			titleKo: one(r, 'title'),
			location: one(r, 'location'),
			participants: one(r, 'participants'),
			participantsApprox: one(r, 'participantsApprox'),
			institutions: one(r, 'institutions'),
			recipients: one(r, 'recipients'),
			recipientsApprox: one(r, 'recipientsApprox'),
			fields: many(r, 'fields'),
			organizations: [...r.keys()]
				.filter((k) => k.startsWith('org.') && one(r, k))
				.map((k) => ({ partnerKey: k.slice(4), role: one(r, k) })),
			notes: one(r, 'notes')
		})),
		agreements: rows('a').map((r) => ({
			keep: one(r, 'keep') ?? false,
			kind: one(r, 'kind'),
			status: one(r, 'status'),
			titleKo: one(r, 'title'),
			due: one(r, 'due'),
			dueBefore: one(r, 'dueBefore'),
			partnerKeys: split(one(r, 'partners')),
			exchangeKey: one(r, 'exchange'),
			fields: split(one(r, 'fields'))
		})),
		ties: rows('t').map((r) => ({
			keep: one(r, 'keep') ?? false,
			partnerKey: one(r, 'partner'),
			kind: one(r, 'kind'),
			since: one(r, 'since'),
			basis: one(r, 'basis')
		}))
	};
}

const PREFIX: Record<string, string> = {
	source: 'src',
	partners: 'p',
	exchanges: 'x',
	agreements: 'a',
	ties: 't'
};
const FIELD_NAME: Record<string, string> = {
	titleKo: 'title',
	partnerKeys: 'partners',
	exchangeKey: 'exchange',
	partnerKey: 'partner'
};

/** Zod issues → `{ 'x.2.date': 'ex_date_invalid' }`, named as the form names its fields. */
export function intakeErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const [group, ...rest] = issue.path.map(String);
		const path = [PREFIX[group] ?? group, ...rest.map((p) => FIELD_NAME[p] ?? p)];
		out[path.slice(0, 3).join('.')] ??= issue.message;
	}
	return out;
}
