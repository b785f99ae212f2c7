CREATE TABLE "boundaries" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "boundaries_kind_code_pk" PRIMARY KEY("kind","code")
);
