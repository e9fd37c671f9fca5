/** Building blocks for the editable Word files: styles, headings, tables with repeating headers. */
import {
	AlignmentType,
	BorderStyle,
	Footer,
	Header,
	HeadingLevel,
	ImageRun,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type IStylesOptions
} from 'docx';

/** Latin text in Calibri, Korean/Chinese/Japanese in Malgun Gothic: what Korean offices have. */
const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Malgun Gothic', cs: 'Calibri' };

export const docStyles: IStylesOptions = {
	default: {
		document: { run: { font: FONT, size: 19 }, paragraph: { spacing: { after: 60 } } },
		title: { run: { font: FONT, size: 36, bold: true, color: '0B2E59' } },
		heading1: {
			run: { font: FONT, size: 28, bold: true, color: '0B2E59' },
			paragraph: { spacing: { before: 240, after: 120 } }
		},
		heading2: {
			run: { font: FONT, size: 22, bold: true, color: '0B2E59' },
			paragraph: { spacing: { before: 160, after: 80 } }
		}
	}
};

/** A4 with 2 cm margins, in twips. */
export const pageProps = {
	page: {
		size: { width: 11906, height: 16838 },
		margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 }
	}
};
export const CONTENT_TWIPS = 11906 - 2 * 1134;

export const para = (text: string, opts: { bold?: boolean; color?: string; size?: number } = {}) =>
	new Paragraph({
		children: text.split('\n').map(
			(line, i) =>
				new TextRun({
					text: line,
					bold: opts.bold,
					color: opts.color,
					size: opts.size,
					break: i > 0 ? 1 : undefined
				})
		)
	});

export const heading = (text: string, level: 1 | 2 = 1) =>
	new Paragraph({
		text,
		heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2
	});

export const title = (text: string) => new Paragraph({ text, heading: HeadingLevel.TITLE });

export interface DocColumn {
	header: string;
	/** Share of the text width. */
	width: number;
	align?: 'left' | 'right' | 'center';
}

export type DocCell = string | { text: string; note?: string; bold?: boolean; color?: string };

const border = { style: BorderStyle.SINGLE, size: 4, color: 'C8CCD2' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(c: DocCell, col: DocColumn, shade?: string, span?: number): TableCell {
	const v = typeof c === 'string' ? { text: c } : c;
	const children = [
		new Paragraph({
			alignment:
				col.align === 'right'
					? AlignmentType.RIGHT
					: col.align === 'center'
						? AlignmentType.CENTER
						: AlignmentType.LEFT,
			children: v.text
				.split('\n')
				.map(
					(line, i) =>
						new TextRun({ text: line, bold: v.bold, color: v.color, break: i > 0 ? 1 : undefined })
				)
		})
	];
	if (v.note) children.push(para(v.note, { color: '555555', size: 16 }));
	return new TableCell({
		children,
		borders,
		columnSpan: span,
		width: { size: Math.round(col.width * CONTENT_TWIPS), type: WidthType.DXA },
		shading: shade ? { type: ShadingType.CLEAR, color: 'auto', fill: shade } : undefined,
		margins: { top: 40, bottom: 40, left: 80, right: 80 }
	});
}

export type DocRow = DocCell[] | { group: string };

/** A table whose header row repeats on every page; `{ group }` rows span all columns. */
export function docTable(cols: DocColumn[], rows: DocRow[]): Table {
	const header = new TableRow({
		tableHeader: true,
		children: cols.map((c) => cell({ text: c.header, bold: true }, c, 'E8EDF4'))
	});
	const full: DocColumn = { header: '', width: 1 };
	return new Table({
		width: { size: CONTENT_TWIPS, type: WidthType.DXA },
		columnWidths: cols.map((c) => Math.round(c.width * CONTENT_TWIPS)),
		rows: [
			header,
			...rows.map(
				(r) =>
					new TableRow({
						cantSplit: false,
						children:
							'group' in r
								? [cell({ text: r.group, bold: true }, full, 'F4F6F9', cols.length)]
								: r.map((c, i) => cell(c, cols[i]))
					})
			)
		]
	});
}

/** A chart picture at the text width. */
export function picture(png: Buffer, width: number, height: number): Paragraph {
	const w = 620;
	return new Paragraph({
		children: [
			new ImageRun({
				type: 'png',
				data: png,
				transformation: { width: w, height: Math.round((height / width) * w) }
			})
		]
	});
}

export function runningHeader(left: string, sub: string): Header {
	return new Header({
		children: [
			para(left, { bold: true, color: '0B2E59', size: 16 }),
			para(sub, { color: '555555', size: 14 })
		]
	});
}

/** "n / N" centred at the foot of every page. */
export function pageFooter(): Footer {
	return new Footer({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [
					new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16 })
				]
			})
		]
	});
}
