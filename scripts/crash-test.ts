/**
 * `npm run test:crash`: proves that an acknowledged write survives a crash. Starts the built
 * server (BUILD_OUT, default `build`) on a fresh database, runs 8 concurrent writers creating
 * and editing exchanges through the JSON API with an API token, kills the server with SIGKILL
 * at a random moment, restarts it, and checks that every write that got a 2xx is there, intact,
 * with its audit entries, its search-index entry and the dashboard counts, and that nothing
 * half-written is visible. 20 cycles (CRASH_CYCLES); exits non-zero on any loss.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EDITOR, prepareDatabase, startServer, type RunningServer } from '../tests/helpers/server';
import { openDatabase } from '../src/lib/server/db';
import { getUserByEmail } from '../src/lib/server/auth/users';
import { createApiToken } from '../src/lib/server/auth/api-tokens';
import { organizations } from '../src/lib/server/db/schema';
import { searchRowId } from '../src/lib/server/queries/search';
import { Ledger, type Ack } from './crash/ledger';
import { verifyDatabase } from './crash/verify';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);
const WRITERS = 8;
const KILL_AFTER_MS: [number, number] = [500, 2500];

const dir = mkdtempSync(join(tmpdir(), 'gyoryu-crash-'));
const dbPath = join(dir, 'app.db');
const ledger = new Ledger();
let token = '';
let partnerIds: number[] = [];

async function setUp(): Promise<void> {
	await prepareDatabase(dbPath, {
		prepare: (db) => {
			const editor = getUserByEmail(db, EDITOR.email)!;
			token = createApiToken(db, editor.id, 'crash test', 'write', null).token;
			// Any demo partner will do as the counterpart of the test exchanges.
			partnerIds = db
				.select({ id: organizations.id })
				.from(organizations)
				.all()
				.map((o) => o.id);
		}
	});
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];

async function call(
	server: RunningServer,
	method: string,
	path: string,
	body: unknown
): Promise<{ status: number; data: Record<string, unknown> } | null> {
	try {
		const r = await fetch(server.url + path, {
			method,
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
		const json = (await r.json()) as { data?: Record<string, unknown> };
		return { status: r.status, data: json.data ?? {} };
	} catch {
		return null; // the server died under this request: unacknowledged
	}
}

/** One writer: creates and edits its own exchanges until the server is gone. */
async function writer(server: RunningServer, cycle: number, w: number): Promise<void> {
	for (let n = 0; ; n++) {
		const mine = ledger.editable(w);
		const edit = mine.length > 0 && Math.random() < 0.4;
		const marker = `crash${cycle}x${w}x${n}q`;
		if (edit) {
			const rec = pick(mine);
			const next = { titleKo: `수정 ${marker}`, participants: n + 1 };
			ledger.begin(rec.id, next);
			const r = await call(server, 'PATCH', `/api/v1/exchanges/${rec.id}`, {
				version: rec.version,
				...next
			});
			if (!r) return;
			if (r.status !== 200) throw new Error(`PATCH ${rec.id} → ${r.status}`);
			ledger.ack(rec.id, r.data as unknown as Ack);
		} else {
			const body = {
				type: 'video_conference',
				date: `20${10 + (n % 15)}-0${1 + (n % 9)}-1${n % 10}`,
				titleKo: `교류 ${marker}`,
				summaryKo: `충돌 시험 ${marker}`,
				participants: n,
				partners: [{ organizationId: pick(partnerIds) }],
				fields: ['administration']
			};
			const r = await call(server, 'POST', '/api/v1/exchanges', body);
			if (!r) {
				ledger.unansweredCreates++;
				return;
			}
			if (r.status !== 201) throw new Error(`POST → ${r.status} ${JSON.stringify(r.data)}`);
			ledger.created(w, r.data as unknown as Ack);
		}
	}
}

async function cycle(server: RunningServer, i: number): Promise<void> {
	const writers = Array.from({ length: WRITERS }, (_, w) => writer(server, i, w));
	const wait = KILL_AFTER_MS[0] + Math.random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]);
	await new Promise((r) => setTimeout(r, wait));
	await server.stop('SIGKILL');
	await Promise.all(writers);
}

/** A sample of acknowledged records read back through the API of the restarted server. */
async function verifyOverHttp(server: RunningServer): Promise<string[]> {
	const sample = [...ledger.records.values()].sort(() => Math.random() - 0.5).slice(0, 40);
	const problems: string[] = [];
	for (const r of sample) {
		const res = await fetch(`${server.url}/api/v1/exchanges/${r.id}`, {
			headers: { authorization: `Bearer ${token}` }
		});
		const x = res.ok ? ((await res.json()) as { data: Ack }).data : null;
		if (!x || x.version !== r.version || x.titleKo !== r.titleKo)
			problems.push(`GET /api/v1/exchanges/${r.id} → ${res.status} ${x ? `v${x.version}` : ''}`);
	}
	return problems;
}

/** Damages a copy of the database on purpose: the checker must report it, or it proves nothing. */
function checkerSeesDamage(): boolean {
	const copy = join(dir, 'damaged.db');
	copyFileSync(dbPath, copy);
	const db = openDatabase(copy);
	try {
		const [a, b, c] = [...ledger.records.keys()];
		if (c === undefined) return false; // too few acknowledged writes to have tested anything
		db.$client.prepare('DELETE FROM search_fts WHERE rowid = ?').run(searchRowId('exchange', a));
		db.$client
			.prepare("DELETE FROM audit_log WHERE entity_type = 'exchange' AND entity_id = ?")
			.run(b);
		db.$client.prepare("UPDATE exchanges SET title_ko = title_ko || '!' WHERE id = ?").run(c);
		const problems = verifyDatabase(db, ledger).join('\n');
		return [a, b, c].every((id) => problems.includes(`exchange ${id}:`));
	} finally {
		db.$client.close();
	}
}

async function main(): Promise<void> {
	const t0 = Date.now();
	await setUp();
	const env = { BACKUP_INTERVAL_HOURS: '0' };
	let server = await startServer({ dbPath, env });
	let failures = 0;
	for (let i = 1; i <= CYCLES; i++) {
		await cycle(server, i);
		server = await startServer({ dbPath, env });
		const db = openDatabase(dbPath);
		try {
			const problems = verifyDatabase(db, ledger);
			const s = ledger.stats();
			console.log(
				`cycle ${String(i).padStart(2)}: ${s.records} records, ${s.creates} creates and ` +
					`${s.edits} edits acknowledged, ${s.inFlight} writes unanswered at the kill → ` +
					(problems.length ? `${problems.length} PROBLEMS` : 'all intact')
			);
			for (const p of problems.slice(0, 20)) console.log(`  ✗ ${p}`);
			failures += problems.length;
			ledger.settle(db);
			ledger.unansweredCreates = 0;
		} finally {
			db.$client.close();
		}
		const httpProblems = await verifyOverHttp(server);
		for (const p of httpProblems) console.log(`  ✗ ${p}`);
		failures += httpProblems.length;
	}
	await server.stop();
	if (!checkerSeesDamage()) {
		console.log('✗ the checker did not notice deliberate damage: its verdict cannot be trusted');
		failures++;
	}
	const s = ledger.stats();
	console.log(
		`\n${CYCLES} kill -9 cycles in ${((Date.now() - t0) / 1000).toFixed(0)} s: ` +
			`${s.creates} creates and ${s.edits} edits acknowledged; ` +
			(failures
				? `${failures} problems — acknowledged writes were lost`
				: 'no acknowledged write lost')
	);
	if (!failures) rmSync(dir, { recursive: true, force: true });
	process.exit(failures ? 1 : 0);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
