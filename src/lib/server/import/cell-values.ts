/** The words sheets use for a tie's kind, an exchange's type and mode, and head counts. */
import { normalizeName } from '$lib/normalize';
import type { ExchangeType, Mode, TieKind } from '$lib/vocab';
import type { Home } from '../queries/settings';

/** 자매결연 / 우호협력 / MOU and their variants; null for an empty cell. */
export function tieKindOf(value: string): TieKind | null {
	const v = normalizeName(value);
	if (!v) return null;
	if (/자매|sister|twin/.test(v)) return 'sister';
	if (/우호|친선|friend/.test(v)) return 'friendship';
	if (/mou|양해각서|협약|협력협정|memorandum/.test(v)) return 'mou';
	return 'other';
}

/** Checked in this order, so 화상 연석회의 is a video conference, as in article intake. */
const typeCues: [RegExp, ExchangeType][] = [
	[/뉴스레터|newsletter/, 'newsletter'],
	[/화상|video/, 'video_conference'],
	[/워크숍|워크샵|workshop/, 'workshop'],
	[/포럼|박람회|대회|세미나|심포지엄|forum|expo|fair|seminar/, 'forum'],
	[/체결식|기념식|협약식|행사|ceremony/, 'ceremony'],
	[/방한|내방|초청|접견|방문단접수|inbound/, 'visit_inbound'],
	[/방문|출장|대표단|파견|순방|visit|outbound/, 'visit_outbound'],
	[/회의|간담회|협의회|면담|meeting/, 'meeting']
];

/** A type cell → the app's type; unknown words give 'other' (the row says so). */
export function exchangeTypeOf(value: string): { type: ExchangeType; known: boolean } {
	const v = normalizeName(value).replace(/_/g, '');
	if (!v) return { type: 'other', known: false };
	for (const [cue, type] of typeCues) if (cue.test(v)) return { type, known: true };
	return { type: 'other', known: v === 'other' || v === '기타' };
}

export function modeOf(value: string): Mode | null {
	const v = normalizeName(value);
	if (!v) return null;
	if (/병행|혼합|hybrid/.test(v)) return 'hybrid';
	if (/화상|온라인|비대면|online|video/.test(v)) return 'online';
	if (/대면|방문|현장|inperson|offline/.test(v)) return 'in_person';
	return null;
}

/** `80`, `약 80명`, `80여명`, `80여 명`, `80+`, `80명 내외` → 80 and whether it is approximate. */
export function parseCount(value: string): { n: number; approx: boolean } | null {
	const v = value.replace(/,/g, '').trim();
	const m = /(\d+)/.exec(v);
	if (!m || /\d+\D+\d+/.test(v)) return null;
	const n = Number(m[1]);
	if (n > 1_000_000) return null;
	return { n, approx: /약|여|내외|가량|\+|~|approx|about/i.test(v) };
}

/** 경기도, 경기, Gyeonggi Province, Gyeonggi… all name the home government. */
export function isHome(value: string, home: Home): boolean {
	const v = normalizeName(value);
	const short = (name: string) =>
		normalizeName(name).replace(/(특별자치도|특별자치시|특별시|광역시|도|province)$/, '');
	return [home.nameKo, home.nameEn].some((n) => v === normalizeName(n) || v === short(n));
}

/** A partner's administrative level from the end of its Korean name, as a first guess. */
export function guessLevel(nameKo: string, country: string | null): string {
	const n = nameKo.trim();
	if (/(성|자치구)$/.test(n) && country === 'CN') return 'province';
	if (/(현|도|부)$/.test(n) && country === 'JP') return 'prefecture';
	if (/주$/.test(n) && ['US', 'AU', 'BR', 'MX', 'IN', 'DE', 'MY'].includes(country ?? ''))
		return 'state';
	if (/(직할시)$/.test(n) || (country === 'CN' && /^(베이징|상하이|톈진|충칭)/.test(n)))
		return 'municipality';
	if (/(시|市)$/.test(n)) return 'city';
	if (/(군|구)$/.test(n)) return 'county';
	if (/(도|성|주)$/.test(n)) return 'province';
	return 'other';
}
