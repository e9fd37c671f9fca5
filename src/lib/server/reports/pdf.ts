/** The briefing as a PDF: fonts embedded, charts as PNG, header and "n / N" on every page. */
import { chartPng } from './charts';
import { msg } from './text';
import { PAGE, CONTENT_WIDTH, PdfWriter, pdfBuffer, type Column } from './pdf-layout';
import { withNative } from './model-records';
import type { Briefing } from './types';

function cover(w: PdfWriter, b: Briefing): void {
	const t = b.text;
	w.style('bold', 20, '#0b2e59');
	w.text(w.safe(b.title), PAGE.left, PAGE.top, { width: CONTENT_WIDTH });
	w.doc.moveDown(0.4);
	for (const line of b.filterLines) w.paragraph(`${line.label}: ${line.value}`, { size: 10 });
	w.paragraph(msg(b.lang, 'report_generated', { at: b.generatedAtLabel, by: b.generatedBy }), {
		size: 9,
		color: '#555'
	});
	w.doc.moveDown(0.3);
	w.paragraph(t.count_rule, { size: 8, color: '#555' });
	if (b.empty) {
		w.doc.moveDown(1);
		w.paragraph(t.empty, { size: 13, bold: true, color: '#8a1c1c' });
	}
}

function figures(w: PdfWriter, b: Briefing): void {
	const t = b.text;
	w.heading(t.s_figures);
	const cols: Column[] = [
		{ header: t.c_figure, width: 0.4 },
		{ header: t.c_value, width: 0.2, align: 'right' },
		{ header: t.c_previous, width: 0.2, align: 'right' },
		{ header: t.c_change, width: 0.2, align: 'right' }
	];
	w.table(
		cols,
		b.figures.map((f) => [
			{ text: f.label, bold: true },
			{ text: f.display, bold: true },
			f.previous === null
				? '—'
				: f.key === 'online_share'
					? `${(f.previous * 100).toFixed(1)}%`
					: String(f.previous),
			f.change ?? '—'
		]),
		{ size: 10 }
	);
}

function charts(w: PdfWriter, b: Briefing): void {
	w.heading(b.text.s_charts);
	if (!b.charts.length) w.paragraph(b.text.none, { color: '#555' });
	// Time series take the full width; ranked bars go two to a row.
	const half = b.charts.filter((c) => c.horizontal);
	for (const c of b.charts.filter((x) => !x.horizontal)) {
		const img = chartPng(c, 'wide', 'jpeg');
		w.image(img.png, img.width, img.height);
	}
	for (let i = 0; i < half.length; i += 2)
		w.imageRow(half.slice(i, i + 2).map((c) => chartPng(c, 'half', 'jpeg')));
}

function exchanges(w: PdfWriter, b: Briefing): void {
	const t = b.text;
	w.heading(t.s_exchanges);
	w.paragraph(b.exchangeTotalLabel, { bold: true });
	if (b.exchangesOmittedLabel) w.paragraph(b.exchangesOmittedLabel, { color: '#8a1c1c' });
	if (!b.exchangeTotal) return w.paragraph(t.none, { color: '#555' });
	const cols: Column[] = [
		{ header: t.c_date, width: 0.14 },
		{ header: t.c_title, width: 0.4 },
		{ header: `${t.c_type} · ${t.c_mode}`, width: 0.17 },
		{ header: t.c_partners, width: 0.2 },
		{ header: t.c_participants, width: 0.09, align: 'right' }
	];
	w.beginTable(cols);
	for (const g of b.exchangeGroups) {
		w.groupRow(`${g.label} (${g.rows.length})`);
		for (const r of g.rows)
			w.tableRow(cols, [
				r.date,
				{ text: r.title, note: r.summary ?? undefined },
				r.mode ? `${r.type} · ${r.mode}` : r.type,
				r.partners.map(withNative).join(', '),
				r.participantsLabel
			]);
	}
	w.endTable();
}

function agreements(w: PdfWriter, b: Briefing): void {
	const t = b.text;
	w.heading(t.s_agreements);
	if (!b.agreements.length) return w.paragraph(t.none, { color: '#555' });
	const cols: Column[] = [
		{ header: t.c_date, width: 0.13 },
		{ header: t.c_agreement, width: 0.33 },
		{ header: t.c_partners, width: 0.18 },
		{ header: t.c_status, width: 0.12 },
		{ header: t.c_due, width: 0.1 },
		{ header: t.c_followups, width: 0.14 }
	];
	w.table(
		cols,
		b.agreements.map((a) => [
			a.date,
			{ text: a.title, note: a.kind },
			a.partners.join(', '),
			{ text: a.status, color: a.overdue ? '#8a1c1c' : undefined, bold: a.overdue },
			{ text: a.due, color: a.overdue ? '#8a1c1c' : undefined },
			a.followUps
				.map(
					(f) => `${f.done ? '✓' : f.overdue ? '!' : '·'} ${f.action}${f.due ? ` (${f.due})` : ''}`
				)
				.join('\n')
		])
	);
}

function partners(w: PdfWriter, b: Briefing): void {
	const t = b.text;
	w.heading(t.s_partners);
	if (!b.partners.length) return w.paragraph(t.none, { color: '#555' });
	const cols: Column[] = [
		{ header: t.c_partner, width: 0.3 },
		{ header: t.c_country, width: 0.12 },
		{ header: t.c_exchanges, width: 0.1, align: 'right' },
		{ header: t.c_ties, width: 0.26 },
		{ header: t.c_next_anniversary, width: 0.22 }
	];
	w.table(
		cols,
		b.partners.map((p) => [
			{ text: p.name, note: [p.native, p.other].filter(Boolean).join(' · ') || undefined },
			p.country,
			String(p.exchanges),
			p.ties.map((x) => `${x.kind} (${x.status}) ${x.date}`).join('\n') || '—',
			p.ties
				.map((x) => x.nextAnniversary)
				.filter(Boolean)
				.join('\n') || '—'
		])
	);
}

function anniversaries(w: PdfWriter, b: Briefing): void {
	const t = b.text;
	w.heading(t.s_anniversaries);
	if (!b.anniversaries.length) return w.paragraph(t.none, { color: '#555' });
	const cols: Column[] = [
		{ header: t.c_date, width: 0.16 },
		{ header: t.c_partner, width: 0.3 },
		{ header: t.c_kind, width: 0.12 },
		{ header: t.c_years, width: 0.1, align: 'right' },
		{ header: t.c_commitments, width: 0.32 }
	];
	w.table(
		cols,
		b.anniversaries.map((a) => [
			a.date,
			withNative({ name: a.partner, native: a.native }),
			a.kind,
			msg(b.lang, 'report_years', { years: a.years }),
			a.commitments.join('\n')
		])
	);
}

const writers = { figures, charts, exchanges, agreements, partners, anniversaries };

export async function briefingPdf(b: Briefing): Promise<Buffer> {
	const w = new PdfWriter({
		title: b.title,
		author: b.generatedBy,
		subject: b.filterSummary,
		lang: b.lang === 'ko' ? 'ko-KR' : 'en-GB',
		header: {
			left: b.title,
			right: msg(b.lang, 'report_generated', { at: b.generatedAtLabel, by: b.generatedBy }),
			sub: `${b.text.filter}: ${b.filterSummary}`
		}
	});
	const done = pdfBuffer(w.doc);
	cover(w, b);
	for (const s of b.sections) writers[s](w, b);
	w.finish();
	return done;
}
