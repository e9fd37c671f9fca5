/**
 * Helpers for the JSON API (/api/v1): one error shape `{error:{code,message,fields}}`, the
 * role check, and an Origin check for cookie-authenticated writes (SvelteKit's own CSRF check
 * covers only form posts).
 */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { hasRole } from './auth/guard';
import type { Role, SessionUser } from './auth/session';

export class ApiError extends Error {
	constructor(
		public status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
		public code: string,
		message: string,
		public fields?: Record<string, string>
	) {
		super(message);
	}
}

export function apiErrorResponse(e: ApiError): Response {
	return json(
		{ error: { code: e.code, message: e.message, fields: e.fields ?? {} } },
		{ status: e.status }
	);
}

interface ApiEvent {
	locals: App.Locals;
	request: Request;
	url: URL;
}

/** The caller with `role` or better, else an ApiError (401 signed out, 403 too weak or foreign Origin). */
export function apiUser(event: ApiEvent, role: Role = 'viewer'): SessionUser {
	const user = event.locals.user;
	if (!user) throw new ApiError(401, 'unauthenticated', 'Sign in or send an API token');
	const write = event.request.method !== 'GET' && event.request.method !== 'HEAD';
	if (write && event.locals.tokenScope === null) {
		// Cookie-authenticated writes must come from the app's own pages.
		const origin = event.request.headers.get('origin');
		if (origin && origin !== event.url.origin && origin !== event.locals.config.origin)
			throw new ApiError(403, 'foreign_origin', 'Cross-site request refused');
	}
	if (!hasRole(user, role)) throw new ApiError(403, 'forbidden', `Requires the ${role} role`);
	if (role !== 'viewer' && event.locals.tokenScope === 'read')
		throw new ApiError(403, 'read_only_token', 'This API token is read-only');
	return user;
}

/** Parses a JSON body against a schema; field errors come back as `fields`. */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<z.infer<S>> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		throw new ApiError(400, 'invalid_json', 'The body is not valid JSON');
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
		throw new ApiError(400, 'validation', 'Some fields are not valid', fields);
	}
	return parsed.data;
}

/** Runs an API handler, turning ApiError into its JSON response. */
export async function api(handler: () => Response | Promise<Response>): Promise<Response> {
	try {
		return await handler();
	} catch (e) {
		if (e instanceof ApiError) return apiErrorResponse(e);
		throw e;
	}
}
