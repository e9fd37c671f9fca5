import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canSeeConfidential, requireRole } from '$lib/server/auth/guard';
import { extractDraft } from '$lib/server/intake/extract';
import { buildReview } from '$lib/server/intake/review';
import { readArticleFile } from '$lib/server/intake/upload';
import { intakeSummary } from '$lib/server/queries/intake';
import { saveIntake } from '$lib/server/queries/intake-write';
import { intakeErrors, intakeFormInput, intakeSaveSchema } from '$lib/schemas/intake';
import type { FormValues } from '$lib/intake-form';
import { seoulToday } from '$lib/dates';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	const saved = Number(event.url.searchParams.get('saved'));
	return {
		saved: Number.isSafeInteger(saved) && saved > 0 ? intakeSummary(event.locals.db, saved) : null
	};
};

const dateParam = (v: FormDataEntryValue | null) =>
	typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;

/** The posted form as values the review can show again (several values → a list). */
function postedValues(form: FormData): FormValues {
	const out: FormValues = {};
	for (const [k, v] of form.entries()) {
		if (typeof v !== 'string') continue;
		const prev = out[k];
		out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
	}
	for (const k of Object.keys(out))
		if (k.endsWith('.fields') && !Array.isArray(out[k])) out[k] = [out[k] as string];
	return out;
}

export const actions: Actions = {
	extract: async (event) => {
		const user = requireRole(event, 'editor');
		const form = await event.request.formData();
		let text = typeof form.get('text') === 'string' ? (form.get('text') as string) : '';
		const file = form.get('file');
		if (file instanceof File && file.size > 0) {
			const read = await readArticleFile(file);
			if (!read.ok) return fail(400, { text, errors: { file: read.error } });
			text = read.text;
		}
		if (!text.trim()) return fail(400, { text, errors: { text: 'intake_text_required' } });
		const db = event.locals.db;
		const draft = extractDraft(text, { db, articleDate: dateParam(form.get('articleDate')) });
		return { review: buildReview(db, draft, { includeConfidential: canSeeConfidential(user) }) };
	},
	save: async (event) => {
		const user = requireRole(event, 'editor');
		const form = await event.request.formData();
		const db = event.locals.db;
		const parsed = intakeSaveSchema.safeParse(intakeFormInput(form));
		if (!parsed.success) {
			// The draft is rebuilt from the posted article, so nothing the page sent is trusted but the edits.
			const body = typeof form.get('src.body') === 'string' ? (form.get('src.body') as string) : '';
			const draft = extractDraft(body, { db, articleDate: dateParam(form.get('articleDate')) });
			const review = buildReview(
				db,
				draft,
				{ includeConfidential: canSeeConfidential(user) },
				postedValues(form)
			);
			return fail(400, { review, errors: intakeErrors(parsed.error) });
		}
		const result = saveIntake(db, parsed.data, user, seoulToday());
		redirect(303, `/intake?saved=${result.sourceId}`);
	}
};
