/** The request queue serves in arrival order, one start per event-loop turn, never above its bound. */
import { describe, expect, it } from 'vitest';
import {
	FIRST_IN_A_ROW,
	QUEUED_BODY_LIMIT,
	awaitsLargeBody,
	createRequestQueue
} from '../../src/lib/server/request-queue';

const turn = () => new Promise<void>((r) => setImmediate(r));

describe('request queue', () => {
	it('starts requests in arrival order, one per turn of the event loop', async () => {
		const queue = createRequestQueue(4);
		const started: number[] = [];
		const runs = [0, 1, 2, 3].map((i) => queue.run(async () => void started.push(i)));
		expect(started).toEqual([]);
		await turn();
		expect(started).toEqual([0]);
		await turn();
		expect(started).toEqual([0, 1]);
		await Promise.all(runs);
		expect(started).toEqual([0, 1, 2, 3]);
	});

	it('lets a newcomer in between two queued requests only after them (no overtaking)', async () => {
		const queue = createRequestQueue(1);
		const order: string[] = [];
		const first = queue.run(async () => void order.push('a'));
		const second = queue.run(async () => void order.push('b'));
		await turn();
		const late = queue.run(async () => void order.push('late'));
		await Promise.all([first, second, late]);
		expect(order).toEqual(['a', 'b', 'late']);
	});

	it('holds at most `concurrency` requests in progress and frees a slot when one fails', async () => {
		const queue = createRequestQueue(2);
		const gates: (() => void)[] = [];
		const slow = () => queue.run(() => new Promise<void>((release) => gates.push(release)));
		const runs = [slow(), slow(), slow()];
		for (let i = 0; i < 5; i++) await turn();
		expect(queue.running).toBe(2);
		expect(queue.waiting).toBe(1);
		const failing = queue.run(async () => {
			throw new Error('boom');
		});
		gates[0]();
		await runs[0];
		for (let i = 0; i < 3; i++) await turn();
		expect(queue.running).toBe(2);
		gates[1]();
		gates[2]();
		await expect(failing).rejects.toThrow('boom');
		await Promise.all(runs);
		expect([queue.running, queue.waiting]).toEqual([0, 0]);
	});
});

describe('which requests take a turn', () => {
	const post = (headers: Record<string, string>) =>
		new Request('http://x/attachments', { method: 'POST', headers });

	it('queues reads and small bodies, not uploads that may arrive slowly', () => {
		expect(awaitsLargeBody(new Request('http://x/exchanges'))).toBe(false);
		expect(awaitsLargeBody(post({ 'content-length': '512' }))).toBe(false);
		expect(awaitsLargeBody(post({ 'content-length': String(QUEUED_BODY_LIMIT) }))).toBe(false);
		expect(awaitsLargeBody(post({ 'content-length': String(QUEUED_BODY_LIMIT + 1) }))).toBe(true);
		// Chunked, without a length: its size is unknown until it has all arrived.
		expect(awaitsLargeBody(post({}))).toBe(true);
	});
});

describe('the first lane', () => {
	it('starts the dashboard ahead of requests that queued before it', async () => {
		const queue = createRequestQueue(1);
		const order: string[] = [];
		const runs = [
			queue.run(async () => void order.push('a')),
			queue.run(async () => void order.push('b')),
			queue.run(async () => void order.push('dashboard'), 'first')
		];
		await Promise.all(runs);
		expect(order).toEqual(['dashboard', 'a', 'b']);
	});

	it(`starts the oldest other request after ${FIRST_IN_A_ROW} first ones in a row`, async () => {
		const queue = createRequestQueue(1);
		const order: string[] = [];
		const runs = ['a', 'b'].map((name) => queue.run(async () => void order.push(name)));
		const firsts = Array.from({ length: FIRST_IN_A_ROW + 2 }, (_, i) => `d${i}`);
		for (const name of firsts) runs.push(queue.run(async () => void order.push(name), 'first'));
		await Promise.all(runs);
		expect(order).toEqual([
			...firsts.slice(0, FIRST_IN_A_ROW),
			'a',
			...firsts.slice(FIRST_IN_A_ROW),
			'b'
		]);
	});
});
