-- Dashboard rollups (issue 5). Small count tables per chart, kept exact by triggers in the same
-- transaction as every write, whatever code path makes it (forms, API, import, intake, demo,
-- trash). Each row is per scope `k` and per audience. Scopes: '*' = all exchanges; a country key
-- (ISO code or INTL) = the exchanges with such a counterpart; 't:<type>', 'm:<mode>', 'f:<field>'
-- = the exchanges of that type, mode or field: a dashboard filtered on one of these reads its own
-- rows. Audience 'viewer' counts normal records only, 'editor' counts confidential ones too.
-- Only held, live exchanges count. `y` = -1 is the all-years total, `m` = -1 the whole-year total.
--
-- How a change is applied: a trigger queues the record in dash_ex_dirty / dash_ag_dirty; the
-- queue's own trigger takes back what the record counted for (remembered in the *_snap/_key
-- tables), recomputes it from the live rows, and adds it again. See queries/rollups.ts for the
-- recount and the verification against plain GROUP BY queries.
CREATE TABLE `dash_version` (`id` integer PRIMARY KEY CHECK (`id` = 1), `v` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `dash_version` (`id`, `v`) VALUES (1, 0);
--> statement-breakpoint
-- Two rows (0, 1): each key is counted at its detail (year, month) and once more in the total
-- row (y = -1 all years, m = -1 whole year), so long spans read a few rows instead of summing many.
CREATE TABLE `dash_detail_or_total` (`total` integer PRIMARY KEY);
--> statement-breakpoint
INSERT INTO `dash_detail_or_total` (`total`) VALUES (0), (1);
--> statement-breakpoint
-- Who may count a record of each visibility.
CREATE TABLE `dash_audience` (
	`vis` text NOT NULL,
	`audience` text NOT NULL,
	PRIMARY KEY (`vis`, `audience`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `dash_audience` (`vis`, `audience`) VALUES
	('normal', 'viewer'), ('normal', 'editor'), ('confidential', 'editor');
--> statement-breakpoint
CREATE TABLE `dash_ex_dirty` (`exchange_id` integer NOT NULL);
--> statement-breakpoint
CREATE TABLE `dash_ag_dirty` (`agreement_id` integer NOT NULL);
--> statement-breakpoint
-- What a counted exchange contributes: m = 0 when only the year is known.
CREATE TABLE `dash_ex_snap` (
	`exchange_id` integer PRIMARY KEY,
	`vis` text NOT NULL,
	`y` integer NOT NULL,
	`m` integer NOT NULL,
	`type` text NOT NULL,
	`mode` text NOT NULL
);
--> statement-breakpoint
-- kind: 's' scope (see above), 'c' country bar (ISO code, INTL, NONE = no
-- counterpart, ?? = counterpart without a country), 'p' partner id, 'f' field.
CREATE TABLE `dash_ex_key` (
	`exchange_id` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	PRIMARY KEY (`exchange_id`, `kind`, `key`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `dash_r_type` (
	`k` text NOT NULL, `audience` text NOT NULL, `y` integer NOT NULL, `m` integer NOT NULL,
	`type` text NOT NULL, `n` integer NOT NULL,
	PRIMARY KEY (`k`, `audience`, `y`, `m`, `type`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `dash_r_mode` (
	`k` text NOT NULL, `audience` text NOT NULL, `y` integer NOT NULL, `m` integer NOT NULL,
	`mode` text NOT NULL, `n` integer NOT NULL,
	PRIMARY KEY (`k`, `audience`, `y`, `m`, `mode`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `dash_r_country` (
	`k` text NOT NULL, `audience` text NOT NULL, `y` integer NOT NULL, `country` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY (`k`, `audience`, `y`, `country`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `dash_r_partner` (
	`k` text NOT NULL, `audience` text NOT NULL, `y` integer NOT NULL, `partner` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY (`k`, `audience`, `y`, `partner`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `dash_r_field` (
	`k` text NOT NULL, `audience` text NOT NULL, `y` integer NOT NULL, `field` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY (`k`, `audience`, `y`, `field`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Agreements: y of the date they belong to (agreed, else their exchange's, else their source
-- article's, in Seoul; 0 when none is known). open = status not signed/completed/cancelled.
CREATE TABLE `dash_ag_snap` (
	`agreement_id` integer PRIMARY KEY,
	`vis` text NOT NULL,
	`y` integer NOT NULL,
	`status` text NOT NULL,
	`open` integer NOT NULL,
	`due_end` text
);
--> statement-breakpoint
CREATE INDEX `dash_ag_snap_due_idx` ON `dash_ag_snap` (`due_end`) WHERE `open` = 1;
--> statement-breakpoint
CREATE INDEX `dash_ag_snap_y_idx` ON `dash_ag_snap` (`y`);
--> statement-breakpoint
CREATE TABLE `dash_ag_key` (
	`agreement_id` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	PRIMARY KEY (`agreement_id`, `kind`, `key`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `dash_fu_snap` (
	`follow_up_id` integer PRIMARY KEY,
	`agreement_id` integer NOT NULL,
	`done` integer NOT NULL,
	`due_date` text
);
--> statement-breakpoint
CREATE INDEX `dash_fu_snap_agreement_idx` ON `dash_fu_snap` (`agreement_id`);
--> statement-breakpoint
CREATE INDEX `dash_fu_snap_due_idx` ON `dash_fu_snap` (`due_date`) WHERE `done` = 0;
--> statement-breakpoint
-- item 'agreement': state = status; item 'action' (a follow_ups row): state = open/done.
CREATE TABLE `dash_r_state` (
	`k` text NOT NULL, `audience` text NOT NULL, `y` integer NOT NULL, `item` text NOT NULL,
	`state` text NOT NULL, `n` integer NOT NULL,
	PRIMARY KEY (`k`, `audience`, `y`, `item`, `state`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Open items by the month they fall due ('' = no due date): overdue and due are relative to
-- today, so they are summed at read time, with only the current month needing the exact day.
CREATE TABLE `dash_r_due` (
	`k` text NOT NULL, `audience` text NOT NULL, `y` integer NOT NULL, `item` text NOT NULL,
	`due_ym` text NOT NULL, `n` integer NOT NULL,
	PRIMARY KEY (`k`, `audience`, `y`, `item`, `due_ym`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE VIEW `dash_ex_contrib` AS
SELECT s.exchange_id, sc.key AS k, au.audience, s.y,
	CASE t.total WHEN 1 THEN -1 ELSE s.m END AS m, s.type, s.mode
FROM dash_ex_snap s
JOIN dash_audience au ON au.vis = s.vis
JOIN dash_ex_key sc ON sc.exchange_id = s.exchange_id AND sc.kind = 's'
JOIN dash_detail_or_total t;
--> statement-breakpoint
CREATE VIEW `dash_ex_contrib_key` AS
SELECT s.exchange_id, sc.key AS k, au.audience,
	CASE t.total WHEN 1 THEN -1 ELSE s.y END AS y, c.kind, c.key
FROM dash_ex_snap s
JOIN dash_audience au ON au.vis = s.vis
JOIN dash_ex_key sc ON sc.exchange_id = s.exchange_id AND sc.kind = 's'
JOIN dash_ex_key c ON c.exchange_id = s.exchange_id AND c.kind IN ('c', 'p', 'f')
JOIN dash_detail_or_total t;
--> statement-breakpoint
-- One row per agreement and per follow-up action, in each scope and audience, for its year and
-- for the all-years total.
CREATE VIEW `dash_ag_contrib` AS
SELECT s.agreement_id, sc.key AS k, au.audience, CASE t.total WHEN 1 THEN -1 ELSE s.y END AS y,
	'agreement' AS item, s.status AS state, s.open, coalesce(substr(s.due_end, 1, 7), '') AS due_ym
FROM dash_ag_snap s
JOIN dash_audience au ON au.vis = s.vis
JOIN dash_ag_key sc ON sc.agreement_id = s.agreement_id AND sc.kind = 's'
JOIN dash_detail_or_total t
UNION ALL
SELECT s.agreement_id, sc.key, au.audience, CASE t.total WHEN 1 THEN -1 ELSE s.y END,
	'action', CASE WHEN f.done = 1 THEN 'done' ELSE 'open' END, 1 - f.done,
	coalesce(substr(f.due_date, 1, 7), '')
FROM dash_ag_snap s
JOIN dash_audience au ON au.vis = s.vis
JOIN dash_ag_key sc ON sc.agreement_id = s.agreement_id AND sc.kind = 's'
JOIN dash_fu_snap f ON f.agreement_id = s.agreement_id
JOIN dash_detail_or_total t;
--> statement-breakpoint
CREATE TRIGGER `dash_ex_refresh` AFTER INSERT ON `dash_ex_dirty` BEGIN
	-- take back what the exchange counted for until now
	INSERT INTO dash_r_type (k, audience, y, m, type, n)
		SELECT k, audience, y, m, type, -1 FROM dash_ex_contrib WHERE exchange_id = NEW.exchange_id
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_mode (k, audience, y, m, mode, n)
		SELECT k, audience, y, m, mode, -1 FROM dash_ex_contrib WHERE exchange_id = NEW.exchange_id
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_country (k, audience, y, country, n)
		SELECT k, audience, y, key, -1 FROM dash_ex_contrib_key
		WHERE exchange_id = NEW.exchange_id AND kind = 'c'
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_partner (k, audience, y, partner, n)
		SELECT k, audience, y, CAST(key AS integer), -1 FROM dash_ex_contrib_key
		WHERE exchange_id = NEW.exchange_id AND kind = 'p'
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_field (k, audience, y, field, n)
		SELECT k, audience, y, key, -1 FROM dash_ex_contrib_key
		WHERE exchange_id = NEW.exchange_id AND kind = 'f'
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	DELETE FROM dash_ex_snap WHERE exchange_id = NEW.exchange_id;
	DELETE FROM dash_ex_key WHERE exchange_id = NEW.exchange_id;
	-- what it counts for now: only held, live exchanges
	INSERT INTO dash_ex_snap (exchange_id, vis, y, m, type, mode)
		SELECT id, visibility, CAST(substr(date_start, 1, 4) AS integer),
			CASE WHEN date_precision = 'year' THEN 0 ELSE CAST(substr(date_start, 6, 2) AS integer) END,
			type, coalesce(mode, 'unknown')
		FROM exchanges WHERE id = NEW.exchange_id AND status = 'held' AND deleted_at IS NULL;
	INSERT INTO dash_ex_key (exchange_id, kind, key)
		SELECT DISTINCT NEW.exchange_id, 'c', key FROM (
			SELECT coalesce(o.country, CASE WHEN o.scope = 'international' THEN NULL ELSE '??' END) AS key
			FROM exchange_organizations eo JOIN organizations o ON o.id = eo.organization_id
			WHERE eo.exchange_id = NEW.exchange_id AND eo.role IN ('partner', 'organizer')
			UNION
			SELECT 'INTL' FROM exchange_organizations eo JOIN organizations o ON o.id = eo.organization_id
			WHERE eo.exchange_id = NEW.exchange_id AND eo.role IN ('partner', 'organizer')
				AND o.scope = 'international'
		)
		WHERE key IS NOT NULL
			AND EXISTS (SELECT 1 FROM dash_ex_snap WHERE exchange_id = NEW.exchange_id);
	INSERT INTO dash_ex_key (exchange_id, kind, key)
		SELECT NEW.exchange_id, 'c', 'NONE'
		WHERE EXISTS (SELECT 1 FROM dash_ex_snap WHERE exchange_id = NEW.exchange_id)
			AND NOT EXISTS (SELECT 1 FROM exchange_organizations
				WHERE exchange_id = NEW.exchange_id AND role IN ('partner', 'organizer'));
	INSERT INTO dash_ex_key (exchange_id, kind, key)
		SELECT DISTINCT NEW.exchange_id, 'p', CAST(organization_id AS text) FROM exchange_organizations
		WHERE exchange_id = NEW.exchange_id AND role IN ('partner', 'organizer')
			AND EXISTS (SELECT 1 FROM dash_ex_snap WHERE exchange_id = NEW.exchange_id);
	INSERT INTO dash_ex_key (exchange_id, kind, key)
		SELECT DISTINCT NEW.exchange_id, 'f', field FROM exchange_fields
		WHERE exchange_id = NEW.exchange_id
			AND EXISTS (SELECT 1 FROM dash_ex_snap WHERE exchange_id = NEW.exchange_id);
	INSERT INTO dash_ex_key (exchange_id, kind, key)
		SELECT exchange_id, 's', '*' FROM dash_ex_snap WHERE exchange_id = NEW.exchange_id
		UNION SELECT exchange_id, 's', 't:' || type FROM dash_ex_snap WHERE exchange_id = NEW.exchange_id
		UNION SELECT exchange_id, 's', 'm:' || mode FROM dash_ex_snap
			WHERE exchange_id = NEW.exchange_id AND mode <> 'unknown'
		UNION SELECT exchange_id, 's', key FROM dash_ex_key
			WHERE exchange_id = NEW.exchange_id AND kind = 'c' AND key NOT IN ('NONE', '??')
		UNION SELECT exchange_id, 's', 'f:' || key FROM dash_ex_key
			WHERE exchange_id = NEW.exchange_id AND kind = 'f';
	-- and add it again
	INSERT INTO dash_r_type (k, audience, y, m, type, n)
		SELECT k, audience, y, m, type, 1 FROM dash_ex_contrib WHERE exchange_id = NEW.exchange_id
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_mode (k, audience, y, m, mode, n)
		SELECT k, audience, y, m, mode, 1 FROM dash_ex_contrib WHERE exchange_id = NEW.exchange_id
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_country (k, audience, y, country, n)
		SELECT k, audience, y, key, 1 FROM dash_ex_contrib_key
		WHERE exchange_id = NEW.exchange_id AND kind = 'c'
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_partner (k, audience, y, partner, n)
		SELECT k, audience, y, CAST(key AS integer), 1 FROM dash_ex_contrib_key
		WHERE exchange_id = NEW.exchange_id AND kind = 'p'
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_field (k, audience, y, field, n)
		SELECT k, audience, y, key, 1 FROM dash_ex_contrib_key
		WHERE exchange_id = NEW.exchange_id AND kind = 'f'
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	DELETE FROM dash_ex_dirty WHERE rowid = NEW.rowid;
	UPDATE dash_version SET v = v + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_ag_refresh` AFTER INSERT ON `dash_ag_dirty` BEGIN
	INSERT INTO dash_r_state (k, audience, y, item, state, n)
		SELECT k, audience, y, item, state, -count(*) FROM dash_ag_contrib
		WHERE agreement_id = NEW.agreement_id GROUP BY k, audience, y, item, state
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_due (k, audience, y, item, due_ym, n)
		SELECT k, audience, y, item, due_ym, -count(*) FROM dash_ag_contrib
		WHERE agreement_id = NEW.agreement_id AND open = 1 GROUP BY k, audience, y, item, due_ym
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	DELETE FROM dash_ag_snap WHERE agreement_id = NEW.agreement_id;
	DELETE FROM dash_ag_key WHERE agreement_id = NEW.agreement_id;
	DELETE FROM dash_fu_snap WHERE agreement_id = NEW.agreement_id;
	INSERT INTO dash_ag_snap (agreement_id, vis, y, status, open, due_end)
		SELECT a.id, a.visibility,
			coalesce(CAST(substr(coalesce(
				a.agreed_start,
				(SELECT x.date_start FROM exchanges x WHERE x.id = a.exchange_id),
				(SELECT min(date(s.published_at, '+9 hours')) FROM source_links sl
					JOIN sources s ON s.id = sl.source_id
					WHERE sl.entity_type = 'agreement' AND sl.entity_id = a.id)
			), 1, 4) AS integer), 0),
			a.status, a.status NOT IN ('signed', 'completed', 'cancelled'), a.due_end
		FROM agreements a WHERE a.id = NEW.agreement_id AND a.deleted_at IS NULL;
	INSERT INTO dash_ag_key (agreement_id, kind, key)
		SELECT DISTINCT NEW.agreement_id, 'c', key FROM (
			SELECT coalesce(o.country, CASE WHEN o.scope = 'international' THEN NULL ELSE '??' END) AS key
			FROM agreement_organizations ao JOIN organizations o ON o.id = ao.organization_id
			WHERE ao.agreement_id = NEW.agreement_id
			UNION
			SELECT 'INTL' FROM agreement_organizations ao JOIN organizations o ON o.id = ao.organization_id
			WHERE ao.agreement_id = NEW.agreement_id AND o.scope = 'international'
		)
		WHERE key IS NOT NULL
			AND EXISTS (SELECT 1 FROM dash_ag_snap WHERE agreement_id = NEW.agreement_id);
	-- Scopes as for exchanges: type and mode are those of the agreement's exchange.
	INSERT INTO dash_ag_key (agreement_id, kind, key)
		SELECT agreement_id, 's', '*' FROM dash_ag_snap WHERE agreement_id = NEW.agreement_id
		UNION SELECT agreement_id, 's', key FROM dash_ag_key
			WHERE agreement_id = NEW.agreement_id AND kind = 'c' AND key <> '??'
		UNION SELECT s.agreement_id, 's', 't:' || x.type FROM dash_ag_snap s
			JOIN agreements a ON a.id = s.agreement_id JOIN exchanges x ON x.id = a.exchange_id
			WHERE s.agreement_id = NEW.agreement_id
		UNION SELECT s.agreement_id, 's', 'm:' || x.mode FROM dash_ag_snap s
			JOIN agreements a ON a.id = s.agreement_id JOIN exchanges x ON x.id = a.exchange_id
			WHERE s.agreement_id = NEW.agreement_id AND x.mode IS NOT NULL
		UNION SELECT s.agreement_id, 's', 'f:' || af.field FROM dash_ag_snap s
			JOIN agreement_fields af ON af.agreement_id = s.agreement_id
			WHERE s.agreement_id = NEW.agreement_id;
	INSERT INTO dash_fu_snap (follow_up_id, agreement_id, done, due_date)
		SELECT id, agreement_id, done_at IS NOT NULL, due_date FROM follow_ups
		WHERE agreement_id = NEW.agreement_id AND deleted_at IS NULL
			AND EXISTS (SELECT 1 FROM dash_ag_snap WHERE agreement_id = NEW.agreement_id);
	INSERT INTO dash_r_state (k, audience, y, item, state, n)
		SELECT k, audience, y, item, state, count(*) FROM dash_ag_contrib
		WHERE agreement_id = NEW.agreement_id GROUP BY k, audience, y, item, state
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_due (k, audience, y, item, due_ym, n)
		SELECT k, audience, y, item, due_ym, count(*) FROM dash_ag_contrib
		WHERE agreement_id = NEW.agreement_id AND open = 1 GROUP BY k, audience, y, item, due_ym
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	DELETE FROM dash_ag_dirty WHERE rowid = NEW.rowid;
	UPDATE dash_version SET v = v + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_exchanges_insert` AFTER INSERT ON `exchanges` BEGIN
	INSERT INTO dash_ex_dirty (exchange_id) VALUES (NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_exchanges_update` AFTER UPDATE OF status, deleted_at, visibility, date_precision, date_start, type, mode ON `exchanges`
WHEN OLD.status IS NOT NEW.status OR OLD.deleted_at IS NOT NEW.deleted_at
	OR OLD.visibility IS NOT NEW.visibility OR OLD.date_precision IS NOT NEW.date_precision
	OR OLD.date_start IS NOT NEW.date_start OR OLD.type IS NOT NEW.type OR OLD.mode IS NOT NEW.mode
BEGIN
	INSERT INTO dash_ex_dirty (exchange_id) VALUES (NEW.id);
END;
--> statement-breakpoint
-- An agreement without its own date takes its exchange's; its type and mode scopes too.
CREATE TRIGGER `dash_exchanges_agreements` AFTER UPDATE OF date_start, type, mode ON `exchanges`
WHEN OLD.date_start IS NOT NEW.date_start OR OLD.type IS NOT NEW.type OR OLD.mode IS NOT NEW.mode
BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) SELECT id FROM agreements WHERE exchange_id = NEW.id;
END;
--> statement-breakpoint
-- Titles and other shown columns: the response cache keys on this version.
CREATE TRIGGER `dash_exchanges_touch` AFTER UPDATE ON `exchanges` BEGIN
	UPDATE dash_version SET v = v + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_exchanges_delete` AFTER DELETE ON `exchanges` BEGIN
	INSERT INTO dash_ex_dirty (exchange_id) VALUES (OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_exorg_insert` AFTER INSERT ON `exchange_organizations` BEGIN
	INSERT INTO dash_ex_dirty (exchange_id) VALUES (NEW.exchange_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_exorg_update` AFTER UPDATE ON `exchange_organizations` BEGIN
	INSERT INTO dash_ex_dirty (exchange_id) VALUES (OLD.exchange_id);
	INSERT INTO dash_ex_dirty (exchange_id) SELECT NEW.exchange_id WHERE NEW.exchange_id <> OLD.exchange_id;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_exorg_delete` AFTER DELETE ON `exchange_organizations` BEGIN
	INSERT INTO dash_ex_dirty (exchange_id) VALUES (OLD.exchange_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_exfield_insert` AFTER INSERT ON `exchange_fields` BEGIN
	INSERT INTO dash_ex_dirty (exchange_id) VALUES (NEW.exchange_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_exfield_update` AFTER UPDATE ON `exchange_fields` BEGIN
	INSERT INTO dash_ex_dirty (exchange_id) VALUES (OLD.exchange_id);
	INSERT INTO dash_ex_dirty (exchange_id) SELECT NEW.exchange_id WHERE NEW.exchange_id <> OLD.exchange_id;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_exfield_delete` AFTER DELETE ON `exchange_fields` BEGIN
	INSERT INTO dash_ex_dirty (exchange_id) VALUES (OLD.exchange_id);
END;
--> statement-breakpoint
-- A partner's country or scope decides the country bars of all its exchanges and agreements.
CREATE TRIGGER `dash_org_country` AFTER UPDATE OF country, scope ON `organizations`
WHEN OLD.country IS NOT NEW.country OR OLD.scope IS NOT NEW.scope
BEGIN
	INSERT INTO dash_ex_dirty (exchange_id)
		SELECT DISTINCT exchange_id FROM exchange_organizations WHERE organization_id = NEW.id;
	INSERT INTO dash_ag_dirty (agreement_id)
		SELECT DISTINCT agreement_id FROM agreement_organizations WHERE organization_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_org_touch` AFTER UPDATE ON `organizations` BEGIN
	UPDATE dash_version SET v = v + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_org_insert` AFTER INSERT ON `organizations` BEGIN
	UPDATE dash_version SET v = v + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_agreements_insert` AFTER INSERT ON `agreements` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_agreements_update` AFTER UPDATE ON `agreements` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_agreements_delete` AFTER DELETE ON `agreements` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_agorg_insert` AFTER INSERT ON `agreement_organizations` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (NEW.agreement_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_agorg_update` AFTER UPDATE ON `agreement_organizations` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (OLD.agreement_id);
	INSERT INTO dash_ag_dirty (agreement_id) SELECT NEW.agreement_id WHERE NEW.agreement_id <> OLD.agreement_id;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_agorg_delete` AFTER DELETE ON `agreement_organizations` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (OLD.agreement_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_agfield_insert` AFTER INSERT ON `agreement_fields` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (NEW.agreement_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_agfield_update` AFTER UPDATE ON `agreement_fields` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (OLD.agreement_id);
	INSERT INTO dash_ag_dirty (agreement_id) SELECT NEW.agreement_id WHERE NEW.agreement_id <> OLD.agreement_id;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_agfield_delete` AFTER DELETE ON `agreement_fields` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (OLD.agreement_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_followup_insert` AFTER INSERT ON `follow_ups` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (NEW.agreement_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_followup_update` AFTER UPDATE ON `follow_ups` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (OLD.agreement_id);
	INSERT INTO dash_ag_dirty (agreement_id) SELECT NEW.agreement_id WHERE NEW.agreement_id <> OLD.agreement_id;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_followup_delete` AFTER DELETE ON `follow_ups` BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (OLD.agreement_id);
END;
--> statement-breakpoint
-- An agreement without its own or its exchange's date takes its source article's.
CREATE TRIGGER `dash_sourcelink_insert` AFTER INSERT ON `source_links` WHEN NEW.entity_type = 'agreement' BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (NEW.entity_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_sourcelink_delete` AFTER DELETE ON `source_links` WHEN OLD.entity_type = 'agreement' BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) VALUES (OLD.entity_id);
END;
--> statement-breakpoint
CREATE TRIGGER `dash_source_date` AFTER UPDATE OF published_at ON `sources`
WHEN OLD.published_at IS NOT NEW.published_at
BEGIN
	INSERT INTO dash_ag_dirty (agreement_id)
		SELECT DISTINCT entity_id FROM source_links WHERE source_id = NEW.id AND entity_type = 'agreement';
END;
--> statement-breakpoint
CREATE TRIGGER `dash_ties_insert` AFTER INSERT ON `ties` BEGIN
	UPDATE dash_version SET v = v + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_ties_update` AFTER UPDATE ON `ties` BEGIN
	UPDATE dash_version SET v = v + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_ties_delete` AFTER DELETE ON `ties` BEGIN
	UPDATE dash_version SET v = v + 1 WHERE id = 1;
END;
--> statement-breakpoint
-- Held, live exchanges in date order: the latest list, and filtered ranges the rollups cannot answer.
CREATE INDEX `dash_ex_held_idx` ON `exchanges` (`date_start`, `date_precision`, `date_end`, `visibility`, `type`, `mode`, `department`) WHERE `status` = 'held' AND `deleted_at` IS NULL;
--> statement-breakpoint
INSERT INTO `dash_ex_dirty` (`exchange_id`) SELECT `id` FROM `exchanges`;
--> statement-breakpoint
INSERT INTO `dash_ag_dirty` (`agreement_id`) SELECT `id` FROM `agreements`;
