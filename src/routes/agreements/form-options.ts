import type { Conn } from '$lib/server/db';
import type { Viewer } from '$lib/server/queries/exchanges';
import { exchangeChoices, partnerChoices, sourceChoices } from '$lib/server/queries/pick-lists';

/** What the agreement form's selects offer. */
export function agreementFormOptions(db: Conn, viewer: Viewer) {
	return {
		partners: partnerChoices(db),
		sources: sourceChoices(db),
		exchanges: exchangeChoices(db, viewer)
	};
}
