/**
 * Article text → draft records for review. Deterministic rules and the shipped gazetteer;
 * no network, no model. Never throws: whatever it cannot read it lists in `draft.warnings`.
 */
import { seoulToday } from '$lib/dates';
import type { Conn } from '../db';
import { defaultHome } from '../queries/settings';
import { intakeLookup } from '../queries/intake';
import type { Draft, DraftWarning } from './draft-types';
import { cleanArticle } from './clean';
import { readArticleMeta } from './article-meta';
import { segment } from './clauses';
import { maskSpeech, type Ctx } from './context';
import { parseYmd } from './dates';
import { findExchanges } from './events';
import { findAgreements } from './agreements';
import { findTies } from './ties';
import { PartnerBook, type PartnerLookup } from './partners';

export interface ExtractOptions {
	db?: Conn;
	/** What the database knows, when the caller has it already (tests, bulk runs). */
	lookup?: PartnerLookup;
	/** Today's date (YYYY-MM-DD), used only when the article states none. */
	today?: string;
	/** The article's date as the reviewer gives it, overriding what the text says. */
	articleDate?: string;
}

/** Input beyond this is cut before anything else runs. */
export const MAX_INPUT = 1_000_000;
/** Body text analysed for records; the rest is kept but not read. */
export const MAX_BODY = 200_000;

const emptyLookup: PartnerLookup = { home: defaultHome, known: [], findByName: () => null };

function lookupFor(opts: ExtractOptions): PartnerLookup {
	if (opts.lookup) return opts.lookup;
	return opts.db ? intakeLookup(opts.db) : emptyLookup;
}

function emptyDraft(
	text: string,
	home: PartnerLookup['home'],
	today: string,
	warnings: DraftWarning[]
): Draft {
	return {
		text,
		article: {
			title: null,
			outlet: null,
			url: null,
			publishedAt: null,
			seoulDate: today,
			dateAssumed: true
		},
		home,
		partners: [],
		exchanges: [],
		agreements: [],
		ties: [],
		warnings
	};
}

export function extractDraft(input: unknown, opts: ExtractOptions = {}): Draft {
	const today = /^\d{4}-\d{2}-\d{2}$/.test(opts.today ?? '') ? opts.today! : seoulToday();
	const warnings: DraftWarning[] = [];
	let raw = typeof input === 'string' ? input : '';
	if (raw.length > MAX_INPUT) {
		raw = raw.slice(0, MAX_INPUT);
		warnings.push({ code: 'truncated' });
	}
	let lookup = emptyLookup;
	try {
		lookup = lookupFor(opts);
		return run(raw, lookup, today, opts.articleDate, warnings);
	} catch (e) {
		warnings.push({ code: 'internal', detail: e instanceof Error ? e.message : String(e) });
		return emptyDraft(raw, lookup.home, today, warnings);
	}
}

function run(
	raw: string,
	lookup: PartnerLookup,
	today: string,
	articleDate: string | undefined,
	warnings: DraftWarning[]
): Draft {
	const { text, hints } = cleanArticle(raw);
	if (!text.trim()) return emptyDraft(text, lookup.home, today, [...warnings, { code: 'empty' }]);
	const meta = readArticleMeta(text, hints);
	const given = articleDate && /^\d{4}-\d{2}-\d{2}$/.test(articleDate) ? articleDate : null;
	const refIso = given ?? meta.seoulDate ?? today;
	const dateAssumed = !given && !meta.seoulDate;
	if (dateAssumed) warnings.push({ code: 'no_article_date', detail: today });
	if (!meta.title) warnings.push({ code: 'no_title' });
	const bodyEnd = Math.min(text.length, meta.bodyStart + MAX_BODY);
	if (bodyEnd < text.length) warnings.push({ code: 'body_truncated' });
	const sentences = segment(text, meta.bodyStart, bodyEnd);
	const book = new PartnerBook(text, lookup, meta.bodyStart, bodyEnd);
	const ctx: Ctx = {
		text,
		masked: maskSpeech(text, sentences),
		sentences,
		book,
		ref: parseYmd(refIso),
		refIso,
		home: lookup.home,
		warnings
	};
	const { exchanges, context } = findExchanges(ctx);
	const agreements = findAgreements(ctx, context);
	const ties = findTies(ctx, context, agreements, exchanges);
	const partners = book.list();
	if (!exchanges.length) warnings.push({ code: 'no_exchanges' });
	for (const p of partners)
		if (p.suggestion)
			warnings.push({
				code: 'near_spelling',
				detail: `${p.written} → ${p.suggestion.nameKo}`,
				span: p.mentions[0]
			});
	if (!/[\uAC00-\uD7A3]/.test(text)) warnings.push({ code: 'not_korean' });
	return {
		text,
		article: {
			title: meta.title,
			outlet: meta.outlet,
			url: meta.url,
			publishedAt: meta.publishedAt,
			seoulDate: refIso,
			dateAssumed
		},
		home: lookup.home,
		partners,
		exchanges,
		agreements,
		ties,
		warnings
	};
}
