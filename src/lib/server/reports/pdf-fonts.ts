/**
 * How the PDF lays text out. pdfkit shapes every word through fontkit's OpenType engine; with
 * Noto CJK's large GSUB tables that costs about a millisecond per distinct word, seconds for a
 * year of exchanges. Hangul, kana and hanzi print from their precomposed glyphs, so the fonts
 * here map characters to glyphs through the character map alone (pdfkit still caches the run
 * of each word, which keeps long tables fast).
 */
interface FontkitGlyph {
	advanceWidth: number;
}

export interface FontkitFont {
	glyphsForString(text: string): FontkitGlyph[];
	hasGlyphForCodePoint(cp: number): boolean;
	layout: unknown;
}

interface Position {
	xAdvance: number;
	yAdvance: number;
	xOffset: number;
	yOffset: number;
}

interface GlyphRun {
	glyphs: FontkitGlyph[];
	positions: Position[];
	readonly advanceWidth: number;
}

/** What pdfkit's EmbeddedFont.layout returns: arrays left null when only the width is asked. */
interface LaidOut {
	glyphs: FontkitGlyph[] | null;
	positions: Position[] | null;
	advanceWidth: number;
}

/** pdfkit's font object (internal): its fontkit face, resource name and encoder. */
export interface EmbeddedFont {
	font: FontkitFont;
	id: string;
	ascender: number;
	ref(): PDFKit.PDFKitReference;
	/** Glyph ids as 4-digit hex, adding the glyphs to the embedded subset. */
	encode(text: string): [string[], unknown];
	/** Advance width of `text` at `size` points, laid out (and cached) word by word. */
	widthOfString(text: string, size: number): number;
	layout(text: string, features?: unknown, onlyWidth?: boolean): LaidOut;
	/** One word's run, from the font's cache (scaled to 1000 units per em). */
	layoutCached(text: string): GlyphRun;
}

function plainRun(font: FontkitFont, text: string): GlyphRun {
	const glyphs = font.glyphsForString(text);
	const positions = glyphs.map((g) => ({
		xAdvance: g.advanceWidth,
		yAdvance: 0,
		xOffset: 0,
		yOffset: 0
	}));
	// Read after pdfkit has scaled the positions in place.
	let width: number | undefined;
	return {
		glyphs,
		positions,
		get advanceWidth() {
			return (width ??= positions.reduce((sum, p) => sum + p.xAdvance, 0));
		}
	};
}

/**
 * pdfkit's EmbeddedFont.layout, word by word through the font's run cache as pdfkit does, minus
 * its costs per character (a one-character array to test for a space) and per word (copying
 * the glyphs so far), which took about a tenth of a full-year PDF. Words end after a space or
 * a tab.
 */
function layoutWords(
	this: EmbeddedFont,
	text: string,
	features?: unknown,
	onlyWidth?: boolean
): LaidOut {
	if (features) return Object.getPrototypeOf(this).layout.call(this, text, features, onlyWidth);
	const glyphs: FontkitGlyph[] | null = onlyWidth ? null : [];
	const positions: Position[] | null = onlyWidth ? null : [];
	let advanceWidth = 0;
	let start = 0;
	for (let i = 0; i <= text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 32 || c === 9 || (i === text.length && start < i)) {
			const run = this.layoutCached(text.slice(start, i + 1));
			if (glyphs && positions) {
				for (const g of run.glyphs) glyphs.push(g);
				for (const p of run.positions) positions.push(p);
			}
			advanceWidth += run.advanceWidth;
			start = i + 1;
		}
	}
	return { glyphs, positions, advanceWidth };
}

/** Selects the registered font `name` and switches it to plain layout; returns its face. */
export function usePlainLayout(doc: PDFKit.PDFDocument, name: string): FontkitFont {
	doc.font(name);
	const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
	const font = embedded.font;
	font.layout = (text: string) => plainRun(font, text);
	embedded.layout = layoutWords;
	return font;
}
