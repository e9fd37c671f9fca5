/**
 * The exchange form's values: what the fields show (all text) and how a posted form becomes
 * the JSON input of `exchangeSchema`. Kept beside the schema so form and API cannot drift.
 */
import { partialDateLabel } from '$lib/dates';
import type { ExchangeDetail } from '$lib/server/queries/exchange-detail';

export interface PartnerRow {
	organizationId: string;
	name: string;
	country: string;
	scope: string;
	role: string;
}
export interface PersonRow {
	personId: string;
	name: string;
	role: string;
}
export interface SourceRow {
	id: string;
	title: string;
}

export interface ExchangeFormValues {
	type: string;
	status: string;
	titleKo: string;
	titleEn: string;
	date: string;
	dateEnd: string;
	mode: string;
	location: string;
	partners: PartnerRow[];
	participants: string;
	participantsApprox: boolean;
	institutions: string;
	recipients: string;
	recipientsApprox: boolean;
	people: PersonRow[];
	topics: string;
	department: string;
	summaryKo: string;
	summaryEn: string;
	outcomes: string;
	notes: string;
	visibility: string;
	fields: string[];
	sources: SourceRow[];
	version: string;
}

export function emptyExchangeForm(): ExchangeFormValues {
	return {
		type: '',
		status: 'held',
		titleKo: '',
		titleEn: '',
		date: '',
		dateEnd: '',
		mode: '',
		location: '',
		partners: [],
		participants: '',
		participantsApprox: false,
		institutions: '',
		recipients: '',
		recipientsApprox: false,
		people: [],
		topics: '',
		department: '',
		summaryKo: '',
		summaryEn: '',
		outcomes: '',
		notes: '',
		visibility: 'normal',
		fields: [],
		sources: [],
		version: ''
	};
}

const str = (fd: FormData, key: string) => {
	const v = fd.get(key);
	return typeof v === 'string' ? v : '';
};
const all = (fd: FormData, key: string) =>
	fd.getAll(key).map((v) => (typeof v === 'string' ? v : ''));

/** Reads a posted exchange form; repeated rows come as parallel lists of equal length. */
export function exchangeFormValues(fd: FormData): ExchangeFormValues {
	const [pIds, pNames, pCountries, pScopes, pRoles] = [
		'partnerId',
		'partnerName',
		'partnerCountry',
		'partnerScope',
		'partnerRole'
	].map((k) => all(fd, k));
	const [personIds, personNames, personRoles] = ['personId', 'personName', 'personRole'].map((k) =>
		all(fd, k)
	);
	const [sourceIds, sourceTitles] = ['sourceId', 'sourceTitle'].map((k) => all(fd, k));
	return {
		type: str(fd, 'type'),
		status: str(fd, 'status') || 'held',
		titleKo: str(fd, 'titleKo'),
		titleEn: str(fd, 'titleEn'),
		date: str(fd, 'date'),
		dateEnd: str(fd, 'dateEnd'),
		mode: str(fd, 'mode'),
		location: str(fd, 'location'),
		partners: pIds.map((organizationId, i) => ({
			organizationId,
			name: pNames[i] ?? '',
			country: pCountries[i] ?? '',
			scope: pScopes[i] ?? '',
			role: pRoles[i] ?? 'partner'
		})),
		participants: str(fd, 'participants'),
		participantsApprox: fd.has('participantsApprox'),
		institutions: str(fd, 'institutions'),
		recipients: str(fd, 'recipients'),
		recipientsApprox: fd.has('recipientsApprox'),
		people: personIds.map((personId, i) => ({
			personId,
			name: personNames[i] ?? '',
			role: personRoles[i] ?? 'counterpart'
		})),
		topics: str(fd, 'topics'),
		department: str(fd, 'department'),
		summaryKo: str(fd, 'summaryKo'),
		summaryEn: str(fd, 'summaryEn'),
		outcomes: str(fd, 'outcomes'),
		notes: str(fd, 'notes'),
		visibility: str(fd, 'visibility') || 'normal',
		fields: all(fd, 'fields'),
		sources: sourceIds
			.map((id, i) => ({ id, title: sourceTitles[i] ?? '' }))
			.filter((s) => s.id !== ''),
		version: str(fd, 'version')
	};
}

/** The JSON input `exchangeSchema` parses, from the form's values. */
export function exchangeFormToJson(v: ExchangeFormValues): Record<string, unknown> {
	return {
		...v,
		partners: v.partners.map((p) =>
			p.organizationId
				? { organizationId: p.organizationId, role: p.role }
				: { name: p.name, country: p.country, scope: p.scope, role: p.role }
		),
		people: v.people.map((p) => ({ personId: p.personId, role: p.role })),
		topics: v.topics
			.split(/[,\n]/)
			.map((t) => t.trim())
			.filter(Boolean),
		sourceIds: v.sources.map((s) => s.id),
		sources: undefined
	};
}

/** The form for editing a stored exchange, or (duplicate) for a new one like it. */
export function exchangeDetailToForm(
	d: ExchangeDetail,
	opts: { duplicate?: boolean } = {}
): ExchangeFormValues {
	const base: ExchangeFormValues = {
		...emptyExchangeForm(),
		type: d.type,
		status: d.status,
		titleKo: d.titleKo,
		titleEn: d.titleEn ?? '',
		mode: d.mode ?? '',
		location: d.location ?? '',
		partners: d.partners.map((p) => ({
			organizationId: String(p.id),
			name: p.nameKo,
			country: p.country ?? '',
			scope: p.scope,
			role: p.role
		})),
		people: d.people.map((p) => ({ personId: String(p.id), name: p.nameKo, role: p.role })),
		topics: d.topics.join(', '),
		department: d.department ?? '',
		visibility: d.visibility,
		fields: d.fields
	};
	if (opts.duplicate) return base;
	return {
		...base,
		date: partialDateLabel(d.datePrecision, d.dateStart),
		dateEnd: d.datePrecision === 'day' && d.dateEnd !== d.dateStart ? d.dateEnd : '',
		participants: d.participants?.toString() ?? '',
		participantsApprox: d.participantsApprox,
		institutions: d.institutions?.toString() ?? '',
		recipients: d.recipients?.toString() ?? '',
		recipientsApprox: d.recipientsApprox,
		summaryKo: d.summaryKo ?? '',
		summaryEn: d.summaryEn ?? '',
		outcomes: d.outcomes ?? '',
		notes: d.notes ?? '',
		sources: d.sources.map((s) => ({ id: String(s.id), title: s.title })),
		version: String(d.version)
	};
}
