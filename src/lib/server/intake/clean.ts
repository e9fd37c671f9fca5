/**
 * Turns a pasted or uploaded article into the clean text every span points into: markup
 * stripped, page furniture removed (menus, share buttons, "많이 본 뉴스" and other lists after
 * the article, comment boxes, "기사수정", copyright and "퍼가실 때는" link lines), photo
 * captions that repeat the lead dropped, and blank runs collapsed.
 */
import { htmlToText, looksLikeHtml, type PageHints } from './html';

export interface Cleaned {
	text: string;
	hints: PageHints;
}

const BUTTON_LINE =
	/^(?:기사\s*)?(?:메일\s*전송|메일\s*보내기|수정|삭제|스크랩|프린트|인쇄|인쇄하기|공유|공유하기|저장|이메일|메일|카카오톡|카카오스토리|페이스북|트위터|엑스|네이버\s*밴드|밴드|URL\s*복사|링크\s*복사|글자\s*크기.*|글씨\s*크기.*|가+|크게|작게|목록|목록\s*보기|맨\s*위로|TOP|이전\s*기사|다음\s*기사|좋아요.*|싫어요.*|추천\s*\d*|댓글.*|나도\s*한마디|로그인|회원가입|구독(?:하기)?|기사\s*제보|제보하기|모바일\s*버전.*|PC\s*버전.*|전체\s*메뉴|메뉴|검색|닫기|본문\s*바로가기|주메뉴\s*바로가기|HOME|홈|SNS\s*공유|기사\s*공유하기|번역|듣기|기사\s*듣기)$/i;
const COUNTER_LINE = /^(?:\d{1,5}|\d+\s*\/\s*\d+|[0-9,]+\s*(?:명|건|개)?\s*(?:읽음|조회))$/;
const COMMENT_LINE =
	/^※.*(?:로그인|의견|댓글|비방|욕설)|^(?:댓글|의견)\s*(?:쓰기|등록|작성)|(?:의견을?\s*등록|\d+\s*\/\s*1000)/;
const COPYRIGHT =
	/^(?:ⓒ|©|\(c\)|copyright|<\s*저작권자|\[\s*저작권자|저작권자|무단\s*전재)|저작권은\s*\S+에\s*있|무단\s*전재|재배포\s*금지|all\s+rights\s+reserved/i;
const LINK_NOTE = /^(?:다른 곳에 퍼가실 때는|이 기사의 고유|기사\s*원문|원문\s*보기|출처\s*:)/;
const PROMO = /^(?:▶|☞|\[바로가기\]|바로가기)/;
const FOOTER_INFO =
	/^(?:등록번호|사업자(?:등록)?번호|대표전화|발행인|편집인|발행·편집인|청소년보호책임자|주소|제호|팩스|Tel|Fax)\s*[:：]/i;
const EMAIL_ONLY = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const TAIL_HEADING =
	/^(?:관련\s*기사|관련\s*뉴스|많이\s*본\s*(?:뉴스|기사)|인기\s*(?:기사|뉴스)|최신\s*(?:기사|뉴스)|주요\s*(?:기사|뉴스)|포토\s*뉴스|오늘의\s*(?:뉴스|주요)|이\s*시각\s*주요|헤드라인|기자의\s*다른\s*기사|이\s*기자의\s*다른|다른\s*기사\s*보기|추천\s*기사|실시간\s*(?:뉴스|기사)|랭킹\s*뉴스|most\s+read|related\s+(?:articles|news)|more\s+news)/i;
const CAPTION_MARK =
	/\s*[([<]\s*사진\s*[=:][^)\]>]{0,40}[)\]>]\s*$|\s*\/\s*사진\s*=\s*\S{1,20}\s*$/;
const META_BULLET =
	/^[•·▪■□◆◇*]\s*(?=(?:기사)?\s*(?:등록|입력|수정|승인|작성일|게재|발행|송고|최종))/;
const BYLINE_PREFIX = /^(?:\[[^\]]{1,40}\]|\([^)]{1,40}=[^)]{1,40}\)[^=]{0,20}=?)\s*/;

function isBodyLine(line: string): boolean {
	return (line.length >= 40 && /다\.|[.!?]["”’]?$/.test(line)) || line.length >= 120;
}

const BUTTON_WORDS = new Set(
	'로그인 로그아웃 회원가입 구독 구독신청 마이페이지 검색 전체메뉴 메뉴 닫기 프린트 인쇄 스크랩 기사공유 공유 저장 댓글 글자크기 페이스북 트위터 카카오톡 밴드 URL복사 이메일 PDF보기 지면보기 share print email tweet facebook twitter linkedin home login subscribe search menu'.split(
		' '
	)
);

/** A row of short menu words with no sentence in it (홈 정치 경제 사회 문화 …). */
function isMenuLine(line: string): boolean {
	if (line.length > 200) return false;
	const tokens = line.split(/\s*[|·ㅣ]\s*|\s+/).filter(Boolean);
	if (
		tokens.length >= 2 &&
		tokens.every((t) => BUTTON_WORDS.has(t) || BUTTON_WORDS.has(t.toLowerCase()))
	)
		return true;
	const bars = line.split(/\s*[|ㅣ]\s*/);
	if (bars.length >= 3 && bars.every((b) => b.length <= 14) && !/[.?!]/.test(line)) return true;
	if (tokens.length < 5 || /[.?!,]/.test(line)) return false;
	return tokens.every((t) => t.length <= 5 && !/\d{2}/.test(t));
}

function outletFromCopyright(line: string): string | undefined {
	const m =
		/(?:ⓒ|©|\(c\)|copyright)\s*(?:ⓒ|©|\(c\))?\s*(?:\d{4}\s*)?([^,.<>()\]\n]{2,30}?)\s*(?:,|\.|\(|all\s+rights|무단|>|\]|$)/i.exec(
			line
		);
	const owner = /저작권은\s*([^\s,.]{2,20}?)에\s*있/.exec(line)?.[1];
	if (owner) return owner;
	const name = m?.[1]?.replace(/^(?:저작권자\s*)/, '').trim();
	return name && !/^(?:저작권|all)/i.test(name) ? name : undefined;
}

const dedupeKey = (line: string) =>
	line.replace(BYLINE_PREFIX, '').replace(CAPTION_MARK, '').replace(/\s+/g, '');

function dropFurniture(lines: string[], hints: PageHints): string[] {
	const kept: string[] = [];
	let bodySeen = false;
	let inHeadList = false;
	for (const raw of lines) {
		const line = raw.trim().replace(META_BULLET, '');
		if (line === '') {
			kept.push('');
			continue;
		}
		if (TAIL_HEADING.test(line)) {
			if (bodySeen) break;
			inHeadList = true;
			continue;
		}
		if (inHeadList && (/^\d{1,2}[.)]?\s/.test(line) || line.length < 40)) continue;
		inHeadList = false;
		if (COPYRIGHT.test(line.replace(/^※\s*/, '')) && line.length < 200) {
			hints.outlet ??= outletFromCopyright(line);
			continue;
		}
		if (
			BUTTON_LINE.test(line) ||
			COUNTER_LINE.test(line) ||
			COMMENT_LINE.test(line) ||
			LINK_NOTE.test(line) ||
			PROMO.test(line) ||
			FOOTER_INFO.test(line) ||
			EMAIL_ONLY.test(line) ||
			isMenuLine(line)
		)
			continue;
		if (isBodyLine(line)) bodySeen = true;
		kept.push(line);
	}
	return kept;
}

/** Drops repeated lines: a photo caption repeating the lead, a date line printed twice. */
function dropRepeats(lines: string[]): string[] {
	const keys = lines.map((l) => (l.length >= 8 ? dedupeKey(l) : ''));
	const out: string[] = [];
	const seen = new Set<string>();
	for (let i = 0; i < lines.length; i++) {
		const key = keys[i];
		if (key) {
			if (seen.has(key)) continue;
			// A caption repeating a later paragraph gives way to the paragraph.
			if (keys.indexOf(key, i + 1) > 0 && CAPTION_MARK.test(lines[i])) continue;
			seen.add(key);
		}
		out.push(lines[i].replace(CAPTION_MARK, ''));
	}
	return out;
}

export function cleanArticle(raw: string): Cleaned {
	let input = (raw ?? '').replace(/\r\n?/g, '\n').replace(/[\u200b-\u200d\ufeff]/g, '');
	let hints: PageHints = {};
	if (looksLikeHtml(input)) {
		const page = htmlToText(input);
		input = page.text;
		hints = page.hints;
	}
	const lines = input
		.split('\n')
		.map((l) => l.replace(/[\t\u00a0\u3000]/g, ' ').replace(/ {2,}/g, ' '));
	const kept = dropRepeats(dropFurniture(lines, hints));
	const text = kept
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return { text, hints };
}
