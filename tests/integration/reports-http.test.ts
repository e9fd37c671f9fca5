/**
 * Briefings and dossiers over HTTP from the built app (run with BUILD_OUT set to your build):
 * files come from the report worker, carry names that say what they hold, never show viewers
 * confidential records, and every export is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { insertExchange } from '../../src/lib/server/queries/exchanges-write';
import { parsePartialDate } from '../../src/lib/dates';
import { EDITOR, VIEWER, cookieFor, startServer, type RunningServer } from '../helpers/server';
import { pdfText } from './reports-support';

let app: RunningServer;
let viewer: string;
let editor: string;
let kanagawa: number;

beforeAll(async () => {
	app = await startServer({
		// The server would inherit Vitest's marker and render inline; it must use its worker.
		env: { VITEST: '' },
		prepare: (db) => {
			const org = (name: string) =>
				db.$client
					.prepare(`SELECT id FROM organizations WHERE name_ko = ?`)
					.pluck()
					.get(name) as number;
			kanagawa = org('가나가와현');
			db.transaction((tx) =>
				insertExchange(
					tx,
					{
						type: 'meeting',
						titleKo: '기밀 협의',
						date: parsePartialDate('2020-05-05')!,
						visibility: 'confidential',
						organizations: [{ organizationId: org('산둥성'), role: 'partner' }]
					},
					null
				)
			);
		}
	});
	viewer = await cookieFor(app.url, VIEWER);
	editor = await cookieFor(app.url, EDITOR);
}, 90_000);
afterAll(() => app?.stop());

const get = (path: string, cookie?: string) =>
	fetch(app.url + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

async function save(r: Response, name: string): Promise<string> {
	const path = join(tmpdir(), `gyoryu-http-${Date.now()}-${name}`);
	writeFileSync(path, Buffer.from(await r.arrayBuffer()));
	return path;
}

const CN_2020 = '?from=2020-01-01&to=2020-12-31&country=CN&lang=ko';

describe('GET /api/v1/reports/briefing.{format}', () => {
	it('serves the PDF from the worker, named after its filter', async () => {
		const r = await get(`/api/v1/reports/briefing.pdf${CN_2020}`, viewer);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/pdf');
		expect(r.headers.get('content-disposition')).toBe(
			'attachment; filename="gyoryu-briefing_2020-01-01_2020-12-31_CN.pdf"'
		);
		expect(r.headers.get('x-report-renderer')).toBe('worker');
		const text = pdfText(await save(r, 'cn.pdf'));
		expect(text).toContain('山东省');
		expect(text).toContain('교류 4건');
		expect(text).toContain('국가: 중국');
		expect(text).toContain('열람자');
	});

	it('serves every format with its content type', async () => {
		const types = {
			docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
			csv: 'text/csv; charset=utf-8'
		};
		for (const [format, type] of Object.entries(types)) {
			const r = await get(`/api/v1/reports/briefing.${format}${CN_2020}`, viewer);
			expect(r.status, format).toBe(200);
			expect(r.headers.get('content-type')).toBe(type);
			const body = Buffer.from(await r.arrayBuffer());
			expect(body.length).toBeGreaterThan(100);
			if (format === 'csv') expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
			else expect(body.subarray(0, 2).toString()).toBe('PK');
		}
	});

	it('leaves confidential records out for viewers only', async () => {
		const asViewer = await (await get(`/api/v1/reports/briefing.csv${CN_2020}`, viewer)).text();
		const asEditor = await (await get(`/api/v1/reports/briefing.csv${CN_2020}`, editor)).text();
		expect(asViewer).not.toContain('기밀 협의');
		expect(asEditor).toContain('기밀 협의');
		expect(asEditor.trimEnd().split('\r\n').length).toBe(
			asViewer.trimEnd().split('\r\n').length + 1
		);
	});

	it('refuses the signed-out and unknown formats', async () => {
		const r = await get(`/api/v1/reports/briefing.pdf${CN_2020}`);
		expect(r.status).toBe(401);
		expect((await r.json()).error.code).toBe('unauthenticated');
		const unknown = await get(`/api/v1/reports/briefing.txt${CN_2020}`, viewer);
		expect(unknown.status).toBe(404);
		expect((await unknown.json()).error.code).toBe('unknown_format');
	});

	it('audits who exported which filter', async () => {
		const r = await get(
			`/api/v1/reports/briefing.xlsx?from=2020-01-01&to=2020-12-31&type=newsletter`,
			viewer
		);
		expect(r.status).toBe(200);
		await r.arrayBuffer();
		const db = new Database(app.dbPath, { readonly: true });
		const rows = db
			.prepare(
				`SELECT a.action, a.after, u.email FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
				WHERE a.entity_type = 'export' ORDER BY a.id DESC`
			)
			.all() as { action: string; after: string; email: string }[];
		db.close();
		const last = rows[0];
		expect(last.action).toBe('export');
		expect(last.email).toBe(VIEWER.email);
		expect(JSON.parse(last.after)).toMatchObject({
			kind: 'briefing',
			format: 'xlsx',
			filter: { from: '2020-01-01', to: '2020-12-31', type: ['newsletter'] },
			file: 'gyoryu-briefing_2020-01-01_2020-12-31_newsletter.xlsx',
			rows: 2,
			confidentialIncluded: false
		});
		expect(rows.length).toBeGreaterThanOrEqual(8);
	});
});

describe('the partner dossier', () => {
	it('is a one-to-two page PDF with the native name, ties and anniversary', async () => {
		const r = await get(`/partners/${kanagawa}/dossier.pdf`, viewer);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-disposition')).toContain(
			`gyoryu-dossier_${kanagawa}_Kanagawa-Prefecture.pdf`
		);
		const text = pdfText(await save(r, 'dossier.pdf'));
		for (const s of ['神奈川県', 'Kanagawa Prefecture', '자매결연', '1990년', '화상회의', '출처'])
			expect(text).toContain(s);
	});

	it('comes as DOCX, and not at all for a missing partner', async () => {
		const r = await get(`/partners/${kanagawa}/dossier.docx`, viewer);
		expect(r.status).toBe(200);
		expect(
			Buffer.from(await r.arrayBuffer())
				.subarray(0, 2)
				.toString()
		).toBe('PK');
		const missing = await get('/partners/999999/dossier.pdf', viewer);
		expect(missing.status).toBe(404);
		await missing.arrayBuffer();
		const signedOut = await get(`/partners/${kanagawa}/dossier.pdf`);
		expect(signedOut.status).toBe(303);
		await signedOut.arrayBuffer();
	});
});

describe('/reports', () => {
	it('previews the default period for a viewer, with download links', async () => {
		const r = await get('/reports', viewer);
		expect(r.status).toBe(200);
		const html = await r.text();
		expect(html).toContain('경기도 국제교류 브리핑');
		expect(html).toContain('제1회 경기-중국 산둥성 우호협력 연석회의');
		expect(html).not.toContain('기밀 협의');
		expect(html).toContain(
			'/api/v1/reports/briefing.pdf?from=2020-01-01&amp;to=2020-12-31&amp;lang=ko'
		);
	});
});
