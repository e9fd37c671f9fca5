/** API helpers for writes: refused writes as 400/404/409, and PATCH merged over the stored record. */
import type { z } from 'zod';
import { ApiError } from './api';
import { InvalidReferences, RecordNotFound, VersionConflict } from './queries/write-errors';

/** Rethrows a refused write as the API's error; anything else stays a 500. */
export function apiWriteError(e: unknown): never {
	if (e instanceof InvalidReferences)
		throw new ApiError(400, 'validation', 'Some fields are not valid', e.fields);
	if (e instanceof VersionConflict)
		throw new ApiError(
			409,
			'conflict',
			`The record was changed meanwhile (now version ${e.currentVersion}); nothing was saved`,
			{ version: 'ex_conflict' }
		);
	if (e instanceof RecordNotFound) throw new ApiError(404, 'not_found', 'Not found');
	throw e;
}

/** Runs a write and maps its refusals. */
export function apiWrite<T>(write: () => T): T {
	try {
		return write();
	} catch (e) {
		return apiWriteError(e);
	}
}

/** Validates a value against a schema, answering 400 with field messages. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const fields: Record<string, string> = {};
	for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
	throw new ApiError(400, 'validation', 'Some fields are not valid', fields);
}

/** The body of a PATCH: a JSON object. */
export async function readObject(request: Request): Promise<Record<string, unknown>> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		throw new ApiError(400, 'invalid_json', 'The body is not valid JSON');
	}
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw new ApiError(400, 'invalid_json', 'The body must be a JSON object');
	return body as Record<string, unknown>;
}

/** A numeric id from the path, or 404. */
export function pathId(value: string | undefined): number {
	const n = Number(value);
	if (!value || !/^\d{1,15}$/.test(value) || !Number.isSafeInteger(n) || n <= 0)
		throw new ApiError(404, 'not_found', 'Not found');
	return n;
}

/** `?limit=` as a number, when given. */
export function limitParam(url: URL): number | undefined {
	const v = url.searchParams.get('limit');
	return v ? Number(v) : undefined;
}
