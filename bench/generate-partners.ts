/** The benchmark's partners (~2,000 in ~80 countries) and their ties. */
import countries from 'i18n-iso-countries';
import type { Conn } from '../src/lib/server/db';
import { parsePartialDate, type PartialDate } from '../src/lib/dates';
import { insertOrganization } from '../src/lib/server/queries/organizations';
import { insertTie } from '../src/lib/server/queries/ties-write';
import type { Rng } from './random';

const pad = (n: number) => String(n).padStart(2, '0');
const date = (v: string): PartialDate => parsePartialDate(v)!;

export interface Partner {
	id: number;
	name: string;
	country: string | null;
}

/** ~80 countries, China 40 % and Japan 18 % of the activity, the rest on a long tail. */
export function countryList(r: Rng): { code: string; weight: number }[] {
	const head = ['CN', 'JP', 'US', 'VN', 'RU', 'MN', 'TH', 'ID', 'PH', 'IN', 'DE', 'FR', 'GB', 'AU'];
	const rest = Object.keys(countries.getAlpha2Codes())
		.filter((c) => !head.includes(c) && c !== 'KR')
		.sort();
	const codes = [...head, ...r.shuffle(rest).slice(0, 80 - head.length)];
	return codes.map((code, i) => ({
		code,
		weight: code === 'CN' ? 40 : code === 'JP' ? 18 : 42 / (i + 1) / 4.3
	}));
}

const syllables = '하산동강서남북청안화평광진성주양천원영해운림경태신대용봉길'.split('');
const suffix: Record<string, string[]> = {
	CN: ['성', '시'],
	JP: ['현', '시'],
	US: ['주', '시']
};

export function makePartners(
	tx: Conn,
	r: Rng,
	list: { code: string; weight: number }[],
	actor: { id: number }
) {
	const total = list.reduce((s, c) => s + c.weight, 0);
	const byCountry = new Map<string, Partner[]>();
	const all: Partner[] = [];
	const add = (
		name: string,
		country: string | null,
		scope: 'foreign' | 'domestic' | 'international'
	) => {
		const org = insertOrganization(tx, { nameKo: name, country, scope, level: 'other' }, actor);
		const p = { id: org.id, name, country };
		all.push(p);
		if (country) byCountry.set(country, [...(byCountry.get(country) ?? []), p]);
		return p;
	};
	add('산둥성', 'CN', 'foreign');
	for (const c of list) {
		const n = Math.max(1, Math.round((1940 * c.weight) / total));
		for (let i = byCountry.get(c.code)?.length ?? 0; i < n; i++) {
			const ends = suffix[c.code] ?? ['시', '주', '도'];
			add(
				`${r.pick(syllables)}${r.pick(syllables)}${r.pick(ends)}${i > 40 ? i : ''}`,
				c.code,
				'foreign'
			);
		}
	}
	for (let i = 0; i < 20; i++) add(`국제지방정부협의체 ${i + 1}`, null, 'international');
	for (let i = 0; i < 40; i++)
		add(`국내기관 ${r.pick(syllables)}${r.pick(syllables)} ${i + 1}`, 'KR', 'domestic');
	return { all, byCountry };
}

export function makeTies(tx: Conn, r: Rng, partners: Partner[], actor: { id: number }) {
	for (const p of partners) {
		if (!p.country || p.country === 'KR' || r.next() > 0.7) continue;
		const y = r.int(1985, 2024);
		const v = r.chance(0.6)
			? `${y}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`
			: r.chance(0.6)
				? `${y}-${pad(r.int(1, 12))}`
				: `${y}`;
		insertTie(
			tx,
			{
				organizationId: p.id,
				kind: r.weighted({ sister: 35, friendship: 45, mou: 20 }),
				date: date(v)
			},
			actor
		);
	}
}
