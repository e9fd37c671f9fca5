import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, apiUser, ApiError } from '$lib/server/api';
import { addAttachment, detectFormat, MAX_ATTACHMENT_BYTES } from '$lib/server/queries/attachments';
import { checkDeclaredType, parentType } from '$lib/server/api-attachments';
import { pathId } from '$lib/server/api-write';

/**
 * Uploads a file as the raw request body with its own Content-Type, e.g.
 * `PUT /api/v1/exchanges/12/attachments/회의록.pdf` with `Content-Type: application/pdf`.
 */
export const PUT: RequestHandler = (event) =>
	api(async () => {
		const user = apiUser(event, 'editor');
		const entityType = parentType(event.params.entity);
		const entityId = pathId(event.params.id);
		const length = Number(event.request.headers.get('content-length') ?? 0);
		if (length > MAX_ATTACHMENT_BYTES)
			throw new ApiError(413, 'too_large', 'Files are limited to 20 MB');
		const declared = event.request.headers.get('content-type');
		checkDeclaredType(declared, null);
		const bytes = new Uint8Array(await event.request.arrayBuffer());
		checkDeclaredType(declared, detectFormat(event.params.filename, bytes)?.mime ?? null);
		const r = addAttachment(
			event.locals.db,
			event.locals.config.dataDir,
			{ entityType, entityId, filename: event.params.filename, bytes },
			user
		);
		if (!r.ok) {
			if (r.error === 'partner_file_parent') throw new ApiError(404, 'not_found', 'No such record');
			if (r.error === 'partner_file_too_large')
				throw new ApiError(413, 'too_large', 'Files are limited to 20 MB');
			if (r.error === 'partner_file_type')
				throw new ApiError(
					415,
					'unsupported_media_type',
					'Only PDF, images, DOCX, XLSX, HWP and HWPX files'
				);
			throw new ApiError(400, 'validation', 'The file is empty', { file: r.error });
		}
		return json(
			{ data: r.row },
			{ status: 201, headers: { location: `/api/v1/attachments/${r.row.id}` } }
		);
	});
