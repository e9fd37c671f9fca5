import { describe, expect, it } from 'vitest';
import { modeOf, typeCueOf } from '../../../src/lib/server/intake/types';

const cue = (s: string) => typeCueOf(s, 0, s.length)?.cue ?? null;

describe('exchange type cues', () => {
	it('takes the first cue of the priority order, not the first word', () => {
		expect(cue('우호협력 연석회의를 화상으로 개최했다')).toBe('video_conference');
		expect(cue('화상회의에서 뉴스레터 발송 계획을 설명했다')).toBe('newsletter');
		expect(cue('화상 워크숍을 열었다')).toBe('video_conference');
		expect(cue('포럼 부대행사로 워크숍을 열었다')).toBe('workshop');
		expect(cue('박람회 개막식에 참석했다')).toBe('forum');
		expect(cue('대표단이 협약 체결식에 참석했다')).toBe('ceremony');
		expect(cue('대표단이 방문해 간담회를 가졌다')).toBe('visit');
		expect(cue('교류회의와 간담회를 가졌다')).toBe('meeting');
	});

	it('does not make 온라인 or 비대면 a type', () => {
		expect(cue('온라인 간담회를 가졌다')).toBe('meeting');
		expect(cue('비대면으로 교류했다')).toBeNull();
	});

	it('knows English cues', () => {
		expect(cue('held a video conference with Texas')).toBe('video_conference');
		expect(cue('signed an MOU at a ceremony')).toBe('ceremony');
		expect(cue('the delegation met officials')).toBe('visit');
	});

	it('reports the span of the winning cue', () => {
		const s = '연석회의를 화상으로 개최했다';
		const c = typeCueOf(s, 0, s.length)!;
		expect(s.slice(c.span.start, c.span.end)).toBe('화상');
	});
});

describe('mode', () => {
	const mode = (s: string, t: Parameters<typeof modeOf>[3] = 'meeting') =>
		modeOf(s, 0, s.length, t).value;
	it('reads online, hybrid and in-person', () => {
		expect(mode('온라인 간담회')).toBe('online');
		expect(mode('비대면으로 진행')).toBe('online');
		expect(mode('온·오프라인 병행으로 열린 포럼')).toBe('hybrid');
		expect(mode('도청에서 간담회')).toBe('in_person');
	});
	it('makes newsletters and video conferences online without a cue', () => {
		expect(mode('뉴스레터 발송', 'newsletter')).toBe('online');
	});
});
