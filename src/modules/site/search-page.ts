import type { Db } from '../../db/client.ts';
import { formatDate } from '../../platform/i18n.ts';
import { searchDocuments, SEARCH_LIMITS, type SearchKind } from '../../platform/search.ts';
import { COUNTIES, findCountyByCode, findCountyBySlug } from '../../platform/tenancy.ts';
import { isThemeKey, THEMES, type ThemeKey } from './themes.ts';
import { urls } from './urls.ts';

/**
 * The search page's model: the question as the address carries it (`?q=…&lan=…&tema=…&typ=…&sida=…`, so a
 * result list can be linked and the form works without JavaScript), read leniently (an unknown filter is
 * ignored, never an error), and what the index answers.
 */

/** The kinds as the address and the page name them. */
export const KIND_PARAMS = { sida: 'page', nyhet: 'news', evenemang: 'event', dokument: 'document' } as const;
const KIND_LABELS: Record<SearchKind, string> = {
  page: 'Sida',
  news: 'Nyhet',
  event: 'Evenemang',
  document: 'Dokument',
};
type KindParam = keyof typeof KIND_PARAMS;

export interface SearchParams {
  q: string;
  /** the county's slug (the national page's filter) */
  lan: string;
  tema: ThemeKey[];
  typ: KindParam[];
  sida: number;
}

const listOf = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').slice(0, 20);

/** Reads the address's question; whatever is not understood is left out. */
export function readSearchParams(query: unknown): SearchParams {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const first = (k: string) => listOf(raw[k])[0] ?? '';
  const page = Number.parseInt(first('sida'), 10);
  return {
    q: first('q').slice(0, SEARCH_LIMITS.query * 2),
    lan: findCountyBySlug(first('lan'))?.slug ?? '',
    tema: [...new Set(listOf(raw.tema).filter(isThemeKey))],
    typ: [...new Set(listOf(raw.typ).filter((t): t is KindParam => t in KIND_PARAMS))],
    sida: Number.isFinite(page) && page >= 1 ? Math.min(page, SEARCH_LIMITS.pages) : 1,
  };
}

/** The address of a search: the same question on another page, or with a filter changed. */
export function searchHref(base: string, p: SearchParams, page = p.sida): string {
  const qs = new URLSearchParams();
  qs.set('q', p.q);
  if (p.lan) qs.set('lan', p.lan);
  for (const t of p.tema) qs.append('tema', t);
  for (const k of p.typ) qs.append('typ', k);
  if (page > 1) qs.set('sida', String(page));
  return `${base}?${qs.toString()}`;
}

export interface SearchResultView {
  title: string;
  url: string;
  kindLabel: string;
  countyName: string | undefined;
  date: string | undefined;
  safeSnippet: string;
}

export interface SearchPageView {
  /** the county whose pages are searched; none: the national search */
  county: { slug: string; name: string } | undefined;
  action: string;
  params: SearchParams;
  /** why nothing was searched (an empty question, only very common words) */
  message: string | undefined;
  /** undefined: nothing asked yet */
  outcome:
    { total: number; page: number; pages: number; results: SearchResultView[]; query: string } | undefined;
  choices: {
    counties: Array<{ value: string; label: string }>;
    themes: Array<{ value: string; label: string }>;
    kinds: Array<{ value: string; label: string }>;
  };
}

export async function searchPageView(
  db: Db,
  county: { code: string; slug: string; name: string } | undefined,
  params: SearchParams,
  now: Date,
): Promise<SearchPageView> {
  const action = county ? urls.countySearch(county.slug) : urls.search();
  const base = {
    county: county && { slug: county.slug, name: county.name },
    action,
    params,
    choices: {
      counties: COUNTIES.map((c) => ({ value: c.slug, label: c.name })),
      themes: THEMES.map((t) => ({ value: t.key, label: t.name })),
      kinds: Object.entries(KIND_PARAMS).map(([p, k]) => ({ value: p, label: KIND_LABELS[k] })),
    },
  };
  // Nothing typed yet: the empty form, no message.
  if (!params.q.trim()) return { ...base, message: undefined, outcome: undefined };
  const outcome = await searchDocuments(db, {
    query: params.q,
    countyCode: county?.code ?? findCountyBySlug(params.lan)?.code,
    themeKeys: params.tema,
    kinds: params.typ.map((t) => KIND_PARAMS[t]),
    page: params.sida,
    now,
  });
  if (outcome.kind === 'nothing-asked') return { ...base, message: outcome.message, outcome: undefined };
  return {
    ...base,
    message: undefined,
    outcome: {
      query: outcome.query,
      total: outcome.total,
      page: outcome.page,
      pages: Math.max(1, Math.ceil(outcome.total / outcome.pageSize)),
      results: outcome.hits.map((h) => ({
        title: h.title,
        url: h.url,
        kindLabel: KIND_LABELS[h.kind],
        countyName: h.countyCode ? findCountyByCode(h.countyCode)?.name : 'Nationellt',
        date: h.shownDate ? formatDate(h.shownDate) : undefined,
        safeSnippet: h.safeSnippet,
      })),
    },
  };
}
