/** Load measurements with autocannon (HTTP) and plain timings (in-process SQL). */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export interface Measured {
	p50: number;
	p95: number;
	p99: number;
	rps: number;
	requests: number;
	failed: number;
}

export function percentiles(times: number[]): Pick<Measured, 'p50' | 'p95' | 'p99'> {
	const s = [...times].sort((a, b) => a - b);
	const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN);
	return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export interface LoadOptions {
	connections: number;
	duration: number;
	method?: string;
	headers?: Record<string, string>;
	body?: string;
}

/** One autocannon run after a one-second warm-up; latencies come from every response. */
export async function load(url: string, o: LoadOptions): Promise<Measured> {
	await autocannon({ url, ...o, duration: 1 });
	const times: number[] = [];
	let failed = 0;
	const run = autocannon({ url, ...o });
	run.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
		times.push(ms);
		if (status >= 400) failed++;
	});
	const result = await run;
	return {
		...percentiles(times),
		rps: result.requests.average,
		requests: times.length,
		failed: failed + result.errors + result.timeouts
	};
}

/** Times a function `runs` times after two warm-up calls. */
export function timeSync(fn: () => unknown, runs: number): Measured {
	fn();
	fn();
	const times: number[] = [];
	const start = performance.now();
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		fn();
		times.push(performance.now() - t);
	}
	return {
		...percentiles(times),
		rps: (runs / (performance.now() - start)) * 1000,
		requests: runs,
		failed: 0
	};
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
	const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Number(m[1]) / 1024 : NaN;
}

/** Keeps the highest RSS seen while a measurement runs. */
export function watchRss(pid: number): { stop(): number } {
	let max = 0;
	const tick = () => {
		try {
			max = Math.max(max, rssMb(pid));
		} catch {
			/* the process is gone */
		}
	};
	tick();
	const timer = setInterval(tick, 250);
	return {
		stop() {
			clearInterval(timer);
			tick();
			return max;
		}
	};
}

/**
 * Milliseconds a fixed CPU-bound loop takes (median of 3): this machine is a VM whose speed
 * varies with its neighbours by a quarter or more within a day, so each results table says how
 * fast the CPU was while it was measured.
 */
export function cpuCheckMs(): number {
	const runs = [0, 1, 2].map(() => {
		const t = performance.now();
		let x = 0;
		for (let i = 0; i < 3e8; i++) x += i % 7;
		if (x < 0) throw new Error('unreachable: keeps the loop from being optimised away');
		return performance.now() - t;
	});
	return runs.sort((a, b) => a - b)[1];
}
