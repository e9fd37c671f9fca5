import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeArticle, readArticleFile } from '../../../src/lib/server/intake/upload';

const TEXT = '경기도는 1일 산둥성과 화상회의를 개최했다.';

describe('uploaded article files', () => {
	it('reads UTF-8 with and without a BOM, UTF-16 and CP949', () => {
		const utf8 = new TextEncoder().encode(TEXT);
		expect(decodeArticle(utf8)).toBe(TEXT);
		expect(decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(TEXT);
		expect(decodeArticle(new Uint8Array(iconv.encode(TEXT, 'utf-16le', { addBOM: true })))).toBe(
			TEXT
		);
		expect(decodeArticle(new Uint8Array(iconv.encode(TEXT, 'cp949')))).toBe(TEXT);
	});

	it('accepts .txt and .html only, up to 2 MB', async () => {
		expect(await readArticleFile(new File([TEXT], 'a.txt', { type: 'text/plain' }))).toEqual({
			ok: true,
			text: TEXT
		});
		expect(await readArticleFile(new File(['<p>x</p>'], 'page.html'))).toMatchObject({ ok: true });
		expect(await readArticleFile(new File(['x'], 'a.pdf', { type: 'application/pdf' }))).toEqual({
			ok: false,
			error: 'intake_file_type'
		});
		expect(await readArticleFile(new File([new Uint8Array(3 * 1024 * 1024)], 'big.txt'))).toEqual({
			ok: false,
			error: 'intake_file_too_big'
		});
	});
});
