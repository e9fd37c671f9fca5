import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/lib/server/db';
import {
	addAttachment,
	blobPath,
	cleanFilename,
	deleteAttachment,
	getVisibleAttachment,
	listAttachments,
	listTrashedAttachments,
	MAX_ATTACHMENT_BYTES,
	purgeAttachment,
	restoreAttachment
} from '../../../src/lib/server/queries/attachments';
import { demoDb } from '../../helpers/db';
import { makeUsers } from '../../helpers/factories';
import { addExchange, orgId, pdfBytes, pngBytes } from '../../helpers/partners';

let db: DB;
let users: Awaited<ReturnType<typeof makeUsers>>;
const dataDir = mkdtempSync(join(tmpdir(), 'gyoryu-files-'));
const editor = { includeConfidential: true };
const viewer = { includeConfidential: false };

beforeAll(async () => {
	db = demoDb();
	users = await makeUsers(db);
});

const upload = (entityType: string, entityId: number, filename: string, bytes: Uint8Array) =>
	addAttachment(db, dataDir, { entityType, entityId, filename, bytes }, users.editor);

describe('attachments', () => {
	it('stores a file once per content under its SHA-256, with the type read from the file', () => {
		const org = orgId(db, '산둥성');
		const bytes = pdfBytes('협약서');
		const a = upload('organization', org, '협약서 초안.PDF', bytes);
		const b = upload('source', 1, 'copy.pdf', bytes);
		if (!a.ok || !b.ok) throw new Error('upload refused');
		const sha = createHash('sha256').update(bytes).digest('hex');
		expect(a.row).toMatchObject({
			sha256: sha,
			mimeType: 'application/pdf',
			size: bytes.length,
			filename: '협약서 초안.PDF'
		});
		expect(readFileSync(blobPath(dataDir, sha))).toEqual(Buffer.from(bytes));
		expect(b.row.sha256).toBe(sha);
		expect(listAttachments(db, 'organization', org).map((x) => x.filename)).toEqual([
			'협약서 초안.PDF'
		]);
		const png = upload('organization', org, 'photo.png', pngBytes());
		expect(png.ok && png.row.mimeType).toBe('image/png');
	});

	it('refuses other formats, disguised files, empty and oversized files, and unknown records', () => {
		const org = orgId(db, '산둥성');
		expect(upload('organization', org, 'run.exe', pdfBytes())).toEqual({
			ok: false,
			error: 'partner_file_type'
		});
		expect(upload('organization', org, 'fake.pdf', new TextEncoder().encode('<script>'))).toEqual({
			ok: false,
			error: 'partner_file_type'
		});
		expect(upload('organization', org, 'page.svg', new TextEncoder().encode('<svg/>'))).toEqual({
			ok: false,
			error: 'partner_file_type'
		});
		expect(upload('organization', org, 'empty.pdf', new Uint8Array())).toEqual({
			ok: false,
			error: 'partner_file_empty'
		});
		const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
		big.set(pdfBytes());
		expect(upload('organization', org, 'big.pdf', big)).toEqual({
			ok: false,
			error: 'partner_file_too_large'
		});
		expect(upload('organization', 99999, 'a.pdf', pdfBytes())).toEqual({
			ok: false,
			error: 'partner_file_parent'
		});
		expect(upload('user', 1, 'a.pdf', pdfBytes())).toEqual({
			ok: false,
			error: 'partner_file_parent'
		});
		const ok = new Uint8Array(MAX_ATTACHMENT_BYTES);
		ok.set(pdfBytes('max'));
		expect(upload('organization', org, 'max.pdf', ok).ok).toBe(true);
	});

	it('accepts HWP, HWPX, DOCX and XLSX by their containers', () => {
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 9]);
		for (const name of ['a.hwpx', 'a.docx', 'a.xlsx'])
			expect(upload('source', 1, name, zip).ok, name).toBe(true);
		expect(upload('source', 1, '공문.hwp', ole).ok).toBe(true);
		expect(upload('source', 1, '공문.hwp', zip).ok).toBe(false);
	});

	it('hides files of a confidential exchange from viewers', () => {
		const secret = addExchange(db, users.editor, orgId(db, '허베이성'), {
			visibility: 'confidential'
		});
		const a = upload('exchange', secret.id, 'memo.pdf', pdfBytes('memo'));
		if (!a.ok) throw new Error('upload refused');
		expect(getVisibleAttachment(db, a.row.id, viewer)).toBeNull();
		expect(getVisibleAttachment(db, a.row.id, editor)?.id).toBe(a.row.id);
	});

	it('deletes to the trash, restores, and purges the content only when nothing else shares it', () => {
		const bytes = pdfBytes('only once');
		const a = upload('source', 1, 'one.pdf', bytes);
		const b = upload('source', 2, 'two.pdf', bytes);
		if (!a.ok || !b.ok) throw new Error('upload refused');
		const path = blobPath(dataDir, a.row.sha256);
		expect(deleteAttachment(db, a.row.id, users.editor)).toBe(true);
		expect(deleteAttachment(db, a.row.id, users.editor)).toBe(false);
		expect(getVisibleAttachment(db, a.row.id, editor)).toBeNull();
		expect(listTrashedAttachments(db).map((x) => x.id)).toContain(a.row.id);
		expect(restoreAttachment(db, a.row.id, users.editor)).toBe(true);
		expect(purgeAttachment(db, dataDir, a.row.id, users.admin)).toBe(false);
		deleteAttachment(db, a.row.id, users.editor);
		expect(purgeAttachment(db, dataDir, a.row.id, users.admin)).toBe(true);
		expect(existsSync(path)).toBe(true);
		deleteAttachment(db, b.row.id, users.editor);
		expect(purgeAttachment(db, dataDir, b.row.id, users.admin)).toBe(true);
		expect(existsSync(path)).toBe(false);
		const actions = db.$client
			.prepare(
				"SELECT action FROM audit_log WHERE entity_type = 'attachment' AND entity_id = ? ORDER BY id"
			)
			.all(a.row.id)
			.map((r) => (r as { action: string }).action);
		expect(actions).toEqual(['create', 'delete', 'restore', 'delete', 'purge']);
	});

	it('cleans file names of paths and control characters', () => {
		expect(cleanFilename('../../etc/passwd')).toBe('passwd');
		expect(cleanFilename('C:\\x\\보고서\u0007.pdf')).toBe('보고서.pdf');
		expect(cleanFilename('...')).toBe('file');
		const long = cleanFilename('가'.repeat(300) + '.hwpx');
		expect([...long]).toHaveLength(200);
		expect(long.endsWith('.hwpx')).toBe(true);
	});
});
