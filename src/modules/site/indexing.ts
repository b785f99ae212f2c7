/**
 * What search engines read: the sitemap index (one sitemap per county), a county's sitemap and robots.txt.
 * Pure builders of text from addresses already made absolute: every value is escaped, since a page's path
 * or a news item's slug is editors' input.
 */

/** One address in a sitemap, with when it last changed if known. */
export interface SitemapEntry {
  loc: string;
  lastmod?: Date | null | undefined;
}

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';
export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Escapes text for an XML element or attribute (control characters XML 1.0 cannot hold are dropped). */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function entryXml(tag: 'url' | 'sitemap', e: SitemapEntry): string {
  const lastmod = e.lastmod ? `<lastmod>${escapeXml(e.lastmod.toISOString())}</lastmod>` : '';
  return `<${tag}><loc>${escapeXml(e.loc)}</loc>${lastmod}</${tag}>`;
}

/** A sitemap index: the counties' sitemaps. */
export function writeSitemapIndex(sitemaps: readonly SitemapEntry[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...sitemaps.map((s) => entryXml('sitemap', s)),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** A sitemap: a county's public addresses. */
export function writeSitemap(entries: readonly SitemapEntry[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="${SITEMAP_NS}">`,
    ...entries.map((e) => entryXml('url', e)),
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * What crawlers may read: everything public, but not the editorial and administrative side, the sign-in or
 * search results (endless combinations of one index).
 */
export const ROBOTS_DISALLOW = [
  '/admin',
  '/nationellt',
  '/*/redaktion',
  '/*/admin',
  '/logga-in',
  '/sok',
  '/*/sok',
] as const;

export function writeRobots(sitemapUrl: string): string {
  // A newline inside the address would add a rule of its own: the address is one line.
  const oneLine = sitemapUrl.replace(/[\r\n]/g, '');
  return [
    'User-agent: *',
    'Allow: /',
    ...ROBOTS_DISALLOW.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${oneLine}`,
    '',
  ].join('\n');
}
