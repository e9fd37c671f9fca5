/**
 * What the crash test's writers were told: every acknowledged (2xx) write, and the edit that
 * was in flight when the server died (it may or may not have committed, but never half).
 */
import { eq } from 'drizzle-orm';
import type { DB } from '../../src/lib/server/db';
import { exchanges } from '../../src/lib/server/db/schema';

/** The fields of an API response the test compares. */
export interface Ack {
	id: number;
	version: number;
	titleKo: string;
	participants: number | null;
	summaryKo: string | null;
}

export interface State {
	version: number;
	titleKo: string;
	participants: number | null;
}

export interface Rec extends State {
	id: number;
	writer: number;
	summaryKo: string | null;
	/** An edit sent but not answered: after the crash the row is either as acked or as this. */
	pending: { titleKo: string; participants: number } | null;
}

export class Ledger {
	readonly records = new Map<number, Rec>();
	private creates = 0;
	private edits = 0;
	/** Creates sent but never answered (the server died): such a row may exist, or not. */
	unansweredCreates = 0;

	editable(writer: number): Rec[] {
		return [...this.records.values()].filter((r) => r.writer === writer && !r.pending);
	}

	created(writer: number, a: Ack): void {
		this.records.set(a.id, {
			id: a.id,
			writer,
			version: a.version,
			titleKo: a.titleKo,
			participants: a.participants,
			summaryKo: a.summaryKo,
			pending: null
		});
		this.creates++;
	}

	begin(id: number, next: { titleKo: string; participants: number }): void {
		this.records.get(id)!.pending = next;
	}

	ack(id: number, a: Ack): void {
		Object.assign(this.records.get(id)!, {
			version: a.version,
			titleKo: a.titleKo,
			participants: a.participants,
			pending: null
		});
		this.edits++;
	}

	/** The states a record may be in after a crash. */
	allowed(r: Rec): State[] {
		const acked = { version: r.version, titleKo: r.titleKo, participants: r.participants };
		return r.pending ? [acked, { version: r.version + 1, ...r.pending }] : [acked];
	}

	/** After a verified restart, an unanswered edit is whatever the database kept. */
	settle(db: DB): void {
		for (const r of this.records.values()) {
			if (!r.pending) continue;
			const row = db.select().from(exchanges).where(eq(exchanges.id, r.id)).get()!;
			Object.assign(r, {
				version: row.version,
				titleKo: row.titleKo,
				participants: row.participants,
				pending: null
			});
		}
	}

	stats() {
		return {
			records: this.records.size,
			creates: this.creates,
			edits: this.edits,
			inFlight: this.unansweredCreates + [...this.records.values()].filter((r) => r.pending).length
		};
	}
}
