/**
 * `npm run soak -- --seconds 60 --clients 64 [--exchanges 100000]`
 *
 * Closed-loop load against the built server on the benchmark dataset: every client sends its
 * next request as soon as the last one answers. 80 % reads (dashboard, lists, search, detail;
 * briefings 2 %), 20 % writes (create and edit exchanges through the JSON API), and a backup
 * taken midway by the backup command on its own connection. Prints requests, errors and
 * p50/p95/p99 per route and the server's peak RSS, appends them to bench/results.md, and exits
 * non-zero on any 5xx or transport error.
 *
 * The first `--warmup` seconds (default 5) run the same load unmeasured: 64 clients arriving at
 * once at a server whose code is not yet compiled is a cold start, not the steady state the
 * latency targets describe. Their errors still count, and their slowest dashboard is printed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { percentiles, watchRss } from '../bench/measure';
import { ROOT, signIn, startServer, workingCopy } from '../bench/server';

const { values } = parseArgs({
	options: {
		seconds: { type: 'string', default: '60' },
		clients: { type: 'string', default: '64' },
		exchanges: { type: 'string', default: '100000' },
		port: { type: 'string', default: '4390' },
		// "none" leaves the backup out, to tell its cost from the rest.
		backup: { type: 'string', default: 'midway' },
		// Seconds of the same load before the measured window (see above).
		warmup: { type: 'string', default: '5' }
	}
});
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);
const CLIENTS = Number(values.clients);
const N = Number(values.exchanges);
const EDITOR = { email: 'bench-editor@example.org', password: 'bench-password-123' };
const dbPath = join(ROOT, 'bench', 'data', `bench-${N}.db`);
const log = (s: string) => console.log(`[soak] ${s}`);
const run = promisify(execFile);

interface Route {
	name: string;
	weight: number;
	request(state: ClientState): { path: string; init?: RequestInit };
	onJson?(state: ClientState, body: unknown): void;
}
interface ClientState {
	rand: () => number;
	mine: { id: number; version: number }[];
}

const pick = <T>(rand: () => number, xs: T[]) => xs[Math.floor(rand() * xs.length)];
const countries = ['CN', 'JP', 'US', 'VN', 'RU', 'DE'];
const year = (rand: () => number) => 1990 + Math.floor(rand() * 36);

function routes(cookie: string, origin: string): Route[] {
	const json = (method: string, body: unknown): RequestInit => ({
		method,
		body: JSON.stringify(body),
		headers: { cookie, origin, 'content-type': 'application/json' }
	});
	const newExchange = (rand: () => number) => ({
		type: pick(rand, ['meeting', 'video_conference', 'workshop', 'forum']),
		titleKo: `부하 시험 교류 ${Math.floor(rand() * 1e9)}`,
		date: `${year(rand)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
		mode: pick(rand, ['in_person', 'online', 'hybrid']),
		partners: [{ organizationId: 1 + Math.floor(rand() * 2000), role: 'partner' }]
	});
	return [
		{ name: 'dashboard all', weight: 14, request: () => ({ path: '/dashboard?period=all' }) },
		{
			name: 'dashboard filtered',
			weight: 14,
			request: (s) => ({
				path: `/dashboard?country=${pick(s.rand, countries)}&from=${year(s.rand)}-01-01&to=2020-12-31`
			})
		},
		{ name: 'exchange list', weight: 14, request: () => ({ path: '/exchanges' }) },
		{
			name: 'exchange list filtered',
			weight: 8,
			request: (s) => ({ path: `/exchanges?country=${pick(s.rand, countries)}&type=meeting` })
		},
		{ name: 'search 3 syllables', weight: 6, request: () => ({ path: '/search?q=간담회' }) },
		{ name: 'search 2 syllables', weight: 4, request: () => ({ path: '/search?q=산둥' }) },
		{
			name: 'exchange detail',
			weight: 9,
			request: (s) => ({ path: `/exchanges/${1 + Math.floor(s.rand() * N)}` })
		},
		{
			name: 'partner page',
			weight: 9,
			request: (s) => ({ path: `/partners/${1 + Math.floor(s.rand() * 2000)}` })
		},
		{
			name: 'briefing csv',
			weight: 2,
			// Two years for one country: the kind of briefing a delegation visit asks for.
			request: (s) => {
				const from = year(s.rand);
				return {
					path: `/api/v1/reports/briefing.csv?from=${from}-01-01&to=${from + 1}-12-31&country=${pick(s.rand, countries)}`
				};
			}
		},
		{
			name: 'create exchange',
			weight: 12,
			request: (s) => ({ path: '/api/v1/exchanges', init: json('POST', newExchange(s.rand)) }),
			onJson: (s, body) => {
				const row = (body as { data?: { id: number; version: number } }).data ?? body;
				const { id, version } = row as { id: number; version: number };
				if (id) s.mine.push({ id, version });
			}
		},
		{
			name: 'edit exchange',
			weight: 8,
			request: (s) => {
				const target = s.mine.length ? pick(s.rand, s.mine) : null;
				if (!target) return { path: '/api/v1/exchanges', init: json('POST', newExchange(s.rand)) };
				return {
					path: `/api/v1/exchanges/${target.id}`,
					init: json('PATCH', {
						version: target.version,
						outcomes: `수정 ${Math.floor(s.rand() * 1e6)}`
					})
				};
			},
			onJson: (s, body) => {
				const row = ((body as { data?: { id: number; version: number } }).data ?? body) as {
					id: number;
					version: number;
				};
				const mine = s.mine.find((m) => m.id === row.id);
				if (mine) mine.version = row.version;
				else if (row.id) s.mine.push({ id: row.id, version: row.version });
			}
		}
	];
}

function seeded(seed: number): () => number {
	let x = seed >>> 0 || 1;
	return () => {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		return (x >>> 0) / 4294967296;
	};
}

interface Tally {
	times: number[];
	errors: number;
	statuses: Record<number, number>;
	/** Why requests failed without a status (refused, reset, timed out), with counts. */
	failures: Record<string, number>;
}

async function main(): Promise<void> {
	if (!existsSync(dbPath)) {
		log(`generating the ${N}-exchange benchmark dataset first`);
		execFileSync('npx', ['tsx', 'bench/run.ts', '--exchanges', String(N), '--generate-only'], {
			cwd: ROOT,
			stdio: 'inherit'
		});
	}
	process.env.BUILD_OUT ??= 'build';
	// The soak writes (a few thousand exchanges a run): on a copy, so the benchmark's dataset
	// stays the size its name says.
	const work = mkdtempSync(join(tmpdir(), 'gyoryu-soak-'));
	const soakDb = workingCopy(dbPath, join(work, 'soak.db'));
	const server = await startServer(soakDb, Number(values.port));
	const rss = watchRss(server.proc.pid!);
	const cookie = await signIn(server.url, EDITOR.email, EDITOR.password);
	const table = routes(cookie, server.url);
	const total = table.reduce((a, r) => a + r.weight, 0);
	const tallies = new Map<string, Tally>(
		table.map((r) => [r.name, { times: [], errors: 0, statuses: {}, failures: {} }])
	);
	const measureFrom = performance.now() + WARMUP * 1000;
	const deadline = Date.now() + (WARMUP + SECONDS) * 1000;
	let warmUpSlowestDashboard = 0;
	let backup = 'not taken';

	// Asynchronously: a synchronous child process would freeze this load generator (and so every
	// request in flight) for as long as the backup takes.
	const backupRun = new Promise<void>((done) =>
		setTimeout(
			async () => {
				if (values.backup === 'none') return done();
				// Inside the run's folder, removed with it.
				const out = mkdtempSync(join(work, 'backup-'));
				const t = performance.now();
				try {
					await run('npx', ['tsx', 'scripts/backup.ts', '--out', out], {
						cwd: ROOT,
						env: { ...process.env, DATABASE_URL: soakDb }
					});
					backup = `taken and verified in ${((performance.now() - t) / 1000).toFixed(1)} s`;
				} catch (e) {
					backup = `FAILED: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`;
				}
				log(`backup midway: ${backup}`);
				done();
			},
			(WARMUP + SECONDS / 2) * 1000
		)
	);

	async function client(i: number): Promise<void> {
		const state: ClientState = { rand: seeded(1000 + i), mine: [] };
		while (Date.now() < deadline) {
			let x = state.rand() * total;
			const route = table.find((r) => (x -= r.weight) < 0) ?? table[0];
			const { path, init } = route.request(state);
			const tally = tallies.get(route.name)!;
			const t = performance.now();
			try {
				const r = await fetch(server.url + path, {
					redirect: 'manual',
					...init,
					headers: { cookie, ...(init?.headers as Record<string, string>) }
				});
				const body = route.onJson && r.ok ? await r.json() : await r.arrayBuffer();
				const ms = performance.now() - t;
				if (t >= measureFrom) {
					tally.times.push(ms);
					tally.statuses[r.status] = (tally.statuses[r.status] ?? 0) + 1;
				} else if (route.name.startsWith('dashboard'))
					warmUpSlowestDashboard = Math.max(warmUpSlowestDashboard, ms);
				// 404 is a fair answer for a random id that was trashed; anything 5xx is a failure.
				if (r.status >= 500 || (r.status >= 400 && r.status !== 404 && r.status !== 409))
					tally.errors++;
				else if (route.onJson && r.ok) route.onJson(state, body);
			} catch (e) {
				tally.errors++;
				const cause = (e as { cause?: { code?: string; message?: string } }).cause;
				const why = cause?.code ?? cause?.message ?? String(e);
				tally.failures[why] = (tally.failures[why] ?? 0) + 1;
			}
		}
	}

	log(
		`${CLIENTS} clients for ${WARMUP} s of warm-up and ${SECONDS} s measured against ${server.url} (${N} exchanges)`
	);
	await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
	await backupRun;
	const peakRss = rss.stop();
	await server.stop();
	rmSync(work, { recursive: true, force: true });

	const rows = [...tallies].map(([name, t]) => ({
		name,
		...percentiles(t.times),
		n: t.times.length,
		errors: t.errors,
		statuses: { ...t.statuses, ...t.failures }
	}));
	const requests = rows.reduce((a, r) => a + r.n, 0);
	const errors = rows.reduce((a, r) => a + r.errors, 0);
	const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');
	const lines = [
		`### Soak: ${CLIENTS} clients, ${SECONDS} s, ${N.toLocaleString('en')} exchanges (${new Date().toISOString().slice(0, 10)})`,
		'',
		`${requests} requests (${(requests / SECONDS).toFixed(0)} req/s), ${errors} errors, server peak RSS ${peakRss.toFixed(0)} MB, backup ${backup}.`,
		'',
		`Measured after ${WARMUP} s of the same load (its errors count; its slowest dashboard took ${warmUpSlowestDashboard.toFixed(0)} ms).`,
		'',
		'| route | requests | errors | p50 ms | p95 ms | p99 ms | statuses |',
		'| --- | ---: | ---: | ---: | ---: | ---: | --- |',
		...rows.map(
			(r) =>
				`| ${r.name} | ${r.n} | ${r.errors} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${Object.entries(
					r.statuses
				)
					.map(([s, c]) => `${s}×${c}`)
					.join(' ')} |`
		),
		''
	];
	console.log(lines.join('\n'));
	appendFileSync(join(ROOT, 'bench', 'results.md'), '\n' + lines.join('\n'));
	const dashboardP99 = Math.max(
		...rows.filter((r) => r.name.startsWith('dashboard')).map((r) => r.p99)
	);
	log(
		`targets: 0 errors (${errors}), dashboard p99 ≤ 250 ms (${fmt(dashboardP99)}), RSS ≤ 400 MB (${peakRss.toFixed(0)})`
	);
	if (errors > 0 || backup.startsWith('FAILED')) process.exit(1);
}

await main();
