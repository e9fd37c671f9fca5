/** Country names from the runtime's own CLDR data (Intl), so no name list ships to the browser. */
const cache = new Map<string, Intl.DisplayNames>();

/** `CN` → 중국 / China; the code itself when the runtime does not know it. */
export function countryName(locale: string, code: string | null | undefined): string {
	if (!code) return '';
	let names = cache.get(locale);
	if (!names) {
		names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
		cache.set(locale, names);
	}
	try {
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}
