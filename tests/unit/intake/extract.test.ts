import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractDraft } from '../../../src/lib/server/intake/extract';
import type { Draft } from '../../../src/lib/server/intake/draft-types';
import { loadCases, missedSeedExchanges, scoreCase, totals } from '../../helpers/intake-eval';

const fixture = (f: string) =>
	readFileSync(new URL(`../../fixtures/intake/${f}`, import.meta.url), 'utf8');
const names = (d: Draft, keys: string[]) =>
	keys.map((k) => d.partners.find((p) => p.key === k)?.nameKo);
const exchangeOn = (d: Draft, start: string, partner: string) =>
	d.exchanges.filter(
		(x) =>
			x.date.value.start === start &&
			names(
				d,
				x.organizations.map((o) => o.partnerKey)
			).includes(partner)
	);

describe('the 2020 source article', () => {
	const d = extractDraft(fixture('2020-12-02-gyeonggi-online-exchange.txt'));

	it('reads the article facts', () => {
		expect(d.article.publishedAt?.value).toBe('2020-12-02T05:15:58.000Z');
		expect(d.article.outlet?.value).toBe('경기인뉴스');
		expect(d.article.url?.value).toBe('http://gginews2.dadamedia.net/news/view.php?idx=64700');
	});

	it('finds the five video conferences on their dates with their partners', () => {
		const calls = d.exchanges.filter((x) => x.type.value === 'video_conference');
		expect(
			calls
				.map((x) => [
					x.date.value.start,
					names(
						d,
						x.organizations.map((o) => o.partnerKey)
					).join()
				])
				.sort()
		).toEqual([
			['2020-09-21', '허베이성'],
			['2020-10-13', '지린성'],
			['2020-11-04', '가나가와현'],
			['2020-11-04', '충칭시'],
			['2020-12-01', '산둥성']
		]);
		expect(calls.every((x) => x.mode.value === 'online' && x.status === 'held')).toBe(true);
	});

	it('keeps the Shandong meeting’s title, institutions and the counterpart office', () => {
		const [x] = exchangeOn(d, '2020-12-01', '산둥성');
		expect(x.title).toMatchObject({
			value: '제1회 경기-중국 산둥성 우호협력 연석회의',
			proposed: false
		});
		expect(x.institutions).toMatchObject({ value: 16, approx: false });
		expect(x.participantNames.map((n) => n.value)).toEqual(
			expect.arrayContaining(['경기도농업기술원', '산둥성사회과학원'])
		);
		expect(d.partners.find((p) => p.nameKo === '산둥성')?.counterpartOffice).toBe('외사판공실');
		expect(x.fields.map((f) => f.value)).toEqual(
			expect.arrayContaining(['agriculture', 'tourism', 'health_welfare'])
		);
	});

	it('finds the two newsletters with their recipients', () => {
		const letters = d.exchanges.filter((x) => x.type.value === 'newsletter');
		expect(
			letters
				.map((x) => [
					x.date.value.precision,
					x.date.value.start,
					x.recipients?.value,
					x.recipients?.approx
				])
				.sort()
		).toEqual([
			['year', '2020-01-01', 150, true],
			['year', '2020-01-01', 43, false]
		]);
		const uclg = letters.find((x) => x.recipients?.value === 150)!;
		expect(
			names(
				d,
				uclg.organizations.map((o) => o.partnerKey)
			)
		).toEqual(['세계지방정부연합 아태지부']);
	});

	it('infers the Kanagawa sister tie since 1990 at year precision', () => {
		expect(d.ties.map((t) => [names(d, [t.partnerKey])[0], t.kind, t.since?.value])).toEqual([
			['가나가와현', 'sister', { precision: 'year', start: '1990-01-01', end: '1990-12-31' }]
		]);
	});

	it('records what was only agreed, discussed, invited or postponed as agreements', () => {
		const got = d.agreements.flatMap((a) =>
			names(d, a.partnerKeys).map((n) =>
				`${n} ${a.kind.value} ${a.status.value} ${a.target?.value ?? ''}`.trim()
			)
		);
		expect(got.sort()).toEqual(
			[
				'산둥성 commitment agreed',
				'산둥성 commitment agreed 2021',
				'산둥성 commitment under_discussion 2021',
				'산둥성 commitment agreed',
				'허베이성 commitment agreed',
				'충칭시 commitment agreed',
				'충칭시 friendship agreed_to_pursue',
				'허베이성 invitation received 2021',
				'충칭시 invitation received 2021',
				'가나가와현 commitment postponed 2021'
			].sort()
		);
		const postponed = d.agreements.find((a) => a.status.value === 'postponed')!;
		expect(postponed.targetBefore).toBe('2020');
		// the forum, the expo and the anniversary event are not exchanges
		expect(d.exchanges.some((x) => x.type.value === 'forum' || x.type.value === 'ceremony')).toBe(
			false
		);
	});

	it('keeps every value’s span into the cleaned text', () => {
		const [x] = exchangeOn(d, '2020-11-04', '가나가와현');
		expect(d.text.slice(x.date.span!.start, x.date.span!.end)).toBe('지난 4일');
		expect(d.text.slice(x.type.span!.start, x.type.span!.end)).toBe('화상');
		expect(d.text.slice(x.organizations[0].span!.start, x.organizations[0].span!.end)).toBe(
			'가나가와현'
		);
	});
});

describe('the 2019 source article', () => {
	const d = extractDraft(fixture('2019-09-06-motie-local-trade-workshop.txt'));
	const [w] = d.exchanges;

	it('finds the workshop with about 80 participants, organised by the ministry', () => {
		expect(d.exchanges).toHaveLength(1);
		expect(w).toMatchObject({
			type: { value: 'workshop' },
			mode: { value: 'in_person' },
			status: 'held'
		});
		expect(w.date.value).toEqual({ precision: 'day', start: '2019-09-06', end: '2019-09-06' });
		expect(w.participants).toMatchObject({ value: 80, approx: true });
		expect(w.location?.value).toBe('정부세종컨벤션센터');
		expect(w.title.value).toBe('2019년 지자체 통상협력 워크숍');
		const roles = Object.fromEntries(
			w.organizations.map((o) => [names(d, [o.partnerKey])[0], o.role])
		);
		expect(roles).toEqual({
			산업통상자원부: 'organizer',
			충청북도: 'presenter',
			부산경제진흥원: 'presenter',
			경기창조경제혁신센터: 'presenter',
			대한무역투자진흥공사: 'participant'
		});
	});

	it('suggests the right name for the misspelt innovation centre', () => {
		const p = d.partners.find((x) => x.nameKo === '경기창조경제혁신센터')!;
		expect(p.written).toBe('경기창조혁신경제센터');
		expect(p.suggestion).toMatchObject({ nameKo: '경기창조경제혁신센터', distance: 0.1 });
		expect(p.aliases).toContain('경기창조혁신경제센터');
	});

	it('finds the ministry’s commitment to consider making it regular', () => {
		expect(
			d.agreements.map((a) => [names(d, a.partnerKeys).join(), a.kind.value, a.status.value])
		).toEqual([['산업통상자원부', 'commitment', 'under_consideration']]);
	});
});

describe('the labelled set', () => {
	const cases = loadCases();
	const results = cases.map((c) => scoreCase(c));

	it('finds every seed exchange of both source articles with its date, type and partners', () => {
		expect(missedSeedExchanges(results[0], cases[0].answer)).toEqual([]);
		expect(missedSeedExchanges(results[1], cases[1].answer)).toEqual([]);
	});

	it('meets the targets over the whole set', () => {
		const t = totals(results);
		expect(cases.length).toBeGreaterThanOrEqual(12);
		for (const field of ['date+partner']) {
			expect(t[field].precision).toBeGreaterThanOrEqual(0.9);
			expect(t[field].recall).toBeGreaterThanOrEqual(0.9);
		}
		expect(t.type.precision).toBeGreaterThanOrEqual(0.85);
		expect(t.type.recall).toBeGreaterThanOrEqual(0.85);
	});
});

describe('never throws', () => {
	it('on empty, huge, dateless, mixed-script and English input', () => {
		const inputs: unknown[] = [
			'',
			null,
			undefined,
			12,
			{ text: 'x' },
			'도는 회의를 열었다.',
			'山東省と神奈川県が協力した。 Gyeonggi 경기도 Шаньдун',
			fixture('07-english-press-release.txt'),
			fixture('2020-12-02-gyeonggi-online-exchange.txt').repeat(200),
			'가'.repeat(1_200_000)
		];
		for (const input of inputs) {
			const d = extractDraft(input, { today: '2024-01-01' });
			expect(Array.isArray(d.warnings)).toBe(true);
		}
		expect(extractDraft('').warnings.map((w) => w.code)).toContain('empty');
		expect(extractDraft('가'.repeat(1_200_000)).warnings.map((w) => w.code)).toContain('truncated');
	});

	it('says what it could not read', () => {
		const d = extractDraft('도는 4일 가나가와현과 화상회의를 개최했다.', { today: '2021-01-10' });
		expect(d.warnings.map((w) => w.code)).toEqual(
			expect.arrayContaining(['no_article_date', 'no_title'])
		);
		expect(d.article.dateAssumed).toBe(true);
		expect(d.exchanges[0].date.value.start).toBe('2021-01-04');
		expect(
			extractDraft('도는 4일 가나가와현과 화상회의를 개최했다.', { articleDate: '2020-12-05' })
				.exchanges[0].date.value.start
		).toBe('2020-12-04');
	});

	it('on arbitrary text', () => {
		const alphabet = fc.constantFrom(
			...'도는 1일 4~5일 지난 ▲‘’“”"\'()[]【】.,\n산둥성화상회의개최합의초청순연MOU체결식방문대표단 80여명 16개 기관에 2020년 자매결연 30주년<p>&amp;'.split(
				''
			)
		);
		fc.assert(
			fc.property(fc.array(alphabet, { maxLength: 400 }), (chars) => {
				const d = extractDraft(chars.join(''), { today: '2020-12-02' });
				expect(d.text.length).toBeLessThanOrEqual(chars.length + 1);
				for (const x of d.exchanges) expect(x.clause.end).toBeLessThanOrEqual(d.text.length);
			}),
			{ numRuns: 300 }
		);
	});
});
