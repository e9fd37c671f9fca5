/**
 * The words that make something an agreement rather than an event: 합의, 추진 합의, 체결,
 * 협약, 양해각서(MOU), 공동선언, 초청, 순연·연기, 검토, 협의 … and what kind and status
 * each means.
 */
import type { AgreementStatus } from '$lib/vocab';

export const AGREEMENT_CUE =
	/(?:선언문?|결의문?)\s?(?:을|를)?\s?채택|합의|(?<!(?:방안|방향|방법|사항|현안|문제|과제|계획|내용)(?:을|를|도|은|는|에\s?대해|등을)?\s?|(?:긴밀히|긴밀하게|지속적으로|적극|계속)\s?)협의(?!회|해\s?나가|하여\s?나가)|체결(?!식)|서명(?!식)|협약(?!식)|양해각서|MOU|공동\s?선언|공동\s?성명|초청|순연|연기(?![자금])|검토|약속|제안|하기로|키로|agreed|agreement|memorandum|\bMOU\b|invited|invitation|postponed|deferred|will\s+consider|discussed|proposed/gi;
const SIGNING =
	/^(체결|서명|협약|양해각서|MOU|공동\s?선언|공동\s?성명|선언|결의|agreement|memorandum)/i;

/** The last agreement cue of a clause; `signing` when it is a signing (an event as well). */
export function lastAgreementCue(clause: string): { index: number; signing: boolean } | null {
	let last: RegExpExecArray | null = null;
	AGREEMENT_CUE.lastIndex = 0;
	for (const m of clause.matchAll(AGREEMENT_CUE)) last = m as RegExpExecArray;
	if (!last) return null;
	const after = clause.slice(last.index, last.index + 16);
	// 체결했다 / signed … is an event and an agreement; 체결 추진 / 체결하기로 is only agreed.
	const signing =
		SIGNING.test(last[0]) && !/^\S{0,4}?(?:할|키로|하기로)|추진|예정|계획|합의|협의/.test(after);
	return { index: last.index, signing };
}

export function agreementKind(text: string): string {
	if (/초청|invit/i.test(text)) return 'invitation';
	if (
		/자매\s?(?:결연|도시|교류|관계)?\s*(?:을|를)?\s*(?:체결|추진|협정|협약|맺|서명|결연\s?체결)|sister[-\s](?:city|state|province|relationship)\s+(?:agreement|ties?)/i.test(
			text
		)
	)
		return 'sister';
	if (
		/우호\s?(?:협력|교류|친선)?\s*(?:관계\s*)?(?:을|를)?\s*(?:체결|추진|협정|협약|맺|서명)|friendship\s+(?:agreement|ties|relationship)/i.test(
			text
		)
	)
		return 'friendship';
	if (/양해각서|MOU|업무\s?협약|memorandum/i.test(text)) return 'mou';
	if (/공동\s?(?:선언|성명)|joint\s+(?:declaration|statement)/i.test(text))
		return 'joint_declaration';
	if (/협약|협정|agreement/i.test(text)) return 'mou';
	return 'commitment';
}

/** Status from the item's own wording, else from the sentence's verb (`fallback`). */
export function agreementStatus(
	text: string,
	fallback: AgreementStatus | null
): AgreementStatus | null {
	if (/순연|연기|postpone|defer/i.test(text)) return 'postponed';
	if (/초청|invit/i.test(text))
		return /초청했|초청하기로|we\s+invited|invited\s+(?:the|its)/i.test(text)
			? 'proposed'
			: 'received';
	if (
		/(?:체결|협약|서명|결연|맺|MOU|양해각서)\S*\s*(?:추진|하기로|키로|예정|계획)|agreed\s+to\s+(?:pursue|sign|establish)/i.test(
			text
		)
	)
		return 'agreed_to_pursue';
	if (/검토|will\s+consider|review/i.test(text)) return 'under_consideration';
	if (/협의(?!회)|discuss/i.test(text) && !/합의/.test(text)) return 'under_discussion';
	if (
		/체결(?:했|하였|하고|해\s|한\s|하며)|서명(?:했|하고|해\s|하며)|맺(?:었|고)|채택(?:했|하고|하며)|signed|concluded|adopted/i.test(
			text
		)
	)
		return 'signed';
	if (/합의|하기로|키로|약속|agreed/i.test(text)) return 'agreed';
	if (/제안|propos/i.test(text)) return 'proposed';
	return fallback;
}
