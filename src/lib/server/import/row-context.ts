/** What every row of one import shares, and a row's cells read by field name. */
import type { Conn } from '../db';
import type { Actor } from '../audit';
import type { Home } from '../queries/settings';
import type { Mapping } from './columns';
import { cellText, type Cell, type GridRow } from './grid';
import { isHome } from './cell-values';
import type { RowNote } from './report';

export interface ImportContext {
	tx: Conn;
	mapping: Mapping;
	home: Home;
	actor: Actor | null;
	batchId: number;
	/** Asia/Seoul calendar date: a later exchange is planned, not held. */
	today: string;
	/** The last our-side value seen: a CSV keeps a merged cell's value only in its first row. */
	lastOurSide: string;
}

export const MAX_NAME = 200;
export const MAX_TEXT = 20_000;

export class RowReader {
	errors: RowNote[] = [];
	warnings: RowNote[] = [];

	constructor(
		private ctx: ImportContext,
		private row: GridRow
	) {}

	cell(field: string): Cell {
		const i = this.ctx.mapping.indexOf(field);
		return i >= 0 ? (this.row.cells[i] ?? null) : null;
	}

	text(field: string, max = MAX_TEXT): string {
		const value = cellText(this.cell(field));
		if (value.length > max) this.error(field, 'import_err_too_long', value.slice(0, 40) + '…');
		return value;
	}

	error(field: string, code: string, value?: string): void {
		this.errors.push({ field, code, value });
	}

	warn(field: string, code: string, value?: string): void {
		this.warnings.push({ field, code, value });
	}

	/** The row's our-side government when it is another one, else null. */
	otherGovernment(): string | null {
		if (!this.ctx.mapping.includes('ourSide')) return null;
		const value = this.text('ourSide') || this.ctx.lastOurSide;
		this.ctx.lastOurSide = value;
		return value && !isHome(value, this.ctx.home) ? value : null;
	}
}
