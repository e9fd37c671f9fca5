/**
 * When a sheet row is a record we already have. Partners: the same normalised name (any alias)
 * in the same country. Dates: equal at the coarser of the two precisions, so 1990 and
 * 1990-04-24 are one date and the day is the better value.
 */
import type { Precision } from '$lib/dates';
import type { Conn } from '../db';
import { findOrganizationByName, type Organization } from '../queries/organizations';

const rank: Record<Precision, number> = { year: 1, month: 2, day: 3 };
const prefix: Record<Precision, number> = { year: 4, month: 7, day: 10 };

export interface StoredDate {
	precision: Precision | null;
	start: string | null;
}

/** An unknown date agrees with any date. */
export function datesAgree(a: StoredDate, b: StoredDate): boolean {
	if (!a.precision || !a.start || !b.precision || !b.start) return true;
	const p = rank[a.precision] <= rank[b.precision] ? a.precision : b.precision;
	return a.start.slice(0, prefix[p]) === b.start.slice(0, prefix[p]);
}

export function morePrecise(candidate: StoredDate, current: StoredDate): boolean {
	if (!candidate.precision) return false;
	return !current.precision || rank[candidate.precision] > rank[current.precision];
}

/** A live partner of that country known by any of the names; null when none is. */
export function findPartner(
	db: Conn,
	names: (string | null | undefined)[],
	country: string | null
): Organization | null {
	for (const name of names) {
		if (!name) continue;
		const org = findOrganizationByName(db, name, country);
		if (org && (country === null || org.country === country)) return org;
	}
	return null;
}
