import { sql } from 'drizzle-orm';
import {
  bigserial,
  customType,
  pgEnum,
  primaryKey,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Domain audit trail: who did what, when, before → after. Written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    actorId: uuid('actor_id'),
    countyCode: char('county_code', { length: 2 }),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_county_idx').on(t.countyCode),
  ],
);

/** Durable job queue (outbox). Enqueued inside the business transaction; claimed with FOR UPDATE SKIP LOCKED. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    runAt: timestamp('run_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`done_at is null and failed_at is null`),
  ],
);

/** Fixed-window counters shared by every web process (login, reset and public forms). Keys are hashed. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});

/**
 * A form posted after its sender's session ended (a route with `keepOnSessionEnd`), kept until they have
 * signed in again and come back to its page, then taken once. Only the token's hash is stored; rows live at
 * most two hours and the job runner deletes expired ones.
 */
export const keptForms = pgTable(
  'kept_forms',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** the page the sender returns to after signing in */
    path: text('path').notNull(),
    /** the address the form was posted to */
    action: text('action').notNull(),
    /** the posted fields, `_csrf` aside */
    fields: jsonb('fields').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('kept_forms_expires_idx').on(t.expiresAt)],
);

/**
 * Uploaded files' metadata (their bytes are in the file store, src/platform/files.ts). A file belongs to an
 * owner — a module's thing, named by kind and id ('event', the event's id) — which decides whether it is
 * public now; `public` false keeps it internal whatever the owner says. A file not yet (or no longer) attached
 * to an owner has `owner_id` null and `detached_at` set: only its uploader sees it, and the job runner deletes
 * it a day later. Files never change: a new image is a new file.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the county whose file it is; null for a national one */
    countyCode: char('county_code', { length: 2 }),
    ownerKind: text('owner_kind').notNull(),
    /** the owner's id; null while the file is not attached to one */
    ownerId: text('owner_id'),
    /** pdf, docx, xlsx, png or jpeg: recognised by the bytes, never by the name */
    kind: text('kind').notNull(),
    contentType: text('content_type').notNull(),
    /** bytes of the stored file (for an image: as re-encoded, at full size) */
    size: integer('size').notNull(),
    /** SHA-256 of the stored file, hex */
    sha256: text('sha256').notNull(),
    originalName: text('original_name').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** the narrower copies of an image that are stored, by width in pixels */
    variantWidths: integer('variant_widths')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** false: internal, shown only to those the owner lets see it, whatever the owner's state */
    public: boolean('public').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    /** when the file was uploaded or let go of without an owner; null while attached */
    detachedAt: timestamp('detached_at', { withTimezone: true }),
  },
  (t) => [
    index('files_owner_idx').on(t.ownerKind, t.ownerId),
    index('files_detached_idx')
      .on(t.detachedAt)
      .where(sql`owner_id is null`),
  ],
);

/** PostgreSQL's tsvector, for the search index's generated column. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const searchKinds = ['page', 'news', 'event', 'document'] as const;
export type SearchKind = (typeof searchKinds)[number];
export const searchKind = pgEnum('search_kind', searchKinds);

/**
 * The full-text search index: one row per thing a visitor can find (a published page revision, a news item,
 * a published event, a public council document), written by the owning service in the same transaction as the
 * thing itself. Visible from `visible_from` until `visible_until`, so a scheduled page or an expiring news item
 * is found exactly while it is public. Weighted Swedish text: title A, summary B, body C.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    kind: searchKind('kind').notNull(),
    /** the thing's id (for a page: the revision's, as a page may have a published and a scheduled one) */
    sourceId: uuid('source_id').notNull(),
    /** for a page: the page's id (its revisions' rows are replaced together) */
    groupId: uuid('group_id').notNull(),
    /** the county whose site it belongs to; none for national news (no foreign key: the platform owns no counties) */
    countyCode: char('county_code', { length: 2 }),
    themeKeys: text('theme_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    url: text('url').notNull(),
    visibleFrom: timestamp('visible_from', { withTimezone: true }).notNull(),
    visibleUntil: timestamp('visible_until', { withTimezone: true }),
    /** shown in results: a news item's date, an event's start */
    shownDate: timestamp('shown_date', { withTimezone: true }),
    tsv: tsvector('tsv')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('swedish'::regconfig, coalesce(body, '')), 'C')`,
      ),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.sourceId] }),
    index('search_documents_tsv_idx').using('gin', t.tsv),
    index('search_documents_group_idx').on(t.kind, t.groupId),
    index('search_documents_county_idx').on(t.countyCode),
  ],
);
