/**
 * Scores the article extractor against labelled articles (tests/fixtures/intake): the two
 * source articles answered by seed-records.json, and the written ones by `<name>.answer.json`.
 * Every field is compared as a multiset of facts keyed by the event's date, so a wrong date
 * costs the facts hanging on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDraft } from '../../src/lib/server/intake/extract';
import type { Draft } from '../../src/lib/server/intake/draft-types';
import { partialDateLabel } from '../../src/lib/dates';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/intake');

export interface AnswerExchange {
	date: string;
	type: string;
	mode?: string;
	status?: string;
	partners?: string[];
	organizers?: string[];
	participantOrgs?: string[];
	presenters?: string[];
	participants?: number | null;
	participantsApprox?: boolean;
	institutions?: number | null;
	recipients?: number | null;
	recipientsApprox?: boolean;
}
export interface Answer {
	article?: { publishedAt?: string | null; outlet?: string | null; url?: string | null };
	exchanges: AnswerExchange[];
	agreements: { partners: string[]; kind: string; status: string; target?: string | null }[];
	ties: { partner: string; kind: string; since: string }[];
}
export interface Case {
	name: string;
	text: string;
	answer: Answer;
}

interface SeedOrg {
	key: string;
	nameKo: string;
	relationship?: string;
	relationshipSince?: string | null;
}
interface Seed {
	articles: { key: string; file: string; registeredAt: string; url: string }[];
	organizations: SeedOrg[];
	exchanges: (AnswerExchange & {
		article: string;
		organizer?: string;
		organizations?: string[];
		roles?: Record<string, string>;
		participantOrgs?: unknown;
	})[];
	agreements: {
		article: string;
		organizations: string[];
		kind: string;
		status: string;
		target?: string;
	}[];
}

/** The answer seed-records.json gives for one source article. */
export function seedAnswer(seed: Seed, articleKey: string): Answer {
	const name = (k: string) => seed.organizations.find((o) => o.key === k)?.nameKo ?? k;
	const a = seed.articles.find((x) => x.key === articleKey)!;
	const exchanges: AnswerExchange[] = seed.exchanges
		.filter((e) => e.article === articleKey)
		.map((e) => {
			const role = (k: string) => e.roles?.[k] ?? (k === e.organizer ? 'organizer' : 'partner');
			const orgs = [
				...new Set([...(e.organizations ?? []), ...(e.organizer ? [e.organizer] : [])])
			];
			return {
				date: e.date,
				type: e.type,
				mode: e.mode,
				status: 'held',
				partners: orgs.filter((k) => role(k) === 'partner').map(name),
				organizers: orgs.filter((k) => role(k) === 'organizer').map(name),
				participantOrgs: orgs.filter((k) => role(k) === 'participant').map(name),
				presenters: orgs.filter((k) => role(k) === 'presenter').map(name),
				participants: e.participants ?? null,
				participantsApprox: e.participantsApprox ?? false,
				institutions: typeof e.participantOrgs === 'number' ? e.participantOrgs : null,
				recipients: e.recipients ?? null,
				recipientsApprox: e.recipientsApprox ?? false
			};
		});
	const involved = new Set(
		seed.exchanges.filter((e) => e.article === articleKey).flatMap((e) => e.organizations ?? [])
	);
	return {
		article: { publishedAt: new Date(a.registeredAt).toISOString(), url: a.url },
		exchanges,
		agreements: seed.agreements
			.filter((g) => g.article === articleKey)
			.map((g) => ({
				partners: g.organizations.map(name),
				kind: g.kind,
				status: g.status,
				target: g.target ?? null
			})),
		ties: seed.organizations
			.filter(
				(o) =>
					involved.has(o.key) &&
					o.relationship &&
					!['unknown', 'none'].includes(o.relationship) &&
					o.relationshipSince
			)
			.map((o) => ({ partner: o.nameKo, kind: o.relationship!, since: o.relationshipSince! }))
	};
}

export function loadCases(dir = FIXTURES): Case[] {
	const seed = JSON.parse(readFileSync(join(dir, 'seed-records.json'), 'utf8')) as Seed;
	const cases: Case[] = seed.articles.map((a) => ({
		name: a.file,
		text: readFileSync(join(dir, a.file), 'utf8'),
		answer: seedAnswer(seed, a.key)
	}));
	for (const f of readdirSync(dir).sort()) {
		const m = /^(.+)\.answer\.json$/.exec(f);
		if (!m) continue;
		const source = readdirSync(dir).find(
			(x) => x.startsWith(`${m[1]}.`) && !x.endsWith('.answer.json')
		)!;
		cases.push({
			name: source,
			text: readFileSync(join(dir, source), 'utf8'),
			answer: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Answer
		});
	}
	return cases;
}

/** One draft exchange in the answer's terms. */
export function asAnswer(d: Draft): Answer {
	const name = (k: string) => d.partners.find((p) => p.key === k)?.nameKo ?? k;
	return {
		article: {
			publishedAt: d.article.publishedAt?.value ?? null,
			outlet: d.article.outlet?.value ?? null,
			url: d.article.url?.value ?? null
		},
		exchanges: d.exchanges.map((x) => {
			const withRole = (r: string) =>
				x.organizations.filter((o) => o.role === r).map((o) => name(o.partnerKey));
			return {
				date: partialDateLabel(x.date.value.precision, x.date.value.start, x.date.value.end),
				type: x.type.value,
				mode: x.mode.value,
				status: x.status,
				partners: withRole('partner'),
				organizers: withRole('organizer'),
				participantOrgs: withRole('participant'),
				presenters: withRole('presenter'),
				participants: x.participants?.value ?? null,
				participantsApprox: x.participants?.approx ?? false,
				institutions: x.institutions?.value ?? null,
				recipients: x.recipients?.value ?? null,
				recipientsApprox: x.recipients?.approx ?? false
			};
		}),
		agreements: d.agreements.map((a) => ({
			partners: a.partnerKeys.map(name),
			kind: a.kind.value,
			status: a.status.value,
			target: a.target?.value ?? null
		})),
		ties: d.ties.map((t) => ({
			partner: name(t.partnerKey),
			kind: t.kind,
			since: t.since
				? partialDateLabel(t.since.value.precision, t.since.value.start, t.since.value.end)
				: ''
		}))
	};
}

const counterparts = (x: AnswerExchange) =>
	[...(x.partners ?? []), ...(x.organizers ?? [])].sort().join('·');

/** The facts of each field, as strings, so gold and draft compare as multisets. */
export const FIELDS: Record<string, (a: Answer) => string[]> = {
	'event date': (a) => a.exchanges.map((x) => x.date),
	'date+partner': (a) =>
		a.exchanges.flatMap((x) =>
			[...(x.partners ?? []), ...(x.organizers ?? [])].map((p) => `${x.date}|${p}`)
		),
	type: (a) => a.exchanges.map((x) => `${x.date}|${counterparts(x)}|${x.type}`),
	mode: (a) =>
		a.exchanges.filter((x) => x.mode).map((x) => `${x.date}|${counterparts(x)}|${x.mode}`),
	status: (a) => a.exchanges.map((x) => `${x.date}|${counterparts(x)}|${x.status ?? 'held'}`),
	'partner (role)': (a) =>
		a.exchanges.flatMap((x) => [
			...(x.partners ?? []).map((p) => `${x.date}|${p}|partner`),
			...(x.organizers ?? []).map((p) => `${x.date}|${p}|organizer`)
		]),
	participants: (a) =>
		a.exchanges.flatMap((x) => [
			...(x.participants != null
				? [`${x.date}|n:${x.participants}|${x.participantsApprox ? '~' : '='}`]
				: []),
			...(x.institutions != null ? [`${x.date}|inst:${x.institutions}`] : []),
			...(x.participantOrgs ?? []).map((p) => `${x.date}|${p}|participant`),
			...(x.presenters ?? []).map((p) => `${x.date}|${p}|presenter`)
		]),
	recipients: (a) =>
		a.exchanges
			.filter((x) => x.recipients != null)
			.map((x) => `${x.date}|${x.recipients}|${x.recipientsApprox ? '~' : '='}`),
	ties: (a) => a.ties.map((t) => `${t.partner}|${t.kind}|${t.since}`),
	'agreement kind/status': (a) =>
		a.agreements.flatMap((g) => g.partners.map((p) => `${p}|${g.kind}|${g.status}`)),
	'agreement target': (a) =>
		a.agreements
			.filter((g) => g.target)
			.flatMap((g) => g.partners.map((p) => `${p}|${g.kind}|${g.target}`))
};

export interface Tally {
	tp: number;
	gold: number;
	pred: number;
}

/** a minus b, as multisets. */
function without(a: string[], b: string[]): string[] {
	const left = [...b];
	return a.filter((x) => {
		const i = left.indexOf(x);
		if (i < 0) return true;
		left.splice(i, 1);
		return false;
	});
}

function overlap(gold: string[], pred: string[]): number {
	const left = [...gold];
	let tp = 0;
	for (const p of pred) {
		const i = left.indexOf(p);
		if (i >= 0) {
			left.splice(i, 1);
			tp++;
		}
	}
	return tp;
}

export interface CaseResult {
	name: string;
	draft: Draft;
	got: Answer;
	tallies: Record<string, Tally>;
	misses: Record<string, { missing: string[]; extra: string[] }>;
}

export function scoreCase(c: Case, today = '2025-01-01'): CaseResult {
	const draft = extractDraft(c.text, { today });
	const got = asAnswer(draft);
	const tallies: Record<string, Tally> = {};
	const misses: CaseResult['misses'] = {};
	for (const [field, facts] of Object.entries(FIELDS)) {
		const g = facts(c.answer);
		const p = facts(got);
		tallies[field] = { tp: overlap(g, p), gold: g.length, pred: p.length };
		const missing = without(g, p);
		const extra = without(p, g);
		if (missing.length || extra.length) misses[field] = { missing, extra };
	}
	return { name: c.name, draft, got, tallies, misses };
}

export function totals(
	results: CaseResult[]
): Record<string, Tally & { precision: number; recall: number }> {
	const out: Record<string, Tally & { precision: number; recall: number }> = {};
	for (const field of Object.keys(FIELDS)) {
		const t = results.reduce(
			(acc, r) => ({
				tp: acc.tp + r.tallies[field].tp,
				gold: acc.gold + r.tallies[field].gold,
				pred: acc.pred + r.tallies[field].pred
			}),
			{ tp: 0, gold: 0, pred: 0 }
		);
		out[field] = {
			...t,
			precision: t.pred ? t.tp / t.pred : 1,
			recall: t.gold ? t.tp / t.gold : 1
		};
	}
	return out;
}

/** Seed exchanges not found with their date, type and partners (the source-article target). */
export function missedSeedExchanges(r: CaseResult, answer: Answer): string[] {
	const key = (x: AnswerExchange) => `${x.date}|${x.type}|${counterparts(x)}`;
	const got = r.got.exchanges.map(key);
	return answer.exchanges.map(key).filter((k) => {
		const i = got.indexOf(k);
		if (i < 0) return true;
		got.splice(i, 1);
		return false;
	});
}
