/** Where the home government speaks of itself: 도는, 도-중국, 본도, 도 대표단은, the Province. */
import { govChain } from './matcher';
import type { Mention } from './partners';

const home = (start: number, end: number, particle: string): Mention => ({
	key: 'home',
	span: { start, end },
	kind: 'gov',
	unit: null,
	unitSpan: null,
	particle,
	place: false,
	fuzzy: null
});

export function homeMentions(
	text: string,
	from: number,
	to: number,
	homeNameKo: string
): Mention[] {
	const out: Mention[] = [];
	const last = homeNameKo.slice(-1);
	if (/[도시군구]/.test(last)) {
		const re = new RegExp(
			`(?<![\\uAC00-\\uD7A3])(?:본|우리\\s?)?${last}(?=(?:는|가|의|와|과|에서|에서는|를|측|청)?(?:[\\s,.\\-·‧]|$))`,
			'g'
		);
		for (const m of text.slice(from, to).matchAll(re)) {
			const start = from + (m.index ?? 0);
			const end = start + m[0].length;
			const particle =
				/^(에서는|에서|는|가|의|와|과|를|측|청)/.exec(text.slice(end, end + 3))?.[1] ??
				govChain(text, end) ??
				'';
			out.push(home(start, end, particle));
		}
	}
	for (const m of text.slice(from, to).matchAll(/\b[Tt]he\s+[Pp]rovince(?:'s)?\b/g)) {
		const start = from + (m.index ?? 0);
		out.push(home(start, start + m[0].length, ''));
	}
	return out;
}
