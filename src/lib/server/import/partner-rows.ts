/**
 * One row of a partner list: the partner (found by name + country, or created) and its tie
 * (found by kind and an agreeing date, or created; a more precise date updates it).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { ties } from '../db/schema';
import { insertOrganization, type Organization } from '../queries/organizations';
import { insertTie, type Tie } from '../queries/ties-write';
import type { PartialDate } from '$lib/dates';
import type { TieKind } from '$lib/vocab';
import { parseCellDate } from './cell-dates';
import { guessLevel, tieKindOf } from './cell-values';
import { countryCode } from './countries';
import { datesAgree, findPartner, morePrecise } from './match';
import { rowStatus, type RowAction, type RowOutcome } from './report';
import { MAX_NAME, RowReader, type ImportContext } from './row-context';
import type { GridRow } from './grid';
import { emptyFieldsOnly, fillOrganization, updateTie } from './writes';

interface PartnerRow {
	nameKo: string;
	nameEn: string | null;
	nameNative: string | null;
	country: string;
	kind: TieKind | null;
	date: PartialDate | null;
	notes: string | null;
}

function readPartnerRow(r: RowReader): PartnerRow | null {
	const nameKo = r.text('nameKo', MAX_NAME);
	if (!nameKo) r.error('nameKo', 'import_err_name_missing');
	const countryText = r.text('country');
	const country = countryText ? countryCode(countryText) : null;
	if (!countryText) r.error('country', 'import_err_country_missing');
	else if (!country) r.error('country', 'import_err_country_unknown', countryText);
	const kindText = r.text('tieKind');
	let kind = tieKindOf(kindText);
	if (kind === 'other' && kindText) r.warn('tieKind', 'import_warn_kind_unknown', kindText);
	const dateCell = r.cell('tieDate');
	const date = parseCellDate(dateCell);
	if (!date && r.text('tieDate')) r.error('tieDate', 'import_err_date', r.text('tieDate'));
	if (date && !kind) kind = 'other';
	const department = r.text('department');
	const notes = [r.text('notes'), department && `담당부서: ${department}`]
		.filter(Boolean)
		.join(' / ');
	const nameEn = r.text('nameEn', MAX_NAME) || null;
	const nameNative = r.text('nameNative', MAX_NAME) || null;
	if (r.errors.length || !country) return null;
	return { nameKo, nameEn, nameNative, country, kind, date, notes: notes || null };
}

function upsertPartner(
	ctx: ImportContext,
	p: PartnerRow
): { org: Organization; action: RowAction } {
	const names = [p.nameKo, p.nameEn, p.nameNative];
	const found = findPartner(ctx.tx, names, p.country);
	if (found) {
		const changed = fillOrganization(
			ctx.tx,
			found,
			{ nameEn: p.nameEn, nameNative: p.nameNative },
			names.filter((n): n is string => !!n),
			ctx.actor,
			ctx.batchId
		);
		const change = changed ? 'update' : 'unchanged';
		return {
			org: found,
			action: { entity: 'organization', change, id: found.id, label: found.nameKo }
		};
	}
	const org = insertOrganization(
		ctx.tx,
		{
			nameKo: p.nameKo,
			nameEn: p.nameEn,
			nameNative: p.nameNative,
			country: p.country,
			scope: p.country === 'KR' ? 'domestic' : 'foreign',
			level: guessLevel(p.nameKo, p.country)
		},
		ctx.actor,
		ctx.batchId
	);
	return {
		org,
		action: { entity: 'organization', change: 'create', id: org.id, label: org.nameKo }
	};
}

/** Among the partner's live ties of this kind, the one the row means: same date first. */
function matchingTie(
	ctx: ImportContext,
	orgId: number,
	kind: TieKind,
	date: PartialDate | null
): Tie | null {
	const candidates = ctx.tx
		.select()
		.from(ties)
		.where(and(eq(ties.organizationId, orgId), eq(ties.kind, kind), isNull(ties.deletedAt)))
		.all()
		.filter((t) =>
			datesAgree(
				{ precision: t.datePrecision, start: t.dateStart },
				{ precision: date?.precision ?? null, start: date?.start ?? null }
			)
		);
	return (
		candidates.find((t) => t.dateStart === date?.start && t.datePrecision === date?.precision) ??
		candidates[0] ??
		null
	);
}

function upsertTie(
	ctx: ImportContext,
	org: Organization,
	p: PartnerRow & { kind: TieKind }
): RowAction {
	const label = org.nameKo;
	const detail = p.kind;
	const tie = matchingTie(ctx, org.id, p.kind, p.date);
	if (!tie) {
		const created = insertTie(
			ctx.tx,
			{ organizationId: org.id, kind: p.kind, date: p.date, notes: p.notes },
			ctx.actor,
			ctx.batchId
		);
		return { entity: 'tie', change: 'create', id: created.id, label, detail };
	}
	const patch: Partial<Tie> = emptyFieldsOnly(tie, { notes: p.notes });
	if (p.date && morePrecise(p.date, { precision: tie.datePrecision, start: tie.dateStart }))
		Object.assign(patch, {
			datePrecision: p.date.precision,
			dateStart: p.date.start,
			dateEnd: p.date.end
		});
	if (Object.keys(patch).length === 0)
		return { entity: 'tie', change: 'unchanged', id: tie.id, label, detail };
	updateTie(ctx.tx, tie, patch, ctx.actor, ctx.batchId);
	return { entity: 'tie', change: 'update', id: tie.id, label, detail };
}

export function importPartnerRow(ctx: ImportContext, row: GridRow): RowOutcome {
	const r = new RowReader(ctx, row);
	const other = r.otherGovernment();
	const label = r.text('nameKo', MAX_NAME);
	const actions: RowAction[] = [];
	if (other) {
		const base = {
			row: row.number,
			label,
			actions,
			errors: [],
			warnings: [{ field: 'ourSide', code: 'import_skip_other_government', value: other }]
		};
		return { ...base, status: rowStatus(base, true) };
	}
	const p = readPartnerRow(r);
	if (p) {
		const { org, action } = upsertPartner(ctx, p);
		actions.push(action);
		if (p.kind) actions.push(upsertTie(ctx, org, { ...p, kind: p.kind }));
	}
	const base = { row: row.number, label, actions, errors: r.errors, warnings: r.warnings };
	return { ...base, status: rowStatus(base, false) };
}
