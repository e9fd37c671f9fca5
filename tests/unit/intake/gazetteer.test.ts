import { describe, expect, it } from 'vitest';
import { findGazetteerByName, gazetteer } from '../../../src/lib/server/intake/gazetteer';
import { buildMatcher, scanNames } from '../../../src/lib/server/intake/matcher';

const byCountry = (c: string, levels: string[]) =>
	gazetteer.filter((e) => e.country === c && levels.includes(e.level));

describe('gazetteer coverage', () => {
	it('has every province-level division of China, every prefecture of Japan and every US state', () => {
		// 4 municipalities, 23 provinces less Taiwan (listed under TW), 5 autonomous regions
		expect(byCountry('CN', ['province', 'municipality']).length).toBe(31);
		expect(
			gazetteer.filter((e) => ['HK', 'MO', 'TW'].includes(e.country ?? '')).length
		).toBeGreaterThanOrEqual(3);
		expect(byCountry('JP', ['prefecture']).length).toBe(47);
		expect(byCountry('US', ['state']).length).toBe(50);
		expect(byCountry('VN', ['province', 'municipality']).length).toBeGreaterThanOrEqual(20);
		expect(byCountry('RU', ['province', 'municipality']).length).toBeGreaterThanOrEqual(20);
		expect(byCountry('KR', ['province', 'municipality']).length).toBe(17);
	});

	it('knows the Korean variants, Hanja and English names of the same body', () => {
		const same = (a: string, b: string) =>
			expect(findGazetteerByName(a)?.id).toBe(findGazetteerByName(b)?.id);
		same('산동성', '산둥성');
		same('山東省', '산둥성');
		same('Shandong', '산둥성');
		same('길림성', '지린성');
		same('요녕성', '랴오닝성');
		same('흑룡강성', '헤이룽장성');
		same('호치민', '호찌민시');
		same('神奈川県', '가나가와현');
		same('산업부', '산업통상자원부');
		same('UCLG ASPAC', '세계지방정부연합 아태지부');
		same('TCS', '한중일3국협력사무국');
		expect(findGazetteerByName('가나가와현')).toMatchObject({
			country: 'JP',
			level: 'prefecture',
			nameNative: '神奈川県'
		});
		expect(findGazetteerByName('KOTRA')).toMatchObject({
			scope: 'domestic',
			level: 'public_agency'
		});
	});
});

describe('finding names in text', () => {
	const matcher = buildMatcher(
		gazetteer.flatMap((e) => e.names.map((n) => ({ surface: n, entity: e.nameKo })))
	);
	const found = (s: string) =>
		scanNames(s, matcher).map((h) => ({
			name: h.entity,
			text: s.slice(h.start, h.end),
			kind: h.kind,
			unit: h.unit
		}));

	it('finds names followed by particles, government words and units', () => {
		expect(found('중국 산동성과 화상회의')).toEqual([
			{ name: '산둥성', text: '산동성', kind: 'gov', unit: null }
		]);
		expect(found('허베이성 정부 관계자와')).toMatchObject([{ name: '허베이성', kind: 'gov' }]);
		expect(found('산둥성 외사판공실이')).toMatchObject([
			{ name: '산둥성', kind: 'unit', unit: '외사판공실' }
		]);
		expect(found('산둥성사회과학원 등')).toMatchObject([
			{ name: '산둥성', kind: 'unit', unit: '사회과학원' }
		]);
		expect(found('中허베이, 충칭')).toMatchObject([{ name: '허베이성' }, { name: '충칭시' }]);
	});

	it('does not find names inside other words', () => {
		expect(found('정부세종컨벤션센터에서')).toEqual([]);
		expect(found('장시간 회의')).toEqual([]);
		expect(found('지난 시간')).toEqual([]);
	});

	it('matches across a bracketed acronym and spacing', () => {
		expect(found('세계지방정부연합(UCLG) 아태지역 뉴스레터')).toMatchObject([
			{ name: '세계지방정부연합 아태지부' }
		]);
		expect(found('State of Washington signed')).toMatchObject([{ name: '워싱턴주' }]);
	});

	it('reads upper-case acronyms only as written', () => {
		expect(found('the WHO said')).toMatchObject([{ name: '세계보건기구' }]);
		expect(found('who said')).toEqual([]);
	});
});
