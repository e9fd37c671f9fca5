import { describe, expect, it } from 'vitest';
import { exchangeSchema, exchangeUpdateSchema } from '../../src/lib/schemas/exchange';
import { agreementSchema, statusChangeSchema } from '../../src/lib/schemas/agreement';
import { followUpSchema } from '../../src/lib/schemas/follow-up';
import { optionalText, safeText } from '../../src/lib/schemas/text';
import { resolveDate } from '../../src/lib/schemas/partial-date';
import { fieldErrors } from '../../src/lib/schemas/user';
import { exchangeFormToJson, exchangeFormValues } from '../../src/lib/schemas/exchange-form';

const base = { type: 'video_conference', date: '2020-09-21' };
const errorsOf = (input: unknown) => {
	const r = exchangeSchema.safeParse(input);
	return r.success ? {} : fieldErrors(r.error);
};

describe('exchange schema', () => {
	it('accepts a minimal exchange and fills defaults', () => {
		const r = exchangeSchema.parse(base);
		expect(r).toMatchObject({
			type: 'video_conference',
			status: 'held',
			titleKo: null,
			date: { precision: 'day', start: '2020-09-21', end: '2020-09-21' },
			visibility: 'normal',
			partners: [],
			fields: []
		});
	});

	it('refuses empty required fields', () => {
		expect(errorsOf({})).toMatchObject({ type: 'required', date: 'required' });
		expect(errorsOf({ type: '', date: '  ' })).toMatchObject({
			type: 'required',
			date: 'required'
		});
	});

	it('refuses impossible dates and an end before the start', () => {
		expect(errorsOf({ ...base, date: '2020-02-30' })).toEqual({ date: 'ex_date_invalid' });
		expect(errorsOf({ ...base, date: '2020-13' })).toEqual({ date: 'ex_date_invalid' });
		expect(errorsOf({ ...base, date: '2020-11-04', dateEnd: '2020-11-03' })).toEqual({
			dateEnd: 'ex_date_end_before_start'
		});
		expect(errorsOf({ ...base, date: '2020-11', dateEnd: '2020-11-05' })).toEqual({
			dateEnd: 'ex_date_end_needs_day'
		});
		expect(errorsOf({ ...base, date: '0020-01-01' })).toEqual({ date: 'ex_date_out_of_range' });
	});

	it('refuses a precision that does not match the value', () => {
		expect(errorsOf({ ...base, date: '2020-11', datePrecision: 'day' })).toEqual({
			datePrecision: 'ex_date_precision_mismatch'
		});
		expect(exchangeSchema.parse({ ...base, date: '2020', datePrecision: 'year' }).date).toEqual({
			precision: 'year',
			start: '2020-01-01',
			end: '2020-12-31'
		});
	});

	it('reads ranges written in one value', () => {
		expect(exchangeSchema.parse({ ...base, date: '2020-10-31~2020-11-01' }).date).toEqual({
			precision: 'day',
			start: '2020-10-31',
			end: '2020-11-01'
		});
		expect(exchangeSchema.parse({ ...base, date: '2020-11-04~05' }).date.end).toBe('2020-11-05');
	});

	it('refuses negative, fractional and absurd counts', () => {
		expect(errorsOf({ ...base, participants: -1 })).toEqual({
			participants: 'form_count_negative'
		});
		expect(errorsOf({ ...base, participants: 1_000_001 })).toEqual({
			participants: 'form_count_too_large'
		});
		expect(errorsOf({ ...base, recipients: '12.5' })).toEqual({ recipients: 'form_count_invalid' });
		expect(errorsOf({ ...base, institutions: 'many' })).toEqual({
			institutions: 'form_count_invalid'
		});
		expect(exchangeSchema.parse({ ...base, participants: '1,000' }).participants).toBe(1000);
	});

	it('refuses 10,000-character titles and over-long summaries', () => {
		expect(errorsOf({ ...base, titleKo: '가'.repeat(10_000) })).toEqual({
			titleKo: 'text_max_300'
		});
		expect(exchangeSchema.parse({ ...base, titleKo: '가'.repeat(300) }).titleKo).toHaveLength(300);
		expect(errorsOf({ ...base, summaryKo: 'a'.repeat(20_001) })).toEqual({
			summaryKo: 'text_max_20000'
		});
		expect(errorsOf({ ...base, location: 'a'.repeat(201) })).toEqual({ location: 'text_max_200' });
	});

	it('refuses control characters and lone surrogates but keeps tab and line breaks', () => {
		expect(errorsOf({ ...base, titleKo: 'a\u0000b' })).toEqual({ titleKo: 'text_control_chars' });
		expect(errorsOf({ ...base, notes: 'bell\u0007' })).toEqual({ notes: 'text_control_chars' });
		expect(errorsOf({ ...base, summaryKo: 'x\uD800y' })).toEqual({
			summaryKo: 'text_lone_surrogate'
		});
		expect(exchangeSchema.parse({ ...base, notes: 'a\tb\r\nc 😀' }).notes).toBe('a\tb\r\nc 😀');
	});

	it('keeps HTML and SQL as plain text', () => {
		const r = exchangeSchema.parse({
			...base,
			titleKo: '<script>alert(1)</script>',
			notes: "'; DROP TABLE exchanges; --"
		});
		expect(r.titleKo).toBe('<script>alert(1)</script>');
		expect(r.notes).toBe("'; DROP TABLE exchanges; --");
	});

	it('checks partner links: an id, or a new partner by name', () => {
		expect(errorsOf({ ...base, partners: [{ role: 'partner' }] })).toEqual({
			partners: 'ex_partner_required'
		});
		expect(errorsOf({ ...base, partners: [{ organizationId: -3 }] })).toEqual({
			partners: 'form_id_invalid'
		});
		expect(errorsOf({ ...base, partners: [{ name: '허베이성', country: 'china' }] })).toEqual({
			partners: 'ex_country_invalid'
		});
		const r = exchangeSchema.parse({
			...base,
			partners: [{ organizationId: '7' }, { name: '새 상대', country: 'cn', role: 'organizer' }]
		});
		expect(r.partners).toEqual([
			{ organizationId: 7, name: null, country: null, scope: null, role: 'partner' },
			{ name: '새 상대', country: 'CN', scope: null, role: 'organizer' }
		]);
	});

	it('refuses unknown vocabulary values', () => {
		expect(errorsOf({ ...base, type: 'party' })).toEqual({ type: 'form_invalid_choice' });
		expect(errorsOf({ ...base, fields: ['weather'] })).toEqual({ fields: 'form_invalid_choice' });
		expect(errorsOf({ ...base, mode: 'telepathy' })).toEqual({ mode: 'form_invalid_choice' });
	});

	it('requires the version on update', () => {
		const r = exchangeUpdateSchema.safeParse(base);
		expect(r.success).toBe(false);
		expect(fieldErrors(r.error!)).toEqual({ version: 'form_version_required' });
		expect(exchangeUpdateSchema.parse({ ...base, version: '3' }).version).toBe(3);
	});
});

describe('exchange form values', () => {
	it('turn a posted form into the JSON the schema reads', () => {
		const fd = new FormData();
		for (const [k, v] of [
			['type', 'meeting'],
			['date', '2020-11-04'],
			['partnerId', '3'],
			['partnerName', '허베이성'],
			['partnerCountry', ''],
			['partnerScope', ''],
			['partnerRole', 'partner'],
			['partnerId', ''],
			['partnerName', '새 도시'],
			['partnerCountry', 'JP'],
			['partnerScope', 'foreign'],
			['partnerRole', 'participant'],
			['fields', 'economy_trade'],
			['fields', 'tourism'],
			['participantsApprox', 'on'],
			['participants', '80'],
			['topics', '무역, 관광'],
			['sourceId', '2'],
			['sourceTitle', '기사']
		])
			fd.append(k, v);
		const data = exchangeSchema.parse(exchangeFormToJson(exchangeFormValues(fd)));
		expect(data.partners).toEqual([
			{ organizationId: 3, name: null, country: null, scope: null, role: 'partner' },
			{ name: '새 도시', country: 'JP', scope: 'foreign', role: 'participant' }
		]);
		expect(data).toMatchObject({
			fields: ['economy_trade', 'tourism'],
			participants: 80,
			participantsApprox: true,
			recipientsApprox: false,
			topics: ['무역', '관광'],
			sourceIds: [2]
		});
	});
});

describe('text helpers', () => {
	it('trim, and turn blank optional text into null', () => {
		expect(safeText(10).parse('  a  ')).toBe('a');
		expect(optionalText(10).parse('   ')).toBeNull();
		expect(optionalText(10).parse(undefined)).toBeNull();
		expect(optionalText(10).safeParse(5).success).toBe(false);
	});

	it('names which part of a date is wrong', () => {
		expect(resolveDate({ value: '2020', end: '2020-01-02' }, true)).toMatchObject({
			ok: false,
			part: 'end'
		});
		expect(resolveDate({ value: '' }, false)).toEqual({ ok: true, date: null });
	});
});

describe('agreement and follow-up schemas', () => {
	it('accept the regular exchange meeting agreement', () => {
		const a = agreementSchema.parse({
			kind: 'commitment',
			titleKo: '교류협력회의 정기 개최',
			status: 'agreed',
			due: '2021',
			organizationIds: [1]
		});
		expect(a).toMatchObject({
			due: { precision: 'year', start: '2021-01-01', end: '2021-12-31' },
			agreed: null,
			exchangeId: null
		});
	});

	it('report bad dates, unknown statuses and missing titles by field', () => {
		const r = agreementSchema.safeParse({
			kind: 'mou',
			titleKo: '',
			status: 'dreaming',
			due: '2021-02-30',
			signedPrecision: 'day',
			signed: '2021'
		});
		expect(r.success).toBe(false);
		expect(fieldErrors(r.error!)).toEqual({
			titleKo: 'required',
			status: 'form_invalid_choice',
			due: 'ex_date_invalid',
			signedPrecision: 'ex_date_precision_mismatch'
		});
	});

	it('read a status change with a new due date', () => {
		expect(
			statusChangeSchema.parse({ status: 'postponed', due: '2021', version: 2, changedOn: '' })
		).toMatchObject({ status: 'postponed', changedOn: null, due: { start: '2021-01-01' } });
		expect(
			statusChangeSchema.safeParse({ status: 'agreed', version: 1, changedOn: '2020-02-30' })
				.success
		).toBe(false);
	});

	it('check follow-ups', () => {
		expect(followUpSchema.parse({ agreementId: '1', action: ' 회의 준비 ', dueDate: '' })).toEqual({
			agreementId: 1,
			action: '회의 준비',
			owner: null,
			dueDate: null,
			done: false
		});
		const r = followUpSchema.safeParse({ agreementId: 1, action: '', dueDate: '2021-02-30' });
		expect(fieldErrors(r.error!)).toEqual({ action: 'required', dueDate: 'ex_date_invalid' });
	});
});
