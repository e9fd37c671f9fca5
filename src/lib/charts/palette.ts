/**
 * Series colours that stay apart for colour-blind readers (Okabe–Ito) and in grey print: each
 * series also gets its own fill pattern, and neighbours differ in lightness.
 */
export const seriesColors = [
	'#0072B2',
	'#E69F00',
	'#009E73',
	'#CC79A7',
	'#56B4E9',
	'#D55E00',
	'#F0E442',
	'#555555',
	'#999999'
];

/** One colour for single-series charts (bars of one measure). */
export const singleColor = '#0072B2';
export const lineColor = '#1b2733';

type Stroke = (g: CanvasRenderingContext2D, s: number) => void;
const line = (g: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number) => {
	g.beginPath();
	g.moveTo(x1, y1);
	g.lineTo(x2, y2);
	g.stroke();
};
const strokes: (Stroke | null)[] = [
	null,
	(g, s) => line(g, 0, s, s, 0),
	(g, s) => {
		g.beginPath();
		g.arc(s / 2, s / 2, s / 6, 0, Math.PI * 2);
		g.fill();
	},
	(g, s) => {
		line(g, 0, 0, s, s);
		line(g, 0, s, s, 0);
	},
	(g, s) => line(g, 0, s / 2, s, s / 2),
	(g, s) => line(g, s / 2, 0, s / 2, s),
	(g, s) => line(g, 0, 0, s, s),
	(g, s) => {
		line(g, 0, s / 2, s, s / 2);
		line(g, s / 2, 0, s / 2, s);
	},
	null
];

/** Light colours get dark marks, dark ones light marks, so the pattern shows in both. */
function markColor(hex: string): string {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
	return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? 'rgba(0,0,0,0.55)' : 'rgba(255,255,255,0.8)';
}

/** The fill for series i: its colour, patterned from the second series on. Browser only. */
export function seriesFill(i: number): string | CanvasPattern {
	const color = seriesColors[i % seriesColors.length];
	const stroke = strokes[i % strokes.length];
	if (!stroke || typeof document === 'undefined') return color;
	const size = 8;
	const tile = document.createElement('canvas');
	tile.width = tile.height = size;
	const g = tile.getContext('2d');
	if (!g) return color;
	g.fillStyle = color;
	g.fillRect(0, 0, size, size);
	g.strokeStyle = g.fillStyle = markColor(color);
	g.lineWidth = 1.5;
	stroke(g, size);
	return g.createPattern(tile, 'repeat') ?? color;
}
