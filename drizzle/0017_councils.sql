CREATE TYPE "public"."council_body_kind" AS ENUM('council', 'secretariat', 'coordination', 'working_group', 'network');--> statement-breakpoint
CREATE TYPE "public"."council_status" AS ENUM('active', 'merged', 'dissolved');--> statement-breakpoint
CREATE TYPE "public"."council_representative_role" AS ENUM('chair', 'vice_chair', 'member', 'deputy', 'secretary');--> statement-breakpoint
CREATE TABLE "council_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" "council_body_kind" NOT NULL,
	"name" text NOT NULL,
	"commission" text DEFAULT '' NOT NULL,
	"reports_to_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"convenes" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_members_uq" UNIQUE("council_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "council_representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"email" text,
	"role" "council_representative_role" NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" char(2) NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"secretariat_email" text,
	"subject_tag" text DEFAULT '' NOT NULL,
	"status" "council_status" DEFAULT 'active' NOT NULL,
	"formed_on" date NOT NULL,
	"ended_on" date,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "councils_county_slug_uq" UNIQUE("county_code","slug")
);
--> statement-breakpoint
ALTER TABLE "council_bodies" ADD CONSTRAINT "council_bodies_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_representatives" ADD CONSTRAINT "council_representatives_body_id_council_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."council_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_representatives" ADD CONSTRAINT "council_representatives_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_representatives" ADD CONSTRAINT "council_representatives_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_bodies_council_idx" ON "council_bodies" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_representatives_body_idx" ON "council_representatives" USING btree ("body_id");