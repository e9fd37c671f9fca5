/**
 * The briefing as a workbook, written as a stream (a sheet's rows go to disk as they are made,
 * so 100,000 exchanges never sit in memory): one sheet per section plus a month × type pivot.
 * Dates are date cells, counts are numbers, text is always a string cell, never a formula.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { msg } from './text';
import {
	agreementColumns,
	anniversaryColumns,
	exchangeColumns,
	partnerColumns,
	type FlatColumn,
	type Value
} from './table-columns';
import type { Briefing, ExchangeView } from './types';

const DATE_FORMAT = 'yyyy-mm-dd';
const HEADER_FILL: ExcelJS.Fill = {
	type: 'pattern',
	pattern: 'solid',
	fgColor: { argb: 'FFE8EDF4' }
};

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/**
 * Shared style objects: exceljs caches a style by object identity, so every date cell pointing
 * at the same object costs one lookup instead of building and matching a style per cell.
 */
const STYLES = {
	text: {},
	number: {},
	date: { numFmt: DATE_FORMAT },
	header: { font: { bold: true }, fill: HEADER_FILL }
} satisfies Record<string, Partial<ExcelJS.Style>>;

function tableSheet<T>(
	wb: ExcelJS.stream.xlsx.WorkbookWriter,
	name: string,
	cols: FlatColumn<T>[]
) {
	const ws = wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
	ws.columns = cols.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
	ws.getRow(1).eachCell((c) => (c.style = STYLES.header));
	ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
	const styles = cols.map((c) => STYLES[c.kind ?? 'text']);
	return {
		ws,
		add(item: T) {
			const row = ws.addRow(cols.map((c) => cell(c.value(item))));
			for (let i = 0; i < cols.length; i++) row.getCell(i + 1).style = styles[i];
			row.commit();
		}
	};
}

/** Empty values stay empty cells; everything else keeps its type. */
const cell = (v: Value): ExcelJS.CellValue => (v === null || v === '' ? null : v);

function summarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, b: Briefing): void {
	const t = b.text;
	const ws = wb.addWorksheet(sheetName(t.s_about), { views: [{ state: 'frozen', ySplit: 0 }] });
	ws.columns = [{ width: 26 }, { width: 60 }, { width: 16 }, { width: 16 }];
	const add = (values: ExcelJS.CellValue[], bold = false) => {
		const row = ws.addRow(values);
		if (bold) row.font = { bold: true };
		row.commit();
	};
	add([b.title], true);
	for (const l of b.filterLines) add([l.label, l.value]);
	add([msg(b.lang, 'report_generated', { at: b.generatedAtLabel, by: b.generatedBy })]);
	add([t.count_rule]);
	if (b.empty) add([t.empty], true);
	add([]);
	add([t.s_figures], true);
	add([t.c_figure, t.c_value, t.c_previous, t.c_change], true);
	for (const f of b.figures) {
		const row = ws.addRow([f.label, f.value, f.previous, f.change]);
		if (f.key === 'online_share') {
			row.getCell(2).numFmt = '0.0%';
			row.getCell(3).numFmt = '0.0%';
		}
		row.commit();
	}
	ws.commit();
}

function pivotSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, b: Briefing): void {
	const t = b.text;
	const p = b.pivot;
	const cols: FlatColumn<number>[] = [
		{ header: t.c_month, width: 20, value: (i) => p.rows[i].label },
		...p.types.map((ty, j) => ({
			header: ty.label,
			width: 12,
			kind: 'number' as const,
			value: (i: number) => p.counts[i][j]
		})),
		{
			header: t.c_total,
			width: 10,
			kind: 'number',
			value: (i) => p.counts[i].reduce((s, n) => s + n, 0)
		}
	];
	const sheet = tableSheet(wb, t.s_pivot, cols);
	p.rows.forEach((_, i) => sheet.add(i));
	sheet.ws.commit();
}

function chartsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, b: Briefing): void {
	const ws = wb.addWorksheet(sheetName(b.text.s_charts));
	ws.columns = [{ width: 28 }, ...b.charts.map(() => ({ width: 14 }))];
	for (const c of b.charts) {
		const title = ws.addRow([c.title]);
		title.font = { bold: true };
		title.commit();
		const head = ws.addRow(['', ...c.series.map((s) => s.label)]);
		head.font = { bold: true };
		head.commit();
		c.labels.forEach((label, j) => ws.addRow([label, ...c.series.map((s) => s.data[j])]).commit());
		ws.addRow([]).commit();
	}
	ws.commit();
}

/** How much of a sheet may wait for the zip before the rows pause (64 KB a chunk). */
const ZIP_QUEUE_LIMIT = 128 * 1024;

/** exceljs (internal): the sheet's buffer, piped into the zip through a PassThrough. */
interface SheetStream {
	stream: { pipes: (Writable & { _writableState?: { length: number } })[] };
}

/**
 * Lets the zip compress and write what the rows so far produced. exceljs feeds each sheet to
 * the zip through a PassThrough and ignores its back-pressure, so without a pause rows outrun
 * the compression: at 100,000 rows ~30 MB would queue, and the queued buffers, outliving the
 * young generation, stay in memory until a full GC (~60 MB more RSS in all).
 */
async function zipCaughtUp(ws: ExcelJS.Worksheet, file: Writable): Promise<void> {
	const queue = (ws as unknown as SheetStream).stream.pipes[0];
	if (!queue || (queue._writableState?.length ?? 0) <= ZIP_QUEUE_LIMIT) return nextTurn();
	// A failed write never drains: the error ends the wait (and reaches the caller).
	const ac = new AbortController();
	try {
		await Promise.race([
			once(queue, 'drain', { signal: ac.signal }),
			once(file, 'error', { signal: ac.signal }).then(([e]) => Promise.reject(e))
		]);
	} finally {
		ac.abort();
	}
}

/** Writes the workbook to `out`, the exchanges streamed from `exchangeRows`; returns their count. */
export async function briefingXlsx(
	b: Briefing,
	exchangeRows: Iterable<ExchangeView[]>,
	out: string
): Promise<number> {
	const file = createWriteStream(out);
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: file,
		useStyles: true,
		useSharedStrings: false
	});
	wb.creator = b.generatedBy;
	wb.title = b.title;
	const t = b.text;
	summarySheet(wb, b);
	let written = 0;
	if (b.sections.includes('exchanges')) {
		const sheet = tableSheet(wb, t.s_exchanges, exchangeColumns(b));
		for (const batch of exchangeRows) {
			for (const r of batch) {
				sheet.add(r);
				written++;
			}
			await zipCaughtUp(sheet.ws, file);
		}
		sheet.ws.commit();
	}
	pivotSheet(wb, b);
	if (b.sections.includes('charts') && b.charts.length) chartsSheet(wb, b);
	const lists = [
		['agreements', t.s_agreements, agreementColumns(b), b.agreements],
		['partners', t.s_partners, partnerColumns(b), b.partners],
		['anniversaries', t.s_anniversaries, anniversaryColumns(b), b.anniversaries]
	] as const;
	for (const [section, name, cols, rows] of lists) {
		if (!b.sections.includes(section)) continue;
		const sheet = tableSheet(wb, name, cols as FlatColumn<(typeof rows)[number]>[]);
		for (const r of rows) sheet.add(r);
		sheet.ws.commit();
	}
	await wb.commit();
	return written;
}
