/**
 * `npm run report` (scripts/report.ts under tsx, the worker included): the --as user decides
 * what is visible and whose name is printed; without it confidential records are left out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase, ROOT, EDITOR } from '../helpers/server';
import { insertExchange } from '../../src/lib/server/queries/exchanges-write';
import { parsePartialDate } from '../../src/lib/dates';
import { pdfText, readUtf8 } from './reports-support';

const dir = mkdtempSync(join(tmpdir(), 'gyoryu-cli-'));
const dbPath = join(dir, 'app.db');

function report(args: string[]): string {
	return execFileSync(
		process.execPath,
		[join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/report.ts', ...args],
		{
			cwd: ROOT,
			env: { ...process.env, DATABASE_URL: dbPath, VITEST: '' },
			encoding: 'utf8',
			timeout: 120_000
		}
	);
}

beforeAll(async () => {
	await prepareDatabase(dbPath, {
		prepare: (db) => {
			db.transaction((tx) =>
				insertExchange(
					tx,
					{
						type: 'meeting',
						titleKo: '기밀 협의',
						date: parsePartialDate('2020-05-05')!,
						visibility: 'confidential'
					},
					null
				)
			);
		}
	});
}, 60_000);

describe('npm run report', () => {
	it(
		'writes a PDF briefing without confidential records, and says so',
		{ timeout: 120_000 },
		() => {
			const out = join(dir, 'briefing.pdf');
			const log = report([
				'--from',
				'2020-01-01',
				'--to',
				'2020-12-31',
				'--format',
				'pdf',
				'--lang',
				'ko',
				'--out',
				out
			]);
			expect(log).toContain(`wrote ${out}`);
			const text = pdfText(out);
			expect(text).toContain('교류 7건');
			expect(text).toContain('神奈川県');
			expect(text).not.toContain('기밀 협의');
		}
	);

	it(
		'shows an editor (--as) the confidential record, and audits the run as theirs',
		{ timeout: 120_000 },
		() => {
			const out = join(dir, 'briefing.csv');
			report([
				'--from',
				'2020-01-01',
				'--to',
				'2020-12-31',
				'--format',
				'csv',
				'--out',
				out,
				'--as',
				EDITOR.email
			]);
			const csv = readUtf8(out);
			expect(csv).toContain('기밀 협의');
			expect(csv.trimEnd().split('\r\n')).toHaveLength(9);
			const db = new Database(dbPath, { readonly: true });
			const last = db
				.prepare(
					`SELECT u.email, a.after FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
				WHERE a.entity_type = 'export' ORDER BY a.id DESC LIMIT 1`
				)
				.get() as { email: string; after: string };
			db.close();
			expect(last.email).toBe(EDITOR.email);
			expect(JSON.parse(last.after)).toMatchObject({
				format: 'csv',
				rows: 8,
				confidentialIncluded: true
			});
		}
	);

	it('refuses an unknown format', () => {
		expect(() => report(['--format', 'odt'])).toThrow(/--format must be/);
	});
});
