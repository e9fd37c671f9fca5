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

interface GlyphRun {
	glyphs: FontkitGlyph[];
	positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
	readonly advanceWidth: number;
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

/** Selects the registered font `name` and switches it to plain layout; returns its face. */
export function usePlainLayout(doc: PDFKit.PDFDocument, name: string): FontkitFont {
	doc.font(name);
	const font = (doc as unknown as { _font: EmbeddedFont })._font.font;
	font.layout = (text: string) => plainRun(font, text);
	return font;
}
