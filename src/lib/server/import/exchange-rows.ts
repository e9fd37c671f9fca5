/**
 * One row of an exchange log: its counterparts (found, or created when the row names their
 * country) and the exchange, which is the same one when date, type and a counterpart agree.
 */
import { and, eq, inArray, isNull, like } from 'drizzle-orm';
import { exchangeOrganizations, exchanges } from '../db/schema';
import { insertOrganization, type Organization } from '../queries/organizations';
import { insertExchange, type Exchange } from '../queries/exchanges-write';
import type { PartialDate } from '$lib/dates';
import { counterpartRoles, proposeExchangeTitle, type ExchangeType, type Mode } from '$lib/vocab';
import { parseCellDate } from './cell-dates';
import { exchangeTypeOf, guessLevel, modeOf, parseCount } from './cell-values';
import { countryCode } from './countries';
import { datesAgree, findPartner, morePrecise } from './match';
import { rowStatus, type RowAction, type RowOutcome } from './report';
import { MAX_NAME, RowReader, type ImportContext } from './row-context';
import type { GridRow } from './grid';
import { emptyFieldsOnly, updateExchange } from './writes';

interface ExchangeRow {
	date: PartialDate;
	type: ExchangeType;
	names: string[];
	country: string | null;
	titleKo: string;
	summaryKo: string | null;
	location: string | null;
	participants: { n: number; approx: boolean } | null;
	mode: Mode | null;
	department: string | null;
	notes: string | null;
}

/** Several counterparts in one cell: 산둥성, 허베이성 / 산둥성·허베이성 / 산둥성 및 허베이성. */
const splitNames = (value: string) =>
	value
		.split(/\s*(?:[,;/·ㆍ\n]|\s및\s)\s*/)
		.map((n) => n.trim())
		.filter(Boolean);

function readExchangeRow(r: RowReader, homeName: string): ExchangeRow | null {
	const dateText = r.text('date');
	const date = parseCellDate(r.cell('date'), { ranges: true });
	if (!dateText) r.error('date', 'import_err_date_missing');
	else if (!date) r.error('date', 'import_err_date', dateText);
	const typeText = r.text('type');
	const { type, known } = exchangeTypeOf(typeText);
	if (typeText && !known) r.warn('type', 'import_warn_type_unknown', typeText);
	const names = splitNames(r.text('counterpart'));
	if (names.length === 0) r.error('counterpart', 'import_err_counterpart_missing');
	for (const n of names)
		if (n.length > MAX_NAME) r.error('counterpart', 'import_err_too_long', n.slice(0, 40));
	const countryText = r.text('country');
	const country = countryText ? countryCode(countryText) : null;
	if (countryText && !country) r.error('country', 'import_err_country_unknown', countryText);
	const participantsText = r.text('participants');
	const participants = participantsText ? parseCount(participantsText) : null;
	if (participantsText && !participants)
		r.error('participants', 'import_err_count', participantsText);
	const modeText = r.text('mode');
	const mode = modeOf(modeText) ?? (type === 'video_conference' ? 'online' : null);
	if (modeText && !modeOf(modeText)) r.warn('mode', 'import_warn_mode_unknown', modeText);
	const titleKo = r.text('title', 300) || proposeExchangeTitle(homeName, type, names);
	if (r.errors.length || !date) return null;
	return {
		date,
		type,
		names,
		country,
		titleKo,
		summaryKo: r.text('summary') || null,
		location: r.text('location', 300) || null,
		participants,
		mode,
		department: r.text('department', MAX_NAME) || null,
		notes: r.text('notes') || null
	};
}

/** Finds each counterpart; the ones to create come back as names, or an error when no country says where. */
function resolveCounterparts(ctx: ImportContext, r: RowReader, x: ExchangeRow) {
	const found: Organization[] = [];
	const missing: string[] = [];
	for (const name of x.names) {
		const org = findPartner(ctx.tx, [name], x.country);
		if (org) found.push(org);
		else if (x.country) missing.push(name);
		else r.error('counterpart', 'import_err_partner_unknown', name);
	}
	return { found, missing };
}

function sameExchange(ctx: ImportContext, x: ExchangeRow, orgIds: number[]): Exchange | null {
	const candidates = ctx.tx
		.selectDistinct({ e: exchanges })
		.from(exchanges)
		.innerJoin(exchangeOrganizations, eq(exchangeOrganizations.exchangeId, exchanges.id))
		.where(
			and(
				isNull(exchanges.deletedAt),
				eq(exchanges.type, x.type),
				inArray(exchangeOrganizations.organizationId, orgIds),
				inArray(exchangeOrganizations.role, counterpartRoles),
				// Every agreeing date shares the year, whatever the precisions.
				like(exchanges.dateStart, `${x.date.start.slice(0, 4)}%`)
			)
		)
		.all()
		.map((r) => r.e)
		.filter((e) => datesAgree({ precision: e.datePrecision, start: e.dateStart }, x.date));
	return candidates.find((e) => e.dateStart === x.date.start) ?? candidates[0] ?? null;
}

function upsertExchange(ctx: ImportContext, x: ExchangeRow, orgs: Organization[]): RowAction {
	const partnerNames = orgs.map((o) => o.nameKo);
	const existing = sameExchange(
		ctx,
		x,
		orgs.map((o) => o.id)
	);
	const base = { entity: 'exchange' as const, label: x.titleKo, detail: x.type };
	if (!existing) {
		const row = insertExchange(
			ctx.tx,
			{
				type: x.type,
				status: x.date.start > ctx.today ? 'planned' : 'held',
				titleKo: x.titleKo,
				date: x.date,
				mode: x.mode,
				location: x.location,
				participants: x.participants?.n ?? null,
				participantsApprox: x.participants?.approx ?? false,
				department: x.department,
				summaryKo: x.summaryKo,
				notes: x.notes,
				organizations: orgs.map((o) => ({ organizationId: o.id, role: 'partner' as const }))
			},
			ctx.actor,
			{ partnerNames, batchId: ctx.batchId }
		);
		return { ...base, change: 'create', id: row.id };
	}
	const patch: Partial<Exchange> = emptyFieldsOnly(existing, {
		mode: x.mode,
		location: x.location,
		participants: x.participants?.n ?? null,
		department: x.department,
		summaryKo: x.summaryKo,
		notes: x.notes
	});
	if (patch.participants) patch.participantsApprox = x.participants?.approx ?? false;
	if (morePrecise(x.date, { precision: existing.datePrecision, start: existing.dateStart }))
		Object.assign(patch, {
			datePrecision: x.date.precision,
			dateStart: x.date.start,
			dateEnd: x.date.end
		});
	const found = { ...base, label: existing.titleKo, id: existing.id };
	if (Object.keys(patch).length === 0) return { ...found, change: 'unchanged' };
	updateExchange(ctx.tx, existing, patch, partnerNames, ctx.actor, ctx.batchId);
	return { ...found, change: 'update' };
}

function createCounterpart(ctx: ImportContext, name: string, country: string): Organization {
	return insertOrganization(
		ctx.tx,
		{
			nameKo: name,
			country,
			scope: country === 'KR' ? 'domestic' : 'foreign',
			level: guessLevel(name, country)
		},
		ctx.actor,
		ctx.batchId
	);
}

export function importExchangeRow(ctx: ImportContext, row: GridRow): RowOutcome {
	const r = new RowReader(ctx, row);
	const other = r.otherGovernment();
	const label = r.text('title', 300) || r.text('counterpart');
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
	const x = readExchangeRow(r, ctx.home.nameKo);
	const resolved = x ? resolveCounterparts(ctx, r, x) : null;
	if (x && resolved && r.errors.length === 0) {
		const created = resolved.missing.map((name) => createCounterpart(ctx, name, x.country!));
		for (const o of created)
			actions.push({ entity: 'organization', change: 'create', id: o.id, label: o.nameKo });
		actions.push(upsertExchange(ctx, x, [...resolved.found, ...created]));
	}
	const base = {
		row: row.number,
		label: x?.titleKo ?? label,
		actions,
		errors: r.errors,
		warnings: r.warnings
	};
	return { ...base, status: rowStatus(base, false) };
}
