/** The little of autocannon's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		method?: string;
		headers?: Record<string, string>;
		body?: string;
	}
	interface Result {
		requests: { average: number; total: number };
		non2xx: number;
		errors: number;
		timeouts: number;
	}
	type Instance = EventEmitter & PromiseLike<Result>;
	function autocannon(opts: Options): Instance;
	export default autocannon;
}
