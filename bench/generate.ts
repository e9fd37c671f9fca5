/**
 * A deterministic synthetic dataset written through the app's own write code (insertExchange,
 * insertAgreement, insertSource, … in bulk transactions), so triggers, audit rows and the
 * search index cost what they cost in real use. Fixed seed: the same N gives the same data.
 */
import type { DB } from '../src/lib/server/db';
import { parsePartialDate, type PartialDate } from '../src/lib/dates';
import { exchangeTypeKo, type ExchangeType, type Field } from '../src/lib/vocab';
import { insertExchange } from '../src/lib/server/queries/exchanges-write';
import { setHome, defaultHome } from '../src/lib/server/queries/settings';
import articles from '../src/lib/server/demo/articles.json';
import { articleSentences, rng, type Rng } from './random';
import { countryList, makePartners, makeTies, type Partner } from './generate-partners';
import { writeAgreements, writeSources, type Held } from './generate-records';

export const SEARCH_TITLE_WORD = '간담회';
export const SEARCH_PARTNER_NAME = '산둥';
const CHUNK = 1000;

const pad = (n: number) => String(n).padStart(2, '0');
const date = (v: string): PartialDate => parsePartialDate(v)!;

const titleWords = [
	'협력회의',
	'연석회의',
	'박람회',
	SEARCH_TITLE_WORD,
	'실무협의',
	'교류전',
	'설명회',
	'대표단'
];
const departments = [
	'외교통상과',
	'국제협력과',
	'투자진흥과',
	'관광과',
	'농업정책과',
	'교육협력과',
	'문화정책과',
	'보건정책과'
];
const fieldList: Field[] = [
	'administration',
	'economy_trade',
	'agriculture',
	'culture_arts',
	'tourism',
	'sports',
	'education_youth',
	'health_welfare',
	'environment',
	'science_technology',
	'people'
];

function exchangeDate(r: Rng): string {
	const y = Math.min(2026, 1985 + Math.floor(42 * Math.sqrt(r.next())));
	const m = r.int(1, y === 2026 ? 11 : 12);
	const kind = r.next();
	return kind < 0.85
		? `${y}-${pad(m)}-${pad(r.int(1, 28))}`
		: kind < 0.95
			? `${y}-${pad(m)}`
			: `${y}`;
}

function mode(r: Rng, type: ExchangeType, y: number) {
	if (type === 'video_conference' || type === 'newsletter') return 'online' as const;
	if (r.chance(0.03)) return null;
	const [online, hybrid] = y >= 2022 ? [0.15, 0.15] : y >= 2020 ? [0.6, 0.1] : [0.02, 0.01];
	const x = r.next();
	return x < online
		? ('online' as const)
		: x < online + hybrid
			? ('hybrid' as const)
			: ('in_person' as const);
}

export interface Generated {
	exchangeIds: number[];
	bigPartnerId: number;
}

/** Writes N exchanges, N/5 agreements, N/20 follow-ups, N/10 sources with ~2 KB of text each. */
export function generate(
	db: DB,
	n: number,
	actor: { id: number },
	log: (s: string) => void
): Generated {
	const r = rng(20201202);
	const sentences = articleSentences(articles as Record<string, string>);
	const list = countryList(r);
	const countryWeights = Object.fromEntries(list.map((c) => [c.code, c.weight]));
	const { all, byCountry } = db.transaction((tx) => {
		setHome(tx, defaultHome);
		const made = makePartners(tx, r, list, actor);
		makeTies(tx, r, made.all, actor);
		return made;
	});
	log(`partners ${all.length} in ${byCountry.size} countries`);
	// Within a country a few partners carry most exchanges (Zipf), as in real offices.
	const partnerIn = (c: string) => {
		const ps = byCountry.get(c)!;
		return ps[Math.min(ps.length - 1, Math.floor(ps.length * r.next() ** 2.5))];
	};
	const exchangeIds: number[] = [];
	const heldDates: Held[] = [];
	for (let done = 0; done < n; done += CHUNK) {
		db.transaction((tx) => {
			for (let i = done; i < Math.min(n, done + CHUNK); i++) {
				const type = r.weighted<ExchangeType>({
					meeting: 25,
					visit_inbound: 15,
					visit_outbound: 15,
					video_conference: 10,
					forum: 10,
					workshop: 8,
					ceremony: 7,
					newsletter: 5,
					other: 5
				});
				const d = date(exchangeDate(r));
				const count = r.weighted({ 0: 5, 1: 78, 2: 14, 3: 3 });
				const partners: Partner[] = [];
				for (let k = 0; k < Number(count); k++) {
					const p =
						k > 0 && r.chance(0.5) ? r.pick(all) : partnerIn(String(r.weighted(countryWeights)));
					if (!partners.includes(p)) partners.push(p);
				}
				const names = partners.map((p) => p.name);
				const status = r.weighted({ held: 92, planned: 4, postponed: 2, cancelled: 2 } as const);
				const row = insertExchange(
					tx,
					{
						type,
						status,
						titleKo: `경기도–${names.join('·') || '해외'} ${exchangeTypeKo[type]}${r.chance(0.3) ? ` ${r.pick(titleWords)}` : ''}`,
						date: d,
						mode: mode(r, type, Number(d.start.slice(0, 4))),
						department: r.chance(0.7) ? r.pick(departments) : null,
						summaryKo: r.chance(0.5) ? r.pick(sentences) : null,
						visibility: r.chance(0.03) ? 'confidential' : 'normal',
						organizations: partners.map((p) => ({
							organizationId: p.id,
							role: r.chance(0.05) ? 'organizer' : 'partner'
						})),
						fields: r.shuffle(fieldList).slice(0, Number(r.weighted({ 0: 20, 1: 55, 2: 25 })))
					},
					actor,
					{ partnerNames: names }
				);
				exchangeIds.push(row.id);
				if (status === 'held') heldDates.push({ id: row.id, date: d, partners });
			}
		});
		if ((done / CHUNK) % 20 === 0) log(`exchanges ${Math.min(n, done + CHUNK)} / ${n}`);
	}
	writeAgreements(db, r, Math.round(n / 5), heldDates, actor);
	log(`agreements ${Math.round(n / 5)}, follow-ups ${Math.round(n / 20)}`);
	writeSources(db, r, Math.round(n / 10), heldDates, sentences, all, actor);
	log(`sources ${Math.round(n / 10)}`);
	return { exchangeIds, bigPartnerId: all[0].id };
}
