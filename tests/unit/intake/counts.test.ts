import { describe, expect, it } from 'vitest';
import {
	institutionsIn,
	participantsIn,
	recipientsIn
} from '../../../src/lib/server/intake/counts';

const at = <T>(f: (t: string, a: number, b: number) => T, s: string) => f(s, 0, s.length);

describe('counts', () => {
	it('reads people, approximate or exact', () => {
		expect(at(participantsIn, '관계자 80여명을 대상으로')).toMatchObject({
			value: 80,
			approx: true
		});
		expect(at(participantsIn, '대표단 15명이 방문했다')).toMatchObject({
			value: 15,
			approx: false
		});
		expect(at(participantsIn, '약 1,200명이 참석')).toMatchObject({ value: 1200, approx: true });
		expect(at(participantsIn, '30명 가량이 참석')).toMatchObject({ value: 30, approx: true });
		expect(at(participantsIn, 'A 12-member Gyeonggi delegation attended')).toMatchObject({
			value: 12,
			approx: false
		});
		expect(at(participantsIn, 'about 40 officials attended')).toMatchObject({
			value: 40,
			approx: true
		});
	});

	it('counts bodies that took part as institutions', () => {
		expect(at(institutionsIn, '산둥성사회과학원 등 16개 기관 및 부서가 참석했다')).toMatchObject({
			value: 16,
			approx: false
		});
		expect(at(institutionsIn, '9개 분야에서 협력')).toBeNull();
		expect(at(institutionsIn, '22개국 150여개 지방정부에 홍보')).toBeNull();
	});

	it('counts the bodies something was sent to as recipients', () => {
		expect(at(recipientsIn, '자매결연 및 우호협력 지역 등 43개 지방정부에 발송됐다')).toMatchObject(
			{ value: 43, approx: false }
		);
		expect(
			at(recipientsIn, '아태지역 22개국 150여개 지방정부 및 지방정부 연합에 주요 도정을 홍보')
		).toMatchObject({ value: 150, approx: true });
		expect(at(recipientsIn, '16개 기관 및 부서가 참석했다')).toBeNull();
		expect(at(recipientsIn, 'sent to 51 local governments')).toMatchObject({ value: 51 });
	});

	it('keeps the span of the number', () => {
		const s = '관계자 80여명을 대상으로';
		const c = at(participantsIn, s)!;
		expect(s.slice(c.span!.start, c.span!.end)).toBe('80여명');
	});
});
