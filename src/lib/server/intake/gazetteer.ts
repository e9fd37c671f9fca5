/**
 * The place and body names that ship with the app: every province-level division of China,
 * every prefecture of Japan, the US states, Vietnam's and Russia's major units, the cities
 * Korean local governments pair with, Korean domestic bodies and international bodies.
 * Each entry lists every name it goes by (Korean variants, Hanja/kanji, English).
 */
import type { Scope } from './draft-types';
import cn from './data/cn.json';
import jp from './data/jp.json';
import us from './data/us.json';
import vn from './data/vn.json';
import ru from './data/ru.json';
import world from './data/world.json';
import kr from './data/kr.json';
import intl from './data/intl.json';

interface RawEntry {
	ko: string;
	alt?: string[];
	native?: string;
	nativeAlt?: string[];
	en: string;
	enAlt?: string[];
	level: string;
	country?: string;
}
interface RawFile {
	country: string | null;
	scope: string;
	entries: RawEntry[];
}

export interface GazEntry {
	id: string;
	nameKo: string;
	nameEn: string;
	nameNative: string | null;
	country: string | null;
	scope: Scope;
	level: string;
	/** Every name, the Korean one first. */
	names: string[];
}

const ADMIN_SUFFIX = /(현|부|주)$/;

/**
 * Japanese prefectures and US states are often written without 현/주 (가나가와, 캘리포니아);
 * the bare stem is added when it is long enough not to be an ordinary word.
 */
function shortForm(e: RawEntry): string | null {
	if (!['prefecture', 'state'].includes(e.level)) return null;
	const m = ADMIN_SUFFIX.exec(e.ko);
	if (!m) return null;
	const stem = e.ko.slice(0, -1);
	return stem.length >= 3 ? stem : null;
}

function build(): GazEntry[] {
	const files = [cn, jp, us, vn, ru, world, kr, intl] as RawFile[];
	const out: GazEntry[] = [];
	const taken = new Set<string>();
	for (const f of files)
		for (const e of f.entries) for (const n of [e.ko, ...(e.alt ?? [])]) taken.add(n);
	for (const f of files) {
		for (const e of f.entries) {
			const country = e.country ?? f.country;
			const short = shortForm(e);
			const names = [
				e.ko,
				...(e.alt ?? []),
				...(short && !taken.has(short) ? [short] : []),
				...(e.native ? [e.native] : []),
				...(e.nativeAlt ?? []),
				e.en,
				...(e.enAlt ?? [])
			].filter((n) => n.trim() !== '');
			out.push({
				id: `${country ?? 'INT'}:${e.ko}`,
				nameKo: e.ko,
				nameEn: e.en,
				nameNative: e.native || null,
				country,
				scope: f.scope as Scope,
				level: e.level,
				names: [...new Set(names)]
			});
		}
	}
	return out;
}

export const gazetteer: GazEntry[] = build();

const byId = new Map(gazetteer.map((e) => [e.id, e]));

export function gazetteerEntry(id: string): GazEntry | undefined {
	return byId.get(id);
}

/** The entry any of whose names is exactly `name` (after trimming), if one is. */
export function findGazetteerByName(name: string): GazEntry | undefined {
	const n = name.trim();
	return gazetteer.find((e) => e.names.includes(n));
}
