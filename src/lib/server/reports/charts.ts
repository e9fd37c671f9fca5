/**
 * Charts as PNG for PDF and DOCX: Chart.js drawing on @napi-rs/canvas on the server, with the
 * CJK font registered so Korean, Chinese and Japanese labels print. Only the controllers used
 * are registered. Colours are the Okabe–Ito set, told apart by colour-blind readers, and of
 * different lightness so they survive grey print.
 */
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	Title,
	type ChartConfiguration,
	type Plugin
} from 'chart.js';
import { drawnSeries, shortLabel } from '$lib/report-charts';
import { CHART_FONT, reportFonts } from './fonts';
import type { ChartView } from './types';

export const PALETTE = [
	'#0072B2',
	'#E69F00',
	'#009E73',
	'#CC79A7',
	'#56B4E9',
	'#D55E00',
	'#F0E442',
	'#000000',
	'#999999'
];

let ready = false;
function setUp(): void {
	if (ready) return;
	Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title);
	GlobalFonts.registerFromPath(reportFonts().regular.path, CHART_FONT);
	Chart.defaults.font.family = CHART_FONT;
	Chart.defaults.color = '#222';
	ready = true;
}

const whiteBackground: Plugin<'bar'> = {
	id: 'whiteBackground',
	beforeDraw(chart) {
		const { ctx, width, height } = chart;
		ctx.save();
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	}
};

export type ChartSize = 'wide' | 'half';

function config(c: ChartView, size: ChartSize): ChartConfiguration<'bar'> {
	const stacked = c.kind !== 'bar';
	const series = drawnSeries(c);
	const tick = { font: { size: 20 }, precision: 0 };
	return {
		type: 'bar',
		data: {
			labels: c.labels.map((l) => shortLabel(l, size === 'half' ? 14 : 24)),
			datasets: series.map((s, i) => ({
				label: s.label,
				data: s.data,
				backgroundColor: PALETTE[i % PALETTE.length],
				borderColor: '#ffffff',
				borderWidth: stacked ? 1 : 0
			}))
		},
		options: {
			indexAxis: c.horizontal ? 'y' : 'x',
			responsive: false,
			animation: false,
			devicePixelRatio: 1,
			plugins: {
				title: { display: true, text: c.title, font: { size: 26, weight: 'bold' } },
				legend: { display: c.kind !== 'bar', labels: { font: { size: 20 } } }
			},
			scales: {
				x: { stacked, ticks: tick, ...(c.kind === 'share' && { max: 100 }) },
				y: { stacked, ticks: tick, ...(c.kind === 'share' && !c.horizontal && { max: 100 }) }
			}
		},
		plugins: [whiteBackground]
	};
}

let shared: Canvas | undefined;

/**
 * The thread's one canvas, cleared and sized for the next chart. A canvas per chart would keep
 * each one's pixels (3.6 MB for a wide chart, outside V8's heap and its accounting) until a
 * full GC happened to collect the canvas: tens of MB per briefing.
 */
function blankCanvas(width: number, height: number): Canvas {
	shared ??= createCanvas(width, height);
	// A chart left by a failed render would refuse the canvas to the next one.
	Chart.getChart(shared as unknown as HTMLCanvasElement)?.destroy();
	// Setting the size, even an unchanged one, clears the pixels and resets the context.
	shared.width = width;
	shared.height = height;
	return shared;
}

/**
 * The chart as an image; a horizontal chart grows with its bars. PNG for office files; the PDF
 * takes JPEG, which pdfkit embeds as it is instead of decoding a PNG's alpha channel.
 */
export function chartPng(
	c: ChartView,
	size: ChartSize = 'wide',
	format: 'png' | 'jpeg' = 'png'
): { png: Buffer; width: number; height: number } {
	setUp();
	const width = size === 'wide' ? 1600 : 900;
	const height = c.horizontal ? Math.max(520, 160 + c.labels.length * 46) : 560;
	const canvas = blankCanvas(width, height);
	const chart = new Chart(
		canvas.getContext('2d') as unknown as CanvasRenderingContext2D,
		config(c, size)
	);
	try {
		const png = format === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg', 92);
		return { png, width, height };
	} finally {
		chart.destroy();
	}
}
