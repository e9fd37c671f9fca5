/** The API's names for record collections, and the record types files hang on. */
import type { AttachmentParent } from './queries/attachments';
import { ApiError } from './api';

const collections: Record<string, AttachmentParent> = {
	partners: 'organization',
	ties: 'tie',
	exchanges: 'exchange',
	agreements: 'agreement',
	'follow-ups': 'follow_up',
	people: 'person',
	sources: 'source'
};
export const attachmentCollections = Object.keys(collections);

export function parentType(collection: string): AttachmentParent {
	const t = collections[collection];
	if (!t) throw new ApiError(404, 'not_found', `No collection "${collection}"`);
	return t;
}

/** Content types a browser or client sends for forms: such bodies are not files. */
const notFiles = /^(application\/x-www-form-urlencoded|multipart\/|text\/plain|application\/json)/i;

/** The declared type must be the file's own (or the generic octet-stream). */
export function checkDeclaredType(declared: string | null, detected: string | null): void {
	const type = (declared ?? '').split(';')[0].trim().toLowerCase();
	if (!type || notFiles.test(type))
		throw new ApiError(
			415,
			'unsupported_media_type',
			'Send the file as the raw body with its own Content-Type'
		);
	if (detected && type !== detected && type !== 'application/octet-stream')
		throw new ApiError(415, 'unsupported_media_type', `The file is ${detected}, not ${type}`);
}
