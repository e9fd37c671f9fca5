/**
 * Property-based: random JSON, wrong types, huge strings, deep nesting and random Unicode
 * (Korean, emoji, RTL marks, NUL) sent to every write endpoint of the JSON API never produce
 * a 5xx — only a 2xx or a 4xx with the `{error:{code,message,fields}}` shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EDITOR, cookieFor, startServer, type RunningServer } from '../helpers/server';

let app: RunningServer;
let cookie: string;
beforeAll(async () => {
	app = await startServer();
	cookie = await cookieFor(app.url, EDITOR);
}, 60_000);
afterAll(() => app?.stop());

const nasty = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 50 }),
	fc.string({ unit: 'binary', maxLength: 50 }),
	fc.constantFrom(
		'\u0000',
		'\u202e산둥성',
		'=HYPERLINK("http://x","y")',
		"'; DROP TABLE exchanges; --",
		'<script>alert(1)</script>',
		'🇰🇷🤝🇨🇳',
		'2020-02-30',
		'9999-99-99'
	),
	fc.constant('가'.repeat(100_000)),
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.array(fc.anything(), { maxLength: 5 })
);

/** A plausible body with some fields replaced by hostile values, or pure random JSON. */
const body = (base: Record<string, unknown>) =>
	fc.oneof(
		fc.jsonValue({ maxDepth: 6 }),
		fc
			.dictionary(fc.constantFrom(...Object.keys(base), 'extra', '__proto__', 'constructor'), nasty)
			.map((over) => ({ ...base, ...over })),
		fc.constant(JSON.parse('{"a":'.repeat(500) + '1' + '}'.repeat(500)))
	);

const endpoints: [string, Record<string, unknown>][] = [
	[
		'/api/v1/exchanges',
		{
			type: 'meeting',
			titleKo: '회의',
			date: '2020-11-04',
			mode: 'online',
			partners: [{ organizationId: 1, role: 'partner' }]
		}
	],
	[
		'/api/v1/partners',
		{ nameKo: '새 파트너', country: 'CN', scope: 'foreign', level: 'province', aliases: ['별칭'] }
	],
	[
		'/api/v1/agreements',
		{ kind: 'commitment', titleKo: '합의', status: 'agreed', organizationIds: [1] }
	],
	['/api/v1/ties', { organizationId: 1, kind: 'sister', date: '1990' }],
	['/api/v1/people', { nameKo: '홍길동', organizationId: 1 }],
	['/api/v1/sources', { title: '기사', url: 'http://example.org/a' }],
	['/api/v1/follow-ups', { agreementId: 1, action: '후속 조치', dueDate: '2021-01-31' }],
	['/api/v1/intake/extract', { text: '경기도는 1일 산둥성과 화상회의를 개최했다.' }]
];

describe('hostile input to the JSON API', () => {
	for (const [path, base] of endpoints) {
		it(`POST ${path} never answers 5xx`, async () => {
			await fc.assert(
				fc.asyncProperty(body(base), async (payload) => {
					const r = await fetch(app.url + path, {
						method: 'POST',
						body: JSON.stringify(payload),
						headers: { cookie, origin: app.url, 'content-type': 'application/json' }
					});
					expect(r.status).toBeLessThan(500);
					if (r.status >= 400) {
						const j = (await r.json()) as { error?: { code?: string; message?: string } };
						expect(typeof j.error?.code).toBe('string');
					} else await r.arrayBuffer();
				}),
				{ numRuns: 40 }
			);
		}, 120_000);
	}

	it('PATCH with a wrong version or hostile fields never answers 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(body({ version: 1, titleKo: '수정' }), async (payload) => {
				const r = await fetch(`${app.url}/api/v1/exchanges/1`, {
					method: 'PATCH',
					body: JSON.stringify(payload),
					headers: { cookie, origin: app.url, 'content-type': 'application/json' }
				});
				expect(r.status).toBeLessThan(500);
				await r.arrayBuffer();
			}),
			{ numRuns: 40 }
		);
	}, 120_000);

	it('malformed bodies get a 400, not a crash', async () => {
		for (const raw of ['{', 'null', '[]', '"x"', '\u0000', '{"titleKo":"\ud800"}']) {
			const r = await fetch(`${app.url}/api/v1/exchanges`, {
				method: 'POST',
				body: raw,
				headers: { cookie, origin: app.url, 'content-type': 'application/json' }
			});
			expect(r.status, raw).toBeGreaterThanOrEqual(400);
			expect(r.status, raw).toBeLessThan(500);
		}
	});
});
