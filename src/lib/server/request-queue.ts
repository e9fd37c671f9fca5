/**
 * First come, first served for requests that do their work on the event loop.
 *
 * Node reads sockets in whatever order the kernel reports them: under overload a connection can
 * go unread for the whole burst while others are served again and again (measured here: 64
 * clients, 15 ms of work each, p50 0.9 s but max 16 s). Queueing every request as soon as its
 * headers are parsed, and starting at most one per turn of the event loop (so the sockets are
 * read between two requests), serves them in arrival order: the same test's max fell to 1.0 s.
 *
 * `concurrency` bounds how many queued requests may be in progress at once, so one that awaits
 * something slow (a password hash, an upload) does not hold up the line.
 *
 * Requests marked `first` (the dashboard: what managers open before a meeting) go ahead of the
 * line; under overload everyone else waits longer so that page stays quick. They never starve
 * the rest: after `FIRST_IN_A_ROW` of them, the oldest other request starts.
 */
export type Lane = 'first' | 'inOrder';

/** How many `first` requests may start in a row while others wait. */
export const FIRST_IN_A_ROW = 3;

export interface RequestQueue {
	/** Runs `work` when its turn comes; the slot is freed when it settles. */
	run<T>(work: () => Promise<T>, lane?: Lane): Promise<T>;
	/** Requests waiting for their turn and requests in progress (for tests and health). */
	readonly waiting: number;
	readonly running: number;
}

export function createRequestQueue(concurrency = 4): RequestQueue {
	const lanes: Record<Lane, (() => void)[]> = { first: [], inOrder: [] };
	let running = 0;
	let turnPending = false;
	let firstInARow = 0;

	function next(): (() => void) | undefined {
		const ahead = lanes.first.length > 0 && (firstInARow < FIRST_IN_A_ROW || !lanes.inOrder.length);
		firstInARow = ahead ? firstInARow + 1 : 0;
		return ahead ? lanes.first.shift() : lanes.inOrder.shift();
	}

	// One start per turn: setImmediate runs after the poll phase has read the sockets.
	function nextTurn(): void {
		if (turnPending || running >= concurrency || !(lanes.first.length + lanes.inOrder.length))
			return;
		turnPending = true;
		setImmediate(() => {
			turnPending = false;
			const start = next();
			if (!start) return;
			running++;
			start();
			nextTurn();
		});
	}

	return {
		async run<T>(work: () => Promise<T>, lane: Lane = 'inOrder'): Promise<T> {
			await new Promise<void>((start) => {
				lanes[lane].push(start);
				nextTurn();
			});
			try {
				return await work();
			} finally {
				running--;
				nextTurn();
			}
		},
		get waiting() {
			return lanes.first.length + lanes.inOrder.length;
		},
		get running() {
			return running;
		}
	};
}

/** Bodies up to this size arrive with their headers, or nearly; larger ones may take minutes. */
export const QUEUED_BODY_LIMIT = 256 * 1024;

/**
 * Whether a request may spend long awaiting its own body (an attachment, a spreadsheet coming
 * over a slow link). Such a request would hold its place for that long, so it skips the queue;
 * its work once the body is in is one write.
 */
export function awaitsLargeBody(request: Request): boolean {
	if (request.method === 'GET' || request.method === 'HEAD') return false;
	const length = Number(request.headers.get('content-length') ?? NaN);
	return !Number.isFinite(length) || length > QUEUED_BODY_LIMIT;
}
