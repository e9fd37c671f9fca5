/**
 * The one place that owns Chart.js instances: an attachment creates the chart when its canvas
 * is mounted and destroys it when the canvas goes or its setup changes. Chart components only
 * map rows to datasets. Only the controllers the dashboard uses are registered.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type ChartConfiguration,
	type Plugin
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { lineColor, seriesFill, singleColor } from './palette';

/** Exported PNGs get a white background instead of a transparent one. */
const whiteBackground: Plugin = {
	id: 'whiteBackground',
	beforeDraw(c) {
		const { ctx, width, height } = c;
		ctx.save();
		ctx.globalCompositeOperation = 'destination-over';
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	}
};

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Legend,
	Tooltip,
	whiteBackground
);
Chart.defaults.font.family =
	"'Noto Sans CJK KR', 'Noto Sans KR', 'NanumGothic', 'Malgun Gothic', system-ui, sans-serif";
Chart.defaults.color = '#1b2733';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

export type AnyChartConfig = ChartConfiguration<'bar' | 'line', number[], string>;

export interface ChartSetup {
	config: AnyChartConfig;
	/** Fill each bar dataset with its own colour and pattern (stacked series), else one colour. */
	series?: boolean;
	/**
	 * The style of each dataset, by its value's place in its vocabulary, so "video conference"
	 * keeps its colour whichever other types the period has.
	 */
	styles?: number[];
	/** The link behind a bar, or null when the bar has none. */
	hrefAt?: (datasetIndex: number, index: number) => string | null;
	/** Follows a bar's link (the page passes SvelteKit's goto). */
	open?: (href: string) => void;
}

/** A canvas with its chart, for tests and the browser console: `canvas.chart`. */
export type ChartCanvas = HTMLCanvasElement & { chart?: Chart };

function paint(config: AnyChartConfig, series: boolean, styles: number[] = []): void {
	config.data.datasets.forEach((d, i) => {
		if (d.type === 'line') {
			// A dashed dark line on white: apart from every bar fill, in colour and in grey.
			d.borderColor ??= lineColor;
			d.backgroundColor ??= '#ffffff';
			d.borderWidth ??= 2;
			return;
		}
		d.backgroundColor ??= series ? seriesFill(styles[i] ?? i) : singleColor;
		d.borderColor ??= '#1b2733';
		d.borderWidth ??= series ? 0.5 : 0;
	});
}

/** Click and hover handlers that follow the link of the element under the pointer. */
function linking(
	canvas: HTMLCanvasElement,
	current: () => Chart | null,
	hrefAt: (datasetIndex: number, index: number) => string | null,
	open?: (href: string) => void
) {
	const hit = (event: Event) => {
		const c = current();
		const [el] = c ? c.getElementsAtEventForMode(event, 'nearest', { intersect: true }, true) : [];
		return el ? hrefAt(el.datasetIndex, el.index) : null;
	};
	return {
		onClick: (e: { native: Event | null }) => {
			const href = e.native ? hit(e.native) : null;
			if (href) open?.(href);
		},
		onHover: (e: { native: Event | null }) => {
			canvas.style.cursor = e.native && hit(e.native) ? 'pointer' : 'default';
		}
	};
}

function own(canvas: ChartCanvas, instance: Chart): void {
	canvas.chart = instance;
	canvas.dataset.ready = 'true';
}

function release(canvas: ChartCanvas, instance: Chart | null): void {
	instance?.destroy();
	delete canvas.chart;
	delete canvas.dataset.ready;
}

export function chart(setup: ChartSetup): Attachment<HTMLCanvasElement> {
	return (canvas: ChartCanvas) => {
		const config: AnyChartConfig = {
			...setup.config,
			data: { ...setup.config.data, datasets: setup.config.data.datasets.map((d) => ({ ...d })) }
		};
		paint(config, setup.series ?? false, setup.styles);
		let instance: Chart | null = null;
		const handlers = linking(canvas, () => instance, setup.hrefAt ?? (() => null), setup.open);
		instance = new Chart(canvas, { ...config, options: { ...config.options, ...handlers } });
		own(canvas, instance);
		return () => release(canvas, instance);
	};
}

export interface MapSetup {
	/** Partners per country by ISO numeric code. */
	counts: Map<string, number>;
	label: string;
	hrefFor: (numericCode: string) => string | null;
	open?: (href: string) => void;
}

/**
 * The world map: its code and shapes load as a separate chunk only once the canvas comes near
 * the viewport; the chart is created then and destroyed with the canvas like any other.
 */
export function mapChart(setup: MapSetup): Attachment<HTMLCanvasElement> {
	return (canvas: ChartCanvas) => {
		let instance: Chart | null = null;
		let gone = false;
		const load = async () => {
			try {
				const { mapConfig } = await import('./geo-map');
				if (gone) return;
				const { config, featureId } = mapConfig(setup);
				const handlers = linking(
					canvas,
					() => instance,
					(_, i) => {
						const id = featureId(i);
						return id ? setup.hrefFor(id) : null;
					},
					setup.open
				);
				const created = new Chart(canvas, {
					...config,
					options: { ...config.options, ...handlers }
				}) as unknown as Chart;
				instance = created;
				own(canvas, created);
			} catch {
				canvas.dataset.failed = 'true';
			}
		};
		const io = new IntersectionObserver(
			(entries) => {
				if (!entries.some((e) => e.isIntersecting)) return;
				io.disconnect();
				void load();
			},
			{ rootMargin: '200px' }
		);
		io.observe(canvas);
		return () => {
			gone = true;
			io.disconnect();
			release(canvas, instance);
		};
	};
}
