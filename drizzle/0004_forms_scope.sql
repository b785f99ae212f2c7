ALTER TABLE "questionnaire_versions" ADD COLUMN "in_use" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "questionnaire_versions" SET "in_use" = true WHERE "id" IN (SELECT "questionnaire_version_id" FROM "rounds");--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "owner" text DEFAULT 'situation' NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaires" ALTER COLUMN "owner" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "questionnaires_scope_idx" ON "questionnaires" USING btree ("owner","county_code");
