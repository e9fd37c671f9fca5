/**
 * Exchange type and mode from the wording of the clause that states the event. When several
 * cues meet in that clause the first of this order wins:
 * 뉴스레터 > 화상 > 워크숍 > 포럼·박람회·대회 > 체결식·기념식 > 방문·대표단 > 연석회의·회의
 * (so "화상 연석회의" is a video conference). 온라인 / 비대면 alone set the mode, not the type.
 */
import type { ExchangeType, Mode } from '$lib/vocab';
import type { Span, Val } from './draft-types';

type Cue =
	'newsletter' | 'video_conference' | 'workshop' | 'forum' | 'ceremony' | 'visit' | 'meeting';

/** In priority order. */
export const TYPE_CUES: { type: Cue; re: RegExp }[] = [
	{ type: 'newsletter', re: /뉴스레터|소식지|웹진|newsletter/i },
	{
		type: 'video_conference',
		re: /화상|영상\s?회의|비디오\s?컨퍼런스|줌\s?회의|video[-\s]?conferenc|videoconferenc|video\s+(?:call|link)|virtual\s+meeting|via\s+video|by\s+video/i
	},
	{ type: 'workshop', re: /워크숍|워크샵|workshop/i },
	{
		type: 'forum',
		re: /포럼|박람회|엑스포|(?<!인민대표)대회|전시회|페어|페스티벌|축제|심포지엄|세미나|컨퍼런스|콘퍼런스|설명회|상담회|총회|서밋|정상회의|forum|expo\b|trade\s+fair|festival|symposium|seminar|conference|summit|exhibition/i
	},
	{
		type: 'ceremony',
		re: /체결식|기념식|서명식|협약식|개막식|폐막식|기념행사|출범식|준공식|시상식|(?<![가-힣])행사|ceremony/i
	},
	{
		type: 'visit',
		re: /방문|대표단|방한|방중|방일|방미|순방|사절단|시찰단|연수단|visit|delegation/i
	},
	{
		type: 'meeting',
		re: /회의|간담회|면담|접견|회담|협의회|만찬|오찬|meeting|talks|courtesy\s+call|met\s+with/i
	}
];

/** Verbs that make a clause state an event (held, sent, visited …). */
export const EVENT_VERB =
	/개최|진행|발송|발행|배포|방문|방한|순방|체결|서명|참석|참가|실시|개막|열었|열린|열리|열고|연다|열어|열\s?예정|가졌|갖고|가진|갖는다|가질|맺었|맺고|찾았|찾아|접견|면담|만났|만나|파견|출범|치렀|이어나가|이어가|이어나갔|홍보했|홍보함|홍보하|개설|주최|주관|\bheld\b|\bhosted\b|\bsigned\b|\bvisited\b|\bvisit\b|\bmet\b|\bsent\b|launched|organi[sz]ed|attended|convened|took\s+part|participated|\bholds\b|\bhold\b|published|distributed|issued|\bsends\b/i;

export interface TypeCue {
	cue: Cue;
	span: Span;
}

/** The winning type cue in text[from, to), with its span. */
export function typeCueOf(text: string, from: number, to: number): TypeCue | null {
	const clause = text.slice(from, to);
	for (const { type, re } of TYPE_CUES) {
		const m = re.exec(clause);
		if (m) return { cue: type, span: { start: from + m.index, end: from + m.index + m[0].length } };
	}
	return null;
}

const INBOUND =
	/방한|내방|(?<![가-힣])(?:도청|도|본도)(?:을|를)\s?(?:방문|찾)|visited\s+(?:Gyeonggi|the\s+province)|to\s+Gyeonggi|delegation\s+from/i;

/**
 * A visit is inbound when the counterpart came to us: 방한, "도를 방문", we are the object of
 * the visit (`homeVisited`), or the counterpart is the subject.
 */
export function visitType(
	clause: string,
	counterpartIsSubject: boolean,
	homeVisited: boolean
): ExchangeType {
	if (INBOUND.test(clause) || homeVisited) return 'visit_inbound';
	return counterpartIsSubject ? 'visit_inbound' : 'visit_outbound';
}

const HYBRID = /온[·‧\s]?오프라인|하이브리드|병행|hybrid/i;
const ONLINE =
	/화상|온라인|비대면|영상|줌|zoom|video|virtual|online|webinar|웨비나|e-?뉴스레터|이메일|e-?mail/i;

export function modeOf(text: string, from: number, to: number, type: ExchangeType): Val<Mode> {
	const clause = text.slice(from, to);
	const at = (m: RegExpExecArray) => ({ start: from + m.index, end: from + m.index + m[0].length });
	const hybrid = HYBRID.exec(clause);
	if (hybrid) return { value: 'hybrid', span: at(hybrid) };
	const online = ONLINE.exec(clause);
	if (online) return { value: 'online', span: at(online) };
	const digital = type === 'newsletter' || type === 'video_conference';
	return { value: digital ? 'online' : 'in_person', span: null };
}
