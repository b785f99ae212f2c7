import { and, asc, desc, eq, inArray, isNull, max, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { files } from '../../platform/tables.ts';
import { isUuid } from '../../platform/validation.ts';
import { users } from '../accounts/index.ts';
import type { ContactRow, PageRow, RevisionRow } from './repository.ts';
import {
  siteContacts,
  sitePageFiles,
  sitePageRevisions,
  sitePages,
  siteRedirects,
  siteSettings,
} from './tables.ts';

/** The writes and reads of the editorial side beyond the shared ones in repository.ts. */

// ---- Pages --------------------------------------------------------------------------------------------------

/** A county's page, locked for the rest of the transaction (every change to a page starts here). */
export async function lockPageRow(
  tx: Executor,
  countyCode: string,
  pageId: string,
): Promise<PageRow | undefined> {
  if (!isUuid(pageId)) return undefined;
  const [row] = await tx
    .select()
    .from(sitePages)
    .where(and(eq(sitePages.countyCode, countyCode), eq(sitePages.id, pageId)))
    .for('update');
  return row;
}

export async function insertPage(tx: Executor, values: typeof sitePages.$inferInsert): Promise<PageRow> {
  const [row] = await tx.insert(sitePages).values(values).returning();
  return row!;
}

export async function updatePage(
  tx: Executor,
  pageId: string,
  patch: Partial<typeof sitePages.$inferInsert>,
): Promise<PageRow> {
  const [row] = await tx
    .update(sitePages)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(sitePages.id, pageId))
    .returning();
  return row!;
}

/** Every page of the county, locked (a move changes the tree's shape). */
export async function lockCountyPages(tx: Executor, countyCode: string): Promise<void> {
  await tx
    .select({ id: sitePages.id })
    .from(sitePages)
    .where(eq(sitePages.countyCode, countyCode))
    .for('update');
}

/** Whether a sibling (same county and parent, another page) has the slug. */
export async function siblingHasSlug(
  tx: Executor,
  countyCode: string,
  parentId: string | null,
  slug: string,
  exceptId: string | null,
): Promise<boolean> {
  const rows = await tx
    .select({ id: sitePages.id })
    .from(sitePages)
    .where(
      and(
        eq(sitePages.countyCode, countyCode),
        parentId === null ? isNull(sitePages.parentId) : eq(sitePages.parentId, parentId),
        eq(sitePages.slug, slug),
      ),
    );
  return rows.some((r) => r.id !== exceptId);
}

/** The next position among a parent's children (last). */
export async function nextPosition(
  tx: Executor,
  countyCode: string,
  parentId: string | null,
): Promise<number> {
  const [row] = await tx
    .select({ top: max(sitePages.position) })
    .from(sitePages)
    .where(
      and(
        eq(sitePages.countyCode, countyCode),
        parentId === null ? isNull(sitePages.parentId) : eq(sitePages.parentId, parentId),
      ),
    );
  return (row?.top ?? 0) + 1;
}

/** Pages with a scheduled revision whose time has come (the maintenance folds them). */
export async function listDueScheduledPages(
  db: Executor,
  now: Date,
): Promise<Array<{ id: string; countyCode: string }>> {
  return db
    .select({ id: sitePages.id, countyCode: sitePages.countyCode })
    .from(sitePages)
    .where(sql`${sitePages.scheduledRevisionId} is not null and ${sitePages.scheduledAt} <= ${now}`);
}

// ---- Revisions ----------------------------------------------------------------------------------------------

export async function findRevision(
  db: Executor,
  pageId: string,
  revisionId: string,
): Promise<RevisionRow | undefined> {
  if (!isUuid(revisionId)) return undefined;
  const [row] = await db
    .select()
    .from(sitePageRevisions)
    .where(and(eq(sitePageRevisions.pageId, pageId), eq(sitePageRevisions.id, revisionId)));
  return row;
}

/** The revision numbered just before this one, if any (the diff compares with it). */
export async function findRevisionByNumber(
  db: Executor,
  pageId: string,
  number: number,
): Promise<RevisionRow | undefined> {
  const [row] = await db
    .select()
    .from(sitePageRevisions)
    .where(and(eq(sitePageRevisions.pageId, pageId), eq(sitePageRevisions.number, number)));
  return row;
}

/** The revisions of a page's history, newest first, with the names of who wrote and published them. */
export async function listRevisions(
  db: Executor,
  pageId: string,
): Promise<Array<RevisionRow & { authorName: string | null; publisherName: string | null }>> {
  const rows = await db
    .select()
    .from(sitePageRevisions)
    .where(eq(sitePageRevisions.pageId, pageId))
    .orderBy(desc(sitePageRevisions.number));
  const names = await userNames(
    db,
    rows.flatMap((r) => [r.updatedBy, r.createdBy, r.publishedBy]).filter((id): id is string => !!id),
  );
  return rows.map((r) => ({
    ...r,
    authorName: names.get(r.updatedBy ?? r.createdBy ?? '') ?? null,
    publisherName: names.get(r.publishedBy ?? '') ?? null,
  }));
}

export async function userNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A new revision numbered after the page's last. */
export async function insertRevision(
  tx: Executor,
  values: Omit<typeof sitePageRevisions.$inferInsert, 'number'>,
): Promise<RevisionRow> {
  const [top] = await tx
    .select({ n: max(sitePageRevisions.number) })
    .from(sitePageRevisions)
    .where(eq(sitePageRevisions.pageId, values.pageId));
  const [row] = await tx
    .insert(sitePageRevisions)
    .values({ ...values, number: (top?.n ?? 0) + 1 })
    .returning();
  return row!;
}

export async function updateRevision(
  tx: Executor,
  revisionId: string,
  patch: Partial<typeof sitePageRevisions.$inferInsert>,
): Promise<RevisionRow> {
  const [row] = await tx
    .update(sitePageRevisions)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(sitePageRevisions.id, revisionId))
    .returning();
  return row!;
}

// ---- Redirects ------------------------------------------------------------------------------------------------

/** Old paths that now answer 301 to their page; a path used before points to its newest page. */
export async function upsertRedirects(
  tx: Executor,
  countyCode: string,
  rows: ReadonlyArray<{ fromPath: string; pageId: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(siteRedirects)
    .values(rows.map((r) => ({ countyCode, fromPath: r.fromPath, pageId: r.pageId })))
    .onConflictDoUpdate({
      target: [siteRedirects.countyCode, siteRedirects.fromPath],
      set: { pageId: sql`excluded.page_id`, createdAt: sql`now()` },
    });
}

/** Paths that pages live at again are no longer redirects. */
export async function deleteRedirects(
  tx: Executor,
  countyCode: string,
  paths: readonly string[],
): Promise<void> {
  if (paths.length === 0) return;
  await tx
    .delete(siteRedirects)
    .where(and(eq(siteRedirects.countyCode, countyCode), inArray(siteRedirects.fromPath, [...paths])));
}

export async function findRedirect(
  db: Executor,
  countyCode: string,
  fromPath: string,
): Promise<{ pageId: string } | undefined> {
  const [row] = await db
    .select({ pageId: siteRedirects.pageId })
    .from(siteRedirects)
    .where(and(eq(siteRedirects.countyCode, countyCode), eq(siteRedirects.fromPath, fromPath)));
  return row;
}

// ---- Page files ------------------------------------------------------------------------------------------------

export type PageFileRow = typeof sitePageFiles.$inferSelect & { file: typeof files.$inferSelect };

/** A page's attachments with their files, oldest first. */
export async function listPageFiles(db: Executor, pageIds: readonly string[]): Promise<PageFileRow[]> {
  if (pageIds.length === 0) return [];
  const rows = await db
    .select({ link: sitePageFiles, file: files })
    .from(sitePageFiles)
    .innerJoin(files, eq(files.id, sitePageFiles.fileId))
    .where(inArray(sitePageFiles.pageId, [...pageIds]))
    .orderBy(asc(sitePageFiles.createdAt));
  return rows.map((r) => ({ ...r.link, file: r.file }));
}

export async function insertPageFile(tx: Executor, values: typeof sitePageFiles.$inferInsert): Promise<void> {
  await tx.insert(sitePageFiles).values(values);
}

export async function deletePageFile(
  tx: Executor,
  pageId: string,
  fileId: string,
): Promise<{ title: string } | undefined> {
  if (!isUuid(fileId)) return undefined;
  const [row] = await tx
    .delete(sitePageFiles)
    .where(and(eq(sitePageFiles.pageId, pageId), eq(sitePageFiles.fileId, fileId)))
    .returning({ title: sitePageFiles.title });
  return row;
}

/** Whether one of these revisions of a page shows a file: among its files, or as its image. */
export async function pageShowsFile(
  db: Executor,
  pageId: string,
  fileId: string,
  revisionIds: readonly string[],
): Promise<boolean> {
  if (revisionIds.length === 0 || !isUuid(fileId)) return false;
  const [shown] = await db
    .select({ id: sitePageRevisions.id })
    .from(sitePageRevisions)
    .where(
      and(
        eq(sitePageRevisions.pageId, pageId),
        inArray(sitePageRevisions.id, [...revisionIds]),
        or(
          eq(sitePageRevisions.imageFileId, fileId),
          sql`${fileId}::uuid = any(${sitePageRevisions.fileIds})`,
        ),
      ),
    )
    .limit(1);
  return !!shown;
}

/** Whether a revision of the page other than `exceptId` lists the file among its files. */
export async function otherRevisionListsFile(
  db: Executor,
  pageId: string,
  fileId: string,
  exceptId: string,
): Promise<boolean> {
  const [listed] = await db
    .select({ id: sitePageRevisions.id })
    .from(sitePageRevisions)
    .where(
      and(
        eq(sitePageRevisions.pageId, pageId),
        ne(sitePageRevisions.id, exceptId),
        sql`${fileId}::uuid = any(${sitePageRevisions.fileIds})`,
      ),
    )
    .limit(1);
  return !!listed;
}

// ---- Contacts ------------------------------------------------------------------------------------------------

export async function lockContact(
  tx: Executor,
  countyCode: string,
  contactId: string,
): Promise<ContactRow | undefined> {
  if (!isUuid(contactId)) return undefined;
  const [row] = await tx
    .select()
    .from(siteContacts)
    .where(and(eq(siteContacts.countyCode, countyCode), eq(siteContacts.id, contactId)))
    .for('update');
  return row;
}

export async function findContact(
  db: Executor,
  countyCode: string,
  contactId: string,
): Promise<ContactRow | undefined> {
  if (!isUuid(contactId)) return undefined;
  const [row] = await db
    .select()
    .from(siteContacts)
    .where(and(eq(siteContacts.countyCode, countyCode), eq(siteContacts.id, contactId)));
  return row;
}

export async function insertContact(
  tx: Executor,
  values: typeof siteContacts.$inferInsert,
): Promise<ContactRow> {
  const [row] = await tx.insert(siteContacts).values(values).returning();
  return row!;
}

export async function updateContact(
  tx: Executor,
  contactId: string,
  patch: Partial<typeof siteContacts.$inferInsert>,
): Promise<ContactRow> {
  const [row] = await tx
    .update(siteContacts)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(siteContacts.id, contactId))
    .returning();
  return row!;
}

// ---- Settings ------------------------------------------------------------------------------------------------

/** The county's settings row, locked (made first if the county has none yet). */
export async function lockSettings(
  tx: Executor,
  countyCode: string,
): Promise<typeof siteSettings.$inferSelect> {
  await tx.insert(siteSettings).values({ countyCode }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(siteSettings)
    .where(eq(siteSettings.countyCode, countyCode))
    .for('update');
  return row!;
}

export async function updateSettings(
  tx: Executor,
  countyCode: string,
  patch: Partial<typeof siteSettings.$inferInsert>,
): Promise<typeof siteSettings.$inferSelect> {
  const [row] = await tx
    .update(siteSettings)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(siteSettings.countyCode, countyCode))
    .returning();
  return row!;
}
