/**
 * The report worker pool: a burst of first downloads shares the pool's one worker instead of
 * each starting its own (three workers once held a gigabyte during a load test).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportWorkerCount, runReport, stopReportWorkers } from '../../src/lib/server/reports/pool';
import type { BriefingJob } from '../../src/lib/server/reports/render';
import { demoDb } from '../helpers/db';

const vitestMarker = process.env.VITEST;
afterAll(async () => {
	process.env.VITEST = vitestMarker;
	await stopReportWorkers();
});

describe('report worker pool', () => {
	it('starts one worker for a burst of jobs and runs them all', async () => {
		const db = demoDb();
		// Under Vitest jobs render inline; without the marker they go to the worker thread.
		delete process.env.VITEST;
		process.env.REPORT_WORKERS = '1';
		const dir = mkdtempSync(join(tmpdir(), 'gyoryu-pool-'));
		const job: BriefingJob = {
			kind: 'briefing',
			format: 'csv',
			filter: { from: '2020-01-01', to: '2020-12-31' },
			viewer: { includeConfidential: false, displayName: 'pool test' },
			now: new Date().toISOString()
		} as BriefingJob;
		const outs = [0, 1, 2, 3].map((i) => join(dir, `b${i}.csv`));
		const runs = outs.map((out) => runReport(db, job, out));
		expect(reportWorkerCount()).toBe(1);
		const results = await Promise.all(runs);
		expect(results.map((r) => r.renderer)).toEqual(['worker', 'worker', 'worker', 'worker']);
		expect(reportWorkerCount()).toBe(1);
		const texts = outs.map((out) => readFileSync(out, 'utf8'));
		expect(texts[0]).toContain('화상회의');
		expect(new Set(texts).size).toBe(1);
	}, 60_000);
});
