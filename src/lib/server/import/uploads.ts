/**
 * Keeps an uploaded sheet between the preview and the import, so the user need not upload it
 * twice. Files live under the data directory for a day, readable only by their uploader.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEEP_MS = 24 * 60 * 60 * 1000;

interface UploadMeta {
	userId: number;
	filename: string;
}

const folder = (dataDir: string) => join(dataDir, 'import-uploads');
const validToken = (token: string) => /^[0-9a-f]{32}$/.test(token);

function sweep(dir: string): void {
	const cutoff = Date.now() - KEEP_MS;
	for (const name of readdirSync(dir))
		if (statSync(join(dir, name)).mtimeMs < cutoff) rmSync(join(dir, name), { force: true });
}

export function saveUpload(
	dataDir: string,
	userId: number,
	filename: string,
	bytes: Uint8Array
): string {
	const dir = folder(dataDir);
	mkdirSync(dir, { recursive: true });
	sweep(dir);
	const token = randomBytes(16).toString('hex');
	writeFileSync(join(dir, `${token}.bin`), bytes);
	writeFileSync(
		join(dir, `${token}.json`),
		JSON.stringify({ userId, filename } satisfies UploadMeta)
	);
	return token;
}

export function loadUpload(
	dataDir: string,
	userId: number,
	token: string
): { filename: string; bytes: Buffer } | null {
	if (!validToken(token)) return null;
	const dir = folder(dataDir);
	try {
		const meta = JSON.parse(readFileSync(join(dir, `${token}.json`), 'utf8')) as UploadMeta;
		if (meta.userId !== userId) return null;
		return { filename: meta.filename, bytes: readFileSync(join(dir, `${token}.bin`)) };
	} catch {
		return null;
	}
}

export function dropUpload(dataDir: string, token: string): void {
	if (!validToken(token)) return;
	for (const ext of ['bin', 'json'])
		rmSync(join(folder(dataDir), `${token}.${ext}`), { force: true });
}
