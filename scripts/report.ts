/**
 * `npm run report -- --from 2020-01-01 --to 2020-12-31 --format pdf --lang ko --out briefing.pdf
 *  [--as user@example.org] [--country CN] [--partner 12] [--type video_conference] [--mode online]
 *  [--field tourism] [--group partner] [--sections figures,exchanges]`
 * A briefing for scheduled runs, built by the same worker as the download. The --as user
 * decides what is visible and whose name is printed; without it, confidential records are left
 * out. Reads DATABASE_URL like the app; every run is audited.
 */
import { copyFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config';
import { openMigratedDatabase } from '../src/lib/server/db';
import { getUserByEmail } from '../src/lib/server/auth/users';
import { hasRole } from '../src/lib/server/auth/guard';
import { exportReport } from '../src/lib/server/reports/export';
import { stopReportWorkers } from '../src/lib/server/reports/pool';
import { isReportFormat, parseReportRequest } from '../src/lib/reports';

const { values } = parseArgs({
	options: {
		from: { type: 'string' },
		to: { type: 'string' },
		format: { type: 'string', default: 'pdf' },
		lang: { type: 'string', default: 'ko' },
		out: { type: 'string' },
		as: { type: 'string' },
		country: { type: 'string' },
		partner: { type: 'string' },
		type: { type: 'string' },
		mode: { type: 'string' },
		field: { type: 'string' },
		department: { type: 'string' },
		group: { type: 'string' },
		sections: { type: 'string' }
	}
});

function fail(message: string): never {
	console.error(`report: ${message}`);
	process.exit(2);
}

const format = values.format ?? 'pdf';
if (!isReportFormat(format)) fail(`--format must be pdf, docx, xlsx, csv or pptx (got ${format})`);
for (const key of ['from', 'to'] as const)
	if (values[key] && !/^\d{4}-\d{2}-\d{2}$/.test(values[key]!))
		fail(`--${key} must be a day such as 2020-01-01`);

const params = new URLSearchParams();
for (const [k, v] of Object.entries(values))
	if (typeof v === 'string' && !['format', 'out', 'as'].includes(k)) params.set(k, v);
const request = parseReportRequest(params);

const config = loadConfig(process.env);
const db = openMigratedDatabase(config.databaseUrl, config.migrationsDir);
try {
	const user = values.as ? getUserByEmail(db, values.as.trim().toLowerCase()) : null;
	if (values.as && (!user || user.disabled)) fail(`no active user ${values.as}`);
	const file = await exportReport(
		db,
		{
			kind: 'briefing',
			format,
			filter: request.filter,
			sections: request.sections,
			groupBy: request.groupBy,
			lang: request.lang,
			viewer: {
				includeConfidential: !!user && hasRole(user, 'editor'),
				displayName: user?.displayName ?? 'gyoryu report (command line)'
			},
			now: new Date().toISOString()
		},
		user ? { id: user.id, role: user.role } : null
	);
	if (!file) fail('nothing to export');
	const out = values.out ?? file.filename;
	await copyFile(file.path, out);
	await file.cleanup();
	console.log(
		`wrote ${out} (${file.bytes} bytes${file.rows === null ? '' : `, ${file.rows} exchanges`})`
	);
} finally {
	await stopReportWorkers();
	db.$client.close();
}
