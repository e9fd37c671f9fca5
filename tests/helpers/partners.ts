/** Records for the partners/people/sources tests, made through the app's own write code. */
import { eq } from 'drizzle-orm';
import type { DB } from '../../src/lib/server/db';
import { exchangePeople, organizations } from '../../src/lib/server/db/schema';
import { insertExchange, type ExchangeInput } from '../../src/lib/server/queries/exchanges-write';
import { parsePartialDate } from '../../src/lib/dates';
import type { Actor } from '../../src/lib/server/audit';

export function orgId(db: DB, nameKo: string): number {
	const row = db.select().from(organizations).where(eq(organizations.nameKo, nameKo)).get();
	if (!row) throw new Error(`no organization ${nameKo}`);
	return row.id;
}

/** An exchange with one partner, dated `date` (2020, 2020-11 or 2020-11-04). */
export function addExchange(
	db: DB,
	actor: Actor | null,
	partnerId: number,
	fields: Omit<Partial<ExchangeInput>, 'date'> & { date?: string } = {}
) {
	const { date, ...rest } = fields;
	return db.transaction((tx) =>
		insertExchange(
			tx,
			{
				type: 'meeting',
				titleKo: '시험 교류',
				date: parsePartialDate(date ?? '2021-03-02')!,
				organizations: [{ organizationId: partnerId, role: 'partner' }],
				...rest
			},
			actor
		)
	);
}

export function linkPerson(db: DB, exchangeId: number, personId: number) {
	db.insert(exchangePeople).values({ exchangeId, personId, role: 'counterpart' }).run();
}

/** The smallest valid PDF-looking content: the magic bytes are what the upload checks. */
export const pdfBytes = (text = 'x') => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
export const pngBytes = () =>
	new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
