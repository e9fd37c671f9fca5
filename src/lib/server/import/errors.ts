/**
 * A file the import refuses as a whole (too big, a zip bomb, no header row…). `code` is a
 * message key for the page; `message` is English detail for the command line and the log.
 */
export class ImportFileError extends Error {
	constructor(
		public code: string,
		message: string
	) {
		super(message);
		this.name = 'ImportFileError';
	}
}
