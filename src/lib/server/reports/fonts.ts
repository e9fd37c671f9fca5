/**
 * The one font every server-made file embeds: a pan-CJK face, because partners' native names
 * are Chinese and Japanese (山东省, 神奈川県) and Korean-only fonts lack those ideographs.
 * Debian's fonts-noto-cjk ships it as a collection (.ttc); pdfkit picks a face by PostScript name.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';

const DEBIAN_DIR = '/usr/share/fonts/opentype/noto';
/** Debian's fonts-noto-core: Noto Sans for Latin, Greek and Cyrillic and one file per script. */
const NOTO_CORE_DIR = '/usr/share/fonts/truetype/noto';
/** Debian's fonts-symbola: monochrome emoji and symbols (Unicode 9). */
const SYMBOLA = '/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf';
/** Debian's fonts-dejavu-core: last resort, with Arabic, Hebrew, Armenian and Georgian. */
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

export interface FontFace {
	path: string;
	/** PostScript name of the face inside a .ttc; undefined for a single-face file. */
	face?: string;
}

export interface ReportFonts {
	regular: FontFace;
	bold: FontFace;
}

/** PDF_FONT_PATH (and PDF_FONT_BOLD_PATH) when set, else Debian's Noto Sans CJK, Korean faces. */
export function reportFonts(env: Record<string, string | undefined> = process.env): ReportFonts {
	const custom = env.PDF_FONT_PATH;
	if (custom) {
		if (!existsSync(custom)) throw new Error(`PDF_FONT_PATH does not exist: ${custom}`);
		const face =
			env.PDF_FONT_FACE || (custom.endsWith('.ttc') ? 'NotoSansCJKkr-Regular' : undefined);
		const boldPath = env.PDF_FONT_BOLD_PATH || custom;
		return {
			regular: { path: custom, face },
			bold: {
				path: boldPath,
				face:
					boldPath === custom ? face : boldPath.endsWith('.ttc') ? 'NotoSansCJKkr-Bold' : undefined
			}
		};
	}
	const regular = `${DEBIAN_DIR}/NotoSansCJK-Regular.ttc`;
	if (!existsSync(regular))
		throw new Error(
			`No CJK font for reports: install Debian's fonts-noto-cjk (${regular}) or set PDF_FONT_PATH`
		);
	const bold = `${DEBIAN_DIR}/NotoSansCJK-Bold.ttc`;
	return {
		regular: { path: regular, face: 'NotoSansCJKkr-Regular' },
		bold: existsSync(bold)
			? { path: bold, face: 'NotoSansCJKkr-Bold' }
			: { path: regular, face: 'NotoSansCJKkr-Regular' }
	};
}

/** A fallback font file, with its bold sibling when there is one. */
export interface FallbackFont {
	regular: string;
	bold?: string;
}

const FONT_FILE = /\.(ttf|otf)$/i;

/** `X-Bold.ttf` beside `X-Regular.ttf` (or `X.ttf`), when it exists. */
function boldSibling(path: string): string | undefined {
	const bold = /-Regular\.\w+$/.test(path)
		? path.replace(/-Regular(\.\w+)$/, '-Bold$1')
		: path.replace(/(\.\w+)$/, '-Bold$1');
	return bold !== path && existsSync(bold) ? bold : undefined;
}

const isDir = (path: string) => {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
};

/** The regular faces of a folder's fonts, by name (bold, italic and other styles left out). */
function folderFonts(dir: string): string[] {
	return readdirSync(dir)
		.filter((f) => FONT_FILE.test(f) && !/(Bold|Italic|Oblique|Light|Thin|Black)/i.test(f))
		.sort()
		.map((f) => `${dir}/${f}`);
}

/**
 * Debian's Noto Sans faces in the order they are asked for a character: Noto Sans (Latin,
 * Greek, Cyrillic beyond the CJK font's), the scripts partners most often write in, then every
 * other script's Noto Sans; Symbola sits before the Noto symbol faces so emoji look alike.
 */
function debianFallbacks(): string[] {
	const first = ['', 'Arabic', 'Hebrew', 'Thai', 'Devanagari'].map(
		(s) => `${NOTO_CORE_DIR}/NotoSans${s}-Regular.ttf`
	);
	const rest = isDir(NOTO_CORE_DIR)
		? readdirSync(NOTO_CORE_DIR)
				.filter((f) => /^NotoSans\w+-Regular\.ttf$/.test(f) && !/(Mono|UI|Display)-/.test(f))
				.sort()
				.map((f) => `${NOTO_CORE_DIR}/${f}`)
				.filter((p) => !first.includes(p))
		: [];
	return [...first, SYMBOLA, ...rest, DEJAVU];
}

/**
 * Fonts asked, in order, for the characters the CJK font has no glyph for (Arabic, Hebrew, Thai,
 * Devanagari, emoji…). PDF_FALLBACK_FONTS, when set, replaces the default list: font files and
 * folders separated by ':' (empty: no fallback, such characters print as □). Missing files are
 * left out, never an error.
 */
export function fallbackFonts(
	env: Record<string, string | undefined> = process.env
): FallbackFont[] {
	const custom = env.PDF_FALLBACK_FONTS;
	const paths =
		custom === undefined
			? debianFallbacks()
			: custom
					.split(':')
					.filter(Boolean)
					.flatMap((p) => (isDir(p) ? folderFonts(p) : [p]));
	return paths
		.filter((p) => FONT_FILE.test(p) && existsSync(p))
		.map((p) => ({ regular: p, bold: boldSibling(p) }));
}

const buffers = new Map<string, Buffer>();

/** The font file's bytes, read once per process (the collection is ~20 MB). */
export function fontBytes(path: string): Buffer {
	let b = buffers.get(path);
	if (!b) {
		b = readFileSync(path);
		buffers.set(path, b);
	}
	return b;
}

/** Family name under which the charts' canvas knows the font. */
export const CHART_FONT = 'GyoryuReport';
