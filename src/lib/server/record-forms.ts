/**
 * Form-action plumbing for the partner, person and source pages: read a post against its
 * schema, and turn a refused write into the field messages the form shows (what was typed
 * stays in the form).
 */
import { error, fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldErrors } from '$lib/schemas/user';
import type { WriteFailure } from './queries/write-result';

export type FormValues = Record<string, string>;

/** The text fields of a post (files left out), as the schemas take them. */
export function formValues(form: FormData): FormValues {
	const out: FormValues = {};
	for (const [k, v] of form) if (typeof v === 'string') out[k] = v;
	return out;
}

export type ParsedForm<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; values: FormValues; errors: Record<string, string> };

export async function readForm<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<ParsedForm<z.infer<S>>> {
	let values: FormValues;
	try {
		values = formValues(await request.formData());
	} catch {
		return { ok: false, values: {}, errors: { _: 'partner_form_unreadable' } };
	}
	const parsed = schema.safeParse(values);
	return parsed.success
		? { ok: true, data: parsed.data, values }
		: { ok: false, values, errors: fieldErrors(parsed.error) };
}

/** A 400 with the form's own values and field messages. */
export function invalidForm(action: string, values: FormValues, errors: Record<string, string>) {
	return fail(400, { action, values, errors });
}

/** What the form shows when the write was refused: 404, a stale-version notice, or field messages. */
export function writeFailed(action: string, result: WriteFailure, values: FormValues) {
	if (result.reason === 'not_found') error(404, 'Not found');
	if (result.reason === 'conflict')
		return fail(409, { action, values, errors: { _: 'partner_version_conflict' } });
	return fail(400, { action, values, errors: result.fields });
}
