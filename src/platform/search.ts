import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { searchDocuments, type SearchKind } from './tables.ts';

export { searchKinds, type SearchKind } from './tables.ts';

/**
 * One thing a visitor can find: a page's published (or scheduled) revision, a news item, a published event, a
 * public council document. The owning module writes its entries in the same transaction as the change, so the
 * index never shows what is not public and never misses what is.
 */
export interface SearchEntry {
  /** the thing's own id (a page: the revision's) */
  sourceId: string;
  /** the county whose site it belongs to; null for national news */
  countyCode: string | null;
  themeKeys: readonly string[];
  title: string;
  summary: string;
  /** plain text (Markdown is fine: the words are what count) */
  body: string;
  url: string;
  /** found from this time … */
  visibleFrom: Date;
  /** … until this time (null: until it is removed) */
  visibleUntil: Date | null;
  /** the date a result shows (a news item's, an event's start) */
  shownDate: Date | null;
}

/**
 * Replaces everything indexed for one thing (`groupId`: a page, a news item, an event, a document) with
 * `entries` (none: it is no longer public). Called inside the owner's transaction.
 */
export async function indexEntries(
  tx: Executor,
  kind: SearchKind,
  groupId: string,
  entries: readonly SearchEntry[],
): Promise<void> {
  await tx
    .delete(searchDocuments)
    .where(and(eq(searchDocuments.kind, kind), eq(searchDocuments.groupId, groupId)));
  if (entries.length === 0) return;
  await tx.insert(searchDocuments).values(
    entries.map((e) => ({
      kind,
      groupId,
      sourceId: e.sourceId,
      countyCode: e.countyCode,
      themeKeys: [...e.themeKeys],
      title: e.title,
      summary: e.summary,
      body: e.body,
      url: e.url,
      visibleFrom: e.visibleFrom,
      visibleUntil: e.visibleUntil,
      shownDate: e.shownDate,
    })),
  );
}
