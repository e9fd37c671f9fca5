import { describe, expect, it } from 'vitest';
import { findDates, tenseOf } from '../../../src/lib/server/intake/date-mentions';
import { parseYmd, resolveDay, resolveMonthDay } from '../../../src/lib/server/intake/dates';

const label = (d: { precision: string; start: string; end: string }) =>
	d.precision === 'year'
		? d.start.slice(0, 4)
		: d.precision === 'month'
			? d.start.slice(0, 7)
			: d.start === d.end
				? d.start
				: `${d.start}~${d.end}`;

function dates(text: string, ref: string, tense = tenseOf(text)) {
	return findDates(text, 0, text.length, parseYmd(ref), tense)
		.filter((d) => !d.backRef)
		.map((d) => ({
			date: label(d.date),
			text: text.slice(d.span.start, d.span.end),
			announce: d.announce
		}));
}

describe('relative days', () => {
	it('resolves 지난 4일 to the last 4th on or before the article date', () => {
		expect(resolveDay(4, parseYmd('2020-12-02'), '지난', 'unknown')).toEqual({
			y: 2020,
			m: 11,
			d: 4
		});
		expect(resolveDay(2, parseYmd('2020-12-02'), '지난', 'unknown')).toEqual({
			y: 2020,
			m: 12,
			d: 2
		});
	});

	it('crosses the year boundary backwards and forwards', () => {
		expect(resolveDay(28, parseYmd('2021-01-05'), '지난', 'past')).toEqual({
			y: 2020,
			m: 12,
			d: 28
		});
		expect(resolveDay(3, parseYmd('2020-12-29'), '오는', 'future')).toEqual({
			y: 2021,
			m: 1,
			d: 3
		});
		expect(resolveMonthDay(12, 30, parseYmd('2021-01-05'), 'past')).toEqual({
			y: 2020,
			m: 12,
			d: 30
		});
		expect(resolveMonthDay(1, 15, parseYmd('2020-12-20'), 'future')).toEqual({
			y: 2021,
			m: 1,
			d: 15
		});
	});

	it('skips months that lack the day (지난 31일 on 2021-03-02 is January 31)', () => {
		expect(resolveDay(31, parseYmd('2021-03-02'), '지난', 'past')).toEqual({
			y: 2021,
			m: 1,
			d: 31
		});
	});

	it('reads a bare day as this month, or last month when the clause is past and the day is later', () => {
		expect(dates('도는 1일 회의를 개최했다.', '2020-12-02')).toEqual([
			{ date: '2020-12-01', text: '1일', announce: false }
		]);
		expect(dates('도는 28일 회의를 개최했다.', '2022-03-02')[0].date).toBe('2022-02-28');
		expect(dates('도는 28일 회의를 개최한다.', '2022-03-02')[0].date).toBe('2022-03-28');
	});
});

describe('date expressions', () => {
	it('finds the forms articles use', () => {
		const ref = '2020-12-02';
		expect(
			dates(
				'앞서 도는 지난 4일 일본 가나가와현, 10월 13일 중국 지린성, 9월 21일 중국 허베이성과 화상회의를 진행했다',
				ref
			).map((d) => d.date)
		).toEqual(['2020-11-04', '2020-10-13', '2020-09-21']);
		expect(dates('23일(현지시간) 회의를 열었다', '2023-03-25')[0].date).toBe('2023-03-23');
		expect(dates('2019년 9월 6일 개최', ref)[0].date).toBe('2019-09-06');
		expect(dates('2019.09.06 워크숍', ref)[0].date).toBe('2019-09-06');
	});

	it('reads ranges, within a month and across one', () => {
		expect(dates('도 대표단은 19~20일 포럼에 참가했다', '2024-12-22')[0].date).toBe(
			'2024-12-19~2024-12-20'
		);
		expect(dates('1~2일간 상담회를 진행했다', '2022-03-02')[0].date).toBe('2022-03-01~2022-03-02');
		expect(dates('지난 16~18일 방문했다', '2023-05-19')[0].date).toBe('2023-05-16~2023-05-18');
		expect(dates('11월 30일~12월 2일 열렸다', '2020-12-05')[0].date).toBe('2020-11-30~2020-12-02');
		expect(dates('30일부터 2일까지 열렸다', '2020-12-05')[0].date).toBe('2020-11-30~2020-12-02');
	});

	it('gives months and years their precision, future ones too', () => {
		expect(dates('지난달 교류회를 가졌다', '2020-01-10')[0].date).toBe('2019-12');
		expect(dates('지난달 28일 방문했다', '2022-03-02')[0].date).toBe('2022-02-28');
		expect(dates('내년 5월 방문할 예정이다', '2023-10-20')[0].date).toBe('2024-05');
		expect(dates('2021년 포럼', '2020-12-02')[0].date).toBe('2021');
		expect(dates('오는 10월 열리는 박람회', '2023-05-19')[0].date).toBe('2023-10');
	});

	it('marks the day an article announces, and the dateline of a press release', () => {
		expect(dates('진행하고 있다고 2일 밝혔다', '2020-12-02')).toEqual([
			{ date: '2020-12-02', text: '2일', announce: true }
		]);
		expect(dates('SUWON, March 16, 2023 - Gyeonggi signed', '2023-03-16')[0].announce).toBe(true);
	});

	it('does not read durations or ordinals as dates', () => {
		expect(dates('3일간 머물렀다', '2020-12-02')).toEqual([]);
		expect(dates('30일 이내에 답한다', '2020-12-02')).toEqual([]);
	});

	it('reads English dates', () => {
		expect(dates('signed on March 14 (local time)', '2023-03-16')[0].date).toBe('2023-03-14');
		expect(dates('held on 4 March 2021', '2021-03-05')[0].date).toBe('2021-03-04');
	});
});
