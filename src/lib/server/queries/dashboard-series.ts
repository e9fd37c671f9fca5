/** Turning tallies into the dashboard's bars: buckets by granularity, series, ranked rows. */
import { monthEnd, pad2, type Granularity } from '$lib/dashboard';
import type { Bucket, TimeSeries } from '$lib/dashboard-stats';

/** Where a record of year y and month m (0 = unknown) goes at a granularity. */
export function bucketKey(y: number, m: number, g: Granularity): string {
	if (g === 'year') return `${y}`;
	if (m === 0) return `${y}-u`;
	return g === 'month' ? `${y}-${pad2(m)}` : `${y}-Q${Math.ceil(m / 3)}`;
}

/**
 * Every bucket from `from` to `to` (clipped to them), and after each year's months a bar for
 * that year's records known only to the year, when there are any.
 */
export function buildBuckets(
	from: string,
	to: string,
	g: Granularity,
	unknownYears: Set<number>
): Bucket[] {
	const out: Bucket[] = [];
	const clip = (a: string, b: string) => ({ from: a < from ? from : a, to: b > to ? to : b });
	for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
		if (g === 'year') {
			out.push({ key: `${y}`, kind: 'year', y, ...clip(`${y}-01-01`, `${y}-12-31`) });
			continue;
		}
		const width = g === 'month' ? 1 : 3;
		for (let p = 1; p <= 12 / width; p++) {
			const a = `${y}-${pad2((p - 1) * width + 1)}-01`;
			const b = monthEnd(y, p * width);
			if (b < from || a > to) continue;
			const key = g === 'month' ? `${y}-${pad2(p)}` : `${y}-Q${p}`;
			out.push({ key, kind: g, y, part: p, ...clip(a, b) });
		}
		if (unknownYears.has(y))
			out.push({
				key: `${y}-u`,
				kind: 'unknown',
				unit: g,
				y,
				from: `${y}-01-01`,
				to: `${y}-12-31`
			});
	}
	return out;
}

/** Years that have records of unknown month (`y|0|…` keys). */
export function unknownMonthYears(tally: Map<string, number>): Set<number> {
	const years = new Set<number>();
	for (const [key, n] of tally) {
		const [y, m] = key.split('|');
		if (m === '0' && n) years.add(Number(y));
	}
	return years;
}

export function dataYears(tally: Map<string, number>): [number, number] | null {
	let lo = Infinity;
	let hi = -Infinity;
	for (const [key, n] of tally) {
		if (!n) continue;
		const y = Number(key.slice(0, key.indexOf('|')));
		lo = Math.min(lo, y);
		hi = Math.max(hi, y);
	}
	return lo <= hi ? [lo, hi] : null;
}

/** A stacked series from a `y|m|key` tally, keys in the given order first. */
export function timeSeries(
	tally: Map<string, number>,
	order: readonly string[],
	buckets: Bucket[],
	g: Granularity
): TimeSeries {
	const index = new Map(buckets.map((b, i) => [b.key, i]));
	const rows = new Map<string, number[]>();
	for (const [key, n] of tally) {
		const [y, m, v] = key.split('|');
		const i = index.get(bucketKey(Number(y), Number(m), g));
		if (i === undefined || !n) continue;
		if (!rows.has(v)) rows.set(v, new Array<number>(buckets.length).fill(0));
		rows.get(v)![i] += n;
	}
	const keys = [
		...order.filter((k) => rows.has(k)),
		...[...rows.keys()].filter((k) => !order.includes(k)).sort()
	];
	return { buckets, keys, counts: keys.map((k) => rows.get(k)!) };
}

/** Entries with a count, largest first (ties by key, so the order is stable). */
export function ranked<K extends string | number>(map: Map<K, number>): [K, number][] {
	return [...map]
		.filter(([, n]) => n > 0)
		.sort(
			(a, b) =>
				b[1] - a[1] ||
				(typeof a[0] === 'number'
					? (a[0] as number) - (b[0] as number)
					: String(a[0]).localeCompare(String(b[0])))
		);
}
