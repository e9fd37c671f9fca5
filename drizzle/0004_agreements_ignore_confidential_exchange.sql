-- A normal agreement is dated, typed and scoped by its exchange only when that exchange is not
-- confidential (issue 8): otherwise linking it to a confidential exchange would move the counts a
-- viewer sees, and a department or type filter could probe the hidden exchange. The same rule for
-- both audiences keeps one snapshot per agreement; queries/dashboard-tally.ts counts alike.
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
DROP TRIGGER `dash_exchanges_agreements`;
--> statement-breakpoint
-- An agreement without its own date takes its exchange's, its type and mode scopes too; not
-- from a confidential exchange, so that a viewer's figures never move with one.
CREATE TRIGGER `dash_exchanges_agreements` AFTER UPDATE OF date_start, type, mode, visibility ON `exchanges`
WHEN OLD.date_start IS NOT NEW.date_start OR OLD.type IS NOT NEW.type OR OLD.mode IS NOT NEW.mode
	OR OLD.visibility IS NOT NEW.visibility
BEGIN
	INSERT INTO dash_ag_dirty (agreement_id) SELECT id FROM agreements WHERE exchange_id = NEW.id;
END;
--> statement-breakpoint
INSERT INTO dash_ag_dirty (agreement_id)
	SELECT a.id FROM agreements a JOIN exchanges x ON x.id = a.exchange_id WHERE x.visibility <> 'normal';
