/**
 * The draft an article yields: every value keeps the span [start, end) of the cleaned text it
 * came from (null when it was inferred rather than read, e.g. a proposed title).
 * Type-only, so review pages may import it.
 */
import type { PartialDate } from '$lib/dates';
import type {
	AgreementStatus,
	ExchangeStatus,
	ExchangeType,
	Field,
	Mode,
	OrgRole,
	TieKind
} from '$lib/vocab';

export interface Span {
	start: number;
	end: number;
}

export interface Val<T> {
	value: T;
	span: Span | null;
}

export interface Counted {
	value: number;
	approx: boolean;
	span: Span | null;
}

export interface DraftArticle {
	title: Val<string> | null;
	outlet: Val<string> | null;
	url: Val<string> | null;
	/** UTC ISO-8601 of the registration/publication time, read as Asia/Seoul. */
	publishedAt: Val<string> | null;
	/** The Seoul calendar date relative dates were resolved against. */
	seoulDate: string;
	/** True when the article states no date and `seoulDate` is only today's (or the caller's) date. */
	dateAssumed: boolean;
}

export type Scope = 'foreign' | 'domestic' | 'international';

export interface DraftPartner {
	/** Stable within one draft: `g:<gazetteer id>`, `db:<organization id>` or `x:<name>`. */
	key: string;
	nameKo: string;
	nameEn: string | null;
	nameNative: string | null;
	country: string | null;
	scope: Scope;
	level: string;
	aliases: string[];
	/** The name as the article first writes it. */
	written: string;
	mentions: Span[];
	counterpartOffice: string | null;
	/** The existing partner this is, found by one of its names or aliases. */
	match: { organizationId: number; nameKo: string } | null;
	/** A near spelling of a known name (normalised edit distance), for the reviewer to confirm. */
	suggestion: {
		nameKo: string;
		organizationId: number | null;
		distance: number;
	} | null;
}

export interface DraftOrgLink {
	partnerKey: string;
	role: OrgRole;
	span: Span | null;
}

export interface DraftExchange {
	key: string;
	/** The clause that states the event. */
	clause: Span;
	status: ExchangeStatus;
	date: Val<PartialDate>;
	type: Val<ExchangeType>;
	mode: Val<Mode>;
	title: Val<string> & { proposed: boolean };
	location: Val<string> | null;
	participants: Counted | null;
	institutions: Counted | null;
	recipients: Counted | null;
	fields: Val<Field>[];
	organizations: DraftOrgLink[];
	/** Our own units and the counterpart's sub-units that took part, as written. */
	participantNames: Val<string>[];
}

export interface DraftAgreement {
	key: string;
	span: Span;
	kind: Val<string>;
	status: Val<AgreementStatus>;
	title: Val<string>;
	/** Target year or month (`2021`, `2021-05`). */
	target: Val<string> | null;
	/** For a postponement: the target before it moved. */
	targetBefore: string | null;
	partnerKeys: string[];
	/** The exchange it was agreed at, when the article says. */
	exchangeKey: string | null;
	fields: Val<Field>[];
}

export interface DraftTie {
	key: string;
	span: Span;
	partnerKey: string;
	kind: TieKind;
	since: Val<PartialDate> | null;
	/** What fixed the date: e.g. "30주년 (2020)". */
	basis: string;
}

export interface DraftWarning {
	code: string;
	detail?: string;
	span?: Span;
}

export interface Draft {
	/** The cleaned article text every span points into. */
	text: string;
	article: DraftArticle;
	home: { nameKo: string; nameEn: string };
	partners: DraftPartner[];
	exchanges: DraftExchange[];
	agreements: DraftAgreement[];
	ties: DraftTie[];
	warnings: DraftWarning[];
}
