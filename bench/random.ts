/** A seeded random source (mulberry32, as in the performance-floor scripts) and the article sentences. */
export interface Rng {
	next(): number;
	int(min: number, max: number): number;
	chance(p: number): boolean;
	pick<T>(list: readonly T[]): T;
	shuffle<T>(list: readonly T[]): T[];
	weighted<K extends string | number>(weights: Record<K, number>): K;
}

export function rng(seed: number): Rng {
	let a = seed;
	const next = () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const self: Rng = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (p) => next() < p,
		pick: (list) => list[Math.floor(next() * list.length)],
		shuffle: (list) => {
			const out = [...list];
			for (let i = out.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[out[i], out[j]] = [out[j], out[i]];
			}
			return out;
		},
		weighted: <K extends string | number>(weights: Record<K, number>) => {
			const entries = Object.entries(weights) as [K, number][];
			let x = next() * entries.reduce((s, [, w]) => s + w, 0);
			for (const [k, w] of entries) if ((x -= w) < 0) return k;
			return entries[entries.length - 1][0];
		}
	};
	return self;
}

/**
 * The sentences of the two demo articles' own text (not the site's side columns): real Korean
 * prose, so the trigram index sees realistic text rather than random syllables.
 */
export function articleSentences(articles: Record<string, string>): string[] {
	const out: string[] = [];
	for (const text of Object.values(articles)) {
		const start = text.indexOf('기사수정');
		const end = text.indexOf('\n0\n기사수정', start + 1);
		const body = text.slice(start + 4, end > 0 ? end : undefined);
		for (const s of body.split(/(?<=다\.)\s+/))
			if (s.trim().length >= 20 && s.trim().length <= 500) out.push(s.trim().replace(/\s+/g, ' '));
	}
	return [...new Set(out)];
}
