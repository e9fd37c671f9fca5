/**
 * The fields an import fills, and the header words provincial sheets use for them. The guess
 * prefers an exact header (국가명) over one that only contains a known word (상대국가명(영문)).
 */
import { normalizeName } from '$lib/normalize';

export const importKinds = ['partners', 'exchanges'] as const;
export type ImportKind = (typeof importKinds)[number];

const common = {
	seq: ['연번', '번호', '순번', 'no', '#'],
	ourSide: [
		'자치단체',
		'자치단체명',
		'지자체',
		'지방자치단체',
		'시도',
		'시도명',
		'국내자치단체',
		'우리측'
	],
	country: ['국가', '국가명', '나라', '상대국', '상대국가', 'country'],
	department: ['담당부서', '소관부서', '부서', '담당과', 'department', 'dept'],
	notes: ['비고', '메모', '참고', '특이사항', 'notes', 'note', 'remarks']
};

const synonyms: Record<ImportKind, Record<string, string[]>> = {
	partners: {
		...common,
		nameKo: [
			'교류지역',
			'기관명',
			'도시명',
			'지역명',
			'상대지역',
			'상대도시',
			'자매도시',
			'교류도시',
			'교류단체',
			'교류기관',
			'상대기관',
			'자매우호도시',
			'name',
			'partner',
			'city',
			'region'
		],
		nameEn: ['영문명', '영문', '영문지역명', '영문기관명', 'englishname', 'english', 'nameen'],
		nameNative: ['원어명', '현지명', '현지어', '한자명', '한자', 'nativename', 'native'],
		tieKind: [
			'결연구분',
			'교류형태',
			'교류구분',
			'결연형태',
			'결연종류',
			'교류관계',
			'관계',
			'구분',
			'kind',
			'relationship',
			'type'
		],
		tieDate: [
			'결연일자',
			'체결일',
			'체결일자',
			'결연일',
			'결연연도',
			'체결연도',
			'협정일',
			'협약일',
			'일자',
			'date',
			'since',
			'signed'
		]
	},
	exchanges: {
		...common,
		date: [
			'일자',
			'일시',
			'날짜',
			'기간',
			'교류일자',
			'교류일시',
			'행사일',
			'행사일자',
			'개최일',
			'개최일자',
			'date'
		],
		type: ['유형', '교류유형', '교류형태', '구분', '형태', 'type'],
		counterpart: [
			'상대기관',
			'교류기관',
			'상대',
			'교류대상',
			'상대지역',
			'교류지역',
			'기관명',
			'상대단체',
			'partner',
			'counterpart'
		],
		title: ['제목', '행사명', '교류내용', '사업명', '내용', '교류명', 'title', 'event'],
		summary: ['주요내용', '주요결과', '결과', '개요', 'summary'],
		location: ['장소', '개최장소', '개최지', '방문지', 'location', 'venue', 'place'],
		participants: ['참석인원', '참가인원', '인원', '참석자수', '참가자수', 'participants'],
		mode: ['방식', '개최방식', '진행방식', '대면여부', 'mode']
	}
};

export function importFields(kind: ImportKind): string[] {
	return Object.keys(synonyms[kind]);
}

/** What matching compares: normalised, without a bracketed aside such as (체결일). */
const bare = (label: string) => normalizeName(label.replace(/\([^)]*\)|\[[^\]]*\]/g, ''));

/**
 * How well a header label names a field: 3 exact, 2 exact once the aside is dropped, 1–1.5
 * when it only contains a known word — more the nearer that word ends to the label's end,
 * since a Korean compound ends in its head noun (상대기관 영문명 is an English name).
 */
export function score(label: string, words: string[]): number {
	const full = normalizeName(label);
	if (!full) return 0;
	if (words.includes(full)) return 3;
	const b = bare(label);
	if (words.includes(b)) return 2;
	let best = 0;
	for (const w of words) {
		const at = w.length >= 2 ? b.lastIndexOf(w) : -1;
		if (at >= 0) best = Math.max(best, 1 + ((at + w.length) / b.length) * 0.5);
	}
	return best;
}

/** The best field for one header label, or null. */
export function fieldForLabel(
	kind: ImportKind,
	label: string
): { field: string; score: number } | null {
	let best: { field: string; score: number } | null = null;
	for (const [field, words] of Object.entries(synonyms[kind])) {
		const s = score(label, words);
		if (s > (best?.score ?? 0)) best = { field, score: s };
	}
	return best;
}

/** Column index → field ('' = ignore). Each field goes to its best-scoring, leftmost column. */
export type Mapping = string[];

export function guessMapping(kind: ImportKind, labels: string[][]): Mapping {
	const candidates: { column: number; field: string; score: number; rank: number }[] = [];
	labels.forEach((alternatives, column) =>
		alternatives.forEach((label, rank) => {
			const hit = fieldForLabel(kind, label);
			if (hit) candidates.push({ column, ...hit, rank });
		})
	);
	candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.column - b.column);
	const mapping: Mapping = labels.map(() => '');
	const taken = new Set<string>();
	for (const c of candidates) {
		if (taken.has(c.field) || mapping[c.column]) continue;
		mapping[c.column] = c.field;
		taken.add(c.field);
	}
	return mapping;
}

/** Keeps only known fields, each once; what a user posts is checked before it is used. */
export function cleanMapping(kind: ImportKind, mapping: string[], width: number): Mapping {
	const known = new Set(importFields(kind));
	const taken = new Set<string>();
	return Array.from({ length: width }, (_, i) => {
		const f = mapping[i] ?? '';
		if (!known.has(f) || taken.has(f)) return '';
		taken.add(f);
		return f;
	});
}

const required: Record<ImportKind, string[]> = {
	partners: ['nameKo', 'country'],
	exchanges: ['date', 'counterpart']
};

/** The fields an import cannot do without that no column is mapped to. */
export function missingFields(kind: ImportKind, mapping: Mapping): string[] {
	return required[kind].filter((f) => !mapping.includes(f));
}
