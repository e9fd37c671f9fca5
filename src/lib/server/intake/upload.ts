/**
 * An uploaded article file → text. Accepts .txt and .html (what "save page as" writes); reads
 * UTF-8 (with or without BOM), UTF-16 with BOM, or CP949/EUC-KR as older Korean sites and
 * Windows Notepad save it.
 */
import iconv from 'iconv-lite';

export const MAX_UPLOAD = 2 * 1024 * 1024;

export type UploadResult =
	{ ok: true; text: string } | { ok: false; error: 'intake_file_type' | 'intake_file_too_big' };

const ALLOWED = /\.(?:txt|text|html?|xhtml)$/i;

export function decodeArticle(bytes: Uint8Array): string {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return new TextDecoder('utf-8').decode(bytes.subarray(3));
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return iconv.decode(Buffer.from(bytes), 'cp949');
	}
}

export async function readArticleFile(file: File): Promise<UploadResult> {
	if (!ALLOWED.test(file.name) && !/^text\/(?:plain|html)/.test(file.type))
		return { ok: false, error: 'intake_file_type' };
	if (file.size > MAX_UPLOAD) return { ok: false, error: 'intake_file_too_big' };
	return { ok: true, text: decodeArticle(new Uint8Array(await file.arrayBuffer())) };
}
