/**
 * Turns the bytes of a CSV into text. Korean Excel saves "CSV" in CP949 (EUC-KR plus the
 * extra Hangul syllables), "CSV UTF-8" with a byte-order mark, and "Unicode text" in UTF-16LE;
 * other tools write plain UTF-8. Valid UTF-8 is taken as UTF-8; anything else as CP949, which
 * accepts every byte sequence a Korean sheet produces.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'cp949';

export interface DecodedText {
	text: string;
	encoding: TextEncoding;
}

export function decodeText(bytes: Uint8Array): DecodedText {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
		return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
	if (buf[0] === 0xff && buf[1] === 0xfe)
		return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
	} catch {
		return { text: iconv.decode(buf, 'cp949'), encoding: 'cp949' };
	}
}
