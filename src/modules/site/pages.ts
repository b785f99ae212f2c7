import { z } from 'zod';
import { keptUntilChanged } from '../../db/change-feed.ts';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import {
  attachFile,
  ALL_KINDS,
  detachFile,
  FILE_KINDS,
  findFile,
  IMAGE_KINDS,
  imageSources,
  fileUrl,
  isImageKind,
  type FileKind,
  type FileOwner,
  type FileRow,
  type ImageSources,
} from '../../platform/files.ts';
import { markdownImagesOf } from '../../platform/markdown.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { clearKind, indexEntries, type SearchEntry } from '../../platform/search.ts';
import { COUNTIES, countySlugOf } from '../../platform/tenancy.ts';
import { readClock, stockholmTime } from '../../platform/time.ts';
import { fieldErrorsFrom, fields, parseForm, SLUG, slugFrom } from '../../platform/validation.ts';
import { resolveContacts } from './contacts-view.ts';
import type { RevisionInfo } from './lifecycle.ts';
import * as prepo from './pages-repository.ts';
import { authorize, sitePolicy, type PageResource } from './policy.ts';
import {
  findSettings,
  listContactRows,
  listPageRows,
  listRevisionRows,
  type PageRow,
  type RevisionRow,
} from './repository.ts';
import { pathsOf, readSiteTree, siteTree, type SiteTree } from './site-tree.ts';
import { isThemeKey, RESERVED_SLUGS, themeOf } from './themes.ts';
import { urls } from './urls.ts';
import type { PageContentView } from './views/page-content.tsx';

/**
 * The county's pages as its editors write them: a page in the tree, its draft (one working copy, made from
 * the published revision when first edited), review by a second editor where the county wants it,
 * publishing now or at a time, unpublishing, moving (the old addresses redirect), the history with restore,
 * and the page's files. Every change locks the page row, asks the policy under the lock, writes, audits and
 * brings the search index in step, in one transaction. What the public sees is the published or (from its
 * time) the scheduled revision, never the draft.
 */

export const PAGE_LIMITS = { title: 200, summary: 1_000, body: 100_000, note: 500, alt: 300, fileTitle: 200 };

/** The owner kind of a page's files (attachments and images) in the platform's file store. */
export const PAGE_FILE_OWNER = 'site-page';
export const PAGE_ATTACHMENT = { field: 'file', kinds: ALL_KINDS, name: 'Filen' } as const;
export const PAGE_IMAGE = { field: 'image', kinds: IMAGE_KINDS, name: 'Bilden' } as const;

export interface PageRef {
  countyCode: string;
  pageId: string;
}

const infoOf = (r: RevisionRow): RevisionInfo => ({
  id: r.id,
  state: r.state,
  title: r.title,
  createdBy: r.createdBy,
  updatedBy: r.updatedBy,
  submittedBy: r.submittedBy,
});

/** The page as the policy sees it: its states, its draft, the county's review setting, who asks. */
export async function pageResourceOf(
  db: Executor,
  page: PageRow,
  actorId: string | null,
): Promise<PageResource> {
  const draft = page.draftRevisionId
    ? await prepo.findRevision(db, page.id, page.draftRevisionId)
    : undefined;
  const settings = await findSettings(db, page.countyCode);
  return {
    countyCode: page.countyCode,
    page,
    draft: draft ? infoOf(draft) : null,
    requiresReview: settings.requiresReview,
    actorId,
  };
}

/**
 * Locks the page (another county's or a missing one is 404) and folds a scheduled revision whose time has
 * come into the published one, so every change starts from what the public sees now.
 */
async function lockPage(tx: Executor, ref: PageRef, now = new Date()): Promise<PageRow> {
  const page = await prepo.lockPageRow(tx, ref.countyCode, ref.pageId);
  if (!page) throw new NotFoundError();
  return settle(tx, page, now);
}

async function settle(tx: Executor, page: PageRow, now: Date): Promise<PageRow> {
  if (!page.scheduledRevisionId || !page.scheduledAt || page.scheduledAt.getTime() > now.getTime())
    return page;
  if (page.publishedRevisionId)
    await prepo.updateRevision(tx, page.publishedRevisionId, { state: 'retired' });
  await prepo.updateRevision(tx, page.scheduledRevisionId, { state: 'published' });
  return prepo.updatePage(tx, page.id, {
    publishedRevisionId: page.scheduledRevisionId,
    scheduledRevisionId: null,
    scheduledAt: null,
    firstPublishedAt: page.firstPublishedAt ?? page.scheduledAt,
  });
}

async function audit(
  tx: Executor,
  actor: UserActor,
  page: PageRow,
  action: string,
  after: Record<string, unknown>,
  before?: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, {
    actorId: actor.id,
    countyCode: page.countyCode,
    action,
    entityType: 'site_page',
    entityId: page.id,
    before,
    after,
  });
}

// ---- Paths and the search index ---------------------------------------------------------------------------

/** The page and every page below it. */
function subtreeOf(rows: readonly PageRow[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows)
      if (r.parentId && ids.has(r.parentId) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
  }
  return ids;
}

/** Whether a page has something the public sees now or will see at a time. */
const hasPublicRevision = (r: PageRow): boolean => !!(r.publishedRevisionId || r.scheduledRevisionId);

/**
 * Writes the search entries of a page and every page below it: one per revision the public sees or will see
 * (the published one until the scheduled one's time, the scheduled one from then). A page under a parent
 * with nothing public is not indexed. Known gap: a sub-page scheduled before its parent is found from its
 * own time, not the parent's.
 */
async function reindexSubtree(tx: Executor, countyCode: string, rootId: string): Promise<void> {
  const rows = await listPageRows(tx, countyCode);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const paths = pathsOf(rows);
  const below = subtreeOf(rows, rootId);
  const subtree = rows.filter((r) => below.has(r.id));
  const revisions = new Map(
    (
      await listRevisionRows(
        tx,
        countyCode,
        subtree
          .flatMap((r) => [r.publishedRevisionId, r.scheduledRevisionId])
          .filter((id): id is string => !!id),
      )
    ).map((r) => [r.id, r]),
  );
  const county = countySlugOf(countyCode);
  for (const page of subtree) {
    let live = hasPublicRevision(page);
    for (let p = page.parentId ? byId.get(page.parentId) : undefined, n = 0; p && live && n < 32; n++) {
      live = hasPublicRevision(p);
      p = p.parentId ? byId.get(p.parentId) : undefined;
    }
    const entries: SearchEntry[] = [];
    const entry = (rev: RevisionRow, from: Date, until: Date | null): SearchEntry => ({
      sourceId: rev.id,
      countyCode,
      themeKeys: [...new Set([...rev.themeKeys, ...(page.themeKey ? [page.themeKey] : [])])],
      title: rev.title,
      summary: rev.summary,
      body: rev.body,
      url: urls.page(county, paths.get(page.id) ?? page.slug),
      visibleFrom: from,
      visibleUntil: until,
      shownDate: null,
    });
    if (live) {
      const published = revisions.get(page.publishedRevisionId ?? '');
      const scheduled = revisions.get(page.scheduledRevisionId ?? '');
      if (published)
        entries.push(entry(published, published.publishedAt ?? page.updatedAt, page.scheduledAt));
      if (scheduled && page.scheduledAt) entries.push(entry(scheduled, page.scheduledAt, null));
    }
    await indexEntries(tx, 'page', page.id, entries);
  }
}

/**
 * The whole index of pages written again from the pages themselves (`npm run cli -- search reindex`, after a
 * restore): every county's top-level pages with everything below them. Returns how many pages it read.
 */
export async function reindexPages(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await clearKind(tx, 'page');
    let pages = 0;
    for (const county of COUNTIES) {
      const rows = await listPageRows(tx, county.code);
      pages += rows.length;
      for (const root of rows.filter((r) => r.parentId === null))
        await reindexSubtree(tx, county.code, root.id);
    }
    return pages;
  });
}

// ---- Forms ------------------------------------------------------------------------------------------------

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean));

const title = fields.requiredText('Ange sidans rubrik', PAGE_LIMITS.title, 'Rubriken');
const slugField = z
  .string({ error: 'Ange adressen som text' })
  .trim()
  .optional()
  .transform((v) => v ?? '')
  .refine((v) => v === '' || (SLUG.test(v) && v.length <= 80), {
    message:
      'Adressen får bara ha små bokstäver a–z, siffror och bindestreck, till exempel ”stod-till-foraldrar”',
  });
const parentField = z
  .string({ error: 'Välj en sida i listan' })
  .trim()
  .optional()
  .transform((v) => v ?? '');

export const newPageSchema = z.object({ title, slug: slugField, parentId: parentField });
export type NewPageInput = z.input<typeof newPageSchema>;

export const draftSchema = z.object({
  title,
  summary: fields.optionalText(PAGE_LIMITS.summary, 'Ingressen'),
  body: fields.optionalText(PAGE_LIMITS.body, 'Texten'),
  contactIds: list,
  relatedPageIds: list,
  themeKeys: list.refine((keys) => keys.every(isThemeKey), { message: 'Välj teman i listan' }),
  lastReviewedOn: z
    .string({ error: 'Ange datumet som ÅÅÅÅ-MM-DD' })
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .superRefine((v, ctx) => {
      if (v === '') return;
      const problem = fields.date({ a: 'datum', the: 'datumet' }).safeParse(v);
      if (!problem.success) ctx.addIssue({ code: 'custom', message: problem.error.issues[0]!.message });
    }),
  note: fields.optionalText(PAGE_LIMITS.note, 'Kommentaren'),
});
export type DraftInput = z.input<typeof draftSchema>;

export const moveSchema = z.object({ slug: slugField, parentId: parentField });
export type MoveInput = z.input<typeof moveSchema>;

export const publishSchema = z
  .object({
    when: z.enum(['now', 'later'], { message: 'Välj om sidan ska publiceras nu eller vid en viss tid' }),
    date: z.string().trim().optional().default(''),
    time: z.string().trim().optional().default(''),
  })
  .transform((v, ctx): Date | null => {
    if (v.when === 'now') return null;
    const dateProblem = fields.date({ a: 'datum', the: 'datumet' }).safeParse(v.date);
    if (!dateProblem.success) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: dateProblem.error.issues[0]!.message });
      return z.NEVER;
    }
    const clock = readClock(v.time, 'tiden');
    if (typeof clock === 'string') {
      ctx.addIssue({ code: 'custom', path: ['time'], message: clock });
      return z.NEVER;
    }
    const at = stockholmTime(v.date, clock.h, clock.m);
    if (at.getTime() <= Date.now()) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'Tiden har redan varit: välj en tid som inte har kommit',
      });
      return z.NEVER;
    }
    return at;
  });
export type PublishInput = z.input<typeof publishSchema>;

/** The form's messages, for a page that shows them with others at once. */
export function draftInputErrors(raw: unknown): FieldErrors {
  const parsed = draftSchema.safeParse(raw);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
}

// ---- Creating a page ------------------------------------------------------------------------------------

/** The parent a form names: '' for the top level, else a page of the county that is not the start page. */
function parentOf(rows: readonly PageRow[], parentId: string): PageRow | null {
  if (parentId === '') return null;
  const parent = rows.find((r) => r.id === parentId);
  if (!parent || parent.kind === 'start') throw new ValidationError({ parentId: 'Välj en sida i listan' });
  return parent;
}

async function checkSlug(
  tx: Executor,
  countyCode: string,
  parent: PageRow | null,
  slug: string,
  exceptId: string | null,
): Promise<void> {
  if (!parent && RESERVED_SLUGS.has(slug))
    throw new ValidationError({ slug: `Adressen ”${slug}” används av tjänsten själv; välj en annan` });
  if (await prepo.siblingHasSlug(tx, countyCode, parent?.id ?? null, slug, exceptId))
    throw new ValidationError({
      slug: `En annan sida ${parent ? 'under samma sida ' : ''}har redan adressen ”${slug}”; välj en annan`,
    });
}

/** A new free page or sub-page, with its first draft (the title), last among its siblings. */
export async function createPage(
  db: Db,
  actor: UserActor,
  countyCode: string,
  raw: NewPageInput,
): Promise<PageRow> {
  const input = parseForm(newPageSchema, raw);
  if (!sitePolicy['site.edit'](actor, { countyCode })) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const rows = await listPageRows(tx, countyCode);
    const parent = parentOf(rows, input.parentId);
    const slug = input.slug || slugFrom(input.title, 'sida');
    await checkSlug(tx, countyCode, parent, slug, null);
    const created = await prepo.insertPage(tx, {
      countyCode,
      kind: 'page',
      parentId: parent?.id ?? null,
      slug,
      position: await prepo.nextPosition(tx, countyCode, parent?.id ?? null),
    });
    const draft = await prepo.insertRevision(tx, {
      pageId: created.id,
      countyCode,
      title: input.title,
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    const page = await prepo.updatePage(tx, created.id, { draftRevisionId: draft.id });
    await audit(tx, actor, page, 'page.created', {
      title: input.title,
      path: pathsOf([...rows, page]).get(page.id),
    });
    return page;
  });
}

// ---- The draft ---------------------------------------------------------------------------------------------

/**
 * The page's draft, made (as a copy of the newest public content: the scheduled revision, else the published
 * one) when it has none; a draft sent for review goes back to being a draft, as it is being changed.
 */
async function draftOf(
  tx: Executor,
  actor: UserActor,
  page: PageRow,
): Promise<{ page: PageRow; draft: RevisionRow }> {
  if (page.draftRevisionId) {
    const draft = (await prepo.findRevision(tx, page.id, page.draftRevisionId))!;
    if (draft.state === 'in_review')
      return {
        page,
        draft: await prepo.updateRevision(tx, draft.id, {
          state: 'draft',
          submittedBy: null,
          submittedAt: null,
        }),
      };
    return { page, draft };
  }
  const fromId = page.scheduledRevisionId ?? page.publishedRevisionId;
  const from = fromId ? await prepo.findRevision(tx, page.id, fromId) : undefined;
  const draft = await prepo.insertRevision(tx, {
    pageId: page.id,
    countyCode: page.countyCode,
    title: from?.title ?? (page.themeKey ? (themeOf(page.themeKey)?.name ?? '') : ''),
    summary: from?.summary ?? '',
    body: from?.body ?? '',
    imageFileId: from?.imageFileId ?? null,
    imageAlt: from?.imageAlt ?? '',
    fileIds: from?.fileIds ?? [],
    contactIds: from?.contactIds ?? [],
    relatedPageIds: from?.relatedPageIds ?? [],
    themeKeys: from?.themeKeys ?? [],
    lastReviewedOn: from?.lastReviewedOn ?? null,
    createdBy: actor.id,
    updatedBy: actor.id,
  });
  return { page: await prepo.updatePage(tx, page.id, { draftRevisionId: draft.id }), draft };
}

/** Saves the page's draft: its texts, contacts, related pages, themes, review date and note. */
export async function saveDraft(
  db: Db,
  actor: UserActor,
  ref: PageRef,
  raw: DraftInput,
): Promise<RevisionRow> {
  const input = parseForm(draftSchema, raw);
  return db.transaction(async (tx) => {
    const locked = await lockPage(tx, ref);
    authorize(actor, 'page.edit', await pageResourceOf(tx, locked, actor.id));
    const errors: FieldErrors = {};
    const contacts = await listContactRows(tx, ref.countyCode);
    if (!input.contactIds.every((id) => contacts.some((c) => c.id === id && !c.leftAt)))
      errors.contactIds = 'Välj kontakter i listan (bara de som är kvar)';
    const pages = await listPageRows(tx, ref.countyCode);
    if (!input.relatedPageIds.every((id) => id !== locked.id && pages.some((p) => p.id === id)))
      errors.relatedPageIds = 'Välj relaterade sidor i listan';
    const { page, draft: before } = await draftOf(tx, actor, locked);
    const imageProblem = bodyImageProblem(
      input.body,
      bodyImagesOf(filesOfRevision(await prepo.listPageFiles(tx, [page.id]), before)),
    );
    if (imageProblem) errors.body = imageProblem;
    // (a draft made above goes with the transaction)
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const draft = await prepo.updateRevision(tx, before.id, {
      title: input.title,
      summary: input.summary,
      body: input.body,
      contactIds: [...new Set(input.contactIds)],
      relatedPageIds: [...new Set(input.relatedPageIds)],
      themeKeys: [...new Set(input.themeKeys)],
      lastReviewedOn: input.lastReviewedOn || null,
      note: input.note,
      updatedBy: actor.id,
    });
    await audit(tx, actor, page, 'page.edited', {
      title: draft.title,
      revision: draft.number,
      note: draft.note || null,
    });
    return draft;
  });
}

/** What a posted image form says: a staged upload's id (or the image kept), its alt text, or removing it. */
export interface ImageChoice {
  imageRef: string | null;
  imageAlt: string;
  remove: boolean;
}

/** Sets or removes the draft's image (the actor's own staged upload, attached to the page) and its alt text. */
export async function setDraftImage(
  db: Db,
  actor: UserActor,
  ref: PageRef,
  choice: ImageChoice,
): Promise<RevisionRow> {
  const alt = choice.imageAlt.trim();
  if (!choice.remove) {
    const errors: FieldErrors = {};
    if (!choice.imageRef) errors.image = 'Välj en bild (PNG eller JPEG)';
    if (!alt) errors.imageAlt = 'Beskriv bilden med en alternativtext';
    else if (alt.length > PAGE_LIMITS.alt)
      errors.imageAlt = `Alternativtexten får ha högst ${PAGE_LIMITS.alt} tecken`;
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  }
  return db.transaction(async (tx) => {
    const locked = await lockPage(tx, ref);
    authorize(actor, 'page.edit', await pageResourceOf(tx, locked, actor.id));
    const { page, draft: before } = await draftOf(tx, actor, locked);
    // Older revisions may show the image they had (the history, a restore): an image stays the page's.
    if (!choice.remove && choice.imageRef)
      await attachFile(tx, choice.imageRef, {
        ownerKind: PAGE_FILE_OWNER,
        ownerId: page.id,
        countyCode: page.countyCode,
        actorId: actor.id,
        kinds: PAGE_IMAGE.kinds,
        field: PAGE_IMAGE.field,
      });
    const draft = await prepo.updateRevision(tx, before.id, {
      imageFileId: choice.remove ? null : choice.imageRef,
      imageAlt: choice.remove ? '' : alt,
      updatedBy: actor.id,
    });
    await audit(tx, actor, page, 'page.edited', {
      title: draft.title,
      revision: draft.number,
      image: !choice.remove,
    });
    return draft;
  });
}

// ---- Review, publishing, unpublishing -------------------------------------------------------------------

export async function requestReview(db: Db, actor: UserActor, ref: PageRef): Promise<RevisionRow> {
  return db.transaction(async (tx) => {
    const page = await lockPage(tx, ref);
    authorize(actor, 'page.requestReview', await pageResourceOf(tx, page, actor.id));
    const draft = await prepo.updateRevision(tx, page.draftRevisionId!, {
      state: 'in_review',
      submittedBy: actor.id,
      submittedAt: new Date(),
    });
    await audit(tx, actor, page, 'page.review_requested', { title: draft.title, revision: draft.number });
    return draft;
  });
}

/**
 * Publishes the draft now (`at` null) or schedules it for a time to come (Europe/Stockholm, parsed by the
 * form). Now: the published revision is retired, a scheduled one too (the newer text wins). At a time: it
 * replaces any scheduled one, and the public sees it from then without anyone acting (site-tree.ts).
 */
export async function publishPage(
  db: Db,
  actor: UserActor,
  ref: PageRef,
  raw: PublishInput,
): Promise<PageRow> {
  const at = parseForm(publishSchema, raw);
  return db.transaction(async (tx) => {
    const now = new Date();
    const locked = await lockPage(tx, ref, now);
    authorize(actor, 'page.publish', await pageResourceOf(tx, locked, actor.id), now);
    const draftId = locked.draftRevisionId!;
    if (locked.scheduledRevisionId)
      await prepo.updateRevision(tx, locked.scheduledRevisionId, { state: 'retired' });
    let page: PageRow;
    if (at === null) {
      if (locked.publishedRevisionId)
        await prepo.updateRevision(tx, locked.publishedRevisionId, { state: 'retired' });
      await prepo.updateRevision(tx, draftId, {
        state: 'published',
        publishedAt: now,
        publishedBy: actor.id,
      });
      page = await prepo.updatePage(tx, locked.id, {
        draftRevisionId: null,
        publishedRevisionId: draftId,
        scheduledRevisionId: null,
        scheduledAt: null,
        firstPublishedAt: locked.firstPublishedAt ?? now,
      });
    } else {
      await prepo.updateRevision(tx, draftId, { state: 'scheduled', publishedAt: at, publishedBy: actor.id });
      page = await prepo.updatePage(tx, locked.id, {
        draftRevisionId: null,
        scheduledRevisionId: draftId,
        scheduledAt: at,
      });
    }
    await reindexSubtree(tx, page.countyCode, page.id);
    const draft = (await prepo.findRevision(tx, page.id, draftId))!;
    await audit(
      tx,
      actor,
      page,
      at === null ? 'page.published' : 'page.scheduled',
      at === null
        ? { title: draft.title, revision: draft.number }
        : { title: draft.title, revision: draft.number, scheduledAt: at.toISOString() },
    );
    return page;
  });
}

/** Takes the page off the public site (and what was scheduled for it); it stays with its history. */
export async function unpublishPage(db: Db, actor: UserActor, ref: PageRef): Promise<PageRow> {
  return db.transaction(async (tx) => {
    const locked = await lockPage(tx, ref);
    authorize(actor, 'page.unpublish', await pageResourceOf(tx, locked, actor.id));
    for (const id of [locked.publishedRevisionId, locked.scheduledRevisionId])
      if (id) await prepo.updateRevision(tx, id, { state: 'retired' });
    const shown = await prepo.findRevision(
      tx,
      locked.id,
      locked.publishedRevisionId ?? locked.scheduledRevisionId ?? '',
    );
    const page = await prepo.updatePage(tx, locked.id, {
      publishedRevisionId: null,
      scheduledRevisionId: null,
      scheduledAt: null,
    });
    await reindexSubtree(tx, page.countyCode, page.id);
    await audit(tx, actor, page, 'page.unpublished', { title: shown?.title ?? null });
    return page;
  });
}

/** Cancels a scheduled publication before its time: the revision becomes the draft again (or is retired if one exists). */
export async function cancelSchedule(db: Db, actor: UserActor, ref: PageRef): Promise<PageRow> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const locked = await lockPage(tx, ref, now);
    authorize(actor, 'page.cancelSchedule', await pageResourceOf(tx, locked, actor.id), now);
    const scheduledId = locked.scheduledRevisionId!;
    const becomesDraft = !locked.draftRevisionId;
    const revision = await prepo.updateRevision(tx, scheduledId, {
      state: becomesDraft ? 'draft' : 'retired',
      publishedAt: null,
      publishedBy: null,
    });
    const page = await prepo.updatePage(tx, locked.id, {
      scheduledRevisionId: null,
      scheduledAt: null,
      ...(becomesDraft ? { draftRevisionId: scheduledId } : {}),
    });
    await reindexSubtree(tx, page.countyCode, page.id);
    await audit(tx, actor, page, 'page.schedule_cancelled', {
      title: revision.title,
      scheduledAt: locked.scheduledAt?.toISOString() ?? null,
    });
    return page;
  });
}

// ---- Moving ------------------------------------------------------------------------------------------------

/**
 * Moves or renames a page (a new slug, a new parent, or both), never under itself or a page below it. The old
 * address of the page and of every page below it then answers 301 to the new one.
 */
export async function movePage(db: Db, actor: UserActor, ref: PageRef, raw: MoveInput): Promise<PageRow> {
  const input = parseForm(moveSchema, raw);
  return db.transaction(async (tx) => {
    const locked = await lockPage(tx, ref);
    authorize(actor, 'page.move', await pageResourceOf(tx, locked, actor.id));
    // The whole county's tree, locked: two moves at once could otherwise make a ring.
    await prepo.lockCountyPages(tx, ref.countyCode);
    const rows = await listPageRows(tx, ref.countyCode);
    const below = subtreeOf(rows, locked.id);
    const parent = parentOf(rows, input.parentId);
    if (parent && below.has(parent.id))
      throw new ValidationError({
        parentId: 'En sida kan inte flyttas till sig själv eller en sida under den',
      });
    const slug = input.slug || locked.slug;
    await checkSlug(tx, ref.countyCode, parent, slug, locked.id);
    const before = pathsOf(rows);
    const page = await prepo.updatePage(tx, locked.id, { slug, parentId: parent?.id ?? null });
    const after = pathsOf(rows.map((r) => (r.id === page.id ? page : r)));
    const moved = [...below].filter((id) => before.get(id) !== after.get(id));
    await prepo.deleteRedirects(
      tx,
      ref.countyCode,
      moved.map((id) => after.get(id)!),
    );
    await prepo.upsertRedirects(
      tx,
      ref.countyCode,
      moved.map((id) => ({ fromPath: before.get(id)!, pageId: id })),
    );
    await reindexSubtree(tx, ref.countyCode, page.id);
    await audit(tx, actor, page, 'page.moved', { path: after.get(page.id) }, { path: before.get(page.id) });
    return page;
  });
}

// ---- History ------------------------------------------------------------------------------------------------

/** Makes an old revision's content the page's new draft (an existing draft is kept in the history, retired). */
export async function restoreRevision(
  db: Db,
  actor: UserActor,
  ref: PageRef,
  revisionId: string,
): Promise<RevisionRow> {
  return db.transaction(async (tx) => {
    const page = await lockPage(tx, ref);
    const old = await prepo.findRevision(tx, page.id, revisionId);
    if (!old) throw new NotFoundError();
    authorize(actor, 'page.restore', { countyCode: page.countyCode, page, revision: infoOf(old) });
    if (page.draftRevisionId) await prepo.updateRevision(tx, page.draftRevisionId, { state: 'retired' });
    const pool = await prepo.listPageFiles(tx, [page.id]);
    const draft = await prepo.insertRevision(tx, {
      pageId: page.id,
      countyCode: page.countyCode,
      title: old.title,
      summary: old.summary,
      body: old.body,
      imageFileId: old.imageFileId,
      imageAlt: old.imageAlt,
      fileIds: old.fileIds.filter((id) => pool.some((f) => f.fileId === id)),
      contactIds: old.contactIds,
      relatedPageIds: old.relatedPageIds,
      themeKeys: old.themeKeys,
      lastReviewedOn: old.lastReviewedOn,
      note: `Återställd från version ${old.number}`,
      restoredFromId: old.id,
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await prepo.updatePage(tx, page.id, { draftRevisionId: draft.id });
    await audit(tx, actor, page, 'page.restored', { title: draft.title, revision: old.number });
    return draft;
  });
}

// ---- Files ------------------------------------------------------------------------------------------------

/** The images a page's text may show: its attached PNG and JPEG files, by id. */
export function bodyImagesOf(attachments: readonly prepo.PageFileRow[]): ReadonlyMap<string, ImageSources> {
  return new Map(
    attachments
      .filter((a) => isImageKind(a.file.kind as FileKind))
      .map((a) => [a.fileId, imageSources(a.file)] as const),
  );
}

/**
 * Why a page's text may not be saved for its images, or null: each must be one of the page's own attached
 * images (so it is public exactly when the page is) and say what it shows.
 */
export function bodyImageProblem(body: string, images: ReadonlyMap<string, ImageSources>): string | null {
  for (const image of markdownImagesOf(body)) {
    if (!image.fileId || !images.has(image.fileId))
      return `Bilden ”${image.alt || image.src}” är inte en av sidans bilder: ladda upp den under Filer och kopiera raden för texten därifrån`;
    if (!image.alt)
      return `Bilden ${image.src} saknar text som beskriver den: skriv den mellan hakparenteserna, ![Vad bilden visar](${image.src})`;
  }
  return null;
}

/** The page's files a revision shows, in its order, with their titles and rows. */
export function filesOfRevision(
  pool: readonly prepo.PageFileRow[],
  revision: Pick<RevisionRow, 'fileIds'>,
): prepo.PageFileRow[] {
  return revision.fileIds.flatMap((id) => pool.filter((f) => f.fileId === id));
}

/**
 * The files an editor works with: those of the draft (or, with none, of the version a draft would copy), each
 * with whether the version the public sees now shows it.
 */
export async function filesForEditing(
  db: Executor,
  page: PageRow,
): Promise<Array<prepo.PageFileRow & { isPublic: boolean }>> {
  const workingId = page.draftRevisionId ?? page.scheduledRevisionId ?? page.publishedRevisionId;
  const visibleId = (await siteTree(db, page.countyCode)).byId.get(page.id)?.visibleRevisionId ?? null;
  const ids = [workingId, visibleId].filter((id): id is string => id !== null);
  const [pool, revisions] = await Promise.all([
    prepo.listPageFiles(db, [page.id]),
    listRevisionRows(db, page.countyCode, ids),
  ]);
  const working = revisions.find((r) => r.id === workingId);
  const visible = new Set(revisions.find((r) => r.id === visibleId)?.fileIds ?? []);
  return working
    ? filesOfRevision(pool, working).map((f) => ({ ...f, isPublic: visible.has(f.fileId) }))
    : [];
}

/**
 * Attaches a staged upload (PDF, Word, Excel, PNG, JPEG) to the page's draft with a title (its name, if none
 * given): the public sees it once the draft is published.
 */
export async function addPageFile(
  db: Db,
  actor: UserActor,
  ref: PageRef,
  input: { fileRef: string | null; title: string },
): Promise<void> {
  const title = input.title.trim();
  if (title.length > PAGE_LIMITS.fileTitle)
    throw new ValidationError({ title: `Namnet får ha högst ${PAGE_LIMITS.fileTitle} tecken` });
  if (!input.fileRef) throw new ValidationError({ file: 'Välj en fil att ladda upp' });
  await db.transaction(async (tx) => {
    const locked = await lockPage(tx, ref);
    authorize(actor, 'page.edit', await pageResourceOf(tx, locked, actor.id));
    const file = await attachFile(tx, input.fileRef!, {
      ownerKind: PAGE_FILE_OWNER,
      ownerId: locked.id,
      countyCode: locked.countyCode,
      actorId: actor.id,
      kinds: PAGE_ATTACHMENT.kinds,
      field: PAGE_ATTACHMENT.field,
    });
    const { page, draft } = await draftOf(tx, actor, locked);
    const shown = title || file.originalName;
    await prepo.insertPageFile(tx, {
      pageId: page.id,
      fileId: file.id,
      countyCode: page.countyCode,
      title: shown,
    });
    await prepo.updateRevision(tx, draft.id, { fileIds: [...draft.fileIds, file.id], updatedBy: actor.id });
    await audit(tx, actor, page, 'page.file_added', { file: shown, revision: draft.number });
  });
}

/**
 * Takes a file off the page's draft. Versions that show it keep showing it (the public one until the draft is
 * published, the history); a file no other version shows is let go, and the store deletes it later. A file the
 * draft's text shows as an image must leave the text first.
 */
export async function removePageFile(db: Db, actor: UserActor, ref: PageRef, fileId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const locked = await lockPage(tx, ref);
    authorize(actor, 'page.edit', await pageResourceOf(tx, locked, actor.id));
    const { page, draft } = await draftOf(tx, actor, locked);
    if (!draft.fileIds.includes(fileId)) throw new NotFoundError();
    if (markdownImagesOf(draft.body).some((i) => i.fileId === fileId))
      throw new ConflictError('Bilden visas i utkastets text: ta bort den ur texten först');
    await prepo.updateRevision(tx, draft.id, {
      fileIds: draft.fileIds.filter((id) => id !== fileId),
      updatedBy: actor.id,
    });
    const [entry] = (await prepo.listPageFiles(tx, [page.id])).filter((f) => f.fileId === fileId);
    if (!(await prepo.otherRevisionListsFile(tx, page.id, fileId, draft.id))) {
      await prepo.deletePageFile(tx, page.id, fileId);
      await detachFile(tx, fileId, { kind: PAGE_FILE_OWNER, id: page.id });
    }
    await audit(tx, actor, page, 'page.file_removed', { file: entry?.title ?? null, revision: draft.number });
  });
}

/**
 * The page's say over its files: an attachment is public while the page is public; an image while it is the
 * image of the revision the public sees. Otherwise only the county's editors see them.
 */
export const pageFileOwner: FileOwner = {
  async isPublic(db, file) {
    if (!file.ownerId || !file.countyCode) return false;
    const page = (await siteTree(db, file.countyCode)).byId.get(file.ownerId);
    if (!page?.isPublic) return false;
    return prepo.pageShowsFile(db, page.id, file.id, page.visibleRevisionId ? [page.visibleRevisionId] : []);
  },
  async mayView(_db, file, actor) {
    return file.countyCode !== null && sitePolicy['site.edit'](actor, { countyCode: file.countyCode });
  },
};

// ---- Maintenance ------------------------------------------------------------------------------------------

/**
 * Folds scheduled revisions whose time has come into the published ones, each under its page's lock. The
 * public sees them from their time anyway (site-tree.ts asks the clock); this keeps the rows and the history
 * tidy.
 */
export async function foldDuePublications(ctx: Pick<ModuleContext, 'db'>, now = new Date()): Promise<number> {
  const due = await prepo.listDueScheduledPages(ctx.db, now);
  for (const { id, countyCode } of due)
    await ctx.db.transaction(async (tx) => {
      const page = await prepo.lockPageRow(tx, countyCode, id);
      if (page) await settle(tx, page, now);
    });
  return due.length;
}

// ---- What a page shows ------------------------------------------------------------------------------------

const kindLabel = (kind: string): string => FILE_KINDS[kind as FileKind]?.label ?? kind;

/** A page's content as the shared view shows it, from one of its revisions and the county's tree. */
export async function contentOf(
  db: Executor,
  tree: SiteTree,
  pageId: string,
  revision: RevisionRow,
): Promise<PageContentView> {
  const county = countySlugOf(tree.countyCode);
  const [contacts, attachments, image] = await Promise.all([
    listContactRows(db, tree.countyCode),
    prepo.listPageFiles(db, [pageId]).then((pool) => filesOfRevision(pool, revision)),
    revision.imageFileId ? findFile(db, revision.imageFileId) : Promise.resolve(undefined),
  ]);
  const page = tree.byId.get(pageId);
  const inText = new Set(markdownImagesOf(revision.body).map((i) => i.fileId));
  const link = (id: string) => {
    const p = tree.byId.get(id);
    return p?.isPublic ? [{ title: p.title, summary: p.summary, href: urls.page(county, p.path) }] : [];
  };
  return {
    title: revision.title,
    summary: revision.summary,
    body: revision.body,
    image: image && revision.imageAlt ? { ...imageSources(image), alt: revision.imageAlt } : undefined,
    bodyImages: bodyImagesOf(attachments),
    // an image the text shows is not listed again among the documents
    files: attachments
      .filter((a) => !inText.has(a.fileId))
      .map((a) => ({
        title: a.title,
        url: fileUrl(a.file),
        kind: kindLabel(a.file.kind),
        size: a.file.size,
      })),
    contacts: resolveContacts(contacts, revision.contactIds),
    related: revision.relatedPageIds.flatMap(link),
    children: (page?.childIds ?? []).flatMap(link),
    lastReviewedOn: revision.lastReviewedOn,
  };
}

async function readPageContent(
  db: Db,
  countyCode: string,
  pageId: string,
): Promise<{ content: PageContentView; revisionId: string; nextChangeAt: Date | null } | undefined> {
  const tree = await readSiteTree(db, countyCode, new Date());
  const page = tree.byId.get(pageId);
  if (!page?.visibleRevisionId) return undefined;
  const [revision] = await listRevisionRows(db, countyCode, [page.visibleRevisionId]);
  if (!revision) return undefined;
  return {
    content: await contentOf(db, tree, pageId, revision),
    revisionId: revision.id,
    nextChangeAt: tree.nextChangeAt,
  };
}

const keptPageContent = keptUntilChanged(
  ['site_pages', 'site_page_revisions', 'site_contacts', 'site_page_files'],
  readPageContent,
  (countyCode, pageId) => `${countyCode}\0${pageId}`,
  { until: (v) => v?.nextChangeAt?.getTime() ?? Infinity },
);

/**
 * The content the public sees of a page now (its visible revision, with its contacts as they are now, its
 * files, its public related and child pages), or undefined when it has none. Kept per process until a page,
 * revision, contact or file of the site changes. The start page uses it for its introduction.
 */
export async function loadPageContent(
  db: Db,
  countyCode: string,
  pageId: string,
): Promise<(PageContentView & { revisionId: string }) | undefined> {
  const found = await keptPageContent(db, countyCode, pageId);
  if (!found) return undefined;
  // The same object for the same kept read, so a page's rendering can be named by its identity.
  let view = contentViews.get(found);
  if (!view) {
    view = { ...found.content, revisionId: found.revisionId };
    contentViews.set(found, view);
  }
  return view;
}
const contentViews = new WeakMap<object, PageContentView & { revisionId: string }>();

/** What the draft would look like published (the preview), or the visible revision when there is no draft. */
export async function previewContent(
  db: Db,
  countyCode: string,
  page: PageRow,
): Promise<PageContentView | undefined> {
  const id = page.draftRevisionId ?? page.scheduledRevisionId ?? page.publishedRevisionId;
  const revision = id ? await prepo.findRevision(db, page.id, id) : undefined;
  if (!revision) return undefined;
  return contentOf(db, await readSiteTree(db, countyCode, new Date()), page.id, revision);
}

/** The file a staged id names, if it is the viewer's own upload or the page's (the image form's preview). */
export async function pageImagePreview(
  db: Executor,
  fileId: string | null | undefined,
  viewer: { pageId: string; actorId: string },
): Promise<FileRow | undefined> {
  const file = fileId ? await findFile(db, fileId) : undefined;
  const own =
    file?.ownerKind === PAGE_FILE_OWNER &&
    (file.ownerId === null ? file.createdBy === viewer.actorId : file.ownerId === viewer.pageId);
  return own ? file : undefined;
}

/** A posted field as text. */
