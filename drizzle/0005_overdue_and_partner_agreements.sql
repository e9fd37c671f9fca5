CREATE INDEX `agreements_live_idx` ON `agreements` (`id`,`deleted_at`,`visibility`,`agreed_start`,`due_start`);
--> statement-breakpoint
-- The dashboard's overdue list for a span of years walks each year's open items newest-due first
-- and stops at the tenth (queries/dashboard-lists.ts), instead of walking every overdue item of
-- all years: a follow-up's snapshot keeps its agreement's year and visibility for that.
ALTER TABLE `dash_fu_snap` ADD `y` integer NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE `dash_fu_snap` ADD `vis` text NOT NULL DEFAULT 'normal';
--> statement-breakpoint
UPDATE dash_fu_snap SET (y, vis) = (SELECT s.y, s.vis FROM dash_ag_snap s
	WHERE s.agreement_id = dash_fu_snap.agreement_id);
--> statement-breakpoint
CREATE INDEX `dash_fu_snap_open_y_idx` ON `dash_fu_snap` (`y`, `due_date`) WHERE `done` = 0;
--> statement-breakpoint
CREATE INDEX `dash_ag_snap_open_y_idx` ON `dash_ag_snap` (`y`, `due_end`) WHERE `open` = 1;
--> statement-breakpoint
DROP TRIGGER `dash_ag_refresh`;
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
				(SELECT x.date_start FROM exchanges x WHERE x.id = a.exchange_id AND x.visibility = 'normal'),
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
	-- Scopes as for exchanges: type and mode are those of the agreement's exchange (when not confidential).
	INSERT INTO dash_ag_key (agreement_id, kind, key)
		SELECT agreement_id, 's', '*' FROM dash_ag_snap WHERE agreement_id = NEW.agreement_id
		UNION SELECT agreement_id, 's', key FROM dash_ag_key
			WHERE agreement_id = NEW.agreement_id AND kind = 'c' AND key <> '??'
		UNION SELECT s.agreement_id, 's', 't:' || x.type FROM dash_ag_snap s
			JOIN agreements a ON a.id = s.agreement_id
			JOIN exchanges x ON x.id = a.exchange_id AND x.visibility = 'normal'
			WHERE s.agreement_id = NEW.agreement_id
		UNION SELECT s.agreement_id, 's', 'm:' || x.mode FROM dash_ag_snap s
			JOIN agreements a ON a.id = s.agreement_id
			JOIN exchanges x ON x.id = a.exchange_id AND x.visibility = 'normal'
			WHERE s.agreement_id = NEW.agreement_id AND x.mode IS NOT NULL
		UNION SELECT s.agreement_id, 's', 'f:' || af.field FROM dash_ag_snap s
			JOIN agreement_fields af ON af.agreement_id = s.agreement_id
			WHERE s.agreement_id = NEW.agreement_id;
	INSERT INTO dash_fu_snap (follow_up_id, agreement_id, done, due_date, y, vis)
		SELECT f.id, f.agreement_id, f.done_at IS NOT NULL, f.due_date, s.y, s.vis
		FROM follow_ups f JOIN dash_ag_snap s ON s.agreement_id = f.agreement_id
		WHERE f.agreement_id = NEW.agreement_id AND f.deleted_at IS NULL;
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
