import { describe, expect, it } from 'vitest';
import {
	agreementKind,
	agreementStatus,
	lastAgreementCue
} from '../../../src/lib/server/intake/agreement-cues';

describe('agreement kind and status from wording', () => {
	it.each([
		['연석회의 지속 격년 개최', 'agreed', 'commitment', 'agreed'],
		['2021년 학술 및 복지 포럼 공동 개최 협의', 'agreed', 'commitment', 'under_discussion'],
		['도-충칭시 간 우호협력 체결 추진 합의', null, 'friendship', 'agreed_to_pursue'],
		['‘2021년 허베이성 관광산업발전대회’ 박람회에 도 참가 초청', null, 'invitation', 'received'],
		['‘자매결연 30주년 기념행사’ 2021년 순연 추진 합의', null, 'commitment', 'postponed'],
		['행사의 정례화도 적극 검토하겠다', null, 'commitment', 'under_consideration'],
		['우호교류 협약(MOU)을 체결했다', null, 'friendship', 'signed'],
		['경제협력 업무협약을 체결하고', null, 'mou', 'signed'],
		['공동선언문에 서명했다', null, 'joint_declaration', 'signed'],
		['자매결연 협정을 체결할 계획이다', null, 'sister', 'agreed_to_pursue'],
		['3개 현을 박람회에 초청했다', null, 'invitation', 'proposed']
	] as const)('%s', (text, fallback, kind, status) => {
		expect(agreementKind(text)).toBe(kind);
		expect(agreementStatus(text, fallback)).toBe(status);
	});

	it('has no status for wording that agrees nothing', () => {
		expect(agreementStatus('Under the MOU, the two sides will share policies', null)).toBeNull();
	});

	it('tells a signing (also an event) from a plan to sign', () => {
		expect(lastAgreementCue('업무협약을 체결했다')?.signing).toBe(true);
		expect(lastAgreementCue('자매결연 협정을 체결할 계획이다')?.signing).toBe(false);
		expect(lastAgreementCue('지원 방안을 협의했다')).toBeNull();
		expect(lastAgreementCue('긴밀히 협의해 나가겠다')).toBeNull();
	});
});
