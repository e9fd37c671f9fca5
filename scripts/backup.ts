/**
 * `npm run backup -- --out DIR [--keep N]` makes one consistent, verified backup of
 * DATABASE_URL (and the attachment files under DATA_DIR it references) into a new folder
 * inside DIR, while the app keeps serving and writing. Default DIR: BACKUP_DIR.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig } from '../src/lib/server/config';
import { createBackup, pruneBackups } from '../src/lib/server/backup';

const { values } = parseArgs({
	options: { out: { type: 'string' }, keep: { type: 'string' } }
});

const config = loadConfig(process.env);
const outDir = resolve(values.out ?? config.backupDir);
try {
	const info = createBackup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, outDir });
	const m = info.manifest!;
	console.log(`backup written and verified: ${info.path}`);
	console.log(
		`  snapshot at ${m.createdAt}; ${m.counts.exchanges} exchanges, ${m.counts.auditLog} audit entries, ` +
			`${m.files.count} files; schema migrations: ${m.migrations.count}; integrity_check: ${m.integrity}`
	);
	if (m.files.missing.length)
		console.warn(
			`  warning: ${m.files.missing.length} attachment files were missing from DATA_DIR`
		);
	if (values.keep) {
		const removed = pruneBackups(outDir, Number(values.keep));
		if (removed.length) console.log(`  removed ${removed.length} older backups`);
	}
} catch (e) {
	console.error(`backup failed: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
}
