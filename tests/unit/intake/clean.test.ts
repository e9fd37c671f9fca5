import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/lib/server/intake/clean';

const fixture = (f: string) =>
	readFileSync(new URL(`../../fixtures/intake/${f}`, import.meta.url), 'utf8');

describe('cleaning an article', () => {
	it('removes the page furniture of the source article and keeps its body', () => {
		const { text } = cleanArticle(fixture('2020-12-02-gyeonggi-online-exchange.txt'));
		for (const gone of [
			'많이 본 뉴스',
			'기사수정',
			'나도 한마디',
			'로그인 후 의견',
			'퍼가실 때는',
			'모바일 버전',
			'미군 반환공여구역',
			'기사 메일전송'
		])
			expect(text).not.toContain(gone);
		expect(text).toContain(
			'도는 1일 ‘제1회 경기-중국 산둥성 우호협력 연석회의’를 화상으로 개최했다.'
		);
		expect(text).toContain('http://gginews2.dadamedia.net/news/view.php?idx=64700');
		// the date line is printed twice on the page, the lead twice (once as a photo caption)
		expect(text.match(/기사등록 2020-12-02/g)).toHaveLength(1);
		expect(text.match(/비대면 국제교류를 활발하게 진행하고 있다고/g)).toHaveLength(1);
		expect(text).toContain('[경기인뉴스=홍충선 기자]');
		expect(text).not.toMatch(/^\s*•/m);
	});

	it('drops menus, share buttons, comment boxes and copyright lines, and reads the outlet from the latter', () => {
		const raw = [
			'홈 > 정치 > 경기도',
			'로그인 회원가입 구독신청',
			'Home | About | Newsroom | Invest | Contact',
			'경기도, 화상회의 개최',
			'입력 2021.03.05 10:21',
			'카카오톡',
			'URL복사',
			'도는 4일 가나가와현과 화상회의를 개최했다고 5일 밝혔다. 이날 회의에는 양측 관계자 20여명이 참석했다.',
			'0',
			'0 / 400',
			'<저작권자 © 중부일보 (http://www.joongboo.com) 무단전재 및 재배포금지>',
			'관련기사',
			'경기도, 다른 기사 제목'
		].join('\n');
		const { text, hints } = cleanArticle(raw);
		expect(text.split('\n')).toEqual([
			'경기도, 화상회의 개최',
			'입력 2021.03.05 10:21',
			'도는 4일 가나가와현과 화상회의를 개최했다고 5일 밝혔다. 이날 회의에는 양측 관계자 20여명이 참석했다.'
		]);
		expect(hints.outlet).toBe('중부일보');
	});

	it('strips HTML, keeps the page metadata as hints and drops navigation and footers', () => {
		const { text, hints } = cleanArticle(fixture('09-newsletter-page.html'));
		expect(text).not.toMatch(/<|gtag|display:inline|많이 본 뉴스|등록번호/);
		expect(text).toContain('‘2022 상반기 경기도 뉴스레터’를');
		expect(text).toContain('상·하반기');
		expect(hints).toMatchObject({
			outlet: '경기매일',
			url: 'https://www.ggmaeil.example/news/articleView.html?idxno=301455'
		});
	});

	it('survives whatever it is given', () => {
		for (const raw of [
			'',
			'\n\n\n',
			'<',
			'<html',
			'&#99999999;',
			'<script>',
			'ⓒ',
			'※'.repeat(1000)
		])
			expect(() => cleanArticle(raw)).not.toThrow();
	});
});
