/** The HTTP response that serves a stored attachment: always a download, never rendered inline. */
import { readFileSync } from 'node:fs';
import { blobPath, type Attachment } from './queries/attachments';

export function attachmentResponse(a: Attachment, dataDir: string): Response {
	const ascii = a.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(readFileSync(blobPath(dataDir, a.sha256))), {
		headers: {
			'content-type': a.mimeType,
			'content-length': String(a.size),
			// RFC 6266: an ASCII fallback and the real (Korean) name, percent-encoded.
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, max-age=0, must-revalidate',
			etag: `"${a.sha256}"`
		}
	});
}
