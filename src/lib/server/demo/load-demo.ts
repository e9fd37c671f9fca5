/**
 * Loads the records a careful person made from the two source articles (seed-records.json)
 * into an empty database, once. Each record is linked to the article it came from.
 */
import { sql } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import { exchanges, organizations, settings } from '../db/schema';
import { parsePartialDate, type PartialDate } from '$lib/dates';
import {
	proposeExchangeTitle,
	type AgreementStatus,
	type ExchangeType,
	type Field,
	type Mode,
	type OrgRole
} from '$lib/vocab';
import { insertOrganization } from '../queries/organizations';
import { insertExchange } from '../queries/exchanges-write';
import { insertAgreement } from '../queries/agreements-write';
import { insertTie } from '../queries/ties-write';
import { insertSource, linkSource } from '../queries/sources-write';
import { setHome, type Home } from '../queries/settings';
import seed from './seed-records.json' with { type: 'json' };
import articleTexts from './articles.json' with { type: 'json' };

interface SeedOrg {
	key: string;
	nameKo: string;
	nameEn?: string;
	nameNative?: string;
	country: string | null;
	scope: 'foreign' | 'domestic' | 'international';
	level: string;
	relationship?: string;
	relationshipSince?: string | null;
	note?: string;
	aliases?: string[];
}
interface SeedExchange {
	article: string;
	date: string;
	type: ExchangeType;
	mode: Mode;
	title?: string;
	location?: string;
	organizer?: string;
	participants?: number;
	participantsApprox?: boolean;
	participantOrgs?: number;
	recipients?: number;
	recipientsApprox?: boolean;
	organizations?: string[];
	topics?: string[];
	note?: string;
	fields?: Field[];
	roles?: Record<string, OrgRole>;
}
interface SeedAgreement {
	article: string;
	organizations: string[];
	kind: string;
	status: AgreementStatus;
	title: string;
	from?: string;
	target?: string;
	fields?: Field[];
}

const DEMO_FLAG = 'demo_loaded';

function date(value: string): PartialDate {
	const d = parsePartialDate(value);
	if (!d) throw new Error(`seed-records.json: bad date ${value}`);
	return d;
}

export function isEmptyDatabase(db: Conn): boolean {
	const orgs =
		db
			.select({ n: sql<number>`count(*)` })
			.from(organizations)
			.get()?.n ?? 0;
	const exs =
		db
			.select({ n: sql<number>`count(*)` })
			.from(exchanges)
			.get()?.n ?? 0;
	return orgs === 0 && exs === 0;
}

/** Loads the demo records when the database is empty and they were never loaded; returns whether it did. */
export function loadDemoData(db: DB): boolean {
	return db.transaction((tx) => {
		const flagged = tx
			.select()
			.from(settings)
			.where(sql`${settings.key} = ${DEMO_FLAG}`)
			.get();
		if (flagged || !isEmptyDatabase(tx)) return false;
		loadInto(tx);
		tx.insert(settings).values({ key: DEMO_FLAG, value: new Date().toISOString() }).run();
		return true;
	});
}

function loadInto(tx: Conn): void {
	setHome(tx, seed.home as Home);
	const sourceIds = new Map<string, number>();
	const texts = articleTexts as Record<string, string>;
	for (const a of seed.articles) {
		const s = insertSource(
			tx,
			{
				title: a.title,
				url: a.url,
				publishedAt: new Date(a.registeredAt).toISOString(),
				body: texts[a.key] ?? null
			},
			null
		);
		sourceIds.set(a.key, s.id);
	}
	const orgIds = new Map<string, number>();
	const orgNames = new Map<string, string>();
	const orgArticles = new Map<string, Set<string>>();
	const touch = (orgKey: string, article: string) => {
		if (!orgArticles.has(orgKey)) orgArticles.set(orgKey, new Set());
		orgArticles.get(orgKey)!.add(article);
	};
	for (const o of seed.organizations as SeedOrg[]) {
		const org = insertOrganization(
			tx,
			{ ...o, notes: o.note ?? null, aliases: o.aliases ?? [] },
			null
		);
		orgIds.set(o.key, org.id);
		orgNames.set(o.key, o.nameKo);
		if (o.relationship && !['unknown', 'none'].includes(o.relationship) && o.relationshipSince) {
			const kind = o.relationship as 'sister' | 'friendship' | 'mou';
			const tie = insertTie(
				tx,
				{ organizationId: org.id, kind, date: date(o.relationshipSince) },
				null
			);
			// The tie is implied by the article that names its anniversary.
			for (const e of seed.exchanges as SeedExchange[])
				if (e.organizations?.includes(o.key))
					linkSource(tx, sourceIds.get(e.article)!, 'tie', tie.id);
		}
	}
	const exchangeByDateAndOrg = new Map<string, number>();
	for (const e of seed.exchanges as SeedExchange[]) {
		const orgKeys = [
			...new Set([...(e.organizations ?? []), ...(e.organizer ? [e.organizer] : [])])
		];
		const links = orgKeys.map((k) => ({
			organizationId: orgIds.get(k)!,
			role: e.roles?.[k] ?? (k === e.organizer ? 'organizer' : 'partner')
		}));
		const partnerNames = orgKeys
			.filter((k) => (e.roles?.[k] ?? 'partner') === 'partner')
			.map((k) => orgNames.get(k)!);
		const row = insertExchange(
			tx,
			{
				type: e.type,
				status: 'held',
				titleKo: e.title ?? proposeExchangeTitle(seed.home.nameKo, e.type, partnerNames),
				date: date(e.date),
				mode: e.mode,
				location: e.location ?? null,
				participants: e.participants ?? null,
				participantsApprox: e.participantsApprox ?? false,
				institutions: e.participantOrgs ?? null,
				recipients: e.recipients ?? null,
				recipientsApprox: e.recipientsApprox ?? false,
				topics: e.topics ?? [],
				notes: e.note ?? null,
				fields: e.fields ?? [],
				organizations: links
			},
			null,
			{ partnerNames: orgKeys.map((k) => orgNames.get(k)!) }
		);
		linkSource(tx, sourceIds.get(e.article)!, 'exchange', row.id);
		for (const k of orgKeys) {
			exchangeByDateAndOrg.set(`${e.date}|${k}`, row.id);
			touch(k, e.article);
		}
	}
	for (const a of seed.agreements as SeedAgreement[]) {
		const exchangeId = a.from
			? (exchangeByDateAndOrg.get(`${a.from}|${a.organizations[0]}`) ?? null)
			: null;
		const postponed = a.status === 'postponed' && a.from;
		const row = insertAgreement(
			tx,
			{
				exchangeId,
				kind: a.kind,
				titleKo: a.title,
				status: a.status,
				due: a.target ? date(a.target) : null,
				organizationIds: a.organizations.map((k) => orgIds.get(k)!),
				fields: a.fields ?? [],
				// The anniversary was due in 2020 and was postponed to 2021 at the meeting that day.
				history: postponed
					? [
							{
								status: 'postponed',
								changedOn: a.from!,
								dueFrom: String(Number(a.target) - 1),
								dueTo: a.target ?? null
							}
						]
					: undefined
			},
			null,
			{ today: a.from ?? seed.articles.find((x) => x.key === a.article)!.registeredAt.slice(0, 10) }
		);
		linkSource(tx, sourceIds.get(a.article)!, 'agreement', row.id);
		for (const k of a.organizations) touch(k, a.article);
	}
	for (const [key, articles] of orgArticles)
		for (const article of articles)
			linkSource(tx, sourceIds.get(article)!, 'organization', orgIds.get(key)!);
}
