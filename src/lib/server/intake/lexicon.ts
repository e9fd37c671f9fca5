/** Word lists the intake rules share: particles, unit suffixes, country prefixes. */

export const HANGUL = /[\uAC00-\uD7A3]/;
export const isHangul = (ch: string | undefined): boolean => !!ch && HANGUL.test(ch);
export const isLatinOrDigit = (ch: string | undefined): boolean => !!ch && /[A-Za-z0-9]/.test(ch);

/** Particles (and particle combinations) that may follow a name directly. */
export const PARTICLES = new Set(
	(
		'은 는 이 가 을 를 의 와 과 에 에서 에서는 에서도 에게 에게는 께 께서 께서는 로 으로 로는 으로는 도 만 ' +
		'과의 와의 까지 부터 이나 나 이며 이고 이라 라고 이라고 측 측은 측이 측과 측의 간 간의 및 과는 와는 과도 와도 ' +
		'에는 에도 으로부터 로부터 로서 으로서 만의 이다 이었다 였다 였으며 등 등과 등의 등을 등이 등은 등에 등에서 ' +
		'내 에의 과를 와를 까지의 로의 으로의 를 통해'
	).split(' ')
);

/** Words right after a government's name that still mean the government itself. */
export const GOV_WORDS = new Set(
	(
		'정부 인민정부 시정부 성정부 현정부 주정부 도정부 당국 대표단 방문단 사절단 교류단 시찰단 연수단 관계자 ' +
		'관계자들 공무원 지사 부지사 시장 부시장 성장 부성장 현지사 주지사 도지사 부도지사 당서기 서기 의장 부의장 ' +
		'정부청사 청사 청 현청 시청 도청 성청 주청 인민대표대회 인대 측'
	).split(' ')
);

/** A word ending like this names a unit, office or institute of the body before it. */
export const UNIT_SUFFIX =
	/(실|청|처|국|과|원|센터|재단|공사|공단|협회|위원회|대학교|대학|사무소|무역관|대표처|영사관|대사관|의회|지부|연구소|학회)$/;

/** Words that end like a unit but name an event. */
export const EVENT_NOUN =
	/(대회|회의|포럼|박람회|행사|축제|설명회|상담회|교류회|간담회|총회|세미나|워크숍|전시회|기념식|체결식|협약식|개막식|연수회)$/;

/** Words before a foreign name that only say which country it is in. */
export const COUNTRY_WORDS = new Set(
	(
		'중국 일본 미국 베트남 러시아 대만 몽골 호주 캐나다 독일 프랑스 영국 인도 태국 필리핀 인니 인도네시아 ' +
		'말레이시아 브라질 멕시코 이탈리아 스페인 네덜란드 핀란드 스웨덴 폴란드 헝가리 체코 뉴질랜드 싱가포르 ' +
		'캄보디아 라오스 미얀마 네팔 우즈베키스탄 카자흐스탄 키르기스스탄 튀르키예 터키 칠레 페루 아르헨티나 ' +
		'남아공 케냐 이집트 에티오피아 이스라엘 아랍에미리트 중 일 미 러 베 몽 국내 해외 세계'
	).split(' ')
);

/** Words after a name that make it a place rather than an actor (부산시 내, 충칭 지역). */
export const PLACE_WORDS = new Set('내 지역 일대 현지 소재 일원 곳곳 전역 인근'.split(' '));

/**
 * Splits a Hangul word into its stem and a trailing particle, trying the longest particle
 * first and keeping at least one syllable of stem.
 */
export function stripParticle(word: string): { stem: string; particle: string } {
	for (let n = Math.min(4, word.length - 1); n >= 1; n--) {
		const tail = word.slice(word.length - n);
		if (PARTICLES.has(tail)) return { stem: word.slice(0, word.length - n), particle: tail };
	}
	return { stem: word, particle: '' };
}
