/**
 * `npm run import -- FILE --kind partners|exchanges [--dry-run] [--sheet NAME]
 *   [--map 3=nameKo,6=tieDate] [--user EMAIL]` imports a partner list or an exchange log into
 * DATABASE_URL, printing the preview (dry run) or the report.
 * `npm run import -- --undo BATCH [--skip-edited] [--user EMAIL]` undoes a batch.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config';
import { openMigratedDatabase, type DB } from '../src/lib/server/db';
import { getUserByEmail } from '../src/lib/server/auth/users';
import type { Actor } from '../src/lib/server/audit';
import { importKinds, type ImportKind } from '../src/lib/server/import/columns';
import { ImportFileError } from '../src/lib/server/import/errors';
import { loadSheet } from '../src/lib/server/import/sheet';
import { runImport } from '../src/lib/server/import/run';
import { undoBatch } from '../src/lib/server/import/undo';
import type { ImportReport } from '../src/lib/server/import/report';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		kind: { type: 'string', default: 'partners' },
		'dry-run': { type: 'boolean', default: false },
		sheet: { type: 'string' },
		map: { type: 'string' },
		user: { type: 'string' },
		undo: { type: 'string' },
		'skip-edited': { type: 'boolean', default: false }
	}
});

function actorFor(db: DB): Actor | null {
	if (!values.user) return null;
	const user = getUserByEmail(db, values.user);
	if (!user) throw new Error(`No user ${values.user}`);
	return { id: user.id, role: user.role };
}

function printReport(report: ImportReport, labels: string[], mapping: string[]) {
	console.log(
		report.dryRun ? 'DRY RUN — nothing was written' : `Imported as batch ${report.batchId}`
	);
	console.log('Columns:');
	labels.forEach((l, i) => console.log(`  ${i}: ${l || '(blank)'} → ${mapping[i] || '(ignored)'}`));
	console.log('Rows:');
	for (const r of report.rows) {
		const actions = r.actions.map((a) => `${a.entity} ${a.change} #${a.id}`).join(', ');
		const notes = [...r.errors, ...r.warnings].map(
			(n) => `${n.code}${n.value ? ` (${n.value})` : ''}`
		);
		console.log(`  row ${r.row}\t${r.status}\t${r.label}\t${actions}\t${notes.join('; ')}`);
	}
	const t = report.totals;
	console.log(
		`Rows: ${t.rows.total} (create ${t.rows.create}, update ${t.rows.update}, unchanged ${t.rows.unchanged}, skipped ${t.rows.skip}, errors ${t.rows.error})`
	);
	for (const e of ['organization', 'tie', 'exchange'] as const)
		console.log(
			`${e}: ${t[e].create} created, ${t[e].update} updated, ${t[e].unchanged} unchanged`
		);
}

async function main() {
	const config = loadConfig(process.env);
	const db = openMigratedDatabase(config.databaseUrl, config.migrationsDir);
	try {
		if (values.undo) {
			const result = undoBatch(
				db,
				Number(values.undo),
				actorFor(db) ?? { id: null },
				values['skip-edited'] ? 'skip' : 'refuse'
			);
			console.log(JSON.stringify(result, null, 2));
			process.exitCode = result.ok ? 0 : 1;
			return;
		}
		const [file] = positionals;
		const kind = values.kind as ImportKind;
		if (!file || !importKinds.includes(kind)) {
			console.error('usage: npm run import -- FILE --kind partners|exchanges [--dry-run]');
			process.exitCode = 2;
			return;
		}
		const mapping = values.map ? parseMap(values.map) : undefined;
		const sheet = await loadSheet(readFileSync(file), kind, { sheetName: values.sheet });
		const finalMapping = mapping ? sheet.mapping.map((f, i) => mapping.get(i) ?? f) : sheet.mapping;
		const report = runImport(db, sheet.table, {
			kind,
			mapping: finalMapping,
			filename: basename(file),
			dryRun: values['dry-run'],
			actor: actorFor(db)
		});
		console.log(
			`Read ${sheet.format}${sheet.encoding ? ` (${sheet.encoding})` : ''}${sheet.sheetName ? ` sheet "${sheet.sheetName}"` : ''}, header at row ${sheet.table.headerRow}`
		);
		printReport(report, sheet.table.labels, finalMapping);
	} finally {
		db.$client.close();
	}
}

/** `3=nameKo,6=tieDate,7=` → column index → field ('' ignores the column). */
function parseMap(text: string): Map<number, string> {
	return new Map(
		text.split(',').map((pair) => {
			const [col, field = ''] = pair.split('=');
			return [Number(col), field.trim()];
		})
	);
}

main().catch((e) => {
	console.error(e instanceof ImportFileError ? `Refused: ${e.message}` : e);
	process.exitCode = 1;
});
