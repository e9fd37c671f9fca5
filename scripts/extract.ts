/**
 * `npm run extract -- article.txt [--date 2020-12-02] [--db data/gyoryu.db]`: the draft the
 * intake screen would show, as JSON on stdout. `-` reads the article from stdin. With --db
 * (or DATABASE_URL pointing at an existing file) partners are matched against that database.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extractDraft } from '../src/lib/server/intake/extract';
import { databasePath, openDatabase } from '../src/lib/server/db';

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

const file = process.argv
	.slice(2)
	.find((a, i, all) => !a.startsWith('--') && !['--date', '--db'].includes(all[i - 1] ?? ''));
if (!file) {
	console.error('usage: npm run extract -- article.txt [--date YYYY-MM-DD] [--db path]');
	process.exit(2);
}
const text = readFileSync(file === '-' ? 0 : file, 'utf8');
const dbUrl = arg('--db') ?? process.env.DATABASE_URL;
const db = dbUrl && existsSync(databasePath(dbUrl)) ? openDatabase(dbUrl) : undefined;
const draft = extractDraft(text, { db, articleDate: arg('--date') });
process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
db?.$client.close();
