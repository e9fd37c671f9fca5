/** What the dashboard shows, as the page renders it and `GET /api/v1/stats` returns it. */
import type { DashboardFilter, Granularity, PeriodKey } from '$lib/dashboard';
import type { Precision } from '$lib/dates';

/** One bar position: a month, quarter or year, or the year's records whose month is unknown. */
export interface Bucket {
	key: string;
	kind: 'month' | 'quarter' | 'year' | 'unknown';
	y: number;
	/** Month 1–12 or quarter 1–4. */
	part?: number;
	/** For `unknown`: the unit the records cannot be placed in. */
	unit?: 'month' | 'quarter';
	/** The days the bar covers, clipped to the period: what its link filters on. */
	from: string;
	to: string;
}

/** counts[i][j]: records of keys[i] in buckets[j]. */
export interface TimeSeries {
	buckets: Bucket[];
	keys: string[];
	counts: number[][];
}

export const figureKeys = [
	'exchanges',
	'partners',
	'countries',
	'online_share',
	'agreements',
	'open',
	'overdue'
] as const;
export type FigureKey = (typeof figureKeys)[number];

export interface KeyFigure {
	key: FigureKey;
	/** Counts, or a share 0–1 for online_share. */
	value: number;
	/** The same figure for the previous period of equal length; null for "all". */
	previous: number | null;
}

/** key: ISO 3166 alpha-2, `INTL` (international bodies), `NONE` (no counterpart), `??` (no country recorded). */
export interface CountryRow {
	key: string;
	nameKo: string;
	nameEn: string;
	n: number;
}

export interface PartnerRow {
	id: number;
	nameKo: string;
	nameEn: string | null;
	country: string | null;
	n: number;
}

export interface TiesSeries {
	years: number[];
	kinds: string[];
	counts: number[][];
	/** Ties established up to and including each year, all kinds. */
	cumulative: number[];
}

export interface StatusRow {
	status: string;
	open: boolean;
	n: number;
}

export type FollowUpState = 'overdue' | 'due' | 'no_date' | 'done';
/** Open agreements by their due date, and follow-up actions (done or by due date). */
export interface FollowUpRow {
	state: FollowUpState;
	agreements: number;
	actions: number;
}

export interface FieldRow {
	field: string;
	n: number;
}

export interface MapRow {
	country: string;
	/** ISO 3166 numeric code: the id of the country's shape in world-atlas. */
	numeric: string | null;
	nameKo: string;
	nameEn: string;
	partners: number;
}

export interface LinkedCommitment {
	id: number;
	titleKo: string;
	titleEn: string | null;
	status: string;
	dueFrom: string | null;
	dueTo: string | null;
}

export interface Anniversary {
	tieId: number;
	organizationId: number;
	nameKo: string;
	nameEn: string | null;
	kind: string;
	years: number;
	precision: Precision;
	start: string;
	end: string;
	commitments: LinkedCommitment[];
}

export interface OverdueItem {
	item: 'agreement' | 'action';
	id: number;
	agreementId: number;
	titleKo: string;
	titleEn: string | null;
	status: string;
	duePrecision: Precision;
	dueStart: string;
	dueEnd: string;
	partners: string[];
}

export interface LatestExchange {
	id: number;
	titleKo: string;
	titleEn: string | null;
	type: string;
	mode: string | null;
	datePrecision: Precision;
	dateStart: string;
	dateEnd: string;
	partners: { id: number; nameKo: string; nameEn: string | null }[];
}

export interface DashboardStats {
	period: {
		key: PeriodKey;
		from?: string;
		to?: string;
		/** Set when no period was asked for and this year has no held exchanges. */
		defaulted: 'latest_year' | 'no_data' | null;
		previous: { from: string; to: string } | null;
	};
	granularity: Granularity;
	granularityAuto: boolean;
	filter: DashboardFilter;
	today: string;
	figures: KeyFigure[];
	exchangesByType: TimeSeries;
	exchangesByMode: TimeSeries;
	byCountry: CountryRow[];
	topPartners: PartnerRow[];
	ties: TiesSeries;
	agreementsByStatus: StatusRow[];
	followUps: FollowUpRow[];
	byField: FieldRow[];
	partnersMap: MapRow[];
	anniversaries: Anniversary[];
	overdue: OverdueItem[];
	latest: LatestExchange[];
	/** Whether the counts came from the rollups (true) or from the records directly. */
	fromRollups: boolean;
}

/** What the dashboard's filter form offers. */
export interface FilterChoices {
	countries: { code: string; nameKo: string; nameEn: string }[];
	partners: { id: number; nameKo: string; nameEn: string | null }[];
}
