/**
 * `npm run bench -- --exchanges 100000 [--duration 10] [--fresh] [--skip-build] [--generate-only]
 *   [--briefings-only]`
 *
 * Generates (or reuses) bench/data/bench-N.db, builds the app into build-db, starts it on a
 * fresh copy of the dataset (the run writes) and measures each route with autocannon at
 * concurrency 1 and 32: cold (dashboard cache off) and warm (cache on), plus two floors (the
 * dashboard's SQL in-process, /healthz), server RSS, the first-view bundle size, and the
 * full-year PDF and all-exchanges XLSX briefings. Prints the table and writes bench/results.md.
 */
import { execSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, openMigratedDatabase } from '../src/lib/server/db';
import { createUser } from '../src/lib/server/auth/users';
import { createApiToken } from '../src/lib/server/auth/api-tokens';
import { dashboardStats } from '../src/lib/server/queries/dashboard';
import { parseDashboardParams } from '../src/lib/dashboard';
import { withRollupsDeferred } from './defer-rollups';
import { generate, SEARCH_PARTNER_NAME, SEARCH_TITLE_WORD } from './generate';
import { cpuCheckMs, load, timeSync, watchRss } from './measure';
import { removeDatabase, ROOT, signIn, startServer, workingCopy, type BenchServer } from './server';
import { measureBundle, type BundleSize } from './bundle';
import { BRIEFINGS_PREFIX, briefingsLine, report, type Row } from './report';
import { benchReports } from '../src/lib/server/reports/bench';

const arg = (name: string, fallback?: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const N = Number(arg('exchanges', '100000'));
const DURATION = Number(arg('duration', '10'));
const EDITOR = { email: 'bench-editor@example.org', password: 'bench-password-123' };
const log = (s: string) => console.log(`[bench] ${s}`);

const dataset = join(ROOT, 'bench', 'data', `bench-${N}.db`);
/** What a run measures and writes to: a fresh copy of the dataset (see workingCopy). */
const dbPath = join(ROOT, 'bench', 'data', `bench-${N}.run.db`);
const fileMb = (p: string) => (existsSync(p) ? statSync(p).size / 1e6 : 0);

async function prepare(): Promise<void> {
	if (existsSync(dataset) && !flag('fresh')) return log(`reusing ${dataset}`);
	mkdirSync(join(ROOT, 'bench', 'data'), { recursive: true });
	// Written under another name and renamed when complete: an interrupted run is never reused.
	const partial = `${dataset}.partial`;
	for (const p of [dataset, partial]) removeDatabase(p);
	const db = openMigratedDatabase(partial, join(ROOT, 'drizzle'));
	db.$client.pragma('synchronous = NORMAL');
	const user = await createUser(
		db,
		{ ...EDITOR, displayName: '벤치 편집자', role: 'editor' },
		null
	);
	const t = performance.now();
	withRollupsDeferred(db, () => generate(db, N, { id: user.id }, log), log);
	log(`generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	for (const ext of ['-wal', '-shm']) rmSync(partial + ext, { force: true });
	renameSync(partial, dataset);
}

function newToken(): string {
	const db = openDatabase(dbPath);
	const user = db.get<{ id: number }>(sql`SELECT id FROM users WHERE email = ${EDITOR.email}`)!;
	const { token } = createApiToken(db, user.id, 'bench', 'write', null);
	db.$client.close();
	return token;
}

const queries = {
	all: '?period=all',
	cn: '?country=CN&from=2015-01-01&to=2020-12-31'
};

/** The dashboard's aggregate SQL run in-process on better-sqlite3: no HTTP, no rendering. */
function sqlFloor(): Row[] {
	const db = openDatabase(dbPath);
	const rows = Object.entries(queries).map(([key, q]) => {
		const params = parseDashboardParams(new URLSearchParams(q));
		const m = timeSync(
			() => dashboardStats(db, params, { includeConfidential: true }, { cache: false }),
			30
		);
		return {
			route: `floor: dashboard SQL in-process (${key === 'all' ? 'period=all' : 'CN 2015–2020'})`,
			c1: m
		};
	});
	db.$client.close();
	return rows;
}

async function deepPage(s: BenchServer, cookie: string): Promise<string> {
	let after = '';
	for (let rows = 0; rows < 10_000; rows += 200) {
		const r = await fetch(`${s.url}/api/v1/exchanges?limit=200${after ? `&after=${after}` : ''}`, {
			headers: { cookie }
		});
		const body = (await r.json()) as { next: string | null };
		if (!body.next) break;
		after = body.next;
	}
	const r = await fetch(`${s.url}/exchanges?after=${after}`, {
		headers: { cookie },
		redirect: 'manual'
	});
	return r.status >= 300 && r.status < 400
		? r.headers.get('location')!
		: `/exchanges?after=${after}`;
}

async function routes(s: BenchServer, cookie: string) {
	const db = openDatabase(dbPath);
	const partner = db.get<{ id: number }>(
		sql`SELECT id FROM organizations WHERE name_ko = '산둥성'`
	)!.id;
	const someOrg = db.get<{ id: number }>(
		sql`SELECT id FROM organizations WHERE country = 'JP' LIMIT 1`
	)!.id;
	db.$client.close();
	const hasSearchPage =
		(await fetch(`${s.url}/search?q=x`, { headers: { cookie }, redirect: 'manual' })).status !==
		404;
	const search = (q: string) =>
		hasSearchPage
			? `/search?q=${encodeURIComponent(q)}`
			: `/api/v1/search?q=${encodeURIComponent(q)}`;
	return {
		hasSearchPage,
		list: [
			{ route: '/dashboard?period=all', path: `/dashboard${queries.all}` },
			{
				route: '/dashboard?country=CN&from=2015-01-01&to=2020-12-31',
				path: `/dashboard${queries.cn}`
			},
			{ route: '/api/v1/stats?period=all', path: `/api/v1/stats${queries.all}` },
			{ route: '/exchanges (first page)', path: '/exchanges' },
			{ route: '/exchanges (10,000 rows deep, keyset)', path: await deepPage(s, cookie) },
			{
				route: `search "${SEARCH_TITLE_WORD}" (3-syllable title word)`,
				path: search(SEARCH_TITLE_WORD)
			},
			{
				route: `search "${SEARCH_PARTNER_NAME}" (2-syllable partner name)`,
				path: search(SEARCH_PARTNER_NAME)
			},
			{ route: '/partners/[id] (largest partner)', path: `/partners/${partner}` }
		],
		create: {
			route: 'POST /api/v1/exchanges (create, API token)',
			body: JSON.stringify({
				type: 'meeting',
				titleKo: '벤치마크 회의',
				date: '2026-11-20',
				mode: 'in_person',
				partners: [{ organizationId: someOrg }],
				fields: ['tourism'],
				summaryKo: '벤치마크로 만든 교류입니다.'
			})
		}
	};
}

async function measure(
	url: string,
	opts: { headers?: Record<string, string>; method?: string; body?: string }
) {
	const c1 = await load(url, { connections: 1, duration: DURATION, ...opts });
	const c32 = await load(url, { connections: 32, duration: DURATION, ...opts });
	return { c1, c32 };
}

async function cold(token: string): Promise<{ rows: Row[]; rss: number; searchPage: boolean }> {
	const s = await startServer(dbPath, 4310, { GYORYU_DASHBOARD_CACHE: '0' });
	const rss = watchRss(s.proc.pid!);
	try {
		const cookie = await signIn(s.url, EDITOR.email, EDITOR.password);
		const r = await routes(s, cookie);
		const rows: Row[] = [];
		for (const x of r.list) {
			log(`cold ${x.route}`);
			rows.push({
				route: `${x.route} — cold`,
				...(await measure(s.url + x.path, { headers: { cookie } }))
			});
		}
		log(r.create.route);
		rows.push({
			route: r.create.route,
			...(await measure(`${s.url}/api/v1/exchanges`, {
				method: 'POST',
				body: r.create.body,
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
			}))
		});
		rows.push({ route: 'floor: /healthz', ...(await measure(`${s.url}/healthz`, {})) });
		return { rows, rss: rss.stop(), searchPage: r.hasSearchPage };
	} finally {
		await s.stop();
	}
}

async function warm(): Promise<{ rows: Row[]; rss: number; bundle: BundleSize }> {
	const s = await startServer(dbPath, 4311);
	const rss = watchRss(s.proc.pid!);
	try {
		const cookie = await signIn(s.url, EDITOR.email, EDITOR.password);
		const rows: Row[] = [];
		for (const [route, path] of [
			['/dashboard?period=all — warm', `/dashboard${queries.all}`],
			['/dashboard?country=CN&from=2015-01-01&to=2020-12-31 — warm', `/dashboard${queries.cn}`],
			['/api/v1/stats?period=all — warm', `/api/v1/stats${queries.all}`]
		]) {
			log(route);
			rows.push({ route, ...(await measure(s.url + path, { headers: { cookie } })) });
		}
		const bundle = await measureBundle(s.url, cookie, `/dashboard${queries.all}`);
		return { rows, rss: rss.stop(), bundle };
	} finally {
		await s.stop();
	}
}

/**
 * bench/results.md: the latest run of every size, smallest first, between markers, so what other
 * tools append to the file (the soak test) stays.
 */
function combinedResults(): string {
	const dir = join(ROOT, 'bench');
	const parts = readdirSync(dir)
		.map((f) => /^results-(\d+)\.md$/.exec(f))
		.filter((m): m is RegExpExecArray => !!m)
		.sort((a, b) => Number(a[1]) - Number(b[1]))
		.map((m) => readFileSync(join(dir, m[0]), 'utf8'));
	const section = [
		'<!-- bench:start -->',
		'# Benchmark (`npm run bench`)',
		'',
		...parts,
		'<!-- bench:end -->'
	].join('\n');
	const file = join(dir, 'results.md');
	const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
	const [start, end] = [old.indexOf('<!-- bench:start -->'), old.indexOf('<!-- bench:end -->')];
	if (start >= 0 && end > start)
		return old.slice(0, start) + section + old.slice(end + '<!-- bench:end -->'.length);
	return `${section}\n\n${old}`.trimEnd() + '\n';
}

/** The full-year PDF and the XLSX of everything, through the report worker as the server runs them. */
async function briefings(): Promise<string> {
	const year = 2020;
	log(`briefings ${year}`);
	const db = openDatabase(dbPath);
	try {
		return briefingsLine(await benchReports(db, year), year);
	} finally {
		db.$client.close();
	}
}

async function main() {
	await prepare();
	const sizeMb = fileMb(dataset) + fileMb(`${dataset}-wal`);
	log(`database ${sizeMb.toFixed(0)} MB`);
	if (flag('generate-only')) return;
	// A dataset made by an older version gets the newer migrations before anything reads it.
	openMigratedDatabase(dataset, join(ROOT, 'drizzle')).$client.close();
	workingCopy(dataset, dbPath);
	try {
		await measureRun(sizeMb);
	} finally {
		removeDatabase(dbPath);
	}
}

/** Measures on the working copy and writes the results. */
async function measureRun(sizeMb: number) {
	const file = join(ROOT, 'bench', `results-${N}.md`);
	if (flag('briefings-only')) {
		// Re-measures only the briefings line of the last full run.
		const line = await briefings();
		const old = readFileSync(file, 'utf8').split('\n');
		const at = old.findIndex((l) => l.startsWith(BRIEFINGS_PREFIX));
		if (at >= 0) old[at] = line;
		else
			old.splice(
				old.findIndex((l) => l.startsWith('"cold"')),
				0,
				line,
				''
			);
		writeFileSync(file, old.join('\n'));
		writeFileSync(join(ROOT, 'bench', 'results.md'), combinedResults());
		return console.log(line);
	}
	if (!flag('skip-build')) {
		log('building into build-db');
		execSync('npx vite build', {
			cwd: ROOT,
			stdio: 'ignore',
			env: { ...process.env, KIT_OUT_DIR: '.svelte-kit-db', BUILD_OUT: 'build-db' }
		});
	}
	const cpu = cpuCheckMs();
	const token = newToken();
	const floor = sqlFloor();
	const c = await cold(token);
	const w = await warm();
	const b = await briefings();
	const md = report({
		n: N,
		sizeMb,
		duration: DURATION,
		rows: [...floor, ...c.rows, ...w.rows],
		rssCold: c.rss,
		rssWarm: w.rss,
		bundle: w.bundle,
		searchPage: c.searchPage,
		briefings: b,
		cpuCheckMs: cpu
	});
	console.log(md);
	writeFileSync(file, md);
	writeFileSync(join(ROOT, 'bench', 'results.md'), combinedResults());
}

main().catch((e: Error) => {
	console.error(e);
	process.exit(1);
});
