/**
 * What an uploaded spreadsheet may weigh. A province's partner list is a few hundred rows and
 * its exchange log a few thousand; the limits leave room for decades of records while keeping
 * one import from starving the server.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
/** Columns beyond this are ignored: a stray cell at XFD1 must not make every row 16,384 wide. */
export const MAX_COLUMNS = 100;
/** The sum of an XLSX package's entries once unpacked; a zip bomb goes far beyond it. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5_000;
/** How far down a title, a date line and blank rows may push the header row. */
export const HEADER_SEARCH_ROWS = 30;
