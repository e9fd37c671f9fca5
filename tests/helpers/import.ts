/** Runs the import on a fixture file, as the page and the command line do. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import type { DB } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/audit';
import type { ImportKind } from '../../src/lib/server/import/columns';
import { loadSheet } from '../../src/lib/server/import/sheet';
import { runImport } from '../../src/lib/server/import/run';

export const IMPORT_FIXTURES = resolve(__dirname, '../fixtures/import');

export const fixtureBytes = (name: string) => readFileSync(resolve(IMPORT_FIXTURES, name));

export async function importFixture(
	db: DB,
	name: string,
	kind: ImportKind,
	options: { dryRun?: boolean; actor?: Actor | null; bytes?: Uint8Array; today?: string } = {}
) {
	const sheet = await loadSheet(options.bytes ?? fixtureBytes(name), kind);
	return runImport(db, sheet.table, {
		kind,
		mapping: sheet.mapping,
		filename: name,
		dryRun: options.dryRun ?? false,
		actor: options.actor ?? null,
		today: options.today ?? '2024-12-31'
	});
}

/** `size` zero bytes, deflated as a stream so the test never holds them all. */
export function deflatedZeros(size: number): Promise<Buffer> {
	return new Promise((ok, fail) => {
		const deflate = createDeflateRaw({ level: 9 });
		const chunks: Buffer[] = [];
		deflate.on('data', (c: Buffer) => chunks.push(c));
		deflate.on('end', () => ok(Buffer.concat(chunks)));
		deflate.on('error', fail);
		const block = Buffer.alloc(1024 * 1024);
		let left = size;
		const pump = () => {
			while (left > 0) {
				const n = Math.min(block.length, left);
				left -= n;
				if (!deflate.write(block.subarray(0, n))) return void deflate.once('drain', pump);
			}
			deflate.end();
		};
		pump();
	});
}

/** A one-entry zip (deflated) whose central directory states `declaredSize` as the entry's size. */
export function zipOf(name: string, deflated: Buffer, declaredSize: number): Buffer {
	const fileName = Buffer.from(name);
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(20, 4);
	local.writeUInt16LE(8, 8);
	local.writeUInt32LE(deflated.length, 18);
	local.writeUInt32LE(declaredSize, 22);
	local.writeUInt16LE(fileName.length, 26);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(20, 4);
	central.writeUInt16LE(20, 6);
	central.writeUInt16LE(8, 10);
	central.writeUInt32LE(deflated.length, 20);
	central.writeUInt32LE(declaredSize, 24);
	central.writeUInt16LE(fileName.length, 28);
	central.writeUInt32LE(0, 42);
	const cdOffset = local.length + fileName.length + deflated.length;
	const cdSize = central.length + fileName.length;
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(cdSize, 12);
	end.writeUInt32LE(cdOffset, 16);
	return Buffer.concat([local, fileName, deflated, central, fileName, end]);
}
