/**
 * Country names as Korean sheets write them → ISO 3166-1 alpha-2, through i18n-iso-countries'
 * Korean and English names plus the short forms its Korean list lacks (러시아, 대만, 폴란드…).
 */
import countries from 'i18n-iso-countries';
import ko from 'i18n-iso-countries/langs/ko.json';
import en from 'i18n-iso-countries/langs/en.json';
import { normalizeName } from '$lib/normalize';

countries.registerLocale(ko);
countries.registerLocale(en);

const shortForms: Record<string, string> = {
	한국: 'KR',
	대한민국: 'KR',
	국내: 'KR',
	중화인민공화국: 'CN',
	중국본토: 'CN',
	일본국: 'JP',
	미합중국: 'US',
	러시아: 'RU',
	러시아연방: 'RU',
	대만: 'TW',
	타이완: 'TW',
	체코: 'CZ',
	오스트레일리아: 'AU',
	남아공: 'ZA',
	남아프리카공화국: 'ZA',
	튀르키예: 'TR',
	폴란드: 'PL',
	키르기스스탄: 'KG',
	몽골국: 'MN',
	타이: 'TH',
	에티오피아: 'ET',
	아랍에미리트: 'AE',
	포르투갈: 'PT',
	조지아: 'GE',
	투르크메니스탄: 'TM',
	튀니지: 'TN',
	도미니카공화국: 'DO',
	라오스: 'LA',
	베트남: 'VN',
	uae: 'AE',
	usa: 'US',
	uk: 'GB'
};

const byName = new Map<string, string>();
for (const lang of ['ko', 'en']) {
	const names = countries.getNames(lang, { select: 'all' }) as Record<string, string[]>;
	for (const [code, list] of Object.entries(names))
		for (const name of list) byName.set(normalizeName(name), code);
}
for (const [name, code] of Object.entries(shortForms)) byName.set(normalizeName(name), code);

/** ISO code for a country cell (중국, 일본, 미국, 베트남, China, CN…); null when unknown. */
export function countryCode(value: string): string | null {
	const v = value.trim();
	if (/^[A-Za-z]{2}$/.test(v) && countries.isValid(v.toUpperCase())) return v.toUpperCase();
	return byName.get(normalizeName(v)) ?? null;
}
