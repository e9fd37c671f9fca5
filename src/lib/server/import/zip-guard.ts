/**
 * Checks an XLSX package (a zip) before any spreadsheet library unpacks it. The central
 * directory states each entry's unpacked size, but a crafted file can lie there, so each
 * entry is also inflated as a stream and counted, stopping as soon as the total passes the
 * limit: a zip bomb is refused within the first megabytes it would produce, never unpacked.
 */
import { createInflateRaw } from 'node:zlib';
import { ImportFileError } from './errors';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './limits';

interface ZipEntry {
	name: string;
	method: number;
	compressedSize: number;
	declaredSize: number;
	localHeaderOffset: number;
}

const corrupt = (why: string) =>
	new ImportFileError('import_err_corrupt', `The XLSX file is damaged: ${why}`);
const bomb = (limit: number) =>
	new ImportFileError(
		'import_err_zip_bomb',
		`The XLSX file unpacks to more than ${Math.round(limit / 1024 / 1024)} MB; refused as a possible zip bomb`
	);

function findEndOfCentralDirectory(buf: Buffer): number {
	const earliest = Math.max(0, buf.length - 22 - 0xffff);
	for (let i = buf.length - 22; i >= earliest; i--)
		if (buf.readUInt32LE(i) === 0x06054b50) return i;
	throw corrupt('no end of central directory');
}

/** Reads the zip64 "extra" field, where sizes and offsets of 0xFFFFFFFF really live. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
	for (let p = 0; p + 4 <= extra.length;) {
		const id = extra.readUInt16LE(p);
		const size = extra.readUInt16LE(p + 2);
		if (id === 0x0001) {
			let q = p + 4;
			const next = () => {
				const v = Number(extra.readBigUInt64LE(q));
				q += 8;
				return v;
			};
			if (entry.declaredSize === 0xffffffff) entry.declaredSize = next();
			if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
			if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
			return;
		}
		p += 4 + size;
	}
}

export function listZipEntries(buf: Buffer): ZipEntry[] {
	const eocd = findEndOfCentralDirectory(buf);
	const count = buf.readUInt16LE(eocd + 10);
	if (count > MAX_ZIP_ENTRIES) throw bomb(MAX_UNZIPPED_BYTES);
	let p = buf.readUInt32LE(eocd + 16);
	const entries: ZipEntry[] = [];
	for (let i = 0; i < count; i++) {
		if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt('bad directory');
		const nameLength = buf.readUInt16LE(p + 28);
		const extraLength = buf.readUInt16LE(p + 30);
		const commentLength = buf.readUInt16LE(p + 32);
		const entry: ZipEntry = {
			method: buf.readUInt16LE(p + 10),
			compressedSize: buf.readUInt32LE(p + 20),
			declaredSize: buf.readUInt32LE(p + 24),
			localHeaderOffset: buf.readUInt32LE(p + 42),
			name: buf.toString('utf8', p + 46, p + 46 + nameLength)
		};
		applyZip64(entry, buf.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
		entries.push(entry);
		p += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

function entryData(buf: Buffer, entry: ZipEntry): Buffer {
	const h = entry.localHeaderOffset;
	if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw corrupt('bad entry header');
	const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
	const end = start + entry.compressedSize;
	if (end > buf.length) throw corrupt('entry runs past the end of the file');
	return buf.subarray(start, end);
}

/** Inflates without keeping the output; stops once `budget` bytes came out. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const inflate = createInflateRaw();
		let size = 0;
		inflate.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > budget) {
				inflate.destroy();
				resolve(size);
			}
		});
		inflate.on('end', () => resolve(size));
		inflate.on('error', () => reject(corrupt('an entry does not inflate')));
		inflate.end(data);
	});
}

/** Throws an ImportFileError unless the package unpacks within `limit` bytes in all. */
export async function assertSafeZip(buf: Buffer, limit = MAX_UNZIPPED_BYTES): Promise<void> {
	const entries = listZipEntries(buf);
	const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
	if (declared > limit) throw bomb(limit);
	let total = 0;
	for (const entry of entries) {
		if (entry.name.endsWith('/')) continue;
		const data = entryData(buf, entry);
		if (entry.method === 0) total += data.length;
		else if (entry.method === 8) total += await inflatedSize(data, limit - total);
		else throw corrupt(`compression method ${entry.method}`);
		if (total > limit) throw bomb(limit);
	}
}
