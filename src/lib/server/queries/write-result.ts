/** What an update or delete reports when it cannot apply: the caller turns it into 404 / 409 / 400. */
export type WriteFailure =
	| { ok: false; reason: 'not_found' }
	/** Someone saved the record since this editor loaded it; nothing was overwritten. */
	| { ok: false; reason: 'conflict'; currentVersion: number }
	/** A value the schema cannot check, such as an id that points at no live record. */
	| { ok: false; reason: 'invalid'; fields: Record<string, string> };

export type WriteResult<T> = { ok: true; row: T } | WriteFailure;

export const notFound: WriteFailure = { ok: false, reason: 'not_found' };

export function conflict(currentVersion: number): WriteFailure {
	return { ok: false, reason: 'conflict', currentVersion };
}

export function invalid(fields: Record<string, string>): WriteFailure {
	return { ok: false, reason: 'invalid', fields };
}
