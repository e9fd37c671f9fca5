import { describe, expect, it } from 'vitest';
import { readArticleMeta } from '../../../src/lib/server/intake/article-meta';

const meta = (text: string) => readArticleMeta(text);

describe('article registration time, as Asia/Seoul', () => {
	it.each([
		['기사등록 2020-12-02 14:15:58', '2020-12-02T05:15:58.000Z', '2020-12-02'],
		['입력 2019.09.06 06:00', '2019-09-05T21:00:00.000Z', '2019-09-06'],
		['등록 2022.12.01 10:56:58', '2022-12-01T01:56:58.000Z', '2022-12-01'],
		['승인 2024.12.22 10:42', '2024-12-22T01:42:00.000Z', '2024-12-22'],
		['작성일 21-11-04', '2021-11-03T15:00:00.000Z', '2021-11-04'],
		['기사입력 2023-08-10 오후 3:12', '2023-08-10T06:12:00.000Z', '2023-08-10'],
		['기사입력 2023년 10월 20일 08:10', '2023-10-19T23:10:00.000Z', '2023-10-20'],
		['송고시간 2023-05-19 09:30', '2023-05-19T00:30:00.000Z', '2023-05-19'],
		['Posted on March 16, 2023', '2023-03-15T15:00:00.000Z', '2023-03-16']
	])('%s', (line, iso, day) => {
		const m = meta(`경기도, 제목입니다 충분히 길게\n${line}\n본문입니다.`);
		expect(m.publishedAt?.value).toBe(iso);
		expect(m.seoulDate).toBe(day);
	});

	it('prefers the registration time to the update time', () => {
		expect(
			meta('제목이 여기 있습니다\n수정 2021.03.05 14:02\n입력 2021.03.05 10:21\n본문').publishedAt
				?.value
		).toBe('2021-03-05T01:21:00.000Z');
	});

	it('returns nothing when the article has no date', () => {
		expect(meta('도는 1일 회의를 열었다.').publishedAt).toBeNull();
	});
});

describe('title, outlet and URL', () => {
	it('reads them with their spans', () => {
		const text =
			'[인천일보] 경기도, 일본 3개 현과 관광 MOU\n등록 2024.11.08 21:10:42\n(수원=연합뉴스) 김 기자 = 본문.\nhttp://example.org/news/1';
		const m = meta(text);
		expect(m.title?.value).toBe('경기도, 일본 3개 현과 관광 MOU');
		expect(text.slice(m.title!.span!.start, m.title!.span!.end)).toBe(m.title!.value);
		expect(m.outlet?.value).toBe('연합뉴스');
		expect(m.url?.value).toBe('http://example.org/news/1');
		expect(m.bodyStart).toBe(text.indexOf('\n(수원'));
	});

	it('takes the outlet from "[outlet=reporter]" bylines', () => {
		expect(meta('제목 제목 제목 제목\n[경기인뉴스=홍충선 기자] 경기도는').outlet?.value).toBe(
			'경기인뉴스'
		);
		expect(meta('제목 제목 제목 제목\n【수원=뉴시스】 이병희 기자').outlet?.value).toBe('뉴시스');
	});

	it('does not take a body sentence for the title', () => {
		expect(
			meta(
				'경기도는 지난 4일 일본 가나가와현과 화상회의를 개최했다고 5일 밝혔다. 이날 회의에서는 교류 방안이 논의됐다.'
			).title
		).toBeNull();
	});
});
