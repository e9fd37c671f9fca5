import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import {
	importFields,
	importKinds,
	missingFields,
	type ImportKind
} from '$lib/server/import/columns';
import { ImportFileError } from '$lib/server/import/errors';
import { MAX_FILE_BYTES } from '$lib/server/import/limits';
import { loadSheet } from '$lib/server/import/sheet';
import { runImport } from '$lib/server/import/run';
import { listBatches } from '$lib/server/import/batches';
import { dropUpload, loadUpload, saveUpload } from '$lib/server/import/uploads';
import { previewData } from './preview';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'editor');
	return {
		batches: listBatches(event.locals.db),
		fields: Object.fromEntries(importKinds.map((k) => [k, importFields(k)])) as Record<
			ImportKind,
			string[]
		>
	};
};

const kindOf = (value: FormDataEntryValue | null): ImportKind =>
	importKinds.includes(value as ImportKind) ? (value as ImportKind) : 'partners';

/** The column choices the user posted (map_0, map_1, …), if they were made for this kind. */
function postedMapping(form: FormData, kind: ImportKind): string[] | undefined {
	if (form.get('mappedKind') !== kind) return undefined;
	const mapping: string[] = [];
	for (let i = 0; form.has(`map_${i}`); i++) mapping.push(String(form.get(`map_${i}`)));
	return mapping.length ? mapping : undefined;
}

/** The uploaded file, saved for the next step, or the one saved at an earlier step. */
async function theUpload(event: Parameters<Actions[string]>[0], userId: number, form: FormData) {
	const dataDir = event.locals.config.dataDir;
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_FILE_BYTES)
			throw new ImportFileError('import_err_too_big', 'The file is larger than 20 MB');
		const bytes = new Uint8Array(await file.arrayBuffer());
		return { token: saveUpload(dataDir, userId, file.name, bytes), filename: file.name, bytes };
	}
	const token = String(form.get('token') ?? '');
	const saved = token ? loadUpload(dataDir, userId, token) : null;
	if (!saved)
		throw new ImportFileError(
			token ? 'import_err_upload_expired' : 'import_err_no_file',
			'No file'
		);
	return { token, ...saved };
}

export const actions: Actions = {
	preview: async (event) => {
		const user = requireRole(event, 'editor');
		const form = await event.request.formData();
		const kind = kindOf(form.get('kind'));
		try {
			const upload = await theUpload(event, user.id, form);
			const sheet = await loadSheet(upload.bytes, kind, { mapping: postedMapping(form, kind) });
			const missing = missingFields(kind, sheet.mapping);
			const report = missing.length
				? null
				: runImport(event.locals.db, sheet.table, {
						kind,
						mapping: sheet.mapping,
						filename: upload.filename,
						dryRun: true,
						actor: user
					});
			return {
				step: 'preview' as const,
				kind,
				token: upload.token,
				filename: upload.filename,
				missing,
				...previewData(sheet, report)
			};
		} catch (e) {
			if (e instanceof ImportFileError)
				return fail(400, { step: 'upload' as const, kind, error: e.code });
			throw e;
		}
	},
	run: async (event) => {
		const user = requireRole(event, 'editor');
		const form = await event.request.formData();
		const kind = kindOf(form.get('kind'));
		let batchId: number | null;
		try {
			const upload = await theUpload(event, user.id, form);
			const sheet = await loadSheet(upload.bytes, kind, { mapping: postedMapping(form, kind) });
			const report = runImport(event.locals.db, sheet.table, {
				kind,
				mapping: sheet.mapping,
				filename: upload.filename,
				dryRun: false,
				actor: user
			});
			dropUpload(event.locals.config.dataDir, upload.token);
			batchId = report.batchId;
		} catch (e) {
			if (e instanceof ImportFileError)
				return fail(400, { step: 'upload' as const, kind, error: e.code });
			throw e;
		}
		redirect(303, `/import/${batchId}`);
	}
};
