CREATE TABLE "occasion_notices" (
	"occasion_id" uuid NOT NULL,
	"respondent_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "occasion_notices_occasion_id_respondent_id_pk" PRIMARY KEY("occasion_id","respondent_id")
);
--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "is_test" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "occasion_notices" ADD CONSTRAINT "occasion_notices_occasion_id_occasions_id_fk" FOREIGN KEY ("occasion_id") REFERENCES "public"."occasions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occasion_notices" ADD CONSTRAINT "occasion_notices_respondent_id_respondents_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."respondents"("id") ON DELETE cascade ON UPDATE no action;