/** A record's name or title in the reader's language, falling back to the Korean. */
export function localName(locale: string, ko: string, en: string | null | undefined): string {
	return locale === 'en' && en ? en : ko;
}
