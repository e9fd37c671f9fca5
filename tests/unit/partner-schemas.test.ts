import { describe, expect, it } from 'vitest';
import {
	organizationSchema,
	organizationUpdateSchema,
	mergeSchema
} from '../../src/lib/schemas/organization';
import { tieSchema, tieEndSchema } from '../../src/lib/schemas/tie';
import { personSchema } from '../../src/lib/schemas/person';
import { sourceSchema, seoulLocalInput } from '../../src/lib/schemas/source';
import { fieldErrors } from '../../src/lib/schemas/user';
import type { z } from 'zod';

function errors(schema: z.ZodType, input: unknown): Record<string, string> {
	const r = schema.safeParse(input);
	return r.success ? {} : fieldErrors(r.error);
}

const org = { nameKo: '산둥성', scope: 'foreign', country: 'CN' };

describe('organization schema', () => {
	it('accepts a form post and a JSON body alike', () => {
		const fromForm = organizationSchema.parse({
			...org,
			country: 'cn',
			nameEn: '',
			aliases: '산동성\r\n山東省\n\n'
		});
		expect(fromForm).toMatchObject({
			country: 'CN',
			nameEn: null,
			level: 'other',
			aliases: ['산동성', '山東省']
		});
		expect(
			organizationSchema.parse({ ...org, aliases: ['Shandong'], nameEn: null }).aliases
		).toEqual(['Shandong']);
	});

	it('refuses empty required fields, bad vocabulary, overlong text, control characters and lone surrogates', () => {
		expect(errors(organizationSchema, { nameKo: '  ', scope: 'planet' })).toEqual({
			nameKo: 'required',
			scope: 'partner_scope_invalid'
		});
		expect(errors(organizationSchema, { ...org, nameKo: '가'.repeat(201) })).toEqual({
			nameKo: 'text_max_200'
		});
		expect(errors(organizationSchema, { ...org, nameKo: '가'.repeat(200) })).toEqual({});
		expect(errors(organizationSchema, { ...org, notes: 'x'.repeat(20_001) })).toEqual({
			notes: 'text_max_20000'
		});
		expect(errors(organizationSchema, { ...org, notes: 'a\u0000b' })).toEqual({
			notes: 'text_control_chars'
		});
		expect(errors(organizationSchema, { ...org, notes: 'tab\tand\nlines\r\nok' })).toEqual({});
		expect(errors(organizationSchema, { ...org, nameEn: 'x\uDC00' })).toEqual({
			nameEn: 'text_lone_surrogate'
		});
		expect(errors(organizationSchema, { ...org, country: 'China' })).toEqual({
			country: 'partner_country_invalid'
		});
		expect(errors(organizationSchema, { ...org, country: '' })).toEqual({
			country: 'partner_country_required'
		});
		expect(errors(organizationSchema, { ...org, aliases: Array(51).fill('a') })).toEqual({
			aliases: 'partner_too_many'
		});
	});

	it('keeps HTML and SQL as plain text', () => {
		const r = organizationSchema.parse({
			...org,
			nameKo: `<script>alert(1)</script>'; DROP TABLE x; --`
		});
		expect(r.nameKo).toBe(`<script>alert(1)</script>'; DROP TABLE x; --`);
	});

	it('needs the version on update and a partner id to merge', () => {
		expect(errors(organizationUpdateSchema, org)).toEqual({ version: 'partner_version_missing' });
		expect(errors(mergeSchema, { mergeId: '' })).toEqual({ mergeId: 'required' });
		expect(errors(mergeSchema, { mergeId: '1; DROP' })).toEqual({ mergeId: 'partner_id_invalid' });
		expect(mergeSchema.parse({ mergeId: '12' })).toEqual({ mergeId: 12 });
	});
});

describe('tie schema', () => {
	const tie = { organizationId: '3', kind: 'friendship' };
	it('reads a dated start at year, month or day precision', () => {
		expect(tieSchema.parse({ ...tie, date: '2008' }).date).toEqual({
			precision: 'year',
			start: '2008-01-01',
			end: '2008-12-31'
		});
		expect(tieSchema.parse({ ...tie, date: '2009-02' }).date?.end).toBe('2009-02-28');
		expect(tieSchema.parse({ ...tie, date: '' }).date).toBeNull();
	});

	it('refuses impossible dates, an end before the start and an end on a live tie', () => {
		expect(errors(tieSchema, { ...tie, date: '2020-02-30' })).toEqual({
			date: 'partner_date_invalid'
		});
		expect(errors(tieSchema, { ...tie, date: '2020-13' })).toEqual({
			date: 'partner_date_invalid'
		});
		expect(
			errors(tieSchema, { ...tie, date: '2010', endedOn: '2009-12-31', status: 'ended' })
		).toEqual({ endedOn: 'partner_tie_end_before_start' });
		expect(errors(tieSchema, { ...tie, endedOn: '2012-01-01' })).toEqual({
			status: 'partner_tie_end_needs_ended'
		});
		expect(errors(tieSchema, { ...tie, organizationId: '' })).toEqual({
			organizationId: 'required'
		});
		expect(errors(tieSchema, { ...tie, organizationId: '-4' })).toEqual({
			organizationId: 'partner_id_invalid'
		});
		expect(errors(tieEndSchema, { endedOn: '2021-02-29', version: '1' })).toEqual({
			endedOn: 'partner_date_invalid'
		});
	});
});

describe('person schema', () => {
	it('checks the email and phone, and lets the organization be empty', () => {
		expect(personSchema.parse({ nameKo: '왕밍', organizationId: '' }).organizationId).toBeNull();
		expect(errors(personSchema, { nameKo: '왕밍', email: 'not-an-email', phone: '<b>' })).toEqual({
			email: 'person_email_invalid',
			phone: 'person_phone_invalid'
		});
		expect(
			errors(personSchema, { nameKo: '왕밍', email: 'w@example.cn', phone: '+86 (531) 8601-2345' })
		).toEqual({});
	});
});

describe('source schema', () => {
	it('reads Seoul local times and keeps only http(s) links', () => {
		expect(sourceSchema.parse({ title: 't', publishedAt: '2020-12-02T14:15' }).publishedAt).toBe(
			'2020-12-02T05:15:00.000Z'
		);
		expect(sourceSchema.parse({ title: 't', publishedAt: '2020-12-02' }).publishedAt).toBe(
			'2020-12-01T15:00:00.000Z'
		);
		expect(seoulLocalInput('2020-12-02T05:15:58.000Z')).toBe('2020-12-02T14:15');
		expect(errors(sourceSchema, { title: 't', url: 'javascript:alert(1)' })).toEqual({
			url: 'source_url_invalid'
		});
		expect(errors(sourceSchema, { title: 't', publishedAt: '2021-02-29' })).toEqual({
			publishedAt: 'source_published_invalid'
		});
		expect(errors(sourceSchema, { title: 'x'.repeat(301) })).toEqual({ title: 'text_max_300' });
	});
});
