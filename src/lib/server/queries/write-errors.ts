/**
 * What a write refuses, as errors the routes turn into a field message (forms) or a 404/409/400
 * (API). Thrown inside the transaction, so nothing of the refused write is kept.
 */
export class RecordNotFound extends Error {
	constructor(
		public entityType: string,
		public entityId: number
	) {
		super(`${entityType} ${entityId} not found`);
	}
}

/** Someone saved the record since this edit began: the stale save is refused. */
export class VersionConflict extends Error {
	constructor(
		public entityType: string,
		public entityId: number,
		public currentVersion: number
	) {
		super(`${entityType} ${entityId} was changed meanwhile (now version ${currentVersion})`);
	}
}

/** Field-level problems only the database can see, such as ids of records that do not exist. */
export class InvalidReferences extends Error {
	constructor(public fields: Record<string, string>) {
		super(`invalid references: ${Object.keys(fields).join(', ')}`);
	}
}
