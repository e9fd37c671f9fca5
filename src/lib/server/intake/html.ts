/**
 * HTML → plain text for uploaded article pages: drops scripts, styles and the page's
 * navigation chrome, keeps one line per block, decodes entities, and keeps what the page's
 * metadata says about the article (title, site, canonical URL, publication time) as hints.
 */
export interface PageHints {
	title?: string;
	outlet?: string;
	url?: string;
	publishedAt?: string;
}

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	middot: '·',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	ndash: '–',
	mdash: '—',
	copy: '©',
	bull: '•'
};

export function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, code: string) => {
		if (code[0] === '#') {
			const n =
				code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
			return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : all;
		}
		return NAMED[code.toLowerCase()] ?? all;
	});
}

/** Heuristic: does this look like markup rather than text that happens to contain a `<`? */
export function looksLikeHtml(s: string): boolean {
	return /<(html|body|div|p|br|article|span|head|meta|table|h[1-6])\b[^>]*>/i.test(
		s.slice(0, 200_000)
	);
}

function meta(html: string, key: string): string | undefined {
	const re = new RegExp(`<meta[^>]+(?:property|name|itemprop)=["']${key}["'][^>]*>`, 'i');
	const tag = re.exec(html)?.[0];
	if (!tag) return undefined;
	const content = /content=["']([^"']*)["']/i.exec(tag)?.[1];
	return content ? decodeEntities(content).trim() : undefined;
}

function hintsOf(html: string): PageHints {
	const title = /<title[^>]*>([\s\S]{0,500}?)<\/title>/i.exec(html)?.[1];
	const canonical = /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1];
	return {
		title: meta(html, 'og:title') ?? (title ? decodeEntities(title).trim() : undefined),
		outlet: meta(html, 'og:site_name'),
		url: meta(html, 'og:url') ?? canonical,
		publishedAt: meta(html, 'article:published_time') ?? meta(html, 'datePublished')
	};
}

const DROP_BLOCKS = [
	'script',
	'style',
	'noscript',
	'iframe',
	'svg',
	'nav',
	'footer',
	'aside',
	'form',
	'button',
	'select',
	'template'
];

export function htmlToText(html: string): { text: string; hints: PageHints } {
	const hints = hintsOf(html);
	let s = html.replace(/<!--[\s\S]*?-->/g, ' ');
	for (const tag of DROP_BLOCKS)
		if (new RegExp(`</${tag}`, 'i').test(s))
			s = s.replace(new RegExp(`<${tag}\\b[\\s\\S]*?</${tag}\\s*>`, 'gi'), '\n');
	s = s.replace(/<head\b[\s\S]*?<\/head\s*>/i, '\n');
	s = s.replace(/<br\s*\/?>/gi, '\n');
	s = s.replace(
		/<\/?(p|div|li|ul|ol|h[1-6]|tr|table|section|article|header|blockquote|figure|figcaption|dd|dt)\b[^>]*>/gi,
		'\n'
	);
	s = s.replace(/<[^>]{0,2000}>/g, '');
	s = decodeEntities(s);
	const text = s
		.split('\n')
		.map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n');
	return { text, hints };
}
