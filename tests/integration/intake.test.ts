import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../src/lib/server/intake/extract';
import { findSimilarExchanges, intakeSummary } from '../../src/lib/server/queries/intake';
import { saveIntake } from '../../src/lib/server/queries/intake-write';
import { setHome } from '../../src/lib/server/queries/settings';
import { intakeErrors, intakeFormInput, intakeSaveSchema } from '../../src/lib/schemas/intake';
import { draftFormValues, toFormData, type FormValues } from '../../src/lib/intake-form';
import { demoDb, freshDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const fixture = (f: string) =>
	readFileSync(new URL(`../fixtures/intake/${f}`, import.meta.url), 'utf8');
const ARTICLE_2020 = fixture('2020-12-02-gyeonggi-online-exchange.txt');

function parse(values: FormValues) {
	return intakeSaveSchema.safeParse(intakeFormInput(toFormData(values)));
}

describe('intake against the database', () => {
	it('matches partners the database knows by any alias, and never the home government', () => {
		const db = demoDb();
		const d = extractDraft(ARTICLE_2020, { db });
		const byName = Object.fromEntries(d.partners.map((p) => [p.nameKo, p]));
		for (const name of [
			'산둥성',
			'허베이성',
			'충칭시',
			'지린성',
			'가나가와현',
			'세계지방정부연합 아태지부'
		])
			expect(byName[name]?.match).not.toBeNull();
		expect(d.partners.some((p) => /경기/.test(p.nameKo))).toBe(false);
		const motie = extractDraft(fixture('2019-09-06-motie-local-trade-workshop.txt'), { db });
		// the demo data already has the misspelling as an alias: an exact match, no suggestion
		const centre = motie.partners.find((p) => p.nameKo === '경기창조경제혁신센터')!;
		expect(centre.match).not.toBeNull();
		expect(centre.suggestion).toBeNull();
	});

	it('treats whatever government is home as our side', () => {
		const db = freshDb();
		setHome(db, {
			nameKo: '충청북도',
			nameEn: 'Chungcheongbuk-do',
			country: 'KR',
			unit: '국제통상과'
		});
		const d = extractDraft(fixture('2019-09-06-motie-local-trade-workshop.txt'), { db });
		expect(d.partners.map((p) => p.nameKo)).not.toContain('충청북도');
		expect(d.home.nameKo).toBe('충청북도');
	});

	it('finds an existing exchange with the same date, partner and type', () => {
		const db = demoDb();
		const d = extractDraft(ARTICLE_2020, { db });
		const x = d.exchanges.find((e) => e.date.value.start === '2020-09-21')!;
		const org = d.partners.find((p) => p.key === x.organizations[0].partnerKey)!.match!
			.organizationId;
		const similar = findSimilarExchanges(
			db,
			{ dateStart: '2020-09-21', type: 'video_conference', organizationIds: [org] },
			{ includeConfidential: false }
		);
		expect(similar).toHaveLength(1);
		expect(
			findSimilarExchanges(
				db,
				{ dateStart: '2020-09-21', type: 'meeting', organizationIds: [org] },
				{ includeConfidential: false }
			)
		).toEqual([]);
	});
});

describe('saving a reviewed draft', () => {
	it('writes the source, partners and every kept draft in one go, linked and audited', async () => {
		const db = freshDb();
		const editor = await makeUser(db, 'editor');
		const draft = extractDraft(ARTICLE_2020, { db });
		const values = draftFormValues(draft);
		// the reviewer drops the first agreement
		delete values['a.0.keep'];
		const parsed = parse(values);
		expect(parsed.success).toBe(true);
		const result = saveIntake(db, parsed.data!, { id: editor.id, role: 'editor' }, '2024-01-01');
		expect(result.exchangeIds).toHaveLength(7);
		expect(result.agreementIds).toHaveLength(draft.agreements.length - 1);
		expect(result.tieIds).toHaveLength(1);
		expect(result.createdOrganizationIds).toHaveLength(draft.partners.length);

		const q = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
		expect(
			q<{ d: string }>(
				"SELECT date_start d FROM exchanges WHERE type = 'video_conference' ORDER BY date_start"
			).map((r) => r.d)
		).toEqual(['2020-09-21', '2020-10-13', '2020-11-04', '2020-11-04', '2020-12-01']);
		const links = q<{ t: string; n: number }>(
			'SELECT entity_type t, count(*) n FROM source_links GROUP BY entity_type ORDER BY t'
		);
		expect(links).toEqual([
			{ t: 'agreement', n: result.agreementIds.length },
			{ t: 'exchange', n: 7 },
			{ t: 'organization', n: draft.partners.length },
			{ t: 'tie', n: 1 }
		]);
		const audit = q<{ a: string; e: string; u: number }>(
			'SELECT action a, entity_type e, user_id u FROM audit_log'
		);
		expect(audit.filter((r) => r.u === editor.id).length).toBe(
			1 + draft.partners.length + 7 + result.agreementIds.length + 1 + 1
		);
		expect(audit).toContainEqual({ a: 'intake', e: 'source', u: editor.id });
		const tie = q<{ kind: string; p: string; s: string }>(
			'SELECT kind, date_precision p, date_start s FROM ties'
		)[0];
		expect(tie).toEqual({ kind: 'sister', p: 'year', s: '1990-01-01' });
		const postponed = q<{ due_from: string; due_to: string }>(
			"SELECT due_from, due_to FROM agreement_status_history WHERE status = 'postponed'"
		);
		expect(postponed).toEqual([{ due_from: '2020', due_to: '2021' }]);
		const shandong = q<{ name_ko: string; counterpart_office: string }>(
			"SELECT name_ko, counterpart_office FROM organizations WHERE name_ko = '산둥성'"
		);
		expect(shandong).toEqual([{ name_ko: '산둥성', counterpart_office: '외사판공실' }]);
		const summary = intakeSummary(db, result.sourceId)!;
		expect(summary.exchanges).toHaveLength(7);

		// saved again, the article's partners are now matched, not created
		const again = extractDraft(ARTICLE_2020, { db });
		expect(again.partners.every((p) => p.match)).toBe(true);
	});

	it('uses the reviewer’s edits and decisions', async () => {
		const db = demoDb();
		const draft = extractDraft(ARTICLE_2020, { db });
		const values = draftFormValues(draft);
		for (const k of Object.keys(values))
			if (/^(a|t)\.\d+\.keep$/.test(k) || /^x\.[1-9]\d*\.keep$/.test(k)) delete values[k];
		values['x.0.title'] = '경기도 e-뉴스레터 (검토함)';
		const before = db.$client.prepare('SELECT count(*) n FROM organizations').get() as {
			n: number;
		};
		const parsed = parse(values);
		const result = saveIntake(db, parsed.data!, null, '2024-01-01');
		expect(result.exchangeIds).toHaveLength(1);
		expect(result.reusedSource).toBe(true);
		expect(
			(db.$client.prepare('SELECT count(*) n FROM organizations').get() as { n: number }).n
		).toBe(before.n);
		expect(
			(
				db.$client
					.prepare('SELECT title_ko t FROM exchanges WHERE id = ?')
					.get(result.exchangeIds[0]) as { t: string }
			).t
		).toBe('경기도 e-뉴스레터 (검토함)');
	});

	it('reports bad values under the form’s field names and saves nothing', () => {
		const db = freshDb();
		const values = draftFormValues(extractDraft(ARTICLE_2020, { db }));
		values['x.2.date'] = '2020-13-45';
		values['x.3.title'] = '';
		values['src.title'] = '';
		values['p.0.action'] = 'steal';
		delete values['x.4.keep'];
		values['x.4.date'] = 'not a date but dropped';
		const parsed = parse(values);
		expect(parsed.success).toBe(false);
		expect(intakeErrors(parsed.error!)).toEqual({
			'x.2.date': 'ex_date_invalid',
			'x.3.title': 'required',
			'src.title': 'required',
			'p.0.action': 'form_invalid_choice'
		});
	});
});
