import { and, arrayContains, count, desc, eq, gt, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { isUuid } from '../../platform/validation.ts';
import type { NewsRow } from './repository.ts';
import { siteNews } from './tables.ts';

/**
 * The news items' own reads and writes (the shared public reads are in repository.ts). A county's items have
 * its code; the coordinator's national ones have none, and every read names which it means: an id of the
 * other kind is simply not found.
 */

export type NewsScope = string | null;

const inScope = (countyCode: NewsScope): SQL =>
  countyCode === null ? isNull(siteNews.countyCode) : eq(siteNews.countyCode, countyCode);

/** Every item of the county (or every national one) for the editors' list: newest first, drafts first of all. */
export async function listNewsRows(db: Executor, countyCode: NewsScope): Promise<NewsRow[]> {
  return db
    .select()
    .from(siteNews)
    .where(inScope(countyCode))
    .orderBy(sql`${siteNews.publishedAt} desc nulls first`, desc(siteNews.createdAt))
    .limit(1000);
}

/** Every news item of every county and the national ones (for writing the search index again). */
export async function listEveryNewsRow(db: Executor): Promise<NewsRow[]> {
  return db.select().from(siteNews);
}

export async function findNewsRow(
  db: Executor,
  countyCode: NewsScope,
  id: string,
): Promise<NewsRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(siteNews)
    .where(and(inScope(countyCode), eq(siteNews.id, id)));
  return row;
}

/** The item, locked for the change that follows in the same transaction. */
export async function lockNewsRow(
  tx: Executor,
  countyCode: NewsScope,
  id: string,
): Promise<NewsRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx
    .select()
    .from(siteNews)
    .where(and(inScope(countyCode), eq(siteNews.id, id)))
    .for('update');
  return row;
}

/** An item by its address, in any state (the caller decides whether the public may see it now). */
export async function findNewsBySlug(
  db: Executor,
  countyCode: NewsScope,
  slug: string,
): Promise<NewsRow | undefined> {
  const [row] = await db
    .select()
    .from(siteNews)
    .where(and(inScope(countyCode), eq(siteNews.slug, slug)));
  return row;
}

export async function newsSlugTaken(
  db: Executor,
  countyCode: NewsScope,
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: siteNews.id })
    .from(siteNews)
    .where(
      and(inScope(countyCode), eq(siteNews.slug, slug), exceptId ? ne(siteNews.id, exceptId) : undefined),
    )
    .limit(1);
  return !!row;
}

/** The item whose image this file is (the file store asks whether it is public). */
export async function findNewsByImage(db: Executor, fileId: string): Promise<NewsRow | undefined> {
  if (!isUuid(fileId)) return undefined;
  const [row] = await db.select().from(siteNews).where(eq(siteNews.imageFileId, fileId)).limit(1);
  return row;
}

export type NewsValues = Omit<typeof siteNews.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertNews(tx: Executor, values: NewsValues): Promise<NewsRow> {
  const [row] = await tx.insert(siteNews).values(values).returning();
  return row!;
}

export async function updateNewsRow(tx: Executor, id: string, values: Partial<NewsValues>): Promise<NewsRow> {
  const [row] = await tx
    .update(siteNews)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(siteNews.id, id))
    .returning();
  return row!;
}

export async function deleteNewsRow(tx: Executor, id: string): Promise<void> {
  await tx.delete(siteNews).where(eq(siteNews.id, id));
}

/**
 * One page of the items public at `now` (published, not expired), newest first, possibly of one theme, with
 * how many there are in all.
 */
export async function listPublicNewsPage(
  db: Executor,
  countyCode: NewsScope,
  now: Date,
  opts: { themeKey?: string | undefined; offset: number; limit: number },
): Promise<{ rows: NewsRow[]; total: number }> {
  const where = and(
    inScope(countyCode),
    lte(siteNews.publishedAt, now),
    or(isNull(siteNews.expiresAt), gt(siteNews.expiresAt, now)),
    opts.themeKey ? arrayContains(siteNews.themeKeys, [opts.themeKey]) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(siteNews)
      .where(where)
      .orderBy(desc(siteNews.publishedAt), desc(siteNews.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(siteNews).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
