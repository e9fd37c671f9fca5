/**
 * The briefing as a short deck: title, key figures, native (editable) charts, top partners and
 * open commitments. Charts are PowerPoint charts with their data inside, not pictures.
 */
import PptxGenJS from 'pptxgenjs';
import { drawnSeries, shortLabel } from '$lib/report-charts';
import { PALETTE } from './charts';
import { withNative } from './model-records';
import { msg } from './text';
import type { Briefing, ChartView } from './types';

const FONT = 'Malgun Gothic';
const NAVY = '0B2E59';
const colors = PALETTE.map((c) => c.slice(1));

type Slide = PptxGenJS.Slide;

function slideTitle(slide: Slide, text: string): void {
	slide.addText(text, {
		x: 0.4,
		y: 0.25,
		w: 12.5,
		h: 0.6,
		fontFace: FONT,
		fontSize: 24,
		bold: true,
		color: NAVY
	});
}

function titleSlide(pptx: PptxGenJS, b: Briefing): void {
	const s = pptx.addSlide();
	s.addText(shortLabel(b.title, 80), {
		x: 0.6,
		y: 1.6,
		w: 12,
		h: 1.2,
		fontFace: FONT,
		fontSize: 36,
		bold: true,
		color: NAVY
	});
	const lines = [
		...b.filterLines.map((l) => `${l.label}: ${l.value}`),
		msg(b.lang, 'report_generated', { at: b.generatedAtLabel, by: b.generatedBy })
	];
	if (b.empty) lines.push(b.text.empty);
	s.addText(lines.join('\n'), {
		x: 0.6,
		y: 3.0,
		w: 12,
		h: 2.5,
		fontFace: FONT,
		fontSize: 16,
		valign: 'top'
	});
}

function figuresSlide(pptx: PptxGenJS, b: Briefing): void {
	const s = pptx.addSlide();
	slideTitle(s, b.text.s_figures);
	b.figures.forEach((f, i) => {
		const x = 0.4 + (i % 4) * 3.15;
		const y = 1.2 + Math.floor(i / 4) * 2.6;
		s.addShape(pptx.ShapeType.rect, { x, y, w: 2.95, h: 2.3, fill: { color: 'F4F6F9' } });
		s.addText(
			[
				{ text: f.label, options: { fontSize: 14, color: '333333', breakLine: true } },
				{ text: f.display, options: { fontSize: 32, bold: true, color: NAVY, breakLine: true } },
				{ text: f.change ?? '', options: { fontSize: 13, color: '555555' } }
			],
			{ x, y, w: 2.95, h: 2.3, fontFace: FONT, align: 'center', valign: 'middle' }
		);
	});
}

function chartSlide(
	pptx: PptxGenJS,
	slide: Slide,
	c: ChartView,
	box: { x: number; w: number }
): void {
	// PowerPoint draws a horizontal chart's first category at the bottom: reverse so the
	// largest bar stays on top, as on the dashboard.
	const order = <T>(xs: T[]) => (c.horizontal ? [...xs].reverse() : xs);
	slide.addChart(
		pptx.ChartType.bar,
		drawnSeries(c).map((sr) => ({
			name: sr.label,
			labels: order(c.labels.map((l) => shortLabel(l, 24))),
			values: order(sr.data)
		})),
		{
			x: box.x,
			y: 1.0,
			w: box.w,
			h: 6.2,
			barDir: c.horizontal ? 'bar' : 'col',
			barGrouping:
				c.kind === 'share' ? 'percentStacked' : c.kind === 'stacked' ? 'stacked' : 'clustered',
			chartColors: colors,
			showTitle: true,
			title: c.title,
			titleFontFace: FONT,
			titleFontSize: 16,
			showLegend: c.kind !== 'bar',
			legendPos: 'b',
			legendFontFace: FONT,
			catAxisLabelFontFace: FONT,
			catAxisLabelFontSize: 11,
			valAxisLabelFontFace: FONT,
			catAxisOrientation: 'minMax'
		}
	);
}

function chartSlides(pptx: PptxGenJS, b: Briefing): void {
	const byKey = new Map(b.charts.map((c) => [c.key, c]));
	for (const key of ['by_type', 'by_mode']) {
		const c = byKey.get(key);
		if (!c) continue;
		const s = pptx.addSlide();
		slideTitle(s, c.title);
		chartSlide(pptx, s, c, { x: 0.4, w: 12.5 });
	}
	const pair = ['country', 'partners'].map((k) => byKey.get(k)).filter((c) => !!c);
	if (pair.length) {
		const s = pptx.addSlide();
		slideTitle(s, b.text.s_charts);
		pair.forEach((c, i) => chartSlide(pptx, s, c, { x: 0.4 + i * 6.35, w: 6.15 }));
	}
}

const cell = (text: string, bold = false) => ({
	text,
	options: { bold, fontFace: FONT, fontSize: 12, fill: bold ? { color: 'E8EDF4' } : undefined }
});

function tableSlide(
	pptx: PptxGenJS,
	title: string,
	header: string[],
	rows: string[][],
	widths: number[]
) {
	const s = pptx.addSlide();
	slideTitle(s, title);
	s.addTable([header.map((h) => cell(h, true)), ...rows.map((r) => r.map((c) => cell(c)))], {
		x: 0.4,
		y: 1.0,
		w: 12.5,
		colW: widths.map((w) => w * 12.5),
		border: { type: 'solid', pt: 0.5, color: 'C8CCD2' },
		autoPage: true,
		autoPageRepeatHeader: true,
		autoPageHeaderRows: 1,
		autoPageSlideStartY: 1.0,
		newSlideStartY: 1.0
	});
}

export function briefingPptx(b: Briefing): Promise<Buffer> {
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.author = b.generatedBy;
	pptx.title = b.title;
	pptx.subject = b.filterSummary;
	const t = b.text;
	titleSlide(pptx, b);
	if (b.sections.includes('figures')) figuresSlide(pptx, b);
	if (b.sections.includes('charts')) chartSlides(pptx, b);
	if (b.sections.includes('partners') && b.partners.length)
		tableSlide(
			pptx,
			t.s_partners,
			[t.c_partner, t.c_country, t.c_exchanges, t.c_ties],
			b.partners
				.slice(0, 10)
				.map((p) => [
					shortLabel(withNative(p), 60),
					p.country,
					String(p.exchanges),
					p.ties.map((x) => `${x.kind} ${x.date}`).join(', ')
				]),
			[0.4, 0.15, 0.1, 0.35]
		);
	const open = b.agreements.filter((a) => a.open);
	if (b.sections.includes('agreements') && open.length)
		tableSlide(
			pptx,
			msg(b.lang, 'report_fig_open'),
			[t.c_agreement, t.c_partners, t.c_status, t.c_due],
			open.map((a) => [shortLabel(a.title, 90), a.partners.join(', '), a.status, a.due]),
			[0.45, 0.25, 0.15, 0.15]
		);
	return pptx.write({ outputType: 'nodebuffer' }) as Promise<Buffer>;
}
