/**
 * Shared steps of the partner, tie, person and source endpoints, on top of api-write: refused
 * writes (WriteResult) as 404/409/400, and PATCH as "these fields over the stored record".
 */
import type { z } from 'zod';
import { json } from '@sveltejs/kit';
import { ApiError } from './api';
import { parseOr400, readObject } from './api-write';
import type { WriteFailure } from './queries/write-result';

export function notFound(): never {
	throw new ApiError(404, 'not_found', 'Not found');
}

/** Throws the API error for a refused write. */
export function refused(r: WriteFailure): never {
	if (r.reason === 'not_found') notFound();
	if (r.reason === 'conflict')
		throw new ApiError(
			409,
			'conflict',
			`The record was changed meanwhile (now version ${r.currentVersion}); nothing was saved`,
			{ version: 'partner_version_conflict' }
		);
	throw new ApiError(400, 'validation', 'Some fields are not valid', r.fields);
}

/** A PATCH body laid over the stored record's fields, then checked as a whole. */
export async function readPatch<S extends z.ZodType>(
	request: Request,
	stored: Record<string, unknown>,
	schema: S
): Promise<z.infer<S>> {
	const patch = await readObject(request);
	return parseOr400(schema, { ...stored, ...patch });
}

/** 201 with the new record and where it lives. */
export function created(data: unknown, location: string): Response {
	return json({ data }, { status: 201, headers: { location } });
}
