/** Fields of exchange (분야) from the words an article uses for them. */
import type { Field } from '$lib/vocab';
import type { Span, Val } from './draft-types';

const FIELD_WORDS: [Field, RegExp][] = [
	[
		'agriculture',
		/농업|농촌|농산물|농식품|스마트팜|과수|버섯|축산|수산|어업|임업|산림|agricultur|farming|fisher/gi
	],
	['tourism', /관광|여행|tourism|tourist/gi],
	['health_welfare', /복지|보건|의료|방역|건강|돌봄|welfare|health|medical/gi],
	[
		'economy_trade',
		/통상|무역|수출|투자|교역|경제협력|기업\s?지원|산업\s?협력|trade|export|investment|econom/gi
	],
	['culture_arts', /문화|예술|공연|전통|culture|cultural|arts?\b/gi],
	['sports', /체육|스포츠|태권도|마라톤|sports?\b/gi],
	[
		'education_youth',
		/교육|청소년|학술|대학|학생|유학|연수|청년|education|youth|academic|students?/gi
	],
	[
		'environment',
		/(?<!통상|경영|사업|투자|무역|시장|근무|교육|생활|정책|산업|업무|비즈니스|디지털|창업|수출|경제)환경|기후|탄소|대기|미세먼지|수질|녹색|에너지|environment|climate|carbon|green/gi
	],
	[
		'science_technology',
		/과학|기술|스마트\s?산업|스마트시티|인공지능|반도체|디지털|바이오|정보통신|science|technolog|digital|smart\s+(?:city|industry)/gi
	],
	['people', /인적\s?교류|민간\s?교류|시민\s?교류|공무원\s?교류|홈스테이|people-to-people/gi],
	['administration', /행정|도정|시정|정책\s?공유|거버넌스|administration|governance/gi]
];

/**
 * Every field named in text[from, to), once, at its first mention; words inside `exclude`
 * (names such as 경기도농업기술원) do not count.
 */
export function fieldsIn(
	text: string,
	from: number,
	to: number,
	exclude: Span[] = []
): Val<Field>[] {
	const slice = text.slice(from, to);
	const out: Val<Field>[] = [];
	for (const [field, re] of FIELD_WORDS) {
		re.lastIndex = 0;
		for (const m of slice.matchAll(re)) {
			const start = from + (m.index ?? 0);
			if (exclude.some((s) => start >= s.start && start < s.end)) continue;
			out.push({ value: field, span: { start, end: start + m[0].length } });
			break;
		}
	}
	return out.sort((a, b) => a.span!.start - b.span!.start);
}
