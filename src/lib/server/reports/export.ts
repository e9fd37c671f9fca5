/**
 * An export from a request or the command line: render in the worker into a temporary file,
 * write the audit row (who exported which filter, as what), and hand back a streamed response.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { DB } from '../db';
import { writeAudit, type Actor } from '../audit';
import { briefingFileName, dossierFileName } from './describe';
import { briefingFilter } from './model';
import { runReport, type Renderer } from './pool';
import type { ReportJob } from './render';
import { getOrganization } from '../queries/organizations';

export const contentTypes = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	csv: 'text/csv; charset=utf-8'
} as const;

export interface ExportedFile {
	path: string;
	filename: string;
	contentType: string;
	bytes: number;
	rows: number | null;
	renderer: Renderer;
	/** Removes the temporary file. */
	cleanup(): Promise<void>;
}

/** The name a job's file gets. */
export function fileNameOf(db: DB, job: ReportJob): string {
	if (job.kind === 'briefing')
		return briefingFileName(briefingFilter(job.filter), job.format, job.lang ?? 'ko');
	return dossierFileName(
		job.organizationId,
		getOrganization(db, job.organizationId)?.nameEn ?? null,
		job.format
	);
}

/**
 * Renders the job and audits it. Returns null when a dossier's partner is missing or hidden
 * from this viewer (nothing is audited then: nothing was exported).
 */
export async function exportReport(
	db: DB,
	job: ReportJob,
	actor: Actor | null
): Promise<ExportedFile | null> {
	const dir = await mkdtemp(join(tmpdir(), 'gyoryu-report-'));
	const filename = fileNameOf(db, job);
	const path = join(dir, filename);
	const cleanup = () => rm(dir, { recursive: true, force: true });
	try {
		const result = await runReport(db, job, path);
		if (!result.found) {
			await cleanup();
			return null;
		}
		writeAudit(db, actor, {
			action: 'export',
			entityType: 'export',
			entityId: job.kind === 'dossier' ? job.organizationId : null,
			after: {
				kind: job.kind,
				format: job.format,
				file: filename,
				lang: job.lang ?? 'ko',
				...(job.kind === 'briefing'
					? {
							filter: briefingFilter(job.filter),
							sections: job.sections ?? null,
							groupBy: job.groupBy ?? 'month'
						}
					: { organizationId: job.organizationId }),
				confidentialIncluded: job.viewer.includeConfidential,
				rows: result.rows,
				bytes: result.bytes
			}
		});
		return {
			path,
			filename,
			contentType: contentTypes[job.format],
			bytes: result.bytes,
			rows: result.rows,
			renderer: result.renderer,
			cleanup
		};
	} catch (e) {
		await cleanup();
		throw e;
	}
}

/** Streams the file as a download and removes it once sent (or abandoned). */
export function fileResponse(file: ExportedFile): Response {
	const stream = createReadStream(file.path);
	stream.on('close', () => void file.cleanup());
	return new Response(Readable.toWeb(stream) as ReadableStream, {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.bytes),
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'no-store',
			'x-report-renderer': file.renderer
		}
	});
}
