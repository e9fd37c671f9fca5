/**
 * A small layout layer over pdfkit: A4 pages with a running header and "n / N" footer, headings,
 * paragraphs, images and tables whose header row repeats on every page they run onto. Text is
 * drawn in the embedded CJK font; a string with characters it has no glyph for (Arabic, Thai,
 * emoji…) is drawn run by run, each run in the fallback font that has it (pdf-fallback.ts),
 * wrapped and measured the same way. Characters no font has become □.
 */
import PDFDocument from 'pdfkit';
import { fontBytes, reportFonts } from './fonts';
import { usePlainLayout, type EmbeddedFont } from './pdf-fonts';
import {
	NONE,
	PRIMARY,
	coverageFor,
	fontSpans,
	hasRtl,
	visualOrder,
	type Coverage,
	type Span
} from './pdf-fallback';

export const PAGE = { width: 595.28, height: 841.89, left: 42, right: 42, top: 72, bottom: 54 };
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const BOTTOM = PAGE.height - PAGE.bottom;

export interface Column {
	header: string;
	/** Share of the content width. */
	width: number;
	align?: 'left' | 'right' | 'center';
}

export interface Cell {
	text: string;
	/** Smaller grey text under the main text (a summary, a native name). */
	note?: string;
	bold?: boolean;
	color?: string;
}

export type Row = (string | Cell)[];

/** Joiners, variation selectors, skin tones and tag characters: never printed on their own. */
const invisible = (cp: number) =>
	cp === 0x200d ||
	cp === 0xfe0e ||
	cp === 0xfe0f ||
	(cp >= 0x1f3fb && cp <= 0x1f3ff) ||
	(cp >= 0xe0020 && cp <= 0xe007f);
const MAX_CELL_CHARS = 1200;

type Weight = 'body' | 'bold';

/** pdfkit's text engine (internal): wrapping with a line callback, and one-line drawing. */
interface TextEngine {
	_font: EmbeddedFont;
	_fontSize: number;
	_lineGap: number;
	_text(
		text: string,
		x: number,
		y: number,
		options: PDFKit.Mixins.TextOptions,
		line: (text: string, options: LineOptions, wrapper?: unknown) => void
	): void;
	_fragment(text: string, x: number, y: number, options: FragmentOptions): void;
}

/** How pdfkit draws one line: at a baseline, or at the top with its width already known. */
type FragmentOptions = { baseline: number } | { textWidth: number };

/** A cell's text laid out: its lines when it wraps and the CJK face draws it all. */
interface Measured {
	single: boolean;
	width: number;
	height: number;
	plain: boolean;
	lines?: string[];
}

/** What pdfkit's line wrapper hands each line. */
interface LineOptions extends PDFKit.Mixins.TextOptions {
	lineWidth?: number;
}

export class PdfWriter {
	readonly doc: PDFKit.PDFDocument;

	constructor(info: {
		title: string;
		author: string;
		subject: string;
		lang: string;
		/** The running header: title, who and when, the filter. */
		header: { left: string; right: string; sub: string };
	}) {
		const fonts = reportFonts();
		// Pages are written out as they fill (no buffering: a 300-page briefing would otherwise
		// sit in memory until the end); the page total reaches every footer through one shared
		// form XObject written last.
		this.doc = new PDFDocument({
			size: 'A4',
			autoFirstPage: false,
			margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
			info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Gyoryu' },
			lang: info.lang,
			displayTitle: true
		});
		this.doc.registerFont('body', fontBytes(fonts.regular.path), fonts.regular.face);
		this.doc.registerFont('bold', fontBytes(fonts.bold.path), fonts.bold.face);
		usePlainLayout(this.doc, 'bold');
		const boldFont = this.engine._font;
		const glyphs = usePlainLayout(this.doc, 'body');
		this.body = this.engine._font;
		this.faces = { body: [this.body], bold: [boldFont] };
		this.coverage = coverageFor(`${fonts.regular.path}#${fonts.regular.face ?? ''}`, glyphs);
		// pdfkit's line wrapper measures words with doc.widthOfString: while a mixed string is
		// wrapped or measured, words are measured run by run in their own fonts. The document
		// holds its own widthOfString from the start, so swapping it keeps the object's shape.
		this.plainWidth = this.doc.widthOfString;
		this.doc.widthOfString = this.plainWidth;
		this.header = info.header;
		this.total = this.doc.ref({
			Type: 'XObject',
			Subtype: 'Form',
			BBox: [0, -4, 80, 12],
			Resources: { Font: { [this.body.id]: this.body.ref() } }
		});
		this.doc.on('pageAdded', () => this.decorate());
		this.doc.addPage();
	}

	private readonly header: { left: string; right: string; sub: string };
	private readonly body: EmbeddedFont;
	private readonly total: PDFKit.PDFKitReference;
	private pages = 0;

	/** Which font draws each character (shared by every PDF this process makes). */
	private readonly coverage: Coverage;
	/** The embedded fonts by weight: [0] the CJK face, [i] fallback i − 1 once registered. */
	private readonly faces: Record<Weight, (EmbeddedFont | undefined)[]>;
	/** The weight of the mixed string being wrapped or measured, else null. */
	private mixing: Weight | null = null;
	private readonly plainWidth: PDFKit.PDFDocument['widthOfString'];
	private readonly mixedWidthOfString = (text: string) => this.mixedWidth(text, this.mixing!);

	/** Measures words run by run (a weight) or as pdfkit does (null). */
	private setMixing(weight: Weight | null): void {
		this.mixing = weight;
		this.doc.widthOfString = weight ? this.mixedWidthOfString : this.plainWidth;
	}

	/** The first half of a surrogate pair the line wrapper cut off the end of a line. */
	private carry = '';

	private get engine(): TextEngine {
		return this.doc as unknown as TextEngine;
	}

	get y(): number {
		return this.doc.y;
	}

	/**
	 * Text some font can draw: characters no font has become □, joiners and variation selectors
	 * go, over-long cells are cut with "…".
	 */
	safe(text: string, max = Infinity): string {
		if (text.length <= max && this.drawable(text)) return text;
		let out = '';
		let n = 0;
		for (const ch of text) {
			const cp = ch.codePointAt(0)!;
			if (invisible(cp)) continue;
			if (++n > max) return `${out}…`;
			out += this.coverage.fontOf(cp) === NONE ? '□' : ch;
		}
		return out;
	}

	/** Whether every character prints as it is: in some font, and not one `safe` drops. */
	private drawable(text: string): boolean {
		if (this.coverage.plain(text)) return true;
		for (const ch of text) {
			const cp = ch.codePointAt(0)!;
			if (invisible(cp) || this.coverage.fontOf(cp) === NONE) return false;
		}
		return true;
	}

	/** Registered names of the embedded fonts, as `faces`. */
	private readonly names: Record<Weight, string[]> = { body: ['body'], bold: ['bold'] };

	/**
	 * The embedded font for `font` (a Coverage number) in `weight`, registered on first use: the
	 * fallback's bold file for bold text when there is one, else its regular file, else (a file
	 * gone or unreadable since it was scanned) the CJK face, which prints its .notdef box.
	 */
	private face(weight: Weight, font: number): { name: string; font: EmbeddedFont } {
		let face = this.faces[weight][font];
		if (!face) {
			const file = this.coverage.chain.fonts[font - 1];
			const current = this.engine._font;
			const paths = weight === 'bold' && file.bold ? [file.bold, file.regular] : [file.regular];
			for (const [i, path] of paths.entries()) {
				const name = `fallback${font}-${weight}${i ? '-regular' : ''}`;
				try {
					this.doc.registerFont(name, fontBytes(path));
					this.doc.font(name);
					face = this.engine._font;
					this.names[weight][font] = name;
					break;
				} catch {
					// The next file, or the CJK face.
				}
			}
			this.engine._font = current;
			face ??= this.faces[weight][PRIMARY]!;
			this.names[weight][font] ??= weight;
			this.faces[weight][font] = face;
		}
		return { name: this.names[weight][font], font: face };
	}

	/** Runs of the strings last measured or drawn (a cell is measured, then drawn). */
	private spanCache = new Map<string, Span[]>();

	private spans(text: string): Span[] {
		let spans = this.spanCache.get(text);
		if (!spans) {
			if (this.spanCache.size >= 2000) this.spanCache.clear();
			spans = fontSpans(text, this.coverage);
			this.spanCache.set(text, spans);
		}
		return spans;
	}

	/** Width of a string with characters from fallback fonts, at the current size. */
	private mixedWidth(text: string, weight: Weight): number {
		const size = this.engine._fontSize;
		let w = 0;
		for (const s of this.spans(text))
			w += this.face(weight, s.font).font.widthOfString(s.text, size);
		return w;
	}

	/** Width of `text` (already safe) in the current font and size. */
	private widthOf(text: string, plain = this.coverage.plain(text)): number {
		return plain ? this.doc.widthOfString(text) : this.mixedWidth(text, this.pen.font as Weight);
	}

	/** Height of `text` (already safe) wrapped to `width` in the current font and size. */
	private heightOf(text: string, width: number, plain = this.coverage.plain(text)): number {
		if (plain) return this.doc.heightOfString(text, { width });
		const outer = this.mixing;
		this.setMixing(this.pen.font as Weight);
		try {
			return this.doc.heightOfString(text, { width });
		} finally {
			this.setMixing(outer);
		}
	}

	/**
	 * Draws `text` (already safe) as doc.text would, in the current style (set with `style`):
	 * straight to pdfkit when the CJK face has every character, else line by line through
	 * pdfkit's wrapper, each line drawn run by run. (A page break inside draws the running
	 * header, itself mixed text: the state is put back afterwards.)
	 */
	text(
		text: string,
		x: number,
		y: number,
		options: PDFKit.Mixins.TextOptions = {},
		plain = this.coverage.plain(text)
	): void {
		if (plain) {
			this.doc.text(text, x, y, options);
			return;
		}
		const outer = { mixing: this.mixing, carry: this.carry };
		this.setMixing(this.pen.font as Weight);
		this.carry = '';
		try {
			this.engine._text(text, x, y, options, this.mixedLine);
		} finally {
			this.setMixing(outer.mixing);
			this.carry = outer.carry;
		}
	}

	/** pdfkit's line callback for a mixed string: draws the line's runs in visual order. */
	private mixedLine = (line: string, options: LineOptions, wrapper?: unknown): void => {
		const doc = this.doc;
		const weight = this.mixing!;
		let text = this.carry + line.replace(/\n/g, '');
		this.carry = '';
		const end = text.charCodeAt(text.length - 1);
		if (end >= 0xd800 && end <= 0xdbff) {
			this.carry = text.slice(-1);
			text = text.slice(0, -1);
		}
		const spans = hasRtl(text) ? visualOrder(this.spans(text)) : this.spans(text);
		const size = this.engine._fontSize;
		const widths = spans.map((s) => this.face(weight, s.font).font.widthOfString(s.text, size));
		const total = widths.reduce((a, b) => a + b, 0);
		let x = doc.x;
		if (options.width && options.lineWidth !== undefined) {
			if (options.align === 'right') {
				const trailing = /\s+$/.exec(text)?.[0] ?? '';
				x += options.lineWidth - total + (trailing ? doc.widthOfString(trailing) : 0);
			} else if (options.align === 'center') x += (options.lineWidth - total) / 2;
		}
		// Every run on the CJK face's baseline.
		const baseline = -(this.face(weight, PRIMARY).font.ascender / 1000) * size;
		this.setMixing(null);
		spans.forEach((s, i) => {
			doc.font(this.face(weight, s.font).name);
			this.engine._fragment(s.text, x, doc.y, { baseline });
			x += widths[i];
		});
		doc.font(weight);
		this.setMixing(weight);
		if (wrapper)
			doc.y += doc.currentLineHeight(true) + (options.lineGap || this.engine._lineGap || 0);
		else doc.x += total;
	};

	/** The current font, size and colour, so a long table sets each only when it changes. */
	private pen = { font: '', size: 0, color: '' };

	style(font: 'body' | 'bold', size: number, color = '#000'): void {
		if (this.pen.font !== font || this.pen.size !== size) this.doc.font(font).fontSize(size);
		if (this.pen.color !== color) this.doc.fillColor(color);
		this.pen = { font, size, color };
	}

	newPage(): void {
		this.doc.addPage();
		this.doc.x = PAGE.left;
		this.doc.y = PAGE.top;
	}

	/** Starts a new page unless `height` more points fit on this one. */
	ensure(height: number): void {
		if (this.doc.y + height > BOTTOM) this.newPage();
	}

	heading(text: string, size = 14): void {
		this.ensure(size * 4);
		this.doc.moveDown(0.6);
		this.style('bold', size, '#0b2e59');
		this.text(this.safe(text), PAGE.left, this.doc.y, { width: CONTENT_WIDTH });
		this.doc.moveDown(0.3);
	}

	paragraph(text: string, opts: { size?: number; color?: string; bold?: boolean } = {}): void {
		const size = opts.size ?? 9.5;
		this.style(opts.bold ? 'bold' : 'body', size, opts.color);
		const t = this.safe(text);
		this.ensure(this.heightOf(t, CONTENT_WIDTH) + 2);
		this.text(t, PAGE.left, this.doc.y, { width: CONTENT_WIDTH });
	}

	image(png: Buffer, width: number, height: number): void {
		// Never taller than a page: a tall picture shrinks to fit.
		const h = Math.min((height / width) * CONTENT_WIDTH, BOTTOM - PAGE.top);
		const w = (width / height) * h;
		this.ensure(h + 8);
		this.doc.image(png, PAGE.left, this.doc.y, { width: w, height: h });
		this.doc.y += h + 8;
	}

	/** Images side by side, each a share of the content width, scaled to their aspect. */
	imageRow(images: { png: Buffer; width: number; height: number }[], gap = 10): void {
		const w = (CONTENT_WIDTH - gap * (images.length - 1)) / images.length;
		const h = Math.min(Math.max(...images.map((i) => (i.height / i.width) * w)), BOTTOM - PAGE.top);
		this.ensure(h + 8);
		const top = this.doc.y;
		images.forEach((img, i) => {
			this.doc.image(img.png, PAGE.left + i * (w + gap), top, { fit: [w, h] });
		});
		this.doc.y = top + h + 8;
	}

	/** The open table, whose header repeats after a page break. */
	private current: { cols: Column[]; size: number } | null = null;

	/**
	 * Where a cell's text goes: one line when it fits (drawn without pdfkit's line wrapper,
	 * which is most of the cost of a long table), else wrapped to the width. A wrapped string
	 * the CJK face draws keeps its lines, so drawing does not wrap it again.
	 */
	private measure(text: string, width: number, font: 'body' | 'bold', size: number): Measured {
		if (this.pen.font !== font || this.pen.size !== size) {
			this.doc.font(font).fontSize(size);
			this.pen = { ...this.pen, font, size };
		}
		const plain = this.coverage.plain(text);
		const w = text.includes('\n') ? Infinity : this.widthOf(text, plain);
		if (w <= width)
			return { single: true, width: w, height: this.doc.currentLineHeight(true), plain };
		if (plain) return { single: false, width, plain, ...this.wrapLines(text || ' ', width) };
		return { single: false, width, height: this.heightOf(text || ' ', width, plain), plain };
	}

	/** `text` wrapped to `width` in the current font and size, as doc.heightOfString wraps it. */
	private wrapLines(text: string, width: number): { lines: string[]; height: number } {
		const d = this.doc;
		const { x, y } = d;
		const lines: string[] = [];
		const gap = this.engine._lineGap || 0;
		this.engine._text(text, x, y, { width, height: Infinity }, (line) => {
			lines.push(line);
			d.y += d.currentLineHeight(true) + gap;
		});
		const height = d.y - y;
		d.x = x;
		d.y = y;
		return { lines, height };
	}

	private drawText(
		text: string,
		x: number,
		y: number,
		width: number,
		m: Measured,
		align: Column['align']
	): void {
		if (!m.single) {
			// The measured lines, drawn as the wrapper would draw them: left-aligned, and well
			// above the page's end, where the wrapper would break the page.
			if (m.lines && (align ?? 'left') === 'left' && y + m.height < BOTTOM - 0.01) {
				const step = this.doc.currentLineHeight(true) + (this.engine._lineGap || 0);
				for (const line of m.lines) {
					this.engine._fragment(line, x, y, { textWidth: 0 });
					y += step;
				}
				return;
			}
			this.text(text, x, y, { width, align: align ?? 'left' }, m.plain);
			return;
		}
		const dx = align === 'right' ? width - m.width : align === 'center' ? (width - m.width) / 2 : 0;
		// The line as doc.text would draw it, without measuring it twice more on the way.
		if (m.plain) this.engine._fragment(text, x + dx, y, { textWidth: m.width });
		else this.text(text, x + dx, y, { lineBreak: false }, false);
	}

	private drawRow(cols: Column[], cells: Cell[], size: number, fill?: string): void {
		const pad = 3;
		const widths = cols.map((c) => c.width * CONTENT_WIDTH - pad * 2);
		const laid = cells.map((c, i) => {
			const main = this.measure(c.text, widths[i], c.bold ? 'bold' : 'body', size);
			const note = c.note ? this.measure(c.note, widths[i], 'body', size - 1.5) : null;
			return { main, note, height: main.height + (note ? note.height + 1 : 0) };
		});
		const h = Math.max(...laid.map((l) => l.height)) + pad * 2;
		if (this.doc.y + h > BOTTOM) {
			this.newPage();
			if (this.current) this.drawHeader();
		}
		const top = this.doc.y;
		if (fill) {
			this.doc.rect(PAGE.left, top, CONTENT_WIDTH, h).fill(fill);
			this.pen.color = fill;
		}
		let x = PAGE.left;
		cells.forEach((cell, i) => {
			const { main, note } = laid[i];
			if (cell.text) {
				this.style(cell.bold ? 'bold' : 'body', size, cell.color);
				this.drawText(cell.text, x + pad, top + pad, widths[i], main, cols[i].align);
			}
			if (cell.note && note) {
				this.style('body', size - 1.5, '#555');
				this.drawText(cell.note, x + pad, top + pad + main.height + 1, widths[i], note, 'left');
			}
			x += widths[i] + pad * 2;
		});
		this.doc
			.moveTo(PAGE.left, top + h)
			.lineTo(PAGE.left + CONTENT_WIDTH, top + h)
			.lineWidth(0.4)
			.strokeColor('#c8ccd2')
			.stroke();
		this.doc.x = PAGE.left;
		this.doc.y = top + h;
	}

	private drawHeader(): void {
		const { cols, size } = this.current!;
		const cells = cols.map((c) => ({ text: this.safe(c.header), bold: true }));
		const open = this.current;
		this.current = null;
		this.drawRow(cols, cells, size, '#e8edf4');
		this.current = open;
	}

	/** Opens a table: its header row repeats at the top of each page it continues on. */
	beginTable(cols: Column[], size = 8.5): void {
		this.ensure(60);
		this.current = { cols, size };
		this.drawHeader();
	}

	endTable(): void {
		this.current = null;
		this.doc.moveDown(0.5);
	}

	table(cols: Column[], rows: Row[], opts: { size?: number } = {}): void {
		const size = opts.size ?? 8.5;
		this.beginTable(cols, size);
		for (const row of rows) this.tableRow(cols, row, size);
		this.endTable();
	}

	tableRow(cols: Column[], row: Row, size = this.current?.size ?? 8.5): void {
		const cells = row.map((c) => {
			const cell = typeof c === 'string' ? { text: c } : c;
			return {
				...cell,
				text: this.safe(cell.text, MAX_CELL_CHARS),
				note: cell.note ? this.safe(cell.note, 160) : undefined
			};
		});
		this.drawRow(cols, cells, size);
	}

	/** A full-width shaded row inside a table: a group heading ("2020년 11월", "산둥성"). */
	groupRow(label: string, size = this.current?.size ?? 8.5): void {
		// Keep a group heading with at least its first row.
		if (this.doc.y + size * 6 > BOTTOM) {
			this.newPage();
			if (this.current) this.drawHeader();
		}
		const merged: Column[] = [{ header: '', width: 1 }];
		this.drawRow(merged, [{ text: this.safe(label, 300), bold: true }], size, '#f4f6f9');
	}

	/** Draws the running header and the "n / " of the footer on a new page. */
	private decorate(): void {
		this.pages++;
		const d = this.doc;
		const pen = this.pen;
		// Drawing in the margins must not trigger pdfkit's automatic page break.
		const margins = d.page.margins;
		d.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
		this.pen = { font: '', size: 0, color: '' };
		this.style('bold', 8.5, '#0b2e59');
		this.text(this.safe(this.header.left, 120), PAGE.left, 26, {
			width: CONTENT_WIDTH * 0.6,
			lineBreak: false
		});
		this.style('body', 7.5, '#555');
		this.text(this.safe(this.header.right, 80), PAGE.left + CONTENT_WIDTH * 0.55, 27, {
			width: CONTENT_WIDTH * 0.45,
			align: 'right',
			lineBreak: false
		});
		this.text(this.safe(this.header.sub, 160), PAGE.left, 40, {
			width: CONTENT_WIDTH,
			lineBreak: false,
			ellipsis: true,
			height: 10
		});
		d.moveTo(PAGE.left, 54)
			.lineTo(PAGE.left + CONTENT_WIDTH, 54)
			.lineWidth(0.5)
			.strokeColor('#0b2e59')
			.stroke();
		this.style('body', 8, '#333');
		const label = `${this.pages} / `;
		const x = PAGE.width / 2 - d.widthOfString(label);
		const y = PAGE.height - 34;
		d.text(label, x, y, { lineBreak: false });
		// The total, drawn from the shared XObject on the same baseline, right after "n / ".
		const baseline = y + (this.body.ascender / 1000) * 8;
		d.page.xobjects.Total = this.total;
		d.addContent(`q 1 0 0 -1 ${PAGE.width / 2} ${baseline} cm /Total Do Q`);
		d.page.margins = margins;
		d.x = PAGE.left;
		d.y = PAGE.top;
		if (pen.font) this.style(pen.font as 'body' | 'bold', pen.size, pen.color);
	}

	/** Writes the page total into every footer and ends the document. */
	finish(): void {
		const [glyphs] = this.body.encode(String(this.pages));
		this.total.end(`BT /${this.body.id} 8 Tf 0 0 Td <${glyphs.join('')}> Tj ET`);
		this.doc.end();
	}
}

/** Collects a finished pdfkit document into one buffer. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
}
