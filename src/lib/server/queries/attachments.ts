/**
 * Files attached to records. Stored once per content under the data directory by SHA-256
 * (`ab/cd/abcd…`), written and fsynced before the row that points at them commits, so a row
 * never names a missing file. Only office and image formats staff exchange are accepted, and
 * the type is decided from the extension and the file's first bytes, never the client's word.
 */
import { createHash } from 'node:crypto';
import {
	closeSync,
	existsSync,
	fsyncSync,
	mkdirSync,
	openSync,
	renameSync,
	unlinkSync,
	writeSync
} from 'node:fs';
import { join } from 'node:path';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Conn, DB } from '../db';
import { agreements, attachments, exchanges } from '../db/schema';
import { writeAudit, type Actor } from '../audit';
import { isLive, type TrashType } from './trash';
import type { Viewer } from './exchanges';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Record types that take attachments. */
export const attachmentParents = [
	'organization',
	'tie',
	'exchange',
	'agreement',
	'follow_up',
	'person',
	'source'
] as const;
export type AttachmentParent = (typeof attachmentParents)[number];

const zip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const ole = (b: Uint8Array) =>
	[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((x, i) => b[i] === x);
const ascii = (b: Uint8Array, at: number, s: string) =>
	[...s].every((c, i) => b[at + i] === c.charCodeAt(0));

/** Allowed formats: the MIME type served back, and how the first bytes must look. */
const formats: Record<string, { mime: string; magic: (b: Uint8Array) => boolean }> = {
	pdf: { mime: 'application/pdf', magic: (b) => ascii(b, 0, '%PDF-') },
	png: { mime: 'image/png', magic: (b) => b[0] === 0x89 && ascii(b, 1, 'PNG') },
	jpg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
	jpeg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
	gif: { mime: 'image/gif', magic: (b) => ascii(b, 0, 'GIF8') },
	webp: { mime: 'image/webp', magic: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
	docx: {
		mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		magic: zip
	},
	xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: zip },
	hwpx: { mime: 'application/vnd.hancom.hwpx', magic: zip },
	hwp: { mime: 'application/x-hwp', magic: ole }
};
export const allowedExtensions = Object.keys(formats);

export type Attachment = typeof attachments.$inferSelect;

export type UploadError =
	'partner_file_empty' | 'partner_file_too_large' | 'partner_file_type' | 'partner_file_parent';

// Control characters and what Windows forbids in file names.
// eslint-disable-next-line no-control-regex
const unsafeInName = /[\u0000-\u001f\u007f"<>|:*?]/g;

/** A safe display name: no directories, no control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const clean = base.replace(unsafeInName, '').trim().replace(/^\.+/, '');
	const chars = [...clean];
	if (chars.length <= 200) return clean || 'file';
	const ext = clean.includes('.') ? clean.slice(clean.lastIndexOf('.')) : '';
	return chars.slice(0, 200 - ext.length).join('') + ext;
}

/** The format of a file from its name and first bytes; null when it is not one we accept. */
export function detectFormat(filename: string, bytes: Uint8Array): { mime: string } | null {
	const ext = filename.toLowerCase().split('.').pop() ?? '';
	const f = formats[ext];
	return f && f.magic(bytes) ? { mime: f.mime } : null;
}

export function blobPath(dataDir: string, sha256: string): string {
	return join(dataDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Writes the content once, durably: temp file, fsync, rename, fsync the directory. */
function storeBlob(dataDir: string, sha256: string, bytes: Uint8Array): void {
	const path = blobPath(dataDir, sha256);
	if (existsSync(path)) return;
	const dir = join(dataDir, sha256.slice(0, 2), sha256.slice(2, 4));
	mkdirSync(dir, { recursive: true });
	const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
	const fd = openSync(tmp, 'w', 0o640);
	try {
		writeSync(fd, bytes);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(tmp, path);
	const dfd = openSync(dir, 'r');
	try {
		fsyncSync(dfd);
	} finally {
		closeSync(dfd);
	}
}

/** Whether the viewer may see the record a file hangs on (confidential ones only for editors). */
export function parentVisible(db: Conn, type: string, id: number, viewer: Viewer): boolean {
	if (!(attachmentParents as readonly string[]).includes(type)) return false;
	if (!isLive(db, type as TrashType, id)) return false;
	if (viewer.includeConfidential) return true;
	if (type === 'exchange')
		return !!db
			.select({ id: exchanges.id })
			.from(exchanges)
			.where(and(eq(exchanges.id, id), eq(exchanges.visibility, 'normal')))
			.get();
	if (type === 'agreement')
		return !!db
			.select({ id: agreements.id })
			.from(agreements)
			.where(and(eq(agreements.id, id), eq(agreements.visibility, 'normal')))
			.get();
	return true;
}

export function addAttachment(
	db: DB,
	dataDir: string,
	file: { entityType: string; entityId: number; filename: string; bytes: Uint8Array },
	actor: Actor
): { ok: true; row: Attachment } | { ok: false; error: UploadError } {
	if (!parentVisible(db, file.entityType, file.entityId, { includeConfidential: true }))
		return { ok: false, error: 'partner_file_parent' };
	if (file.bytes.length === 0) return { ok: false, error: 'partner_file_empty' };
	if (file.bytes.length > MAX_ATTACHMENT_BYTES)
		return { ok: false, error: 'partner_file_too_large' };
	const filename = cleanFilename(file.filename);
	const format = detectFormat(filename, file.bytes);
	if (!format) return { ok: false, error: 'partner_file_type' };
	const sha256 = createHash('sha256').update(file.bytes).digest('hex');
	storeBlob(dataDir, sha256, file.bytes);
	const row = db.transaction((tx) => {
		const r = tx
			.insert(attachments)
			.values({
				entityType: file.entityType,
				entityId: file.entityId,
				sha256,
				filename,
				mimeType: format.mime,
				size: file.bytes.length,
				uploadedBy: actor.id
			})
			.returning()
			.get();
		writeAudit(tx, actor, { action: 'create', entityType: 'attachment', entityId: r.id, after: r });
		return r;
	});
	return { ok: true, row };
}

export function listAttachments(db: Conn, entityType: string, entityId: number): Attachment[] {
	return db
		.select()
		.from(attachments)
		.where(
			and(
				eq(attachments.entityType, entityType),
				eq(attachments.entityId, entityId),
				isNull(attachments.deletedAt)
			)
		)
		.orderBy(asc(attachments.createdAt), asc(attachments.id))
		.all();
}

export function getAttachment(db: Conn, id: number): Attachment | null {
	return db.select().from(attachments).where(eq(attachments.id, id)).get() ?? null;
}

/** A live attachment the viewer may download, or null. */
export function getVisibleAttachment(db: Conn, id: number, viewer: Viewer): Attachment | null {
	const a = getAttachment(db, id);
	if (!a || a.deletedAt || !parentVisible(db, a.entityType, a.entityId, viewer)) return null;
	return a;
}

function stamp(
	db: DB,
	id: number,
	deletedAt: string | null,
	actor: Actor,
	action: string
): boolean {
	return db.transaction((tx) => {
		const before = getAttachment(tx, id);
		if (!before || (before.deletedAt === null) === (deletedAt === null)) return false;
		const after = tx
			.update(attachments)
			.set({ deletedAt })
			.where(eq(attachments.id, id))
			.returning()
			.get();
		writeAudit(tx, actor, { action, entityType: 'attachment', entityId: id, before, after });
		return true;
	});
}

/** Moves a file to the trash (the content stays on disk until purged). */
export function deleteAttachment(db: DB, id: number, actor: Actor): boolean {
	return stamp(db, id, new Date().toISOString(), actor, 'delete');
}

export function restoreAttachment(db: DB, id: number, actor: Actor): boolean {
	return stamp(db, id, null, actor, 'restore');
}

/** Deletes a trashed attachment for good, and its content when no other row shares it. */
export function purgeAttachment(db: DB, dataDir: string, id: number, actor: Actor): boolean {
	const result = db.transaction((tx) => {
		const before = tx
			.select()
			.from(attachments)
			.where(and(eq(attachments.id, id), isNotNull(attachments.deletedAt)))
			.get();
		if (!before) return null;
		tx.delete(attachments).where(eq(attachments.id, id)).run();
		writeAudit(tx, actor, { action: 'purge', entityType: 'attachment', entityId: id, before });
		const shared =
			tx
				.select({ n: sql<number>`count(*)` })
				.from(attachments)
				.where(eq(attachments.sha256, before.sha256))
				.get()?.n ?? 0;
		return { orphan: shared === 0 ? before.sha256 : null };
	});
	if (!result) return false;
	// The file goes only after the row is gone for good, so no row ever names a missing file.
	if (result.orphan) {
		const path = blobPath(dataDir, result.orphan);
		if (existsSync(path)) unlinkSync(path);
	}
	return true;
}

/** Trashed attachments, newest deletion first, for the trash page. */
export function listTrashedAttachments(db: Conn, limit = 200): Attachment[] {
	return db
		.select()
		.from(attachments)
		.where(isNotNull(attachments.deletedAt))
		.orderBy(desc(attachments.deletedAt))
		.limit(limit)
		.all();
}
