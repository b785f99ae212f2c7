CREATE TABLE "regional_picture_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"picture_id" uuid NOT NULL,
	"county_code" char(2) NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"recalled_at" timestamp with time zone,
	"recalled_by" uuid
);
--> statement-breakpoint
ALTER TABLE "national_pictures" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "national_pictures" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "regional_picture_submissions" ADD CONSTRAINT "regional_picture_submissions_picture_id_regional_pictures_id_fk" FOREIGN KEY ("picture_id") REFERENCES "public"."regional_pictures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_picture_submissions" ADD CONSTRAINT "regional_picture_submissions_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_picture_submissions" ADD CONSTRAINT "regional_picture_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_picture_submissions" ADD CONSTRAINT "regional_picture_submissions_recalled_by_users_id_fk" FOREIGN KEY ("recalled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regional_picture_submissions_picture_idx" ON "regional_picture_submissions" USING btree ("picture_id","submitted_at");--> statement-breakpoint
ALTER TABLE "national_pictures" ADD CONSTRAINT "national_pictures_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
INSERT INTO "regional_picture_submissions" ("picture_id", "county_code", "snapshot", "submitted_at", "submitted_by") SELECT "id", "county_code", "snapshot", coalesce("submitted_at", "updated_at"), "updated_by" FROM "regional_pictures" WHERE "status" = 'submitted' AND "snapshot" IS NOT NULL;
