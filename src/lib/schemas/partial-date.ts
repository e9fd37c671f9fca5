/**
 * A date with precision as people type it: `2020`, `2020-11`, `2020-11-04`, optionally with an
 * end day (`2020-10-31` + `2020-11-01`, or `2020-10-31~2020-11-01` in one value). An API client
 * may also state the precision it means; a value that does not match it is refused.
 */
import { partialDate, parsePartialDate, type PartialDate, type Precision } from '$lib/dates';

export type DateProblem =
	| 'required'
	| 'ex_date_invalid'
	| 'ex_date_out_of_range'
	| 'ex_date_precision_mismatch'
	| 'ex_date_end_invalid'
	| 'ex_date_end_before_start'
	| 'ex_date_end_needs_day';

export interface DateParts {
	value?: unknown;
	end?: unknown;
	precision?: unknown;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : v == null ? '' : null);

/** Splits `2020-11-04~05` or `2020-11-04~2020-11-05` into start and end days. */
function splitRange(value: string): [string, string | null] {
	const [start, end] = value.split('~').map((s) => s.trim());
	if (end === undefined) return [start, null];
	if (/^\d{1,2}$/.test(end)) return [start, `${start.slice(0, 8)}${end.padStart(2, '0')}`];
	if (/^\d{2}-\d{2}$/.test(end)) return [start, `${start.slice(0, 5)}${end}`];
	return [start, end];
}

/**
 * Resolves the parts to a dated value, or names what is wrong and in which part.
 * `null` for an absent optional date.
 */
export function resolveDate(
	parts: DateParts,
	required: boolean
):
	| { ok: true; date: PartialDate | null }
	| { ok: false; problem: DateProblem; part: 'value' | 'end' | 'precision' } {
	const raw = str(parts.value);
	const rawEnd = str(parts.end);
	if (raw === null) return { ok: false, problem: 'ex_date_invalid', part: 'value' };
	if (rawEnd === null) return { ok: false, problem: 'ex_date_end_invalid', part: 'end' };
	if (raw === '') {
		if (rawEnd) return { ok: false, problem: 'ex_date_invalid', part: 'value' };
		return required ? { ok: false, problem: 'required', part: 'value' } : { ok: true, date: null };
	}
	const [startText, inlineEnd] = splitRange(raw);
	const endText = rawEnd || inlineEnd;
	const first = parsePartialDate(startText);
	if (!first) return { ok: false, problem: 'ex_date_invalid', part: 'value' };
	const year = Number(first.start.slice(0, 4));
	if (year < MIN_YEAR || year > MAX_YEAR)
		return { ok: false, problem: 'ex_date_out_of_range', part: 'value' };
	const stated = str(parts.precision);
	if (stated && stated !== first.precision)
		return { ok: false, problem: 'ex_date_precision_mismatch', part: 'precision' };
	if (!endText || endText === first.start) return { ok: true, date: first };
	if (first.precision !== 'day')
		return { ok: false, problem: 'ex_date_end_needs_day', part: 'end' };
	const end = parsePartialDate(endText);
	if (!end || end.precision !== 'day')
		return { ok: false, problem: 'ex_date_end_invalid', part: 'end' };
	if (end.start < first.start)
		return { ok: false, problem: 'ex_date_end_before_start', part: 'end' };
	return { ok: true, date: partialDate('day' as Precision, first.start, end.start)! };
}
