/**
 * The article's own facts: title, outlet, URL and registration time. Korean outlets label the
 * time in a handful of ways (기사등록 2020-12-02 14:15:58, 입력 2019.09.06 06:00,
 * 등록 2022.12.01 10:56:58, 승인 2024.12.22 10:42, 작성일 21-11-04); it is read as Asia/Seoul
 * and stored as UTC.
 */
import type { Span, Val } from './draft-types';
import type { PageHints } from './html';

export interface ArticleMeta {
	title: Val<string> | null;
	outlet: Val<string> | null;
	url: Val<string> | null;
	publishedAt: Val<string> | null;
	/** Seoul calendar date of publication, when known. */
	seoulDate: string | null;
	/** Where the article's body begins (after its title and date lines). */
	bodyStart: number;
}

const PRIMARY =
	'(?:기사\\s*)?(?:등록|입력|작성일|작성|게재|게시|발행|송고|보도|승인|배포)(?:일시|일자|일|시간|시각)?';
const SECONDARY = '(?:최종\\s*)?(?:수정|업데이트)(?:일시|일)?';
const KO_DATE = '(\\d{4}|\\d{2})\\s*[.\\-/년]\\s*(\\d{1,2})\\s*[.\\-/월]\\s*(\\d{1,2})\\s*일?\\.?';
const TIME =
	'(?:\\s*(?:\\([월화수목금토일]\\))?\\s*(오전|오후|AM|PM|am|pm)?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_DATE =
	/\b(?:(?:Posted|Published|Released|Date|Dated|Updated)\s*(?:on)?\s*[:：]?\s*)?(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2}),?\s+(\d{4})|\b(\d{1,2})\s+(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{4})/i;
const ISO_LINE =
	/^(?:Date\s*[:：]\s*)?(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\.?(?:\s+(\d{1,2}):(\d{2}))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

export function seoulToUtc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
	const t = Date.UTC(y, mo - 1, d, h - 9, mi, s);
	const back = new Date(Date.UTC(y, mo - 1, d));
	if (back.getUTCDate() !== d) return null;
	return new Date(t).toISOString();
}

interface Stamp {
	iso: string;
	seoulDate: string;
	span: Span;
	lineEnd: number;
}

function labelled(text: string, label: string): Stamp | null {
	const re = new RegExp(`${label}\\s*[:：]?\\s*${KO_DATE}${TIME}`, 'g');
	for (const m of text.matchAll(re)) {
		let y = Number(m[1]);
		if (m[1].length === 2) y += 2000;
		const [mo, d] = [Number(m[2]), Number(m[3])];
		let h = m[5] ? Number(m[5]) : 0;
		if (m[4] && /오후|pm/i.test(m[4]) && h < 12) h += 12;
		if (m[4] && /오전|am/i.test(m[4]) && h === 12) h = 0;
		const iso = seoulToUtc(y, mo, d, h, m[6] ? Number(m[6]) : 0, m[7] ? Number(m[7]) : 0);
		if (!iso) continue;
		const start = m.index ?? 0;
		const lineEnd = text.indexOf('\n', start);
		return {
			iso,
			seoulDate: `${y}-${pad(mo)}-${pad(d)}`,
			span: { start, end: start + m[0].length },
			lineEnd: lineEnd < 0 ? text.length : lineEnd
		};
	}
	return null;
}

function englishOrBare(text: string): Stamp | null {
	const head = text.slice(0, 1500);
	let offset = 0;
	for (const line of head.split('\n')) {
		const bare = ISO_LINE.exec(line.trim());
		const en = bare ? null : EN_DATE.exec(line);
		if (bare || (en && line.length < 120)) {
			let y: number, mo: number, d: number;
			if (bare) [y, mo, d] = [Number(bare[1]), Number(bare[2]), Number(bare[3])];
			else if (en![1]) [y, mo, d] = [Number(en![3]), monthOf(en![1]), Number(en![2])];
			else [y, mo, d] = [Number(en![6]), monthOf(en![5]), Number(en![4])];
			const h = bare?.[4] ? Number(bare[4]) : 0;
			const mi = bare?.[5] ? Number(bare[5]) : 0;
			const iso = seoulToUtc(y, mo, d, h, mi);
			if (iso) {
				const lead = line.length - line.trimStart().length;
				const start = offset + (bare ? lead : (en!.index ?? 0));
				const len = bare ? line.trim().length : en![0].length;
				return {
					iso,
					seoulDate: `${y}-${pad(mo)}-${pad(d)}`,
					span: { start, end: start + len },
					lineEnd: offset + line.length
				};
			}
		}
		offset += line.length + 1;
	}
	return null;
}

const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function findStamp(text: string): Stamp | null {
	return labelled(text, PRIMARY) ?? labelled(text, SECONDARY) ?? englishOrBare(text);
}

const BYLINE = /^[가-힣]{2,4}\s*(?:기자|특파원|통신원)|@[\w-]+\.|^(?:by|By)\s+[A-Z]/;
const NOT_TITLE =
	/^(?:press\s+release|for\s+immediate\s+release|보도자료|보도\s*일시|news\s*release)\b/i;

function findTitle(text: string, stamp: Stamp | null, siteName?: string): Val<string> | null {
	let offset = 0;
	for (const line of text.split('\n')) {
		const start = offset;
		offset += line.length + 1;
		const t = line.trim();
		if (
			!t ||
			NOT_TITLE.test(t) ||
			(stamp && start <= stamp.span.start && stamp.span.start < offset)
		)
			continue;
		// Outlet names, bylines and breadcrumbs sit above titles on many pages.
		if (t.length < 10 || BYLINE.test(t) || /\s[>›»]\s/.test(t) || t === siteName) continue;
		if (t.length > 250 || t.length < 4) return null;
		// A first line that is already a sentence of the body is no title.
		if (/다\.["”’]?$/.test(t) || (t.length > 60 && /[a-z]\.["”’]?$/.test(t))) return null;
		// "[인천일보] 경기도, …": the outlet's tag is not part of the title.
		const tag = /^\[[^\]]{1,12}\]\s*/.exec(t)?.[0] ?? '';
		const lead = line.length - line.trimStart().length + tag.length;
		const value = t.slice(tag.length);
		return { value, span: { start: start + lead, end: start + lead + value.length } };
	}
	return null;
}

/**
 * Bylines name the outlet: "[경기인뉴스=홍충선 기자]" (outlet first), "(서울=연합뉴스)" and
 * "【수원=뉴시스】" (place first).
 */
function findOutlet(text: string): Val<string> | null {
	const m = /[[(【]([가-힣A-Za-z0-9 ]{1,20})=\s*([가-힣A-Za-z0-9 ]{1,25})[\])】]/.exec(text);
	if (!m) {
		const tag = /^\[([가-힣A-Za-z0-9 ]{2,12})\]/m.exec(text);
		return tag
			? { value: tag[1], span: { start: tag.index + 1, end: tag.index + 1 + tag[1].length } }
			: null;
	}
	const reporterAfter = /(?:기자|특파원|통신원)\s*$/.test(m[2]);
	const value = (reporterAfter ? m[1] : m[2]).trim();
	const start = reporterAfter
		? m.index + 1 + m[1].indexOf(value)
		: m.index + 2 + m[1].length + m[2].indexOf(value);
	return value ? { value, span: { start, end: start + value.length } } : null;
}

function findUrl(text: string): Val<string> | null {
	const m = /https?:\/\/[^\s<>"'‘’“”)]+/.exec(text);
	if (!m) return null;
	const value = m[0].replace(/[.,]+$/, '');
	return { value, span: { start: m.index, end: m.index + value.length } };
}

export function readArticleMeta(text: string, hints: PageHints = {}): ArticleMeta {
	const stamp = findStamp(text);
	const title =
		findTitle(text, stamp, hints.outlet) ??
		(hints.title ? { value: hints.title, span: null } : null);
	let publishedAt: Val<string> | null = stamp ? { value: stamp.iso, span: stamp.span } : null;
	let seoulDate = stamp?.seoulDate ?? null;
	if (!publishedAt && hints.publishedAt) {
		const t = new Date(hints.publishedAt);
		if (!Number.isNaN(t.getTime())) {
			publishedAt = { value: t.toISOString(), span: null };
			seoulDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(t);
		}
	}
	// The body starts after the header: the date line when it sits near the top, else the title.
	const headerEnd = Math.max(
		title?.span ? title.span.end : 0,
		stamp && stamp.span.start < Math.max(600, (title?.span?.end ?? 0) + 300) ? stamp.lineEnd : 0
	);
	const outlet = findOutlet(text) ?? (hints.outlet ? { value: hints.outlet, span: null } : null);
	const url = findUrl(text) ?? (hints.url ? { value: hints.url, span: null } : null);
	return { title, outlet, url, publishedAt, seoulDate, bodyStart: headerEnd };
}
