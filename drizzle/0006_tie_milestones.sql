-- Ties for the dashboard (issue 5), kept by triggers in the same transaction as every write, like
-- the exchange rollups of 0002. The ties chart reads dash_r_tie and the anniversaries list reads
-- dash_tie_ms, instead of reading and counting every tie on each dashboard.
--
-- Scopes `k` of a partner: '*' (all), its country code, and 'INTL' for an international body.
-- Ties carry no visibility class: both audiences see the same ties.
CREATE VIEW `dash_org_keys` (`org`, `k`) AS
	SELECT id, '*' FROM organizations WHERE deleted_at IS NULL
	UNION ALL SELECT id, country FROM organizations WHERE deleted_at IS NULL AND country IS NOT NULL
	UNION ALL SELECT id, 'INTL' FROM organizations WHERE deleted_at IS NULL AND scope = 'international';
--> statement-breakpoint
-- Ties established per year and kind: live, dated ties of live partners, whatever their status.
CREATE TABLE `dash_r_tie` (
	`k` text NOT NULL, `y` integer NOT NULL, `kind` text NOT NULL, `n` integer NOT NULL,
	PRIMARY KEY (`k`, `y`, `kind`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The multiples of 5 years a milestone can mark.
CREATE TABLE `dash_ms_years` (`years` integer PRIMARY KEY);
--> statement-breakpoint
INSERT INTO `dash_ms_years` (`years`)
	WITH RECURSIVE s(x) AS (SELECT 5 UNION ALL SELECT x + 5 FROM s WHERE x < 1000) SELECT x FROM s;
--> statement-breakpoint
-- Every milestone (5, 10, 15, … years) of a live, dated tie of a live partner that has not ended,
-- up to the year 2100 (MILESTONE_HORIZON in queries/dashboard-anniversaries.ts: later windows use
-- the rule in code), at the precision of the tie's date: a day, a month or a whole year, clamped
-- to the month's end (29 February falls on the 28th in other years). The partner's country and
-- whether it is an international body come along, so a filtered list needs no other table.
CREATE TABLE `dash_tie_ms` (
	`tie_id` integer NOT NULL, `years` integer NOT NULL, `org` integer NOT NULL,
	`country` text, `intl` integer NOT NULL, `start` text NOT NULL, `end` text NOT NULL,
	PRIMARY KEY (`tie_id`, `years`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `dash_tie_ms_window_idx` ON `dash_tie_ms` (`start`, `end`);
--> statement-breakpoint
CREATE INDEX `dash_tie_ms_country_idx` ON `dash_tie_ms` (`country`, `start`, `end`);
--> statement-breakpoint
CREATE INDEX `dash_tie_ms_org_idx` ON `dash_tie_ms` (`org`);
--> statement-breakpoint
-- What dash_tie_ms should hold, from the ties: the triggers insert one tie's or one partner's
-- rows, a recount all.
CREATE VIEW `dash_tie_ms_all` (`tie_id`, `years`, `org`, `country`, `intl`, `start`, `end`) AS
	SELECT id, years, organization_id, country, intl, start,
		CASE date_precision
			WHEN 'year' THEN substr(start, 1, 4) || '-12-31'
			WHEN 'month' THEN date(start, '+1 month', '-1 day')
			ELSE start END
	FROM (
		SELECT id, organization_id, country, intl, date_precision, years,
			CASE date_precision
				WHEN 'year' THEN y || '-01-01'
				WHEN 'month' THEN y || substr(date_start, 5, 3) || '-01'
				-- date() carries an impossible day into the next month: then it is no leap year.
				WHEN 'day' THEN CASE WHEN substr(date_start, 6) = '02-29' AND date(y || '-02-29') IS NOT y || '-02-29'
					THEN y || '-02-28' ELSE y || substr(date_start, 5) END
			END AS start
		FROM (
			SELECT t.id, t.organization_id, o.country, o.scope = 'international' AS intl,
				t.date_precision, t.date_start, f.years,
				printf('%04d', CAST(substr(t.date_start, 1, 4) AS integer) + f.years) AS y
			FROM ties t JOIN organizations o ON o.id = t.organization_id JOIN dash_ms_years f
				ON CAST(substr(t.date_start, 1, 4) AS integer) + f.years <= 2100
			WHERE t.deleted_at IS NULL AND o.deleted_at IS NULL AND t.status <> 'ended'
				AND t.date_start IS NOT NULL AND t.date_precision IN ('day', 'month', 'year')
		)
	);
--> statement-breakpoint
INSERT INTO `dash_tie_ms` SELECT * FROM `dash_tie_ms_all`;
--> statement-breakpoint
INSERT INTO `dash_r_tie` (`k`, `y`, `kind`, `n`)
	SELECT k.k, CAST(substr(t.date_start, 1, 4) AS integer), t.kind, count(*)
	FROM ties t JOIN dash_org_keys k ON k.org = t.organization_id
	WHERE t.deleted_at IS NULL AND t.date_start IS NOT NULL
	GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `dash_tie_rollups_insert` AFTER INSERT ON `ties` BEGIN
	INSERT INTO dash_tie_ms SELECT * FROM dash_tie_ms_all WHERE tie_id = NEW.id;
	INSERT INTO dash_r_tie (k, y, kind, n)
		SELECT k, CAST(substr(NEW.date_start, 1, 4) AS integer), NEW.kind, 1 FROM dash_org_keys
		WHERE org = NEW.organization_id AND NEW.deleted_at IS NULL AND NEW.date_start IS NOT NULL
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- A tie's partner does not change in the same statement, so its keys are the same before and after.
CREATE TRIGGER `dash_tie_rollups_update`
AFTER UPDATE OF organization_id, kind, status, date_precision, date_start, deleted_at ON `ties`
BEGIN
	DELETE FROM dash_tie_ms WHERE tie_id = OLD.id;
	INSERT INTO dash_tie_ms SELECT * FROM dash_tie_ms_all WHERE tie_id = NEW.id;
	INSERT INTO dash_r_tie (k, y, kind, n)
		SELECT k, CAST(substr(OLD.date_start, 1, 4) AS integer), OLD.kind, -1 FROM dash_org_keys
		WHERE org = OLD.organization_id AND OLD.deleted_at IS NULL AND OLD.date_start IS NOT NULL
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_tie (k, y, kind, n)
		SELECT k, CAST(substr(NEW.date_start, 1, 4) AS integer), NEW.kind, 1 FROM dash_org_keys
		WHERE org = NEW.organization_id AND NEW.deleted_at IS NULL AND NEW.date_start IS NOT NULL
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `dash_tie_rollups_delete` AFTER DELETE ON `ties` BEGIN
	DELETE FROM dash_tie_ms WHERE tie_id = OLD.id;
	INSERT INTO dash_r_tie (k, y, kind, n)
		SELECT k, CAST(substr(OLD.date_start, 1, 4) AS integer), OLD.kind, -1 FROM dash_org_keys
		WHERE org = OLD.organization_id AND OLD.deleted_at IS NULL AND OLD.date_start IS NOT NULL
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- A partner deleted, restored or moved to another country takes its ties' counts and milestones along.
CREATE TRIGGER `dash_org_tie_rollups` AFTER UPDATE OF deleted_at, country, scope ON `organizations`
WHEN OLD.deleted_at IS NOT NEW.deleted_at OR OLD.country IS NOT NEW.country OR OLD.scope IS NOT NEW.scope
BEGIN
	DELETE FROM dash_tie_ms WHERE org = OLD.id;
	INSERT INTO dash_tie_ms SELECT * FROM dash_tie_ms_all WHERE org = NEW.id;
	INSERT INTO dash_r_tie (k, y, kind, n)
		SELECT k.k, CAST(substr(t.date_start, 1, 4) AS integer), t.kind, -count(*)
		FROM ties t JOIN (
			SELECT '*' AS k WHERE OLD.deleted_at IS NULL
			UNION ALL SELECT OLD.country WHERE OLD.deleted_at IS NULL AND OLD.country IS NOT NULL
			UNION ALL SELECT 'INTL' WHERE OLD.deleted_at IS NULL AND OLD.scope = 'international'
		) k
		WHERE t.organization_id = OLD.id AND t.deleted_at IS NULL AND t.date_start IS NOT NULL
		GROUP BY 1, 2, 3
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO dash_r_tie (k, y, kind, n)
		SELECT k.k, CAST(substr(t.date_start, 1, 4) AS integer), t.kind, count(*)
		FROM ties t JOIN dash_org_keys k ON k.org = t.organization_id
		WHERE t.organization_id = NEW.id AND t.deleted_at IS NULL AND t.date_start IS NOT NULL
		GROUP BY 1, 2, 3
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
