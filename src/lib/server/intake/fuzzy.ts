/**
 * Edit distance for names as articles misspell them. Besides insertions, deletions and
 * substitutions it counts swapping two adjacent blocks of up to three characters as one edit,
 * because Korean compound names are misspelt by swapping their parts
 * (경기창조혁신경제센터 for 경기창조경제혁신센터 is one edit, not four).
 */
const MAX_BLOCK = 3;

export function blockEditDistance(a: string, b: string): number {
	const x = [...a];
	const y = [...b];
	const rows = x.length + 1;
	const cols = y.length + 1;
	const d: number[][] = Array.from({ length: rows }, (_, i) =>
		Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = x[i - 1] === y[j - 1] ? 0 : 1;
			let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			for (let k = 1; k <= MAX_BLOCK; k++) {
				for (let l = 1; l <= MAX_BLOCK; l++) {
					const n = k + l;
					if (i < n || j < n) continue;
					// x ends with P·Q, y ends with Q·P, |P| = k, |Q| = l
					const xp = x.slice(i - n, i - l).join('');
					const xq = x.slice(i - l, i).join('');
					const yq = y.slice(j - n, j - k).join('');
					const yp = y.slice(j - k, j).join('');
					if (xp === yp && xq === yq && xp !== xq) best = Math.min(best, d[i - n][j - n] + 1);
				}
			}
			d[i][j] = best;
		}
	}
	return d[rows - 1][cols - 1];
}

/** Edit distance divided by the longer length: 0 is identical, 1 is nothing in common. */
export function normalizedDistance(a: string, b: string): number {
	const len = Math.max([...a].length, [...b].length);
	if (len === 0) return 0;
	return blockEditDistance(a, b) / len;
}
