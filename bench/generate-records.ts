/** The benchmark's agreements, follow-up actions and source articles. */
import type { DB } from '../src/lib/server/db';
import { followUps } from '../src/lib/server/db/schema';
import { parsePartialDate, type PartialDate } from '../src/lib/dates';
import { insertAgreement } from '../src/lib/server/queries/agreements-write';
import { insertSource, linkSource } from '../src/lib/server/queries/sources-write';
import type { Rng } from './random';
import type { Partner } from './generate-partners';

const CHUNK = 1000;
const pad = (n: number) => String(n).padStart(2, '0');
const date = (v: string): PartialDate => parsePartialDate(v)!;

export interface Held {
	id: number;
	date: PartialDate;
	partners: Partner[];
}

function dueAfter(r: Rng, start: string): PartialDate | null {
	if (!r.chance(0.6)) return null;
	const [y, m] = start.split('-').map(Number);
	const t = y * 12 + (m - 1) + r.int(1, 24);
	const v = `${Math.floor(t / 12)}-${pad((t % 12) + 1)}`;
	return date(r.chance(0.5) ? v : `${v}-${pad(r.int(1, 28))}`);
}

export function writeAgreements(
	db: DB,
	r: Rng,
	count: number,
	held: Held[],
	actor: { id: number }
) {
	const ids: number[] = [];
	for (let done = 0; done < count; done += CHUNK)
		db.transaction((tx) => {
			for (let i = done; i < Math.min(count, done + CHUNK); i++) {
				const x = r.pick(held);
				const own = r.chance(0.25);
				const a = insertAgreement(
					tx,
					{
						exchangeId: own ? null : x.id,
						agreed: own ? x.date : null,
						kind: r.weighted({
							commitment: 60,
							mou: 10,
							friendship: 5,
							sister: 3,
							invitation: 12,
							joint_declaration: 5,
							other: 5
						}),
						titleKo: `${x.partners[0]?.name ?? '해외'} ${r.pick(['정기 협의 개최', '공동 사업 추진', '대표단 상호 방문', '박람회 참가', '청소년 교류'])}`,
						status: r.weighted({
							agreed: 25,
							in_progress: 15,
							completed: 15,
							signed: 10,
							postponed: 5,
							under_discussion: 10,
							proposed: 10,
							cancelled: 5,
							received: 5
						}),
						due: dueAfter(r, x.date.start),
						organizationIds: x.partners.map((p) => p.id)
					},
					actor,
					{ today: x.date.start }
				);
				ids.push(a.id);
			}
		});
	const actions = Math.round(count / 4);
	db.transaction((tx) => {
		for (let i = 0; i < actions; i++) {
			const y = r.int(1986, 2027);
			tx.insert(followUps)
				.values({
					agreementId: r.pick(ids),
					action: r.pick(['결과 보고', '회신', '예산 협의', '후속 방문 준비']),
					dueDate: `${y}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
					doneAt: r.chance(0.5) ? `${y}-01-01T00:00:00Z` : null
				})
				.run();
		}
	});
}

export function writeSources(
	db: DB,
	r: Rng,
	count: number,
	held: Held[],
	sentences: string[],
	partners: Partner[],
	actor: { id: number }
) {
	const demoNames = ['산둥성', '허베이성', '충칭시', '지린성', '가나가와현'];
	for (let done = 0; done < count; done += CHUNK)
		db.transaction((tx) => {
			for (let i = done; i < Math.min(count, done + CHUNK); i++) {
				const x = r.pick(held);
				const names = x.partners.length ? x.partners.map((p) => p.name) : [r.pick(partners).name];
				let body = '';
				while (body.length < 2000) body += r.pick(sentences) + ' ';
				for (const demo of demoNames) body = body.split(demo).join(r.pick(names));
				const s = insertSource(
					tx,
					{
						title: `경기도, ${names[0]}와 교류 협력 강화`,
						publisher: '경기인뉴스',
						url: `https://news.example/view.php?idx=${i + 1}`,
						publishedAt: `${x.date.start}T03:00:00.000Z`,
						body
					},
					actor
				);
				linkSource(tx, s.id, 'exchange', x.id);
			}
		});
}
