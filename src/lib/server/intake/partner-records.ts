/** A draft partner's record: from the database when it is known there, else from the gazetteer. */
import type { DraftPartner, Scope } from './draft-types';
import { gazetteerEntry } from './gazetteer';
import type { KnownOrg } from './partners';

export function partnerRecord(key: string, knownById: Map<number, KnownOrg>): DraftPartner {
	const base = { mentions: [], counterpartOffice: null, suggestion: null } as const;
	if (key.startsWith('db:')) {
		const k = knownById.get(Number(key.slice(3)));
		const found = k ?? {
			organizationId: Number(key.slice(3)),
			nameKo: key,
			nameEn: null,
			nameNative: null,
			country: null,
			scope: 'foreign' as Scope,
			level: 'other',
			aliases: []
		};
		return {
			...base,
			mentions: [],
			key,
			nameKo: found.nameKo,
			nameEn: found.nameEn,
			nameNative: found.nameNative,
			country: found.country,
			scope: found.scope,
			level: found.level,
			aliases: [...found.aliases],
			written: found.nameKo,
			match: { organizationId: found.organizationId, nameKo: found.nameKo }
		};
	}
	const e = gazetteerEntry(key.slice(2));
	return {
		...base,
		mentions: [],
		key,
		nameKo: e?.nameKo ?? key.slice(2),
		nameEn: e?.nameEn ?? null,
		nameNative: e?.nameNative ?? null,
		country: e?.country ?? null,
		scope: e?.scope ?? 'foreign',
		level: e?.level ?? 'other',
		aliases: e ? e.names.filter((n) => n !== e.nameKo) : [],
		written: e?.nameKo ?? key.slice(2),
		match: null
	};
}
