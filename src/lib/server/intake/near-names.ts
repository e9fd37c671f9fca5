/** The known name an unknown word is a misspelling of, if one is near enough. */
import { normalizedDistance } from './fuzzy';

/** Normalised edit distance up to which a word is taken for a misspelt known name. */
export const FUZZY_MAX = 0.2;

export interface PoolName {
	surface: string;
	entity: string;
}

export function nearest(
	word: string,
	pool: { surface: string; entity: string }[]
): { entity: string; distance: number } | null {
	const len = word.length;
	const chars = new Set(word);
	let best: { entity: string; distance: number } | null = null;
	for (const p of pool) {
		if (Math.abs(p.surface.length - len) > 2) continue;
		let shared = 0;
		for (const ch of p.surface) if (chars.has(ch)) shared++;
		if (shared < p.surface.length * 0.7) continue;
		const d = normalizedDistance(word, p.surface);
		if (d === 0) return null;
		if (d <= FUZZY_MAX && (!best || d < best.distance)) best = { entity: p.entity, distance: d };
	}
	return best;
}
