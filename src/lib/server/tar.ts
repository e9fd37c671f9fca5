/**
 * A plain POSIX (ustar) tar stream of a folder, for downloading a backup in one file without
 * a new dependency. Files are streamed from disk, so a large backup never sits in memory.
 * `tar -xf` and every archive tool read it.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';

const BLOCK = 512;
const encoder = new TextEncoder();

function put(buf: Uint8Array, at: number, len: number, value: string): void {
	const bytes = encoder.encode(value);
	if (bytes.length > len) throw new Error(`tar field too long: ${value}`);
	buf.set(bytes, at);
}

const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, '0') + '\0';

/** Splits a long path into ustar's prefix (≤155) and name (≤100) at a slash. */
function splitPath(path: string): { name: string; prefix: string } {
	if (encoder.encode(path).length <= 100) return { name: path, prefix: '' };
	const cut = path.lastIndexOf('/', path.length - 2);
	const name = path.slice(cut + 1);
	const prefix = path.slice(0, cut);
	if (cut < 0 || encoder.encode(name).length > 100 || encoder.encode(prefix).length > 155)
		throw new Error(`path too long for tar: ${path}`);
	return { name, prefix };
}

export function tarHeader(path: string, size: number, mtime: Date, dir = false): Uint8Array {
	const h = new Uint8Array(BLOCK);
	const { name, prefix } = splitPath(dir ? `${path}/` : path);
	put(h, 0, 100, name);
	put(h, 100, 8, octal(dir ? 0o755 : 0o644, 8));
	put(h, 108, 8, octal(0, 8));
	put(h, 116, 8, octal(0, 8));
	put(h, 124, 12, octal(dir ? 0 : size, 12));
	put(h, 136, 12, octal(Math.floor(mtime.getTime() / 1000), 12));
	put(h, 148, 8, '        ');
	put(h, 156, 1, dir ? '5' : '0');
	put(h, 257, 6, 'ustar\0');
	put(h, 263, 2, '00');
	put(h, 345, 155, prefix);
	const sum = h.reduce((a, b) => a + b, 0);
	put(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
	return h;
}

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.sort((a, b) => a.name.localeCompare(b.name))
		.flatMap((e) => {
			const p = join(dir, e.name);
			return e.isDirectory() ? [p, ...walk(p)] : e.isFile() ? [p] : [];
		});
}

async function* entries(root: string, top: string): AsyncGenerator<Uint8Array> {
	yield tarHeader(top, 0, statSync(root).mtime, true);
	for (const file of walk(root)) {
		const path = [top, ...relative(root, file).split(sep)].join('/');
		const st = statSync(file);
		if (st.isDirectory()) {
			yield tarHeader(path, 0, st.mtime, true);
			continue;
		}
		yield tarHeader(path, st.size, st.mtime);
		let written = 0;
		for await (const chunk of createReadStream(file)) {
			written += (chunk as Buffer).length;
			yield chunk as Buffer;
		}
		if (written !== st.size) throw new Error(`${file} changed size while it was archived`);
		const pad = (BLOCK - (st.size % BLOCK)) % BLOCK;
		if (pad) yield new Uint8Array(pad);
	}
	yield new Uint8Array(BLOCK * 2);
}

/** The folder `root` as a tar stream whose entries sit under `top/`. */
export function tarStream(root: string, top: string): ReadableStream<Uint8Array> {
	return Readable.toWeb(Readable.from(entries(root, top))) as ReadableStream<Uint8Array>;
}
