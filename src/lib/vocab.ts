/** The fixed vocabularies of the data model, shared by schemas, forms, queries and charts. */
export const exchangeTypes = [
	'workshop',
	'video_conference',
	'meeting',
	'visit_inbound',
	'visit_outbound',
	'forum',
	'ceremony',
	'newsletter',
	'other'
] as const;
export type ExchangeType = (typeof exchangeTypes)[number];

/** Korean type names, used where the server proposes a title (경기도–허베이성 화상회의). */
export const exchangeTypeKo: Record<ExchangeType, string> = {
	workshop: '워크숍',
	video_conference: '화상회의',
	meeting: '회의',
	visit_inbound: '방한 방문',
	visit_outbound: '해외 방문',
	forum: '포럼',
	ceremony: '행사',
	newsletter: '뉴스레터',
	other: '교류'
};

/** The title proposed when a source gives none. */
export function proposeExchangeTitle(
	home: string,
	type: ExchangeType,
	partnerNames: string[]
): string {
	const who = partnerNames.length ? `${home}–${partnerNames.join('·')}` : home;
	return `${who} ${exchangeTypeKo[type]}`;
}

export const exchangeStatuses = ['planned', 'held', 'postponed', 'cancelled'] as const;
export type ExchangeStatus = (typeof exchangeStatuses)[number];

export const modes = ['in_person', 'online', 'hybrid'] as const;
export type Mode = (typeof modes)[number];

export const scopes = ['foreign', 'domestic', 'international'] as const;

export const levels = [
	'province',
	'prefecture',
	'state',
	'municipality',
	'city',
	'county',
	'central_ministry',
	'public_agency',
	'international_org',
	'other'
] as const;

/** Fields of exchange (분야), after the national registry's taxonomy. */
export const fields = [
	'administration',
	'economy_trade',
	'agriculture',
	'culture_arts',
	'tourism',
	'sports',
	'education_youth',
	'health_welfare',
	'environment',
	'science_technology',
	'people',
	'other'
] as const;
export type Field = (typeof fields)[number];

export const tieKinds = ['sister', 'friendship', 'mou', 'other'] as const;
export type TieKind = (typeof tieKinds)[number];
export const tieStatuses = ['active', 'dormant', 'ended'] as const;

export const orgRoles = ['partner', 'organizer', 'presenter', 'participant'] as const;
export type OrgRole = (typeof orgRoles)[number];
/** Roles that make an organisation a counterpart: what "partner" means in filters and charts. */
export const counterpartRoles: OrgRole[] = ['partner', 'organizer'];

export const agreementKinds = [
	'sister',
	'friendship',
	'mou',
	'joint_declaration',
	'commitment',
	'invitation',
	'other'
] as const;
export const agreementStatuses = [
	'proposed',
	'under_discussion',
	'under_consideration',
	'agreed',
	'agreed_to_pursue',
	'signed',
	'in_progress',
	'postponed',
	'completed',
	'cancelled',
	'received'
] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
/** Open = any status but these. */
export const closedAgreementStatuses: AgreementStatus[] = ['signed', 'completed', 'cancelled'];

export const visibilities = ['normal', 'confidential'] as const;
export type Visibility = (typeof visibilities)[number];
export const roles = ['admin', 'editor', 'viewer'] as const;
