/** The partner dossier as PDF and as an editable Word file. */
import { Document, Packer, type Paragraph, type Table } from 'docx';
import { PdfWriter, pdfBuffer, PAGE, CONTENT_WIDTH, type Column } from './pdf-layout';
import {
	docStyles,
	docTable,
	heading,
	pageFooter,
	pageProps,
	para,
	runningHeader,
	title
} from './docx-parts';
import { msg } from './text';
import type { Dossier } from './dossier';

interface Part {
	heading: string;
	cols: Column[];
	rows: (string | { text: string; note?: string; bold?: boolean; color?: string })[][];
	more: number;
}

/** The dossier's tables, shared by both formats. */
function parts(d: Dossier): Part[] {
	const t = d.text;
	return [
		{
			heading: t.d_ties,
			cols: [
				{ header: t.c_kind, width: 0.2 },
				{ header: t.c_status, width: 0.15 },
				{ header: t.c_since, width: 0.3 },
				{ header: t.c_next_anniversary, width: 0.35 }
			],
			rows: d.ties.map((x) => [x.kind, x.status, x.date, x.nextAnniversary || '—']),
			more: 0
		},
		{
			heading: t.d_exchanges,
			cols: [
				{ header: t.c_date, width: 0.15 },
				{ header: t.c_title, width: 0.42 },
				{ header: t.c_type, width: 0.13 },
				{ header: t.c_mode, width: 0.1 },
				{ header: t.c_participants, width: 0.2 }
			],
			rows: d.exchanges.map((x) => [
				x.date,
				x.title,
				x.type,
				x.mode,
				{ text: x.participants, note: x.people || undefined }
			]),
			more: d.exchangesMore
		},
		{
			heading: t.d_agreements,
			cols: [
				{ header: t.c_agreement, width: 0.38 },
				{ header: t.c_status, width: 0.14 },
				{ header: t.c_due, width: 0.13 },
				{ header: t.c_followups, width: 0.35 }
			],
			rows: d.agreements.map((a) => [
				a.title,
				{ text: a.status, bold: a.overdue, color: a.overdue ? '#8a1c1c' : undefined },
				a.due,
				a.open.join('\n') || '—'
			]),
			more: d.agreementsMore
		},
		{
			heading: t.d_sources,
			cols: [
				{ header: t.c_date, width: 0.15 },
				{ header: t.c_title, width: 0.85 }
			],
			rows: d.sources.map((s) => [s.date, { text: s.title, note: s.url ?? undefined }]),
			more: d.sourcesMore
		}
	];
}

const moreLine = (d: Dossier, n: number) => msg(d.lang, 'report_more_followups', { n });

export async function dossierPdf(d: Dossier): Promise<Buffer> {
	const w = new PdfWriter({
		title: d.title,
		author: d.generatedBy,
		subject: d.title,
		lang: d.lang,
		header: {
			left: d.title,
			right: msg(d.lang, 'report_generated', { at: d.generatedAtLabel, by: d.generatedBy }),
			sub: ''
		}
	});
	const done = pdfBuffer(w.doc);
	w.style('bold', 17, '#0b2e59');
	w.text(w.safe(d.title), PAGE.left, PAGE.top, { width: CONTENT_WIDTH });
	w.doc.moveDown(0.3);
	w.table(
		[
			{ header: d.text.d_names, width: 0.25 },
			{ header: '', width: 0.75 }
		],
		[...d.names, ...d.facts].map((n) => [{ text: n.label, bold: true }, n.value]),
		{ size: 9 }
	);
	for (const p of parts(d)) {
		w.heading(p.heading, 11.5);
		if (!p.rows.length) w.paragraph(d.text.none, { color: '#555' });
		else w.table(p.cols, p.rows, { size: 8 });
		if (p.more) w.paragraph(moreLine(d, p.more), { size: 8, color: '#555' });
	}
	w.finish();
	return done;
}

export function dossierDocx(d: Dossier): Promise<Buffer> {
	const children: (Paragraph | Table)[] = [
		title(d.title),
		para(msg(d.lang, 'report_generated', { at: d.generatedAtLabel, by: d.generatedBy }), {
			color: '555555'
		}),
		heading(d.text.d_names, 2),
		docTable(
			[
				{ header: d.text.c_label, width: 0.25 },
				{ header: d.text.c_value, width: 0.75 }
			],
			[...d.names, ...d.facts].map((n) => [{ text: n.label, bold: true }, n.value])
		)
	];
	for (const p of parts(d)) {
		children.push(heading(p.heading, 2));
		if (!p.rows.length) children.push(para(d.text.none));
		else
			children.push(
				docTable(
					p.cols,
					p.rows.map((r) =>
						r.map((c) => (typeof c === 'string' ? c : { ...c, color: c.color?.replace('#', '') }))
					)
				)
			);
		if (p.more) children.push(para(moreLine(d, p.more), { color: '555555' }));
	}
	const doc = new Document({
		creator: d.generatedBy,
		title: d.title,
		styles: docStyles,
		sections: [
			{
				properties: pageProps,
				headers: { default: runningHeader(d.title, '') },
				footers: { default: pageFooter() },
				children
			}
		]
	});
	return Packer.toBuffer(doc);
}
