-- Full-text index over every searchable record. Contentless (the text lives in the record
-- tables); rowid = entity id * 8 + entity type code, see $lib/server/queries/search.ts.
-- Trigram works for Korean, which has no spaces between a name and its particles.
CREATE VIRTUAL TABLE `search_fts` USING fts5(title, body, content='', contentless_delete=1, tokenize='trigram');
