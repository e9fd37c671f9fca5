/** The agreement form's values and how a posted form becomes the JSON `agreementSchema` reads. */
import { partialDateLabel } from '$lib/dates';
import type { AgreementDetail } from '$lib/server/queries/agreements';

export interface LinkRow {
	id: string;
	name: string;
}

export interface AgreementFormValues {
	exchangeId: string;
	kind: string;
	titleKo: string;
	titleEn: string;
	status: string;
	agreed: string;
	due: string;
	signed: string;
	visibility: string;
	notes: string;
	partners: LinkRow[];
	fields: string[];
	sources: LinkRow[];
	version: string;
}

export function emptyAgreementForm(): AgreementFormValues {
	return {
		exchangeId: '',
		kind: 'commitment',
		titleKo: '',
		titleEn: '',
		status: 'agreed',
		agreed: '',
		due: '',
		signed: '',
		visibility: 'normal',
		notes: '',
		partners: [],
		fields: [],
		sources: [],
		version: ''
	};
}

const str = (fd: FormData, key: string) => {
	const v = fd.get(key);
	return typeof v === 'string' ? v : '';
};
const rows = (fd: FormData, idKey: string, nameKey: string): LinkRow[] => {
	const names = fd.getAll(nameKey);
	return fd
		.getAll(idKey)
		.map((id, i) => ({ id: String(id), name: String(names[i] ?? '') }))
		.filter((r) => r.id !== '');
};

export function agreementFormValues(fd: FormData): AgreementFormValues {
	return {
		exchangeId: str(fd, 'exchangeId'),
		kind: str(fd, 'kind'),
		titleKo: str(fd, 'titleKo'),
		titleEn: str(fd, 'titleEn'),
		status: str(fd, 'status'),
		agreed: str(fd, 'agreed'),
		due: str(fd, 'due'),
		signed: str(fd, 'signed'),
		visibility: str(fd, 'visibility') || 'normal',
		notes: str(fd, 'notes'),
		partners: rows(fd, 'orgId', 'orgName'),
		fields: fd.getAll('fields').map(String),
		sources: rows(fd, 'sourceId', 'sourceTitle'),
		version: str(fd, 'version')
	};
}

export function agreementFormToJson(v: AgreementFormValues): Record<string, unknown> {
	const { partners, sources, ...rest } = v;
	return {
		...rest,
		organizationIds: partners.map((p) => p.id),
		sourceIds: sources.map((s) => s.id)
	};
}

export function agreementDetailToForm(a: AgreementDetail): AgreementFormValues {
	return {
		exchangeId: a.exchangeId ? String(a.exchangeId) : '',
		kind: a.kind,
		titleKo: a.titleKo,
		titleEn: a.titleEn ?? '',
		status: a.status,
		agreed: partialDateLabel(a.agreedPrecision, a.agreedStart, a.agreedEnd),
		due: partialDateLabel(a.duePrecision, a.dueStart, a.dueEnd),
		signed: partialDateLabel(a.signedPrecision, a.signedStart, a.signedEnd),
		visibility: a.visibility,
		notes: a.notes ?? '',
		partners: a.partners.map((p) => ({ id: String(p.id), name: p.nameKo })),
		fields: a.fields,
		sources: a.sources.map((s) => ({ id: String(s.id), name: s.title })),
		version: String(a.version)
	};
}
