/**
 * A partner's dossier: the one or two pages a governor reads in the car. Built on the partner
 * page's own story (`getPartnerStory`), so it shows exactly what the partner page shows the
 * same viewer.
 */
import type { Conn } from '../db';
import { seoulToday } from '$lib/dates';
import { closedAgreementStatuses } from '$lib/vocab';
import { getPartnerStory } from '../queries/partner-story';
import { exchangeAttendance } from '../queries/briefing-records';
import { countryName, seoulTimestamp } from './describe';
import { dateLabel, localized, participantsLabel, tieView } from './model-records';
import { msg, reportText, vocab, type ReportText } from './text';
import type { BriefingViewer, Lang, TieView } from './types';

/** Lists are cut here to keep the dossier to one or two pages; the rest is counted. */
export const DOSSIER_LIMITS = { exchanges: 25, agreements: 20, sources: 12 };

export interface Dossier {
	lang: Lang;
	text: ReportText;
	id: number;
	title: string;
	nameEn: string | null;
	generatedAtLabel: string;
	generatedBy: string;
	names: { label: string; value: string }[];
	facts: { label: string; value: string }[];
	ties: TieView[];
	exchanges: {
		date: string;
		title: string;
		type: string;
		mode: string;
		participants: string;
		people: string;
	}[];
	exchangesMore: number;
	agreements: { title: string; status: string; due: string; overdue: boolean; open: string[] }[];
	agreementsMore: number;
	sources: { title: string; date: string; url: string | null }[];
	sourcesMore: number;
}

export function buildDossier(
	db: Conn,
	organizationId: number,
	viewer: BriefingViewer,
	opts: { lang?: Lang; now?: Date; generatedBy?: string } = {}
): Dossier | null {
	// A file says exactly how many there are; the page stops counting at STORY_COUNT_CAP.
	const story = getPartnerStory(db, organizationId, viewer, { countCap: Infinity });
	if (!story) return null;
	const lang = opts.lang ?? 'ko';
	const now = opts.now ?? new Date();
	const today = seoulToday(now);
	const t = reportText(lang);
	const o = story.organization;
	const own = new Set([o.nameKo, o.nameEn, o.nameNative].filter(Boolean));
	const names = [
		{ label: t.d_name_ko, value: o.nameKo },
		{ label: t.d_name_en, value: o.nameEn ?? '' },
		{ label: t.d_name_native, value: o.nameNative ?? '' },
		{ label: t.d_aliases, value: story.aliases.filter((a) => !own.has(a)).join(', ') }
	].filter((n) => n.value);
	const facts = [
		{
			label: t.c_country,
			value: countryName(lang, o.scope === 'international' ? 'INTL' : o.country)
		},
		{
			label: t.d_scope,
			value: `${vocab(lang, 'scope', o.scope)} · ${vocab(lang, 'level', o.level)}`
		},
		{ label: t.d_office, value: o.counterpartOffice ?? '' }
	].filter((f) => f.value);
	const shown = story.exchanges.slice(0, DOSSIER_LIMITS.exchanges);
	const attendance = exchangeAttendance(
		db,
		shown.map((x) => x.id)
	);
	const agreements = story.agreements.slice(0, DOSSIER_LIMITS.agreements);
	return {
		lang,
		text: t,
		id: o.id,
		title: msg(lang, 'report_dossier_title', { name: localized(lang, o.nameKo, o.nameEn) }),
		nameEn: o.nameEn,
		generatedAtLabel: seoulTimestamp(now),
		generatedBy: opts.generatedBy ?? viewer.displayName,
		names,
		facts,
		ties: story.ties.map((x) => tieView(lang, x, today)),
		exchanges: shown.map((x) => {
			const a = attendance.get(x.id);
			return {
				date: dateLabel(lang, x.datePrecision, x.dateStart, x.dateEnd),
				title: localized(lang, x.titleKo, x.titleEn),
				type: vocab(lang, 'type', x.type),
				mode: vocab(lang, 'mode', x.mode),
				participants: a ? participantsLabel(lang, a.participants, a.participantsApprox) : '',
				people: (a?.people ?? [])
					.map((p) => `${localized(lang, p.nameKo, p.nameEn)}${p.title ? ` (${p.title})` : ''}`)
					.join(', ')
			};
		}),
		exchangesMore: Math.max(0, story.exchangeTotal - shown.length),
		agreements: agreements.map((a) => ({
			title: localized(lang, a.titleKo, a.titleEn),
			status: vocab(lang, 'agstatus', a.status),
			due: dateLabel(lang, a.duePrecision, a.dueStart, a.dueEnd),
			overdue:
				!!a.dueEnd && a.dueEnd < today && !(closedAgreementStatuses as string[]).includes(a.status),
			open: a.openFollowUps.map(
				(f) =>
					`${f.action}${f.owner ? ` · ${f.owner}` : ''}${f.dueDate ? ` (${dateLabel(lang, 'day', f.dueDate)})` : ''}`
			)
		})),
		agreementsMore: story.agreements.length - agreements.length,
		sources: story.sources.slice(0, DOSSIER_LIMITS.sources).map((s) => ({
			title: s.title,
			date: s.publishedAt ? dateLabel(lang, 'day', seoulToday(new Date(s.publishedAt))) : '',
			url: s.url
		})),
		sourcesMore: Math.max(0, story.sources.length - DOSSIER_LIMITS.sources)
	};
}
