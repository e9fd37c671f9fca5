/**
 * The one font every server-made file embeds: a pan-CJK face, because partners' native names
 * are Chinese and Japanese (山东省, 神奈川県) and Korean-only fonts lack those ideographs.
 * Debian's fonts-noto-cjk ships it as a collection (.ttc); pdfkit picks a face by PostScript name.
 */
import { existsSync, readFileSync } from 'node:fs';

const DEBIAN_DIR = '/usr/share/fonts/opentype/noto';

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
