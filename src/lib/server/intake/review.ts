/**
 * What the review screen needs besides the draft: the form's values, exchanges already on
 * record with the same date, partner and type, and the source when its URL was saved before.
 */
import type { Conn } from '../db';
import { draftFormValues, type FormValues } from '$lib/intake-form';
import { findSimilarExchanges, type SimilarExchange } from '../queries/intake';
import { findSourceByUrl } from '../queries/sources-write';
import type { Draft } from './draft-types';

export interface Review {
	draft: Draft;
	values: FormValues;
	duplicates: Record<string, SimilarExchange[]>;
	existingSource: { id: number; title: string } | null;
}

/** The partner ids a draft partner stands for: its match, or the known name it is near. */
function knownId(draft: Draft, key: string): number | null {
	const p = draft.partners.find((x) => x.key === key);
	return p?.match?.organizationId ?? p?.suggestion?.organizationId ?? null;
}

export function buildReview(
	db: Conn,
	draft: Draft,
	viewer: { includeConfidential: boolean },
	values?: FormValues
): Review {
	const duplicates: Record<string, SimilarExchange[]> = {};
	for (const x of draft.exchanges) {
		const organizationIds = x.organizations
			.filter((o) => o.role === 'partner' || o.role === 'organizer')
			.map((o) => knownId(draft, o.partnerKey))
			.filter((id): id is number => id !== null);
		const found = findSimilarExchanges(
			db,
			{ dateStart: x.date.value.start, type: x.type.value, organizationIds },
			viewer
		);
		if (found.length) duplicates[x.key] = found;
	}
	const source = draft.article.url ? findSourceByUrl(db, draft.article.url.value) : null;
	return {
		draft,
		values: values ?? draftFormValues(draft),
		duplicates,
		existingSource: source ? { id: source.id, title: source.title } : null
	};
}
