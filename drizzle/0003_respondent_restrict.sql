ALTER TABLE "responses" DROP CONSTRAINT "responses_respondent_id_respondents_id_fk";
--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_respondent_id_respondents_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."respondents"("id") ON DELETE restrict ON UPDATE no action;