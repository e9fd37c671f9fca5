/**
 * The form of a name that matching compares: NFKC (full-width → ASCII), lower case, and
 * without spaces, punctuation and the middle dots Korean titles use. 山東省 and 山东省 stay
 * different here; aliases carry both.
 */
export function normalizeName(name: string): string {
	return name
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s\p{P}\p{S}]+/gu, '');
}
