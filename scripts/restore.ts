/**
 * `npm run restore -- DIR` puts a backup folder (made by `npm run backup` or the app, or
 * unpacked from a downloaded .tar) back as DATABASE_URL, with its attachment files into
 * DATA_DIR. Stop the app first. `--check` only inspects the backup.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig } from '../src/lib/server/config';
import { RestoreRefused, checkBackup, restoreBackup } from '../src/lib/server/restore';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { check: { type: 'boolean', default: false } }
});

if (positionals.length !== 1) {
	console.error('usage: npm run restore -- DIR   (DIR holds gyoryu.db and manifest.json)');
	process.exit(2);
}
const config = loadConfig(process.env);
const backupDir = resolve(positionals[0]);
try {
	if (values.check) {
		const c = checkBackup(backupDir, config.migrationsDir);
		console.log(
			`${backupDir}: a Gyoryu backup of ${c.manifest.createdAt}, integrity ok, ` +
				`${c.backupMigrations}/${c.knownMigrations} schema migrations`
		);
	} else {
		const r = restoreBackup({
			backupDir,
			databaseUrl: config.databaseUrl,
			dataDir: config.dataDir,
			migrationsFolder: config.migrationsDir
		});
		console.log(`restored the backup of ${r.manifest.createdAt} to ${config.databaseUrl}`);
		if (r.previous) console.log(`  the replaced database was kept as ${r.previous}`);
		console.log(`  ${r.files} attachment files copied to ${config.dataDir}`);
		if (r.backupMigrations < r.knownMigrations)
			console.log(
				`  its schema is older (${r.backupMigrations} of ${r.knownMigrations} migrations): ` +
					'the app migrates it when it starts'
			);
	}
} catch (e) {
	if (e instanceof RestoreRefused) {
		console.error(`restore refused: ${e.message}`);
		process.exit(1);
	}
	throw e;
}
