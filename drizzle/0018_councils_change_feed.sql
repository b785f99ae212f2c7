-- The councils' tables in the change feed (0016): a council's public page is kept per process until one of
-- them, or an organisation's name, changes.
CREATE TRIGGER councils_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON councils
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_members_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_members
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_bodies_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_bodies
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_representatives_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_representatives
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
