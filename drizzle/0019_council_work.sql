CREATE TYPE "public"."council_attendance_status" AS ENUM('present', 'absent', 'excused');--> statement-breakpoint
CREATE TYPE "public"."council_document_kind" AS ENUM('agreement', 'collaboration_plan', 'strategy', 'minutes', 'other');--> statement-breakpoint
CREATE TYPE "public"."council_document_status" AS ENUM('current', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."council_handling_state" AS ENUM('decided', 'under_way', 'not_relevant');--> statement-breakpoint
CREATE TYPE "public"."council_intervention_status" AS ENUM('planned', 'ongoing', 'completed', 'paused');--> statement-breakpoint
CREATE TYPE "public"."council_meeting_status" AS ENUM('planned', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."council_strategy_goal_kind" AS ENUM('vision', 'goal_area');--> statement-breakpoint
CREATE TYPE "public"."council_year_step_kind" AS ENUM('situational_picture', 'knowledge', 'reference_group', 'focus_areas');--> statement-breakpoint
CREATE TYPE "public"."council_year_step_status" AS ENUM('planned', 'ongoing', 'done');--> statement-breakpoint
CREATE TABLE "council_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"decision_id" uuid,
	CONSTRAINT "council_agenda_items_position_uq" UNIQUE("meeting_id","position")
);
--> statement-breakpoint
CREATE TABLE "council_attendance" (
	"meeting_id" uuid NOT NULL,
	"representative_id" uuid NOT NULL,
	"status" "council_attendance_status" NOT NULL,
	CONSTRAINT "council_attendance_uq" UNIQUE("meeting_id","representative_id")
);
--> statement-breakpoint
CREATE TABLE "council_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"number" text NOT NULL,
	"decided_on" date NOT NULL,
	"title" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"valid_until" date,
	"replaced_by_id" uuid,
	"meeting_id" uuid,
	"public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_decisions_number_uq" UNIQUE("council_id","number")
);
--> statement-breakpoint
CREATE TABLE "council_document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_document_versions_uq" UNIQUE("document_id","version")
);
--> statement-breakpoint
CREATE TABLE "council_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"body_id" uuid,
	"kind" "council_document_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"status" "council_document_status" DEFAULT 'current' NOT NULL,
	"decision_id" uuid,
	"meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_financing_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"funder_organisation_id" uuid NOT NULL,
	"amount_sek" bigint,
	"description" text DEFAULT '' NOT NULL,
	"from_on" date NOT NULL,
	"until_on" date,
	"taken_over_by_organisation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "council_intervention_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"target_group" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_intervention_goals" (
	"intervention_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "council_intervention_goals_uq" UNIQUE("intervention_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "council_intervention_participants" (
	"intervention_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "council_intervention_participants_uq" UNIQUE("intervention_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "council_interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"status" "council_intervention_status" DEFAULT 'planned' NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"indicators" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"online_url" text,
	"status" "council_meeting_status" DEFAULT 'planned' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"invitations_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "council_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"decision_id" uuid,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"rus_goals" text[] DEFAULT '{}'::text[] NOT NULL,
	"agenda_targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_priority_handling" (
	"priority_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" "council_handling_state" NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_priority_handling_uq" UNIQUE("priority_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "council_progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"period" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "council_intervention_status" NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_progress_reports_period_uq" UNIQUE("intervention_id","period")
);
--> statement-breakpoint
CREATE TABLE "council_strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"document_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_strategy_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"kind" "council_strategy_goal_kind" NOT NULL,
	"title" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_year_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" "council_year_step_kind" NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"status" "council_year_step_status" DEFAULT 'planned' NOT NULL,
	"round_id" uuid,
	"event_id" uuid,
	CONSTRAINT "council_year_steps_uq" UNIQUE("council_id","year","kind")
);
--> statement-breakpoint
ALTER TABLE "council_members" ADD COLUMN "logo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD CONSTRAINT "council_agenda_items_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_attendance" ADD CONSTRAINT "council_attendance_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_attendance" ADD CONSTRAINT "council_attendance_representative_id_council_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."council_representatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_body_id_council_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."council_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_document_versions" ADD CONSTRAINT "council_document_versions_document_id_council_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."council_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_document_versions" ADD CONSTRAINT "council_document_versions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_document_versions" ADD CONSTRAINT "council_document_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_documents" ADD CONSTRAINT "council_documents_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_documents" ADD CONSTRAINT "council_documents_body_id_council_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."council_bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_financing_lines" ADD CONSTRAINT "council_financing_lines_intervention_id_council_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."council_interventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_financing_lines" ADD CONSTRAINT "council_financing_lines_funder_organisation_id_organisations_id_fk" FOREIGN KEY ("funder_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_financing_lines" ADD CONSTRAINT "council_financing_lines_taken_over_by_organisation_id_organisations_id_fk" FOREIGN KEY ("taken_over_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_intervention_areas" ADD CONSTRAINT "council_intervention_areas_priority_id_council_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."council_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_intervention_goals" ADD CONSTRAINT "council_intervention_goals_intervention_id_council_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."council_interventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_intervention_goals" ADD CONSTRAINT "council_intervention_goals_goal_id_council_strategy_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."council_strategy_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_intervention_participants" ADD CONSTRAINT "council_intervention_participants_intervention_id_council_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."council_interventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_intervention_participants" ADD CONSTRAINT "council_intervention_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_interventions" ADD CONSTRAINT "council_interventions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_interventions" ADD CONSTRAINT "council_interventions_area_id_council_intervention_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."council_intervention_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_interventions" ADD CONSTRAINT "council_interventions_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_body_id_council_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."council_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_milestones" ADD CONSTRAINT "council_milestones_intervention_id_council_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."council_interventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_priorities" ADD CONSTRAINT "council_priorities_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_priority_handling" ADD CONSTRAINT "council_priority_handling_priority_id_council_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."council_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_priority_handling" ADD CONSTRAINT "council_priority_handling_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_priority_handling" ADD CONSTRAINT "council_priority_handling_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_progress_reports" ADD CONSTRAINT "council_progress_reports_intervention_id_council_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."council_interventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_progress_reports" ADD CONSTRAINT "council_progress_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_strategies" ADD CONSTRAINT "council_strategies_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_strategy_goals" ADD CONSTRAINT "council_strategy_goals_strategy_id_council_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."council_strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_year_steps" ADD CONSTRAINT "council_year_steps_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_decisions_council_idx" ON "council_decisions" USING btree ("council_id","decided_on");--> statement-breakpoint
CREATE INDEX "council_documents_council_idx" ON "council_documents" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_financing_lines_intervention_idx" ON "council_financing_lines" USING btree ("intervention_id");--> statement-breakpoint
CREATE INDEX "council_intervention_areas_priority_idx" ON "council_intervention_areas" USING btree ("priority_id");--> statement-breakpoint
CREATE INDEX "council_interventions_area_idx" ON "council_interventions" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "council_interventions_council_idx" ON "council_interventions" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_meetings_council_idx" ON "council_meetings" USING btree ("council_id","starts_at");--> statement-breakpoint
CREATE INDEX "council_milestones_intervention_idx" ON "council_milestones" USING btree ("intervention_id");--> statement-breakpoint
CREATE INDEX "council_priorities_council_idx" ON "council_priorities" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_strategies_council_idx" ON "council_strategies" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_strategy_goals_strategy_idx" ON "council_strategy_goals" USING btree ("strategy_id");--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_logo_file_id_files_id_fk" FOREIGN KEY ("logo_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
-- Every council table in the change feed (0016): council pages are kept per process until one changes.
CREATE TRIGGER council_meetings_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_meetings
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_agenda_items_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_agenda_items
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_attendance_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_attendance
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_decisions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_documents_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_documents
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_document_versions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_document_versions
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_priorities_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_priorities
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_intervention_areas_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_intervention_areas
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_interventions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_interventions
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_intervention_participants_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_intervention_participants
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_financing_lines_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_financing_lines
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_milestones_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_milestones
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_progress_reports_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_progress_reports
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_priority_handling_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_priority_handling
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_strategies_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_strategies
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_strategy_goals_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_strategy_goals
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_intervention_goals_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_intervention_goals
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER council_year_steps_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_year_steps
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
