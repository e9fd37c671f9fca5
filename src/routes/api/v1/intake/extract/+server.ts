import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { api, apiUser, readJson } from '$lib/server/api';
import { extractDraft, MAX_INPUT } from '$lib/server/intake/extract';

const body = z.object({
	text: z.string('required').max(MAX_INPUT, 'text_too_long'),
	articleDate: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'ex_date_invalid')
		.optional()
});

/** Article text in, draft records out (nothing is saved): `{ "text": "…", "articleDate"?: "2020-12-02" }`. */
export const POST: RequestHandler = (event) =>
	api(async () => {
		apiUser(event, 'editor');
		const input = await readJson(event.request, body);
		return json({
			data: extractDraft(input.text, { db: event.locals.db, articleDate: input.articleDate })
		});
	});
