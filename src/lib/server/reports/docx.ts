/** The briefing as an editable Word file: headings, tables, charts as pictures. */
import { Document, Packer, type Paragraph, type Table } from 'docx';
import { chartPng } from './charts';
import { msg } from './text';
import { withNative } from './model-records';
import {
	docStyles,
	docTable,
	heading,
	pageFooter,
	pageProps,
	para,
	picture,
	runningHeader,
	title,
	type DocRow
} from './docx-parts';
import type { Briefing } from './types';

type Block = Paragraph | Table;

function cover(b: Briefing): Block[] {
	const blocks: Block[] = [title(b.title)];
	for (const l of b.filterLines) blocks.push(para(`${l.label}: ${l.value}`));
	blocks.push(
		para(msg(b.lang, 'report_generated', { at: b.generatedAtLabel, by: b.generatedBy }), {
			color: '555555'
		}),
		para(b.text.count_rule, { color: '555555', size: 16 })
	);
	if (b.empty) blocks.push(para(b.text.empty, { bold: true, color: '8A1C1C', size: 26 }));
	return blocks;
}

function figures(b: Briefing): Block[] {
	const t = b.text;
	return [
		heading(t.s_figures),
		docTable(
			[
				{ header: t.c_figure, width: 0.4 },
				{ header: t.c_value, width: 0.2, align: 'right' },
				{ header: t.c_previous, width: 0.2, align: 'right' },
				{ header: t.c_change, width: 0.2, align: 'right' }
			],
			b.figures.map((f) => [
				{ text: f.label, bold: true },
				{ text: f.display, bold: true },
				f.previous === null
					? '—'
					: f.key === 'online_share'
						? `${(f.previous * 100).toFixed(1)}%`
						: String(f.previous),
				f.change ?? '—'
			])
		)
	];
}

function charts(b: Briefing): Block[] {
	if (!b.charts.length) return [heading(b.text.s_charts), para(b.text.none)];
	return [
		heading(b.text.s_charts),
		...b.charts.map((c) => {
			const img = chartPng(c, c.horizontal ? 'half' : 'wide');
			return picture(img.png, img.width, img.height);
		})
	];
}

function exchanges(b: Briefing): Block[] {
	const t = b.text;
	const out: Block[] = [heading(t.s_exchanges), para(b.exchangeTotalLabel, { bold: true })];
	if (b.exchangesOmittedLabel) out.push(para(b.exchangesOmittedLabel, { color: '8A1C1C' }));
	if (!b.exchangeTotal) return [...out, para(t.none)];
	const rows: DocRow[] = [];
	for (const g of b.exchangeGroups) {
		rows.push({ group: `${g.label} (${g.rows.length})` });
		for (const r of g.rows)
			rows.push([
				r.date,
				{ text: r.title, note: r.summary ?? undefined },
				r.type,
				r.mode,
				r.partners.map(withNative).join(', '),
				r.participantsLabel
			]);
	}
	out.push(
		docTable(
			[
				{ header: t.c_date, width: 0.14 },
				{ header: t.c_title, width: 0.38 },
				{ header: t.c_type, width: 0.11 },
				{ header: t.c_mode, width: 0.09 },
				{ header: t.c_partners, width: 0.19 },
				{ header: t.c_participants, width: 0.09, align: 'right' }
			],
			rows
		)
	);
	return out;
}

function agreements(b: Briefing): Block[] {
	const t = b.text;
	if (!b.agreements.length) return [heading(t.s_agreements), para(t.none)];
	return [
		heading(t.s_agreements),
		docTable(
			[
				{ header: t.c_date, width: 0.13 },
				{ header: t.c_agreement, width: 0.3 },
				{ header: t.c_partners, width: 0.18 },
				{ header: t.c_status, width: 0.12 },
				{ header: t.c_due, width: 0.1 },
				{ header: t.c_followups, width: 0.17 }
			],
			b.agreements.map((a) => [
				a.date,
				{ text: a.title, note: a.kind },
				a.partners.join(', '),
				{ text: a.status, bold: a.overdue, color: a.overdue ? '8A1C1C' : undefined },
				a.due,
				a.followUps
					.map(
						(f) =>
							`${f.done ? '✓' : f.overdue ? '!' : '·'} ${f.action}${f.due ? ` (${f.due})` : ''}`
					)
					.join('\n')
			])
		)
	];
}

function partners(b: Briefing): Block[] {
	const t = b.text;
	if (!b.partners.length) return [heading(t.s_partners), para(t.none)];
	return [
		heading(t.s_partners),
		docTable(
			[
				{ header: t.c_partner, width: 0.3 },
				{ header: t.c_country, width: 0.12 },
				{ header: t.c_exchanges, width: 0.1, align: 'right' },
				{ header: t.c_ties, width: 0.26 },
				{ header: t.c_next_anniversary, width: 0.22 }
			],
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
		)
	];
}

function anniversaries(b: Briefing): Block[] {
	const t = b.text;
	if (!b.anniversaries.length) return [heading(t.s_anniversaries), para(t.none)];
	return [
		heading(t.s_anniversaries),
		docTable(
			[
				{ header: t.c_date, width: 0.16 },
				{ header: t.c_partner, width: 0.3 },
				{ header: t.c_kind, width: 0.12 },
				{ header: t.c_years, width: 0.1, align: 'right' },
				{ header: t.c_commitments, width: 0.32 }
			],
			b.anniversaries.map((a) => [
				a.date,
				withNative({ name: a.partner, native: a.native }),
				a.kind,
				msg(b.lang, 'report_years', { years: a.years }),
				a.commitments.join('\n')
			])
		)
	];
}

const sections = { figures, charts, exchanges, agreements, partners, anniversaries };

export function briefingDocx(b: Briefing): Promise<Buffer> {
	const doc = new Document({
		creator: b.generatedBy,
		title: b.title,
		description: b.filterSummary,
		styles: docStyles,
		sections: [
			{
				properties: pageProps,
				headers: { default: runningHeader(b.title, `${b.text.filter}: ${b.filterSummary}`) },
				footers: { default: pageFooter() },
				children: [...cover(b), ...b.sections.flatMap((s) => sections[s](b))]
			}
		]
	});
	return Packer.toBuffer(doc);
}
