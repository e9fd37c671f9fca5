/**
 * A briefing over more agreements than SQLite takes parameters in one statement (32,766): the
 * agreements' ids travel as one JSON value, and each keeps exactly its own follow-ups.
 */
import { describe, expect, it } from 'vitest';
import { briefingAgreements } from '../../src/lib/server/queries/briefing-records';
import { freshDb } from '../helpers/db';

const MANY = 33_000;

describe('briefingAgreements at scale', () => {
	it('lists every agreement of a large year with its own follow-ups', () => {
		const db = freshDb();
		const sqlite = db.$client;
		const add = sqlite.prepare(
			`INSERT INTO agreements (kind, title_ko, status, agreed_precision, agreed_start)
			VALUES ('mou', ?, 'agreed', 'day', '2021-03-04')`
		);
		const follow = sqlite.prepare(`INSERT INTO follow_ups (agreement_id, action) VALUES (?, ?)`);
		sqlite.transaction(() => {
			for (let i = 0; i < MANY; i++) {
				const id = Number(add.run(`합의 ${i}`).lastInsertRowid);
				if (i % 1000 === 0) follow.run(id, `후속 ${i}`);
			}
		})();
		const list = briefingAgreements(
			db,
			{ from: '2021-01-01', to: '2021-12-31' },
			{ includeConfidential: false }
		);
		expect(list).toHaveLength(MANY);
		const withActions = list.filter((a) => a.followUps.length);
		expect(withActions).toHaveLength(MANY / 1000);
		for (const a of withActions) expect(a.followUps[0].action).toBe(`후속 ${a.titleKo.slice(3)}`);
	}, 60_000);
});
