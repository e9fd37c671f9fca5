/** Country names in Korean and English, and the ISO numeric code world maps key their shapes by. */
import countries from 'i18n-iso-countries';

/** The everyday name: "China" rather than "People's Republic of China", "South Korea" as is. */
export function countryName(code: string, locale: 'ko' | 'en'): string {
	const official = countries.getName(code, locale);
	if (!official) return code;
	return official.length <= 20
		? official
		: (countries.getName(code, locale, { select: 'alias' }) ?? official);
}

export function countryNumeric(code: string): string | null {
	return countries.alpha2ToNumeric(code) ?? null;
}
