import { z } from 'zod';
import { roles } from '$lib/vocab';

export const MIN_PASSWORD = 12;

export const newUserSchema = z.object({
	email: z.string().trim().toLowerCase().email('email_invalid').max(200),
	displayName: z.string().trim().min(1, 'required').max(200),
	role: z.enum(roles),
	department: z
		.string()
		.trim()
		.max(200)
		.optional()
		.transform((v) => v || null),
	password: z.string().min(MIN_PASSWORD, 'password_too_short').max(200)
});

export const updateUserSchema = z.object({
	id: z.coerce.number().int().positive(),
	role: z.enum(roles),
	disabled: z.preprocess((v) => v === 'on' || v === 'true', z.boolean())
});

export const passwordSchema = z.string().min(MIN_PASSWORD, 'password_too_short').max(200);

/** Maps zod issues to `{ field: messageKey }` for the form to show next to each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? '_');
		out[key] ??= issue.message;
	}
	return out;
}
