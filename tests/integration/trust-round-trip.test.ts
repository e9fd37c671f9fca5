/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are read loosely here */
/**
 * Property-based round trip (issue 8): any record that the schemas accept — random Unicode in
 * every text field (Korean, emoji, RTL marks, commas, quotes, line breaks, a leading = + - @
 * tab or CR), every date precision, every vocabulary value — comes back unchanged from
 * create → read (the JSON API) → export (the list's CSV, once the neutralising `'` before
 * = + - @ tab CR is taken off). What "unchanged" means is the schema's own `parse` of the input
 * (trimming, blanks to null, de-duplication), never a second copy of its rules here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { getUserByEmail } from '../../src/lib/server/auth/users';
import { createPerson } from '../../src/lib/server/queries/people';
import { EDITOR, cookieFor, startServer, type RunningServer } from '../helpers/server';
import { exchangeSchema } from '../../src/lib/schemas/exchange';
import { agreementSchema } from '../../src/lib/schemas/agreement';
import { organizationSchema } from '../../src/lib/schemas/organization';
import { personSchema } from '../../src/lib/schemas/person';
import { sourceSchema } from '../../src/lib/schemas/source';
import { tieSchema } from '../../src/lib/schemas/tie';
import { followUpSchema } from '../../src/lib/schemas/follow-up';
import { safeText } from '../../src/lib/schemas/text';
import { normalizeName } from '../../src/lib/normalize';
import { partialDateLabel, type PartialDate } from '../../src/lib/dates';
import { m } from '../../src/lib/paraglide/messages';
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
	tieKinds,
	tieStatuses,
	visibilities
} from '../../src/lib/vocab';

const RUNS = 40;

let app: RunningServer;
let token = '';
let cookie = '';
/** Ids of live records to link to (the demo data plus three people made here). */
const known = { organizations: [] as number[], people: [] as number[], sources: [] as number[] };
const knownExchanges: number[] = [];
const knownAgreements: number[] = [];

beforeAll(async () => {
	app = await startServer({
		prepare: (db) => {
			const editor = getUserByEmail(db, EDITOR.email)!;
			token = createApiToken(db, editor.id, 'round-trip', 'write', null).token;
			const all = (table: string) =>
				(
					db.$client.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL`).all() as {
						id: number;
					}[]
				).map((r) => r.id);
			known.organizations = all('organizations');
			known.sources = all('sources');
			knownExchanges.push(...all('exchanges'));
			knownAgreements.push(...all('agreements'));
			for (const nameKo of ['왕위', '=Lee, "Jr."', '사토 🇯🇵']) {
				const r = createPerson(
					db,
					{
						nameKo,
						nameEn: null,
						nameNative: null,
						title: null,
						organizationId: known.organizations[0],
						email: null,
						phone: null,
						notes: null
					},
					editor
				);
				if (!r.ok) throw new Error('person not created');
				known.people.push(r.row.id);
			}
		}
	});
	cookie = await cookieFor(app.url, EDITOR);
}, 60_000);
afterAll(() => app?.stop());

// ------------------------------------------------------------------ HTTP

async function api(method: 'GET' | 'POST', path: string, body?: unknown) {
	const r = await fetch(`${app.url}/api/v1${path}`, {
		method,
		headers: {
			authorization: `Bearer ${token}`,
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await r.text();
	return { status: r.status, json: JSON.parse(text) as any, text };
}

/** Creates through the API (201 expected) and reads the record back. */
async function createAndRead(list: string, payload: unknown): Promise<{ id: number; got: any }> {
	const created = await api('POST', list, payload);
	expect(created.status, created.text).toBe(201);
	const id = Number(created.json.data.id);
	expect(Number.isInteger(id)).toBe(true);
	const read = await api('GET', `${list}/${id}`);
	expect(read.status, read.text).toBe(200);
	return { id, got: read.json.data };
}

/**
 * A strict CSV reader (RFC 4180 with CRLF records): a bare quote, CR or LF outside a quoted
 * cell is a broken export, not something to guess around.
 */
function parseCsv(raw: string): string[][] {
	const s = raw.replace(/^\uFEFF/, '');
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	let wasQuoted = false;
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (quoted) {
			if (c !== '"') cell += c;
			else if (s[i + 1] === '"') {
				cell += '"';
				i++;
			} else quoted = false;
		} else if (c === '"') {
			if (cell !== '' || wasQuoted) throw new Error(`stray quote at ${i}`);
			quoted = wasQuoted = true;
		} else if (c === ',') {
			row.push(cell);
			cell = '';
			wasQuoted = false;
		} else if (c === '\r' && s[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			wasQuoted = false;
			i++;
		} else if (c === '\r' || c === '\n') throw new Error(`bare line break at ${i}`);
		else {
			if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
			cell += c;
		}
	}
	if (quoted) throw new Error('unterminated quoted cell');
	if (cell !== '' || row.length) throw new Error('the last record lacks its CRLF');
	return rows;
}

/** A cell as it was before export: the `'` put before = + - @ tab CR taken off again. */
const unneutralise = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');

/** The row of record `id` in a list's CSV export of `width` columns (read as the editor, in Korean). */
async function csvRow(path: string, width: number, id: number): Promise<string[]> {
	const r = await fetch(app.url + path, { headers: { cookie, 'accept-language': 'ko' } });
	expect(r.status).toBe(200);
	expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
	const rows = parseCsv(await r.text());
	for (const row of rows) expect(row).toHaveLength(width);
	const mine = rows.filter((row) => row[0] === String(id));
	expect(mine, `${path}: the row of ${id}`).toHaveLength(1);
	return mine[0].map(unneutralise);
}

// ------------------------------------------------------------------ expected values

const messages = m as unknown as Record<string, (i?: object, o?: { locale: 'ko' }) => string>;
const ko = (key: string) => messages[key]({}, { locale: 'ko' });
const cell = (v: string | number | null | undefined) => (v == null ? '' : String(v));
const sorted = <T>(a: T[]) => [...a].sort();
const dated = (prefix: string, d: PartialDate | null) => ({
	[`${prefix}Precision`]: d?.precision ?? null,
	[`${prefix}Start`]: d?.start ?? null,
	[`${prefix}End`]: d?.end ?? null
});
function pick(o: Record<string, unknown>, keys: string[]) {
	return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

// ------------------------------------------------------------------ arbitraries

// Pieces a record may be typed, pasted or imported with.
const hostilePieces = [
	'경기도',
	'기밀',
	'산둥성 외사판공실',
	'山東省',
	'東京都',
	'🇰🇷',
	'🤝',
	'👩‍👩‍👧‍👦',
	'\u200f',
	'\u200e',
	'\u202e',
	'\u2067',
	'שלום',
	'مرحبا',
	'=',
	'+',
	'-',
	'@',
	'\t',
	'\r',
	'\n',
	'\r\n',
	',',
	'"',
	'""',
	"'",
	';',
	'; ',
	' ',
	'\u3000',
	'\u00a0',
	'é',
	'e\u0301',
	'a',
	'Z',
	'0',
	'1,000',
	'=SUM(A1:A2)',
	'=HYPERLINK("http://x","y")',
	'@cmd',
	'-1+1',
	'\\',
	'<b>',
	'&amp;',
	'${x}',
	'\u2028',
	'\ufeff',
	'\u0085',
	'\u009b',
	'\uffff',
	'\u{10ffff}',
	'\u{1d54f}',
	'＝1+1'
];
const leading = ['', '', '', '=', '+', '-', '@', '\t', '\r', '\t=', '\r\n@', '=\t', ' -', '+82 '];

const validChars = (s: string) => safeText(1_000_000).safeParse(s).success;
const piece = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...hostilePieces) },
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).filter(validChars) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).filter(validChars) }
);

/**
 * A text the schema accepts within `max` characters. Left out: text that starts with `'` and a
 * formula character, which the export cannot tell from a neutralised formula (see the report).
 */
function text(max: number, minLength = 0) {
	const atLimit = [
		'=' + '가'.repeat(max - 1),
		'😀'.repeat(Math.floor(max / 2)),
		' \t' + 'Ab,"'.repeat(Math.floor(max / 4)) + '\r\n'
	];
	return fc
		.oneof(
			{
				weight: 12,
				arbitrary: fc
					.tuple(fc.constantFrom(...leading), fc.array(piece, { minLength, maxLength: 14 }))
					.map(([lead, parts]) => lead + parts.join(''))
			},
			{ weight: 1, arbitrary: fc.constantFrom(...atLimit) }
		)
		.filter((s) => safeText(max).safeParse(s).success && !/^'[=+\-@\t\r]/.test(s.trim()));
}
const requiredText = (max: number) => text(max, 1).filter((s) => s.trim() !== '');
/** A text, or one of the ways of saying "nothing" (missing, null, blank). */
const optionalText = (max: number) =>
	fc.oneof(
		{ weight: 6, arbitrary: text(max) },
		{ weight: 1, arbitrary: fc.constantFrom(undefined, null, '', '  \t ') }
	);

const pad = (n: number) => String(n).padStart(2, '0');
const year = fc.integer({ min: 1900, max: 2100 });
const day = fc
	.date({
		min: new Date('1900-01-01T00:00Z'),
		max: new Date('2100-12-31T00:00Z'),
		noInvalidDate: true
	})
	.map((d) => d.toISOString().slice(0, 10));
const plusDays = (d: string, n: number) =>
	new Date(Date.parse(`${d}T00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A dated value as people type it at each precision, sometimes with the precision stated.
 * `ranges`: whether a day may carry its end, in the one value (`2020-11-04~05`) or also apart.
 */
const partialDateParts = (ranges: 'none' | 'inline' | 'apart') => {
	const single = [
		year.map((y) => ({
			value: String(y),
			precision: 'year',
			end: undefined as string | undefined
		})),
		fc
			.tuple(year, fc.integer({ min: 1, max: 12 }))
			.map(([y, mo]) => ({ value: `${y}-${pad(mo)}`, precision: 'month', end: undefined })),
		day.map((d) => ({ value: d, precision: 'day', end: undefined }))
	];
	// 2020-11-04~2020-11-05, ~11-05 (same year) or ~05 (same month).
	const inline = fc
		.tuple(day, fc.integer({ min: 0, max: 45 }), fc.constantFrom(0, 5, 8))
		.map(([d, n, cut]) => {
			const end = plusDays(d, n);
			const short = cut && end.slice(0, cut - 1) === d.slice(0, cut - 1) ? end.slice(cut) : end;
			return { value: `${d}~${short}`, precision: 'day', end: undefined };
		});
	const apart = fc
		.tuple(day, fc.integer({ min: 0, max: 45 }))
		.map(([d, n]) => ({ value: d, precision: 'day', end: plusDays(d, n) as string | undefined }));
	const all = [
		...single,
		...(ranges === 'none' ? [] : [inline]),
		...(ranges === 'apart' ? [apart] : [])
	];
	return fc
		.tuple(fc.oneof(...all), fc.boolean(), fc.constantFrom('', ' ', '\t'))
		.map(([d, state, space]) => ({
			value: space + d.value + space,
			end: d.end,
			precision: state ? d.precision : undefined
		}));
};

const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const count = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null });

/** Keeps only inputs the schema accepts: the records are "valid as the schemas define them". */
function valid<S extends z.ZodType>(schema: S, a: fc.Arbitrary<Record<string, unknown>>) {
	return a
		.map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>)
		.filter((r) => schema.safeParse(r).success);
}

/** What a property must have met at least once: a case never generated proves nothing. */
const features: Record<string, RegExp> = {
	'a leading = + - @': /^[=+\-@]/,
	'a line break': /[\r\n]/,
	'a quote': /"/,
	'a comma': /,/,
	Korean: /[가-힣]/,
	emoji: /\p{Extended_Pictographic}/u,
	'right-to-left text': /[\u200f\u202e\u2067\u0590-\u08ff]/
};
function coverage() {
	const seen = new Set<string>();
	const visit = (v: unknown): void => {
		if (typeof v === 'string') {
			for (const [name, re] of Object.entries(features)) if (re.test(v)) seen.add(name);
		} else if (v && typeof v === 'object') Object.values(v).forEach(visit);
	};
	return {
		note: visit,
		check: () => expect([...seen].sort()).toEqual(Object.keys(features).sort())
	};
}

// ------------------------------------------------------------------ the properties

describe('any valid record round-trips through create → read → CSV export', () => {
	it('exchanges', async () => {
		const arb = valid(
			exchangeSchema,
			fc
				.record({
					type: fc.constantFrom(...exchangeTypes),
					status: optional(fc.constantFrom(...exchangeStatuses)),
					titleKo: fc.oneof({ weight: 5, arbitrary: text(300) }, fc.constant(null)),
					titleEn: optionalText(300),
					date: partialDateParts('apart'),
					mode: fc.option(fc.constantFrom(...modes), { nil: null }),
					location: optionalText(200),
					partners: fc.array(
						fc.record({
							organizationId: fc.constantFrom(...known.organizations),
							role: fc.constantFrom(...orgRoles)
						}),
						{ maxLength: 4 }
					),
					participants: count(1_000_000),
					participantsApprox: fc.boolean(),
					institutions: count(100_000),
					recipients: count(1_000_000),
					recipientsApprox: fc.boolean(),
					people: fc.uniqueArray(
						fc.record({
							personId: fc.constantFrom(...known.people),
							role: fc.constantFrom('counterpart', 'delegation', 'contact')
						}),
						{ selector: (p) => p.personId, maxLength: 3 }
					),
					topics: fc.array(text(100), { maxLength: 5 }),
					department: optionalText(200),
					summaryKo: optionalText(20_000),
					summaryEn: optionalText(20_000),
					outcomes: optionalText(20_000),
					notes: optionalText(20_000),
					visibility: fc.constantFrom(...visibilities),
					fields: fc.array(fc.constantFrom(...fields), { maxLength: 4 }),
					sourceIds: fc.array(fc.constantFrom(...known.sources), { maxLength: 2 })
				})
				.map(({ date, ...r }) => ({
					...r,
					date: date.value,
					dateEnd: date.end,
					datePrecision: date.precision
				}))
		);
		const seen = coverage();
		await fc.assert(
			fc.asyncProperty(arb, async (input) => {
				const want = exchangeSchema.parse(input);
				seen.note(want);
				const { id, got } = await createAndRead('/exchanges', input);
				const text = [
					'titleEn',
					'location',
					'department',
					'summaryKo',
					'summaryEn',
					'outcomes',
					'notes'
				] as const;
				expect(
					pick(got, [
						...text,
						'type',
						'status',
						'mode',
						'participants',
						'participantsApprox',
						'institutions',
						'recipients',
						'recipientsApprox',
						'topics',
						'visibility'
					])
				).toEqual(
					pick(want, [
						...text,
						'type',
						'status',
						'mode',
						'participants',
						'participantsApprox',
						'institutions',
						'recipients',
						'recipientsApprox',
						'topics',
						'visibility'
					])
				);
				// No title given: the server proposes one (경기도–허베이성 회의).
				if (want.titleKo !== null) expect(got.titleKo).toBe(want.titleKo);
				else expect(got.titleKo).toMatch(/\S/);
				expect(pick(got, ['datePrecision', 'dateStart', 'dateEnd'])).toEqual(
					dated('date', want.date)
				);
				expect(sorted(got.fields)).toEqual(sorted(want.fields));
				const link = (p: { id?: number; organizationId?: number; role: string }) =>
					`${p.id ?? p.organizationId}:${p.role}`;
				expect(sorted(got.partners.map(link))).toEqual(
					sorted([...new Set(want.partners.map(link))])
				);
				expect(sorted(got.people.map((p: any) => `${p.id}:${p.role}`))).toEqual(
					sorted(want.people.map((p) => `${p.personId}:${p.role}`))
				);
				expect(sorted(got.sources.map((s: any) => s.id))).toEqual(sorted(want.sourceIds));

				const row = await csvRow('/exchanges/export.csv', 26, id);
				const names = (role: string) =>
					sorted(got.partners.filter((p: any) => p.role === role).map((p: any) => p.nameKo));
				const split = (c: string) => (c === '' ? [] : c.split('; '));
				expect({
					date: row[1],
					start: row[2],
					end: row[3],
					type: row[4],
					status: row[5],
					titleKo: row[6],
					titleEn: row[7],
					partners: sorted(split(row[8])),
					organizers: sorted(split(row[10])),
					mode: row[11],
					location: row[12],
					participants: row[13],
					participantsApprox: row[14],
					institutions: row[15],
					recipients: row[16],
					recipientsApprox: row[17],
					fields: sorted(split(row[18])),
					topics: row[19],
					department: row[20],
					visibility: row[21],
					summaryKo: row[22],
					summaryEn: row[23],
					outcomes: row[24],
					notes: row[25]
				}).toEqual({
					date: partialDateLabel(want.date.precision, want.date.start, want.date.end),
					start: want.date.start,
					end: want.date.end,
					type: ko(`type_${want.type}`),
					status: ko(`exstatus_${want.status}`),
					titleKo: got.titleKo,
					titleEn: cell(want.titleEn),
					partners: names('partner'),
					organizers: names('organizer'),
					mode: want.mode ? ko(`mode_${want.mode}`) : '',
					location: cell(want.location),
					participants: cell(want.participants),
					participantsApprox: want.participantsApprox ? ko('approx') : '',
					institutions: cell(want.institutions),
					recipients: cell(want.recipients),
					recipientsApprox: want.recipientsApprox ? ko('approx') : '',
					fields: sorted(want.fields.map((f) => ko(`field_${f}`))),
					topics: want.topics.join('; '),
					department: cell(want.department),
					visibility: ko(`visibility_${want.visibility}`),
					summaryKo: cell(want.summaryKo),
					summaryEn: cell(want.summaryEn),
					outcomes: cell(want.outcomes),
					notes: cell(want.notes)
				});
				knownExchanges.push(id);
			}),
			{ numRuns: RUNS }
		);
		seen.check();
	}, 120_000);

	it('partners', async () => {
		const arb = valid(
			organizationSchema,
			fc.record({
				nameKo: requiredText(200),
				nameEn: optionalText(200),
				nameNative: optionalText(200),
				country: fc.oneof(
					fc.constantFrom('CN', 'JP', 'US', 'VN', 'kr', ' de ', 'ZZ'),
					fc.stringMatching(/^[A-Z]{2}$/),
					fc.constantFrom(undefined, null, '')
				),
				scope: fc.constantFrom(...scopes),
				level: optional(fc.constantFrom(...levels)),
				counterpartOffice: optionalText(200),
				notes: optionalText(20_000),
				aliases: fc.oneof(
					fc.array(text(200), { maxLength: 4 }),
					fc.array(text(200), { maxLength: 4 }).map((a) => a.join('\n')),
					fc.constant(undefined)
				)
			})
		);
		const seen = coverage();
		await fc.assert(
			fc.asyncProperty(arb, async (input) => {
				const want = organizationSchema.parse(input);
				seen.note(want);
				const { id, got } = await createAndRead('/partners', input);
				const keys = [
					'nameKo',
					'nameEn',
					'nameNative',
					'country',
					'scope',
					'level',
					'counterpartOffice',
					'notes'
				];
				expect(pick(got.organization, keys)).toEqual(pick(want, keys));
				// Aliases are what matching compares: every name sent is kept as it was typed, under
				// one of its spellings when two differ only in case, spacing or punctuation (a name
				// of symbols only has no matching form and is not kept).
				const names = [want.nameKo, want.nameEn, want.nameNative, ...want.aliases];
				for (const alias of got.aliases as string[]) expect(names).toContain(alias);
				const stored = new Set((got.aliases as string[]).map(normalizeName));
				for (const a of want.aliases)
					if (normalizeName(a) !== '') expect(stored, a).toContain(normalizeName(a));

				const row = await csvRow('/partners/export.csv', 10, id);
				expect(row.slice(1, 4)).toEqual([want.nameKo, cell(want.nameEn), cell(want.nameNative)]);
				if (want.country) expect(row[4].endsWith(` (${want.country})`), row[4]).toBe(true);
				else expect(row[4]).toBe('');
				expect(row.slice(5, 7)).toEqual([ko(`scope_${want.scope}`), ko(`level_${want.level}`)]);
			}),
			{ numRuns: RUNS }
		);
		seen.check();
	}, 120_000);

	it('agreements', async () => {
		const dateOf = (part: string) =>
			fc.option(partialDateParts('inline'), { nil: undefined }).map((d) =>
				d
					? {
							[part]: d.value,
							[`${part}Precision`]: d.precision
						}
					: {}
			);
		const arb = valid(
			agreementSchema,
			fc
				.tuple(
					fc.record({
						exchangeId: fc.option(fc.constantFrom(...knownExchanges), { nil: null }),
						kind: fc.constantFrom(...agreementKinds),
						titleKo: requiredText(300),
						titleEn: optionalText(300),
						status: fc.constantFrom(...agreementStatuses),
						visibility: optional(fc.constantFrom(...visibilities)),
						notes: optionalText(20_000),
						organizationIds: fc.array(fc.constantFrom(...known.organizations), { maxLength: 3 }),
						fields: fc.array(fc.constantFrom(...fields), { maxLength: 3 }),
						sourceIds: fc.array(fc.constantFrom(...known.sources), { maxLength: 2 })
					}),
					dateOf('agreed'),
					dateOf('due'),
					dateOf('signed')
				)
				.map(([r, a, d, s]) => ({ ...r, ...a, ...d, ...s }))
		);
		const seen = coverage();
		await fc.assert(
			fc.asyncProperty(arb, async (input) => {
				const want = agreementSchema.parse(input);
				seen.note(want);
				const { id, got } = await createAndRead('/agreements', input);
				const keys = ['exchangeId', 'kind', 'titleKo', 'titleEn', 'status', 'visibility', 'notes'];
				expect(pick(got, keys)).toEqual(pick(want, keys));
				for (const part of ['agreed', 'due', 'signed'] as const)
					expect(pick(got, [`${part}Precision`, `${part}Start`, `${part}End`]), part).toEqual(
						dated(part, want[part])
					);
				expect(sorted(got.partners.map((p: any) => p.id))).toEqual(sorted(want.organizationIds));
				expect(sorted(got.fields)).toEqual(sorted(want.fields));
				expect(sorted(got.sources.map((s: any) => s.id))).toEqual(sorted(want.sourceIds));

				const row = await csvRow('/agreements/export.csv', 11, id);
				expect({
					kind: row[1],
					status: row[2],
					titleKo: row[3],
					titleEn: row[4],
					partners: sorted(row[5] === '' ? [] : row[5].split('; ')),
					due: row[6],
					exchange: row[9],
					visibility: row[10]
				}).toEqual({
					kind: ko(`agkind_${want.kind}`),
					status: ko(`agstatus_${want.status}`),
					titleKo: want.titleKo,
					titleEn: cell(want.titleEn),
					partners: sorted(got.partners.map((p: any) => p.nameKo)),
					due: partialDateLabel(
						want.due?.precision ?? null,
						want.due?.start ?? null,
						want.due?.end
					),
					exchange: cell(want.exchangeId),
					visibility: ko(`visibility_${want.visibility}`)
				});
				knownAgreements.push(id);
			}),
			{ numRuns: RUNS }
		);
		seen.check();
	}, 120_000);

	it('people', async () => {
		const email = fc.oneof(
			fc.emailAddress().filter((e) => e.length <= 200 && z.email().safeParse(e).success),
			fc.constantFrom('wang.wei@shandong.gov.cn', ' kim+gg@gg.go.kr ', 'A.B@example.org')
		);
		const phone = fc
			.string({ unit: fc.constantFrom(...'0123456789+()-./ x'), minLength: 1, maxLength: 50 })
			.filter((s) => /[0-9]/.test(s));
		const arb = valid(
			personSchema,
			fc.record({
				nameKo: requiredText(200),
				nameEn: optionalText(200),
				nameNative: optionalText(200),
				title: optionalText(200),
				organizationId: fc.option(
					fc.oneof(
						fc.constantFrom(...known.organizations),
						fc.constantFrom(...known.organizations).map(String)
					),
					{ nil: null }
				),
				email: fc.option(email, { nil: undefined }),
				phone: fc.option(phone, { nil: null }),
				notes: optionalText(20_000)
			})
		);
		const seen = coverage();
		await fc.assert(
			fc.asyncProperty(arb, async (input) => {
				const want = personSchema.parse(input);
				seen.note(want);
				const { id, got } = await createAndRead('/people', input);
				const keys = [
					'nameKo',
					'nameEn',
					'nameNative',
					'title',
					'organizationId',
					'email',
					'phone',
					'notes'
				];
				expect(pick(got.person, keys)).toEqual(pick(want, keys));
				const row = await csvRow('/people/export.csv', 6, id);
				expect(row.slice(1)).toEqual([
					want.nameKo,
					cell(want.nameEn),
					cell(want.nameNative),
					cell(want.title),
					cell(got.organization?.nameKo)
				]);
			}),
			{ numRuns: RUNS }
		);
		seen.check();
	}, 120_000);

	it('sources', async () => {
		const published = fc.oneof(
			day,
			fc
				.tuple(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
				.map(([d, h, mi]) => `${d}T${pad(h)}:${pad(mi)}`),
			fc
				.date({
					min: new Date('1900-01-01T00:00Z'),
					max: new Date('2100-12-31T00:00Z'),
					noInvalidDate: true
				})
				.map((d) => d.toISOString())
		);
		const arb = valid(
			sourceSchema,
			fc.record({
				title: requiredText(300),
				publisher: optionalText(200),
				url: fc.option(
					fc.oneof(
						fc.webUrl({ withQueryParameters: true, withFragments: true }),
						fc.constantFrom(
							'http://gginews2.dadamedia.net/news/view.php?idx=64700',
							'https://example.org/기사?q=경기도,산둥&x="1"'
						)
					),
					{ nil: null }
				),
				publishedAt: fc.option(published, { nil: undefined }),
				body: optionalText(20_000)
			})
		);
		const seen = coverage();
		await fc.assert(
			fc.asyncProperty(arb, async (input) => {
				const want = sourceSchema.parse(input);
				seen.note(want);
				const { id, got } = await createAndRead('/sources', input);
				const keys = ['title', 'publisher', 'url', 'publishedAt', 'body'];
				expect(pick(got, keys)).toEqual(pick(want, keys));
				const row = await csvRow('/sources/export.csv', 6, id);
				expect(row.slice(1, 5)).toEqual([
					want.title,
					cell(want.publisher),
					cell(want.url),
					cell(want.publishedAt)
				]);
			}),
			{ numRuns: RUNS }
		);
		seen.check();
	}, 120_000);

	// Ties and follow-ups have no list export of their own: create → read only.
	it('ties', async () => {
		const arb = valid(
			tieSchema,
			fc.record({
				organizationId: fc.constantFrom(...known.organizations),
				kind: fc.constantFrom(...tieKinds),
				status: optional(fc.constantFrom(...tieStatuses)),
				date: fc.option(partialDateParts('none'), { nil: undefined }).map((d) => d?.value),
				dateBasis: optionalText(200),
				signatories: optionalText(200),
				endedOn: fc.option(day, { nil: null }),
				notes: optionalText(20_000)
			})
		);
		const seen = coverage();
		await fc.assert(
			fc.asyncProperty(arb, async (input) => {
				const want = tieSchema.parse(input);
				seen.note(want);
				const { got } = await createAndRead('/ties', input);
				const keys = [
					'organizationId',
					'kind',
					'status',
					'dateBasis',
					'signatories',
					'endedOn',
					'notes'
				];
				expect(pick(got, keys)).toEqual(pick(want, keys));
				expect(pick(got, ['datePrecision', 'dateStart', 'dateEnd'])).toEqual(
					dated('date', want.date)
				);
			}),
			{ numRuns: RUNS }
		);
		seen.check();
	}, 120_000);

	it('follow-ups', async () => {
		const arb = valid(
			followUpSchema,
			fc.record({
				agreementId: fc.constantFrom(...knownAgreements),
				action: requiredText(2000),
				owner: optionalText(200),
				dueDate: fc.option(day, { nil: null }),
				done: fc.boolean()
			})
		);
		const seen = coverage();
		await fc.assert(
			fc.asyncProperty(arb, async (input) => {
				const want = followUpSchema.parse(input);
				seen.note(want);
				const { got } = await createAndRead('/follow-ups', input);
				expect(pick(got, ['agreementId', 'action', 'owner', 'dueDate'])).toEqual(
					pick(want, ['agreementId', 'action', 'owner', 'dueDate'])
				);
				expect(got.doneAt !== null).toBe(want.done);
			}),
			{ numRuns: RUNS }
		);
		seen.check();
	}, 120_000);
});
