ALTER TABLE "site_page_revisions" ADD COLUMN "file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- Until now every revision showed all of its page's files: each keeps showing them.
UPDATE "site_page_revisions" AS r SET "file_ids" = f.ids
FROM (SELECT "page_id", array_agg("file_id" ORDER BY "created_at", "file_id") AS ids FROM "site_page_files" GROUP BY "page_id") AS f
WHERE f."page_id" = r."page_id";
