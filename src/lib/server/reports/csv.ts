/**
 * The briefing's exchanges as CSV: UTF-8 with a BOM (Excel then reads Korean), one row per
 * exchange, cells neutralised against formula injection by the shared `csvCell`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvCell } from '../csv';
import { exchangeColumns, type Value } from './table-columns';
import type { Briefing, ExchangeView } from './types';

const text = (v: Value): string | number | null =>
	v instanceof Date ? v.toISOString().slice(0, 10) : v;

/** Streams the CSV to `out`; returns how many exchange rows it wrote. */
export async function briefingCsv(
	b: Briefing,
	exchangeRows: Iterable<ExchangeView[]>,
	out: string
): Promise<number> {
	const cols = exchangeColumns(b);
	const file = createWriteStream(out);
	const write = async (line: string) => {
		if (!file.write(line)) await once(file, 'drain');
	};
	await write('\uFEFF' + cols.map((c) => csvCell(c.header)).join(',') + '\r\n');
	let n = 0;
	for (const batch of exchangeRows) {
		let chunk = '';
		for (const r of batch) {
			chunk += cols.map((c) => csvCell(text(c.value(r)))).join(',') + '\r\n';
			n++;
		}
		await write(chunk);
	}
	file.end();
	await once(file, 'finish');
	return n;
}
