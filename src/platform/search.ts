import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../db/client.ts';
import type { ModuleDescriptor } from './module.ts';
import { searchDocuments as documents, type SearchKind } from './tables.ts';

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
  await tx.delete(documents).where(and(eq(documents.kind, kind), eq(documents.groupId, groupId)));
  if (entries.length === 0) return;
  await tx.insert(documents).values(
    entries.map((e) => ({
      kind,
      groupId,
      sourceId: e.sourceId,
      countyCode: e.countyCode,
      themeKeys: [...e.themeKeys],
      title: e.title,
      summary: plainOfMarkdown(e.summary).trim(),
      body: plainOfMarkdown(e.body).trim(),
      url: e.url,
      visibleFrom: e.visibleFrom,
      visibleUntil: e.visibleUntil,
      shownDate: e.shownDate,
    })),
  );
}

// ---- Finding ----------------------------------------------------------------------------------------------

export const SEARCH_LIMITS = {
  /** characters of a query read (a longer one is cut): enough for any question, too short to load the server */
  query: 200,
  pageSize: 20,
  /** the furthest page asked for (a page beyond the results is empty, not an error) */
  pages: 500,
};

export interface SearchQuery {
  query: string;
  countyCode?: string | undefined;
  themeKeys?: readonly string[] | undefined;
  kinds?: readonly SearchKind[] | undefined;
  /** from 1 */
  page: number;
  now: Date;
  pageSize?: number;
}

export interface SearchHit {
  kind: SearchKind;
  sourceId: string;
  countyCode: string | null;
  themeKeys: string[];
  title: string;
  url: string;
  shownDate: Date | null;
  /** HTML: the text escaped, the words found in `<mark>` */
  safeSnippet: string;
}

export type SearchOutcome =
  | { kind: 'nothing-asked'; message: string }
  | { kind: 'results'; query: string; total: number; page: number; pageSize: number; hits: SearchHit[] };

/** The words in `<mark>`: ts_headline marks them with these (no text has them: they are taken out first). */
const START = '\u0001';
const STOP = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=40, MinWords=20, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
/** ts_rank_cd's weights of D, C, B, A: a word in the title counts most, then the summary, then the body. */
const RANK_WEIGHTS = '{0.1, 0.2, 0.5, 1.0}';

const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Markdown's marks are not words: a snippet shows the text a reader sees. */
const plainOfMarkdown = (s: string): string =>
  s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:#+|>+|[-*+]\s|\d+\.\s)/gm, ' ')
    .replace(/[*_`|~]+/g, ' ')
    .replace(/\s+/g, ' ');

/**
 * ts_headline leaves the text as it was (a `<script>` in a body stays one), so its output is escaped here and
 * only then are its markers turned into `<mark>`. A marker without its pair marks nothing.
 */
export function snippetHtmlOf(headline: string): string {
  let html = '';
  let rest = headline;
  for (;;) {
    const start = rest.indexOf(START);
    const stop = start < 0 ? -1 : rest.indexOf(STOP, start + 1);
    if (start < 0 || stop < 0) {
      html += escapeHtml(plainOfMarkdown(rest.replaceAll(START, '').replaceAll(STOP, '')));
      return html.trim();
    }
    html += escapeHtml(plainOfMarkdown(rest.slice(0, start)));
    html += `<mark>${escapeHtml(rest.slice(start + 1, stop))}</mark>`;
    rest = rest.slice(stop + 1);
  }
}

/** The query as it is searched: control characters out (they are the markers), spaces tidied, cut to the limit. */
export function cleanQuery(raw: string): string {
  return (
    raw
      // eslint-disable-next-line no-control-regex -- the markers and other control characters are not words
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, SEARCH_LIMITS.query)
  );
}

/**
 * Finds what is visible at `now` and matches the query (`websearch_to_tsquery`: words, "a phrase", -not, or),
 * stemmed in Swedish (“föreläsningar” finds “föreläsning”), best first. The count is of every match; the rows
 * and their snippets (ts_headline, the costly part) only of the page asked for.
 */
export async function searchDocuments(db: Executor, q: SearchQuery): Promise<SearchOutcome> {
  const query = cleanQuery(q.query);
  const nothing = {
    kind: 'nothing-asked',
    message: 'Skriv ett eller flera ord att söka efter. Mycket vanliga ord som ”och” och ”att” räknas inte.',
  } as const;
  if (!query) return nothing;
  const pageSize = q.pageSize ?? SEARCH_LIMITS.pageSize;
  const page = Math.min(Math.max(1, Math.floor(q.page) || 1), SEARCH_LIMITS.pages);
  const tsq = sql`websearch_to_tsquery('swedish', ${query})`;
  const where = and(
    sql`${documents.tsv} @@ ${tsq}`,
    lte(documents.visibleFrom, q.now),
    or(isNull(documents.visibleUntil), gt(documents.visibleUntil, q.now)),
    q.countyCode ? eq(documents.countyCode, q.countyCode) : undefined,
    q.themeKeys?.length ? sql`${documents.themeKeys} && ${sql.param([...q.themeKeys])}::text[]` : undefined,
    q.kinds?.length ? inArray(documents.kind, [...q.kinds]) : undefined,
  );
  const [counted] = await queryRows<{ nodes: number; total: number }>(
    db,
    sql`select numnode(${tsq})::int as nodes,
               (select count(*) from ${documents} where ${where})::int as total`,
  );
  if (!counted || counted.nodes === 0) return nothing;
  const results = { kind: 'results', query, total: counted.total, page, pageSize } as const;
  if (counted.total === 0 || (page - 1) * pageSize >= counted.total) return { ...results, hits: [] };
  const rows = await queryRows<{
    kind: SearchKind;
    source_id: string;
    county_code: string | null;
    theme_keys: string[];
    title: string;
    url: string;
    shown_date: string | Date | null;
    headline: string;
  }>(
    db,
    sql`with hits as (
          select kind, source_id, county_code, theme_keys, title, url, shown_date, summary, body,
                 ts_rank_cd(${RANK_WEIGHTS}::float4[], tsv, ${tsq}, 1) as rank
          from ${documents}
          where ${where}
          order by rank desc, shown_date desc nulls last, source_id
          limit ${pageSize} offset ${(page - 1) * pageSize}
        )
        select kind, source_id, county_code, theme_keys, title, url, shown_date,
               ts_headline('swedish', translate(summary || E'\n' || body, E'\\x01\\x02', '  '), ${tsq},
                           ${HEADLINE_OPTIONS}) as headline
        from hits
        order by rank desc, shown_date desc nulls last, source_id`,
  );
  return {
    ...results,
    hits: rows.map((r) => ({
      kind: r.kind,
      sourceId: r.source_id,
      countyCode: r.county_code,
      themeKeys: r.theme_keys,
      title: r.title,
      url: r.url,
      shownDate: r.shown_date === null ? null : new Date(r.shown_date),
      safeSnippet: snippetHtmlOf(r.headline),
    })),
  };
}

// ---- Indexing everything again ----------------------------------------------------------------------------

/**
 * Builds the index again from the owners' rows: each module that declares `searchIndex` writes its kinds
 * again (each in its own transaction: it replaces all of its kind). A kind no module indexes is left as it is.
 * Returns how many things each kind has now.
 */
export async function reindexAll(
  db: Db,
  modules: readonly Pick<ModuleDescriptor, 'searchIndex'>[],
): Promise<Partial<Record<SearchKind, number>>> {
  const counts: Partial<Record<SearchKind, number>> = {};
  for (const m of modules)
    for (const [kind, reindex] of Object.entries(m.searchIndex ?? {}) as [
      SearchKind,
      (db: Db) => Promise<number>,
    ][])
      counts[kind] = (counts[kind] ?? 0) + (await reindex(db));
  return counts;
}

/** Takes every entry of a kind out (the first step of indexing the kind again, in the same transaction). */
export async function clearKind(tx: Executor, kind: SearchKind): Promise<void> {
  await tx.delete(documents).where(eq(documents.kind, kind));
}
