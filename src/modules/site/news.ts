import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { keptUntilChanged } from '../../db/change-feed.ts';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, UserActor } from '../../platform/authz.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import {
  attachFile,
  detachFile,
  fileUrl,
  findFile,
  IMAGE_KINDS,
  imageSources,
  isEmptyUpload,
  type FileOwner,
  type Files,
  type ImageSources,
} from '../../platform/files.ts';
import { type FormBody, trimmedTextOf, listOf } from '../../platform/input.ts';
import { clearKind, indexEntries, type SearchEntry } from '../../platform/search.ts';
import { countySlugOf } from '../../platform/tenancy.ts';
import { uploadOf } from '../../platform/uploads.ts';
import { SLUG, tooLongMessage, type FormValues } from '../../platform/validation.ts';
import { slugFrom } from '../../platform/validation.ts';
import { mayDeleteNews, mayUnpublishNews, newsIsPublic, newsStatus, type NewsStatus } from './lifecycle.ts';
import * as newsRepo from './news-repository.ts';
import type { NewsScope } from './news-repository.ts';
import { siteGlobalPolicy, sitePolicy } from './policy.ts';
import { nextNewsChangeAt, listPublicNewsRows, type NewsRow } from './repository.ts';
import { isThemeKey, THEMES } from './themes.ts';
import { urls } from './urls.ts';
import { readMoment, typedMomentOf } from './when.ts';

/**
 * News items: a county's (its editors write them) and national ones (the coordinator's, no county). An item is
 * a draft until given a publication time, public from then (now, or a time to come) until its expiry, if any
 * (lifecycle.newsStatus). What the public sees is derived from the time, never from a job having run: the
 * public reads are kept until the next publication or expiry (nextNewsChangeAt). Every change is one
 * transaction: lock, check, write, the search index and the audit record with it.
 */

export const NEWS_LIMITS = { title: 200, slug: 80, summary: 600, body: 50_000, alt: 300 } as const;

export const newsStatusLabels: Record<NewsStatus, string> = {
  draft: 'Utkast',
  scheduled: 'Planerad',
  published: 'Publicerad',
  expired: 'Utgången',
};

// ---- Who may --------------------------------------------------------------------------------------------

/** The county's editors write its news; the coordinator writes the national news. */
export function mayEditNews(actor: Actor, countyCode: NewsScope): boolean {
  return countyCode === null
    ? siteGlobalPolicy['site.national'](actor)
    : sitePolicy['site.edit'](actor, { countyCode });
}

/** Publishing, scheduling and unpublishing: the county's `site.publish`, or the coordinator nationally. */
export function mayPublishNews(actor: Actor, countyCode: NewsScope): boolean {
  return countyCode === null
    ? siteGlobalPolicy['site.national'](actor)
    : sitePolicy['site.publish'](actor, { countyCode });
}

// ---- Addresses -----------------------------------------------------------------------------------------

/** The item's public address (canonical): national news under /nyheter, a county's under its address. */
export function newsUrl(row: Pick<NewsRow, 'countyCode' | 'slug'>): string {
  return row.countyCode === null
    ? urls.nationalNewsItem(row.slug)
    : urls.countyNewsItem(countySlugOf(row.countyCode), row.slug);
}

/** The editors' page of an item. */
export function editNewsUrl(row: Pick<NewsRow, 'countyCode' | 'id'>): string {
  return row.countyCode === null
    ? urls.editNationalNews(row.id)
    : urls.editNews(countySlugOf(row.countyCode), row.id);
}

export function newsListUrl(countyCode: NewsScope): string {
  return countyCode === null ? urls.nationalNewsList() : urls.news(countySlugOf(countyCode));
}

// ---- The image ---------------------------------------------------------------------------------------

/** The owner kind of a news item's image in the platform's file store. */
export const NEWS_IMAGE_OWNER = 'site-news';
export const NEWS_IMAGE = { field: 'image', kinds: IMAGE_KINDS, name: 'Bilden' } as const;

/**
 * A news item's image is public while the item is (published, not expired) and it is still the item's image;
 * before that only those who write the item see it.
 */
export const newsImageOwner: FileOwner = {
  async isPublic(db, file) {
    const item = await newsRepo.findNewsByImage(db, file.id);
    return !!item && item.id === file.ownerId && newsIsPublic(item, new Date());
  },
  async mayView(_db, file, actor) {
    return mayEditNews(actor, file.countyCode);
  },
};

/**
 * The image part of a posted form: a chosen file is checked and staged for the actor at once (a form refused
 * elsewhere keeps it: its id comes back in the hidden field `imageRef`); "remove" drops the image unless a new
 * one was chosen. Attaching it is the service's.
 */
export async function readNewsImage(
  files: Files,
  req: FastifyRequest,
  actor: UserActor,
  countyCode: NewsScope,
): Promise<{ imageRef: string | null; errors: FieldErrors }> {
  const body = (req.body ?? {}) as FormBody;
  const errors: FieldErrors = {};
  let imageRef: string | null =
    trimmedTextOf(body, 'removeImage') === 'yes' ? null : trimmedTextOf(body, 'imageRef') || null;
  const upload = uploadOf(req, NEWS_IMAGE.field);
  if (upload && !isEmptyUpload(upload)) {
    try {
      imageRef = (
        await files.stage(upload, {
          ...NEWS_IMAGE,
          ownerKind: NEWS_IMAGE_OWNER,
          countyCode,
          actorId: actor.id,
          public: true,
        })
      ).id;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      Object.assign(errors, err.fieldErrors);
    }
  }
  return { imageRef, errors };
}

/** What the form shows of the image it has: only the item's own, or the viewer's own upload. */
export async function newsImagePreview(
  db: Executor,
  imageRef: string | null | undefined,
  viewer: { newsId: string | undefined; actorId: string },
): Promise<{ src: string; name: string } | undefined> {
  const file = imageRef ? await findFile(db, imageRef) : undefined;
  const shown =
    file?.ownerKind === NEWS_IMAGE_OWNER &&
    (file.ownerId === null ? file.createdBy === viewer.actorId : file.ownerId === viewer.newsId);
  if (!file || !shown) return undefined;
  return {
    src: fileUrl(file, file.variantWidths.includes(480) ? 'w480' : 'original'),
    name: file.originalName,
  };
}

// ---- The form ----------------------------------------------------------------------------------------

export const publishModes = ['draft', 'now', 'at'] as const;
export type PublishMode = (typeof publishModes)[number];

export interface NewsInput {
  title: string;
  /** '' : made from the title */
  slug: string;
  summary: string;
  /** Markdown */
  body: string;
  themeKeys: string[];
  imageFileId: string | null;
  imageAlt: string;
  /** keep as a draft, publish now (a published item keeps its date), or at a time */
  publish: { mode: 'draft' } | { mode: 'now' } | { mode: 'at'; at: Date };
  expiresAt: Date | null;
}

/**
 * Reads the posted news form into the input the services take, or every message beside its field (the rules
 * across fields — an expiry after the publication — are the service's, which knows the item's state).
 */
export function readNewsForm(body: FormBody, imageRef: string | null): NewsInput {
  const errors: FieldErrors = {};
  const text = (key: string, name: string, max: number, required?: string): string => {
    const v = trimmedTextOf(body, key);
    if (required && v === '') errors[key] = required;
    else if (v.length > max) errors[key] = tooLongMessage(name, max, v.length);
    return v;
  };
  // A title is one line: control characters dropped and spaces collapsed (it is the page's h1 and <title>).
  body = {
    ...body,
    title: trimmedTextOf(body, 'title')
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' '),
  };
  const title = text('title', 'Rubriken', NEWS_LIMITS.title, 'Skriv nyhetens rubrik');
  const slug = text('slug', 'Adressen', NEWS_LIMITS.slug).toLowerCase();
  if (slug && !errors.slug && !SLUG.test(slug))
    errors.slug = 'Adressen får ha små bokstäver a–z, siffror och bindestreck, till exempel ny-handlingsplan';
  const summary = text('summary', 'Ingressen', NEWS_LIMITS.summary);
  const bodyText = text('body', 'Texten', NEWS_LIMITS.body);
  const themeKeys = [...new Set(listOf(body, 'themes'))];
  if (themeKeys.some((k) => !isThemeKey(k))) errors.themes = 'Välj bland länets teman';
  const imageAlt = text('imageAlt', 'Alternativtexten', NEWS_LIMITS.alt);
  if (imageRef && !imageAlt && !errors.imageAlt) errors.imageAlt = 'Beskriv bilden med en alternativtext';

  const mode = trimmedTextOf(body, 'publish') || 'draft';
  let publish: NewsInput['publish'] = { mode: 'draft' };
  if (mode === 'now') publish = { mode: 'now' };
  else if (mode === 'at') {
    const at = readMoment(
      { date: trimmedTextOf(body, 'publishDate'), time: trimmedTextOf(body, 'publishTime') },
      { date: { a: 'publiceringsdatum', the: 'publiceringsdatumet' }, time: 'publiceringstiden' },
    );
    if ('errors' in at) {
      if (at.errors.date) errors.publishDate = at.errors.date;
      if (at.errors.time) errors.publishTime = at.errors.time;
    } else publish = { mode: 'at', at: at.at };
  } else if (mode !== 'draft') errors.publish = 'Välj om nyheten ska publiceras';

  let expiresAt: Date | null = null;
  const expiresDate = trimmedTextOf(body, 'expiresDate');
  const expiresTime = trimmedTextOf(body, 'expiresTime');
  if (expiresDate || expiresTime) {
    const at = readMoment(
      { date: expiresDate, time: expiresTime },
      { date: { a: 'slutdatum', the: 'slutdatumet' }, time: 'sluttiden' },
      '23.59',
    );
    if ('errors' in at) {
      if (at.errors.date) errors.expiresDate = at.errors.date;
      if (at.errors.time) errors.expiresTime = at.errors.time;
    } else expiresAt = at.at;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return {
    title,
    slug,
    summary,
    body: bodyText,
    themeKeys,
    imageFileId: imageRef,
    imageAlt: imageRef ? imageAlt : '',
    publish,
    expiresAt,
  };
}

/** An item as its form shows it. */
export function newsValues(row: NewsRow, now = new Date()): FormValues {
  const status = newsStatus(row, now);
  const publishAt = typedMomentOf(row.publishedAt);
  const expires = typedMomentOf(row.expiresAt);
  return {
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    body: row.body,
    themes: row.themeKeys.join(','),
    imageRef: row.imageFileId ?? '',
    imageAlt: row.imageAlt,
    publish: status === 'draft' ? 'draft' : status === 'scheduled' ? 'at' : 'now',
    publishDate: status === 'scheduled' ? publishAt.date : '',
    publishTime: status === 'scheduled' ? publishAt.time : '',
    expiresDate: expires.date,
    expiresTime: expires.time,
  };
}

// ---- Changes ---------------------------------------------------------------------------------------------

/** The search index's entry of an item while it is published or scheduled; none for a draft or expired one. */
export function newsSearchEntries(row: NewsRow, now: Date): SearchEntry[] {
  const status = newsStatus(row, now);
  if (!row.publishedAt || status === 'draft' || status === 'expired') return [];
  return [
    {
      sourceId: row.id,
      countyCode: row.countyCode,
      themeKeys: row.themeKeys,
      title: row.title,
      summary: row.summary,
      body: row.body,
      url: newsUrl(row),
      visibleFrom: row.publishedAt,
      visibleUntil: row.expiresAt,
      shownDate: row.publishedAt,
    },
  ];
}

/** The whole index of news written again from the items themselves (`npm run cli -- search reindex`). */
export async function reindexNews(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    await clearKind(tx, 'news');
    const rows = await newsRepo.listEveryNewsRow(tx);
    for (const row of rows) await indexEntries(tx, 'news', row.id, newsSearchEntries(row, now));
    return rows.length;
  });
}

const auditFacts = (row: NewsRow) => ({
  title: row.title,
  slug: row.slug,
  publishedAt: row.publishedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
});

/** The publication time the input asks for, given the item's own (a published item keeps its date). */
function publishedAtOf(input: NewsInput, before: NewsRow | undefined, now: Date): Date | null {
  switch (input.publish.mode) {
    case 'draft':
      return null;
    case 'now':
      return before?.publishedAt && before.publishedAt.getTime() <= now.getTime() ? before.publishedAt : now;
    case 'at':
      return input.publish.at;
  }
}

/** The rules across fields: a time to come for a scheduled item, an expiry after the publication. */
function checkTimes(
  input: NewsInput,
  publishedAt: Date | null,
  before: NewsRow | undefined,
  now: Date,
): void {
  const errors: FieldErrors = {};
  const unchanged = before?.publishedAt?.getTime() === publishedAt?.getTime();
  if (input.publish.mode === 'at' && !unchanged && input.publish.at.getTime() <= now.getTime())
    errors.publishDate = 'Tiden för publiceringen har redan varit: välj en senare tid, eller Publicera nu';
  if (input.expiresAt && input.expiresAt.getTime() <= (publishedAt ?? now).getTime())
    errors.expiresDate = 'Nyheten måste sluta visas efter att den publiceras';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

async function slugFor(
  tx: Executor,
  countyCode: NewsScope,
  input: NewsInput,
  before: NewsRow | undefined,
): Promise<string> {
  if (input.slug) {
    if (await newsRepo.newsSlugTaken(tx, countyCode, input.slug, before?.id))
      throw new ValidationError({ slug: 'En annan nyhet har redan den adressen: välj en annan' });
    return input.slug;
  }
  if (before) return before.slug;
  const base = slugFrom(input.title, 'nyhet', 60);
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await newsRepo.newsSlugTaken(tx, countyCode, slug))) return slug;
  }
}

/** Keeps the file store in step with the item's image: the new one attached, a replaced one let go of. */
async function keepNewsImage(
  tx: Executor,
  before: NewsRow | undefined,
  after: NewsRow,
  actorId: string,
): Promise<void> {
  if (before?.imageFileId && before.imageFileId !== after.imageFileId)
    await detachFile(tx, before.imageFileId, { kind: NEWS_IMAGE_OWNER, id: after.id });
  if (after.imageFileId && after.imageFileId !== before?.imageFileId)
    await attachFile(tx, after.imageFileId, {
      ownerKind: NEWS_IMAGE_OWNER,
      ownerId: after.id,
      countyCode: after.countyCode,
      actorId,
      kinds: NEWS_IMAGE.kinds,
      field: NEWS_IMAGE.field,
    });
}

function requireEditor(actor: Actor, countyCode: NewsScope): void {
  if (!mayEditNews(actor, countyCode)) throw new NotFoundError();
}

/** A change of the publication needs the right to publish; a draft may be saved by every editor. */
function requirePublisher(actor: Actor, countyCode: NewsScope): void {
  if (!mayPublishNews(actor, countyCode))
    throw new ValidationError({ publish: 'Du får spara nyheten som utkast men inte publicera den' });
}

/** Records what became of the item's publication, if anything. */
async function auditPublication(
  tx: Executor,
  actor: UserActor,
  before: NewsRow | undefined,
  after: NewsRow,
): Promise<void> {
  const was = before?.publishedAt?.getTime() ?? null;
  const is = after.publishedAt?.getTime() ?? null;
  if (was === is) return;
  await recordAudit(tx, {
    actorId: actor.id,
    countyCode: after.countyCode,
    action: is === null ? 'news.unpublished' : 'news.published',
    entityType: 'site_news',
    entityId: after.id,
    before: { publishedAt: before?.publishedAt?.toISOString() ?? null },
    after: {
      publishedAt: after.publishedAt?.toISOString() ?? null,
      expiresAt: after.expiresAt?.toISOString() ?? null,
    },
  });
}

export async function createNews(
  db: Db,
  actor: UserActor,
  countyCode: NewsScope,
  input: NewsInput,
  now = new Date(),
): Promise<NewsRow> {
  requireEditor(actor, countyCode);
  const publishedAt = publishedAtOf(input, undefined, now);
  if (publishedAt) requirePublisher(actor, countyCode);
  checkTimes(input, publishedAt, undefined, now);
  return db.transaction(async (tx) => {
    const slug = await slugFor(tx, countyCode, input, undefined);
    const row = await newsRepo.insertNews(tx, {
      countyCode,
      slug,
      title: input.title,
      summary: input.summary,
      body: input.body,
      themeKeys: input.themeKeys,
      imageFileId: input.imageFileId,
      imageAlt: input.imageAlt,
      publishedAt,
      expiresAt: input.expiresAt,
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await keepNewsImage(tx, undefined, row, actor.id);
    await indexEntries(tx, 'news', row.id, newsSearchEntries(row, now));
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'news.created',
      entityType: 'site_news',
      entityId: row.id,
      after: auditFacts(row),
    });
    await auditPublication(tx, actor, undefined, row);
    return row;
  });
}

async function lockNews(tx: Executor, countyCode: NewsScope, id: string): Promise<NewsRow> {
  const row = await newsRepo.lockNewsRow(tx, countyCode, id);
  if (!row) throw new NotFoundError();
  return row;
}

export async function updateNews(
  db: Db,
  actor: UserActor,
  countyCode: NewsScope,
  id: string,
  input: NewsInput,
  now = new Date(),
): Promise<NewsRow> {
  requireEditor(actor, countyCode);
  return db.transaction(async (tx) => {
    const before = await lockNews(tx, countyCode, id);
    const publishedAt = publishedAtOf(input, before, now);
    if (publishedAt?.getTime() !== before.publishedAt?.getTime()) requirePublisher(actor, countyCode);
    checkTimes(input, publishedAt, before, now);
    const slug = await slugFor(tx, countyCode, input, before);
    const row = await newsRepo.updateNewsRow(tx, before.id, {
      slug,
      title: input.title,
      summary: input.summary,
      body: input.body,
      themeKeys: input.themeKeys,
      imageFileId: input.imageFileId,
      imageAlt: input.imageAlt,
      publishedAt,
      expiresAt: input.expiresAt,
      updatedBy: actor.id,
    });
    await keepNewsImage(tx, before, row, actor.id);
    await indexEntries(tx, 'news', row.id, newsSearchEntries(row, now));
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'news.edited',
      entityType: 'site_news',
      entityId: row.id,
      before: auditFacts(before),
      after: auditFacts(row),
    });
    await auditPublication(tx, actor, before, row);
    return row;
  });
}

/** Takes a published or scheduled item off the site: it becomes a draft again. */
export async function unpublishNews(
  db: Db,
  actor: UserActor,
  countyCode: NewsScope,
  id: string,
  now = new Date(),
): Promise<NewsRow> {
  requireEditor(actor, countyCode);
  if (!mayPublishNews(actor, countyCode)) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const before = await lockNews(tx, countyCode, id);
    const verdict = mayUnpublishNews(before, now);
    if (verdict !== true) throw new ConflictError(verdict);
    const row = await newsRepo.updateNewsRow(tx, before.id, { publishedAt: null, updatedBy: actor.id });
    await indexEntries(tx, 'news', row.id, []);
    await auditPublication(tx, actor, before, row);
    return row;
  });
}

/** Deletes a draft (a published item is unpublished first: what was public leaves a trace in the log). */
export async function deleteNews(
  db: Db,
  actor: UserActor,
  countyCode: NewsScope,
  id: string,
  now = new Date(),
): Promise<NewsRow> {
  requireEditor(actor, countyCode);
  return db.transaction(async (tx) => {
    const before = await lockNews(tx, countyCode, id);
    const verdict = mayDeleteNews(before, now);
    if (verdict !== true) throw new ConflictError(verdict);
    if (before.imageFileId)
      await detachFile(tx, before.imageFileId, { kind: NEWS_IMAGE_OWNER, id: before.id });
    await newsRepo.updateNewsRow(tx, before.id, { imageFileId: null });
    await newsRepo.deleteNewsRow(tx, before.id);
    await indexEntries(tx, 'news', before.id, []);
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'news.deleted',
      entityType: 'site_news',
      entityId: before.id,
      before: auditFacts(before),
    });
    return before;
  });
}

// ---- What the public sees -----------------------------------------------------------------------------

/** A public item as lists, the start pages and the feeds show it. */
export interface NewsCard {
  id: string;
  title: string;
  summary: string;
  url: string;
  publishedAt: Date;
  updatedAt: Date;
  themeKeys: string[];
}

export const newsCardOf = (row: NewsRow): NewsCard => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  url: newsUrl(row),
  publishedAt: row.publishedAt ?? row.createdAt,
  updatedAt: row.updatedAt,
  themeKeys: row.themeKeys,
});

/** What a kept public read is made of, and the fingerprint a kept page is keyed by. */
const fingerprint = (rows: readonly NewsRow[], extra: string): string =>
  createHash('sha1')
    .update(extra)
    .update(rows.map((r) => `${r.id}:${r.updatedAt.getTime()}`).join(','))
    .digest('base64url');

export const NEWS_PAGE_SIZE = 20;

export interface PublicNewsPage {
  items: NewsCard[];
  total: number;
  /** names what the page shows, for the kept page's key */
  version: string;
  nextChangeAt: Date | null;
}

export async function readPublicNewsPage(
  db: Db,
  countyCode: NewsScope,
  themeKey: string | undefined,
  page: number,
  now: Date,
): Promise<PublicNewsPage> {
  const [{ rows, total }, nextChangeAt] = await Promise.all([
    newsRepo.listPublicNewsPage(db, countyCode, now, {
      themeKey,
      offset: (page - 1) * NEWS_PAGE_SIZE,
      limit: NEWS_PAGE_SIZE,
    }),
    nextNewsChangeAt(db, countyCode, now),
  ]);
  return {
    items: rows.map(newsCardOf),
    total,
    version: fingerprint(rows, `${total}`),
    nextChangeAt,
  };
}

const untilNext = (v: { nextChangeAt: Date | null }): number => v.nextChangeAt?.getTime() ?? Infinity;

/**
 * One page of the public list, kept per process until an item changes or the next publication or expiry
 * comes: a scheduled item appears on time, an expired one disappears on time.
 */
export const publicNewsPage = keptUntilChanged(
  ['site_news'],
  (db: Db, countyCode: NewsScope, themeKey: string | undefined, page: number) =>
    readPublicNewsPage(db, countyCode, themeKey, page, new Date()),
  (countyCode, themeKey, page) => `${countyCode ?? 'national'}\0${themeKey ?? ''}\0${page}`,
  { until: untilNext },
);

/** The latest public items of a county (or national ones), for the start pages; kept as the lists are. */
export const latestNews = keptUntilChanged(
  ['site_news'],
  async (db: Db, countyCode: string | null, limit: number) => {
    const now = new Date();
    const [rows, nextChangeAt] = await Promise.all([
      listPublicNewsRows(db, countyCode, now, limit),
      nextNewsChangeAt(db, countyCode, now),
    ]);
    return Object.assign(rows.map(newsCardOf), { nextChangeAt });
  },
  (countyCode, limit) => `${countyCode ?? 'national'}\0${limit}`,
  { until: untilNext },
);

/**
 * An item by its address, in whatever state (kept until an item changes): the caller asks whether it is public
 * now, so a scheduled item is found at its time without the kept read having to expire.
 */
export const newsBySlug = keptUntilChanged(
  ['site_news'],
  (db: Db, countyCode: NewsScope, slug: string) => newsRepo.findNewsBySlug(db, countyCode, slug),
  (countyCode, slug) => `${countyCode ?? 'national'}\0${slug}`,
);

/** A public item as its page shows it. */
export interface NewsItemView extends NewsCard {
  /** Markdown (the view writes it through safeMarkdown) */
  body: string;
  themes: Array<{ key: string; name: string }>;
  image: (ImageSources & { alt: string }) | undefined;
}

export const themeNamesOf = (keys: readonly string[]): Array<{ key: string; name: string }> =>
  THEMES.filter((t) => keys.includes(t.key)).map((t) => ({ key: t.key, name: t.name }));

/** The public item's image from the file store, with its alt text. */
export async function newsImageOf(
  db: Db,
  row: NewsRow,
): Promise<(ImageSources & { alt: string }) | undefined> {
  if (!row.imageFileId || !row.imageAlt) return undefined;
  const file = await findFile(db, row.imageFileId);
  return file && file.ownerId === row.id ? { ...imageSources(file), alt: row.imageAlt } : undefined;
}
