import type { Conn } from '$lib/server/db';
import { getHome } from '$lib/server/queries/settings';
import { personChoices, sourceChoices } from '$lib/server/queries/pick-lists';

/** What the exchange form's selects offer, and the home name its proposed title starts with. */
export function exchangeFormOptions(db: Conn) {
	return { people: personChoices(db), sources: sourceChoices(db), home: getHome(db).nameKo };
}
