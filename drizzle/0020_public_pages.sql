CREATE TYPE "public"."search_kind" AS ENUM('page', 'news', 'event', 'document');--> statement-breakpoint
CREATE TYPE "public"."site_banner_level" AS ENUM('info', 'warning', 'critical');--> statement-breakpoint
CREATE TYPE "public"."site_contact_kind" AS ENUM('person', 'function');--> statement-breakpoint
CREATE TYPE "public"."site_page_kind" AS ENUM('start', 'theme', 'page');--> statement-breakpoint
CREATE TYPE "public"."site_revision_state" AS ENUM('draft', 'in_review', 'scheduled', 'published', 'retired');--> statement-breakpoint
CREATE TABLE "search_documents" (
	"kind" "search_kind" NOT NULL,
	"source_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"county_code" char(2),
	"theme_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"url" text NOT NULL,
	"visible_from" timestamp with time zone NOT NULL,
	"visible_until" timestamp with time zone,
	"shown_date" timestamp with time zone,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('swedish'::regconfig, coalesce(body, '')), 'C')) STORED NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_kind_source_id_pk" PRIMARY KEY("kind","source_id")
);
--> statement-breakpoint
CREATE TABLE "site_banners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" char(2),
	"level" "site_banner_level" DEFAULT 'warning' NOT NULL,
	"message" text NOT NULL,
	"link_url" text,
	"link_text" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" char(2) NOT NULL,
	"kind" "site_contact_kind" DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"replaced_by_id" uuid,
	"left_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_news" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" char(2),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"theme_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"image_file_id" uuid,
	"image_alt" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_page_files" (
	"page_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"county_code" char(2) NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_page_files_page_id_file_id_pk" PRIMARY KEY("page_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "site_page_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"county_code" char(2) NOT NULL,
	"number" integer NOT NULL,
	"state" "site_revision_state" DEFAULT 'draft' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"image_file_id" uuid,
	"image_alt" text DEFAULT '' NOT NULL,
	"contact_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"related_page_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"theme_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_reviewed_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"restored_from_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_page_revisions_number_uq" UNIQUE("page_id","number")
);
--> statement-breakpoint
CREATE TABLE "site_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" char(2) NOT NULL,
	"kind" "site_page_kind" NOT NULL,
	"theme_key" text,
	"parent_id" uuid,
	"slug" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"draft_revision_id" uuid,
	"published_revision_id" uuid,
	"scheduled_revision_id" uuid,
	"scheduled_at" timestamp with time zone,
	"first_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_redirects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" char(2) NOT NULL,
	"from_path" text NOT NULL,
	"page_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_redirects_from_uq" UNIQUE("county_code","from_path")
);
--> statement-breakpoint
CREATE TABLE "site_settings" (
	"county_code" char(2) PRIMARY KEY NOT NULL,
	"requires_review" boolean DEFAULT false NOT NULL,
	"support_email" text,
	"support_phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "site_banners" ADD CONSTRAINT "site_banners_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_banners" ADD CONSTRAINT "site_banners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_contacts" ADD CONSTRAINT "site_contacts_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_news" ADD CONSTRAINT "site_news_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_news" ADD CONSTRAINT "site_news_image_file_id_files_id_fk" FOREIGN KEY ("image_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_news" ADD CONSTRAINT "site_news_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_news" ADD CONSTRAINT "site_news_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_files" ADD CONSTRAINT "site_page_files_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_files" ADD CONSTRAINT "site_page_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_files" ADD CONSTRAINT "site_page_files_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_image_file_id_files_id_fk" FOREIGN KEY ("image_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_redirects" ADD CONSTRAINT "site_redirects_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_redirects" ADD CONSTRAINT "site_redirects_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_group_idx" ON "search_documents" USING btree ("kind","group_id");--> statement-breakpoint
CREATE INDEX "search_documents_county_idx" ON "search_documents" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "site_banners_window_idx" ON "site_banners" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "site_contacts_county_idx" ON "site_contacts" USING btree ("county_code");--> statement-breakpoint
CREATE UNIQUE INDEX "site_news_slug_uq" ON "site_news" USING btree (coalesce("county_code", '00'),"slug");--> statement-breakpoint
CREATE INDEX "site_news_published_idx" ON "site_news" USING btree ("county_code","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "site_pages_sibling_slug_uq" ON "site_pages" USING btree ("county_code",coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid),"slug");--> statement-breakpoint
CREATE UNIQUE INDEX "site_pages_theme_uq" ON "site_pages" USING btree ("county_code","theme_key") WHERE "site_pages"."theme_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "site_pages_start_uq" ON "site_pages" USING btree ("county_code") WHERE "site_pages"."kind" = 'start';--> statement-breakpoint
CREATE INDEX "site_pages_parent_idx" ON "site_pages" USING btree ("parent_id");
--> statement-breakpoint
-- The public pages in the change feed (0016): kept per process until one changes, or until the next scheduled change.
CREATE TRIGGER site_settings_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_settings
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER site_pages_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_pages
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER site_page_revisions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_page_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER site_page_files_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_page_files
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER site_redirects_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_redirects
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER site_contacts_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER site_news_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_news
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
--> statement-breakpoint
CREATE TRIGGER site_banners_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_banners
  FOR EACH STATEMENT EXECUTE FUNCTION samverkan_notify_change();
