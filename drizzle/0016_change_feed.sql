-- The change feed (src/db/change-feed.ts): every insert, update, delete or truncate of a table that a page's
-- kept reads depend on sends NOTIFY samverkan_changes with the table's name, whoever writes it (a service, the
-- CLI, a restore, psql). PostgreSQL sends it at commit and folds repeats within a transaction into one, so a
-- transaction costs one notification per table it touched. The audit log notifies only for a round's history
-- (the round page shows it); the rest of the log is written on nearly every action and read by no kept page.
CREATE FUNCTION samverkan_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('samverkan_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER memberships_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER invitations_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON invitations
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER rounds_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rounds
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER occasions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON occasions
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER respondents_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON respondents
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER responses_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON responses
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER response_versions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON response_versions
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER regional_pictures_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regional_pictures
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER regional_picture_submissions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regional_picture_submissions
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER national_pictures_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON national_pictures
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER boundaries_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON boundaries
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_notify_change AFTER INSERT ON audit_log
  FOR EACH ROW WHEN (NEW.entity_type = 'round') EXECUTE FUNCTION samverkan_notify_change();
