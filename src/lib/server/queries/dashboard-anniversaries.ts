/**
 * Anniversaries of ties: every 5 years from the tie's date, at that date's precision (a tie
 * known as "1990" has its 30th in "2020", not on a day of it), with the agreements that were
 * due that year, e.g. a commemoration postponed to the next.
 */
import { sql } from 'drizzle-orm';
import type { Conn } from '../db';
import { daysInMonth, type Precision } from '$lib/dates';
import { pad2, type DashboardFilter } from '$lib/dashboard';
import type { Anniversary, LinkedCommitment } from '$lib/dashboard-stats';
import type { Visibility } from './exchange-filter';
import { tieOrgCondition } from './dashboard-lists';

/** The same calendar day `months` later, clamped to the month's end. */
export function addMonths(day: string, months: number): string {
	const [y, m, d] = day.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	const ny = Math.floor(total / 12);
	const nm = (total % 12) + 1;
	return `${ny}-${pad2(nm)}-${pad2(Math.min(d, daysInMonth(ny, nm)))}`;
}

/** The anniversary of a dated value in year `y`, at the same precision. */
export function anniversaryOf(
	precision: Precision,
	start: string,
	y: number
): { start: string; end: string } {
	const [, m, d] = start.split('-').map(Number);
	if (precision === 'year') return { start: `${y}-01-01`, end: `${y}-12-31` };
	if (precision === 'month')
		return { start: `${y}-${pad2(m)}-01`, end: `${y}-${pad2(m)}-${pad2(daysInMonth(y, m))}` };
	const day = `${y}-${pad2(m)}-${pad2(Math.min(d, daysInMonth(y, m)))}`;
	return { start: day, end: day };
}

/**
 * The last year `dash_tie_ms` holds milestones for (drizzle/0006): a window reaching past it is
 * worked out from the ties by the rule itself.
 */
export const MILESTONE_HORIZON = 2100;

type Milestone = Omit<Anniversary, 'commitments' | 'nameKo' | 'nameEn'>;

/** The first `limit` milestones of a window (earliest first, longest-standing first), and how many. */
type MilestoneFinder = (
	db: Conn,
	f: DashboardFilter,
	wFrom: string,
	wTo: string,
	limit: number
) => { shown: Milestone[]; total: number };

/**
 * Milestones in [from, to + 12 months] (an open period: this year to a year from today),
 * by the shared period rule: a year-precision milestone must lie wholly inside.
 */
export function anniversaries(
	db: Conn,
	f: DashboardFilter,
	viewer: Visibility,
	period: { from?: string; to?: string },
	today: string,
	limit = 20
): { items: Anniversary[]; total: number } {
	const wFrom = period.from ?? `${today.slice(0, 4)}-01-01`;
	const wTo = addMonths(period.to ?? today, 12);
	const { shown, total } =
		Number(wTo.slice(0, 4)) <= MILESTONE_HORIZON
			? storedMilestones(db, f, wFrom, wTo, limit)
			: milestonesByRule(db, f, wFrom, wTo, limit);
	const commitments = commitmentsDue(db, shown, viewer);
	// Names only for the milestones shown.
	const names = new Map(
		db
			.all<{ id: number; name_ko: string; name_en: string | null }>(
				sql`SELECT id, name_ko, name_en FROM organizations
				WHERE id IN (SELECT value FROM json_each(${JSON.stringify(shown.map((a) => a.organizationId))}))`
			)
			.map((o) => [o.id, o])
	);
	return {
		items: shown.map((a) => ({
			...a,
			nameKo: names.get(a.organizationId)?.name_ko ?? '',
			nameEn: names.get(a.organizationId)?.name_en ?? null,
			commitments: commitments.get(`${a.organizationId}|${a.start.slice(0, 4)}`) ?? []
		})),
		total
	};
}

/**
 * The window's milestones from `dash_tie_ms`: a day or a month lies inside when its start and
 * end do, so one range on an index finds them, earliest first, with their partner's country.
 */
const storedMilestones: MilestoneFinder = (db, f, wFrom, wTo, limit) => {
	const org = tieOrgCondition(f, {
		org: sql`m.org`,
		country: sql`m.country`,
		intl: sql`m.intl = 1`
	});
	// start <= end: the bound on start keeps the index range to the window.
	const where = sql`m.start BETWEEN ${wFrom} AND ${wTo} AND m.end <= ${wTo}
		${org ? sql`AND ${org}` : sql``}`;
	const total =
		db.get<{ n: number }>(sql`SELECT count(*) AS n FROM dash_tie_ms m WHERE ${where}`)?.n ?? 0;
	const rows = db.all<{
		tieId: number;
		organizationId: number;
		kind: string;
		years: number;
		precision: Precision;
		start: string;
		end: string;
	}>(
		sql`SELECT m.tie_id AS tieId, m.org AS organizationId, t.kind, m.years,
			t.date_precision AS precision, m.start, m.end
		FROM dash_tie_ms m JOIN ties t ON t.id = m.tie_id
		WHERE ${where} ORDER BY m.start, m.years DESC, m.tie_id LIMIT ${limit}`
	);
	return { shown: rows, total };
};

/** The window's milestones worked out from every tie that can have one in it. */
export const milestonesByRule: MilestoneFinder = (db, f, wFrom, wTo, limit) => {
	const org = tieOrgCondition(f);
	const y0 = Number(wFrom.slice(0, 4));
	const y1 = Number(wTo.slice(0, 4));
	// Only ties whose founding year has a multiple of 5 years to some year of the window.
	const residues = [
		...new Set(Array.from({ length: Math.min(5, y1 - y0 + 1) }, (_, i) => (y0 + i) % 5))
	];
	const ties = db.all<{
		id: number;
		organization_id: number;
		kind: string;
		date_precision: Precision;
		date_start: string;
	}>(
		sql`SELECT t.id, t.organization_id, t.kind, t.date_precision, t.date_start
		FROM ties t JOIN organizations o ON o.id = t.organization_id
		WHERE t.deleted_at IS NULL AND o.deleted_at IS NULL AND t.status <> 'ended'
			AND t.date_start IS NOT NULL AND t.date_precision IS NOT NULL
			AND CAST(substr(t.date_start, 1, 4) AS integer) <= ${y1 - 5}
			AND CAST(substr(t.date_start, 1, 4) AS integer) % 5 IN (SELECT value FROM json_each(${JSON.stringify(residues)}))
			${org ? sql`AND ${org}` : sql``}`
	);
	const found: Milestone[] = [];
	for (const t of ties) {
		const since = Number(t.date_start.slice(0, 4));
		for (let y = y0; y <= y1; y++) {
			const years = y - since;
			if (years <= 0 || years % 5 !== 0) continue;
			const a = anniversaryOf(t.date_precision, t.date_start, y);
			const inside =
				a.start >= wFrom && (t.date_precision === 'day' ? a.start <= wTo : a.end <= wTo);
			if (inside)
				found.push({
					tieId: t.id,
					organizationId: t.organization_id,
					kind: t.kind,
					years,
					precision: t.date_precision,
					...a
				});
		}
	}
	found.sort((a, b) => a.start.localeCompare(b.start) || b.years - a.years || a.tieId - b.tieId);
	return { shown: found.slice(0, limit), total: found.length };
};

/** Agreements with the partner that were due in the anniversary's year (then or before a postponement). */
function commitmentsDue(
	db: Conn,
	items: { organizationId: number; start: string }[],
	viewer: Visibility
): Map<string, LinkedCommitment[]> {
	const out = new Map<string, LinkedCommitment[]>();
	if (!items.length) return out;
	const orgs = JSON.stringify([...new Set(items.map((a) => a.organizationId))]);
	const years = items.map((a) => Number(a.start.slice(0, 4)));
	const [lo, hi] = [Math.min(...years), Math.max(...years)];
	// The partners' agreements (their index) due within the years' span, however precise their date
	// ('2020' sorts before '2020-01-01', so compare with year strings); the loop keeps exact years.
	const rows = db.all<{
		org: number;
		id: number;
		title_ko: string;
		title_en: string | null;
		status: string;
		due_start: string | null;
		due_from: string | null;
		due_to: string | null;
	}>(
		sql`SELECT ao.organization_id AS org, a.id, a.title_ko, a.title_en, a.status, a.due_start,
			h.due_from, h.due_to
		FROM agreement_organizations ao JOIN agreements a ON a.id = ao.agreement_id
		LEFT JOIN agreement_status_history h ON h.agreement_id = a.id AND h.due_from IS NOT NULL
		WHERE ao.organization_id IN (SELECT value FROM json_each(${orgs}))
			AND ((a.due_start >= ${String(lo)} AND a.due_start < ${String(hi + 1)})
				OR (h.due_from >= ${String(lo)} AND h.due_from < ${String(hi + 1)}))
			AND a.deleted_at IS NULL ${viewer.includeConfidential ? sql`` : sql`AND a.visibility = 'normal'`}
		ORDER BY a.id`
	);
	for (const a of items) {
		const y = a.start.slice(0, 4);
		const key = `${a.organizationId}|${y}`;
		for (const r of rows) {
			if (r.org !== a.organizationId) continue;
			if (!(r.due_from?.startsWith(y) || (!r.due_from && r.due_start?.startsWith(y)))) continue;
			const list = out.get(key) ?? [];
			if (!list.some((c) => c.id === r.id))
				list.push({
					id: r.id,
					titleKo: r.title_ko,
					titleEn: r.title_en,
					status: r.status,
					dueFrom: r.due_from,
					dueTo: r.due_to
				});
			out.set(key, list);
		}
	}
	return out;
}
