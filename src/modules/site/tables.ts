import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { files } from '../../platform/tables.ts';
import { counties } from '../reference/tables.ts';
import { bannerLevels, contactKinds, pageKinds, revisionStates } from './lifecycle.ts';

export const sitePageKind = pgEnum('site_page_kind', pageKinds);
export const siteRevisionState = pgEnum('site_revision_state', revisionStates);
export const siteBannerLevel = pgEnum('site_banner_level', bannerLevels);
export const siteContactKind = pgEnum('site_contact_kind', contactKinds);

const created = () =>
  timestamp('created_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`);
const updated = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`);

/** A county's settings for its public pages. */
export const siteSettings = pgTable('site_settings', {
  countyCode: char('county_code', { length: 2 })
    .primaryKey()
    .references(() => counties.code),
  /** a page's draft must be reviewed and published by a second editor */
  requiresReview: boolean('requires_review').notNull().default(false),
  /** the county board's support contact for the footer and task pages */
  supportEmail: text('support_email'),
  supportPhone: text('support_phone'),
  updatedAt: updated(),
});

/**
 * A page of a county's public site, in a tree: the start page (`/{county}/`, one per county), the eleven theme
 * pages (themes.ts) and free pages, each possibly with sub-pages (`/{county}/{parent}/{child}`). The content is
 * in revisions; the page row says which revision is the draft, which is published and which is scheduled to
 * replace it at `scheduled_at` (lifecycle.ts visibleRevisionId). Top-level pages have no parent; the start
 * page is the root of the breadcrumbs, not the tree's parent.
 */
export const sitePages = pgTable(
  'site_pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    kind: sitePageKind('kind').notNull(),
    /** the theme a theme page is about (themes.ts), one page per theme and county */
    themeKey: text('theme_key'),
    parentId: uuid('parent_id'),
    /** the last segment of its address; the start page's is '' */
    slug: text('slug').notNull(),
    /** order among its siblings */
    position: integer('position').notNull().default(0),
    draftRevisionId: uuid('draft_revision_id'),
    publishedRevisionId: uuid('published_revision_id'),
    scheduledRevisionId: uuid('scheduled_revision_id'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** when the page first became public (for the sitemap and feeds); kept across unpublishing */
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    // Siblings have different slugs; NULL parents compare equal through the coalesce.
    uniqueIndex('site_pages_sibling_slug_uq').on(
      t.countyCode,
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.slug,
    ),
    uniqueIndex('site_pages_theme_uq')
      .on(t.countyCode, t.themeKey)
      .where(sql`${t.themeKey} is not null`),
    uniqueIndex('site_pages_start_uq')
      .on(t.countyCode)
      .where(sql`${t.kind} = 'start'`),
    index('site_pages_parent_idx').on(t.parentId),
  ],
);

/**
 * One version of a page's content. A draft changes in place while it is being written; once sent for review
 * it changes only by being returned to draft; once published it never changes (a restore copies it into a new
 * draft). `number` counts a page's revisions from 1.
 */
export const sitePageRevisions = pgTable(
  'site_page_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => sitePages.id, { onDelete: 'cascade' }),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    number: integer('number').notNull(),
    state: siteRevisionState('state').notNull().default('draft'),
    title: text('title').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** Markdown, sanitised when shown (platform/markdown.ts) */
    body: text('body').notNull().default(''),
    imageFileId: uuid('image_file_id').references(() => files.id),
    imageAlt: text('image_alt').notNull().default(''),
    /** site_contacts shown on the page (a contact who left shows as the one who replaced them) */
    contactIds: uuid('contact_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /**
     * the page's files (site_page_files) this revision shows, in order: a file added to a draft is public only
     * once that draft is
     */
    fileIds: uuid('file_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    relatedPageIds: uuid('related_page_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    themeKeys: text('theme_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    lastReviewedOn: date('last_reviewed_on', { mode: 'string' }),
    /** what changed, in the editor's words (the history shows it) */
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    /** when it became (or becomes, if scheduled) the public version */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** the revision a restore copied */
    restoredFromId: uuid('restored_from_id'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [unique('site_page_revisions_number_uq').on(t.pageId, t.number)],
);

/**
 * Files attached to a page (PDF, Word, Excel, images) in the platform's file store (owner kind 'site-page'):
 * the page's files, of which each revision shows those its `file_ids` name. A file is public while the page is
 * public and the revision the public sees shows it; otherwise its address answers 404 to visitors. A file
 * stays the page's while any revision shows it (the history, a restore).
 */
export const sitePageFiles = pgTable(
  'site_page_files',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => sitePages.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    title: text('title').notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.fileId] })],
);

/** An old address of a page (moved or renamed) that answers 301 to its page's address now. */
export const siteRedirects = pgTable(
  'site_redirects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    /** the old path under /{county}/, without slashes at the ends: "integration/gammal-sida" */
    fromPath: text('from_path').notNull(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => sitePages.id, { onDelete: 'cascade' }),
    createdAt: created(),
  },
  (t) => [unique('site_redirects_from_uq').on(t.countyCode, t.fromPath)],
);

/** A contact person or function of a county's pages; one who leaves is replaced everywhere at once. */
export const siteContacts = pgTable(
  'site_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    kind: siteContactKind('kind').notNull().default('person'),
    /** a person's name, or a function's ("Enheten för social hållbarhet") */
    name: text('name').notNull(),
    /** role or title: "Samordnare ANDTS" */
    role: text('role').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    /** the contact who took over (pages then show them); set with left_at */
    replacedById: uuid('replaced_by_id'),
    leftAt: timestamp('left_at', { withTimezone: true }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('site_contacts_county_idx').on(t.countyCode)],
);

/**
 * A news item of a county, or national (no county: the coordinator's). Public from `published_at` (none: a
 * draft) until `expires_at` (none: for good).
 */
export const siteNews = pgTable(
  'site_news',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: char('county_code', { length: 2 }).references(() => counties.code),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown, sanitised when shown */
    body: text('body').notNull().default(''),
    themeKeys: text('theme_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    imageFileId: uuid('image_file_id').references(() => files.id),
    imageAlt: text('image_alt').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('site_news_slug_uq').on(sql`coalesce(${t.countyCode}, '00')`, t.slug),
    index('site_news_published_idx').on(t.countyCode, t.publishedAt),
  ],
);

/**
 * A warning banner (weather, a crisis, an outage) on every page of a county, or of every county when it has
 * none (the coordinator's), from `starts_at` until `ends_at` or until withdrawn.
 */
export const siteBanners = pgTable(
  'site_banners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: char('county_code', { length: 2 }).references(() => counties.code),
    level: siteBannerLevel('level').notNull().default('warning'),
    message: text('message').notNull(),
    linkUrl: text('link_url'),
    linkText: text('link_text'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('site_banners_window_idx').on(t.endsAt)],
);
