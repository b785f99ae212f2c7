import type { FastifyInstance } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { requireCounty } from '../../../platform/http.ts';
import { COUNTIES } from '../../../platform/tenancy.ts';
import { countySlugOf, listEvents, urls as eventUrls } from '../../events/index.ts';
import { sendPolled } from '../feeds.ts';
import {
  TEXT_CONTENT_TYPE,
  writeRobots,
  writeSitemap,
  writeSitemapIndex,
  XML_CONTENT_TYPE,
  type SitemapEntry,
} from '../indexing.ts';
import { listPublicNewsRows } from '../repository.ts';
import { siteTree } from '../site-tree.ts';
import { urls } from '../urls.ts';

/** Sitemaps have room for 50,000 addresses; a county's news and events stay far below that. */
const SITEMAP_ITEMS = 1000;

/** The sitemap index, the counties' sitemaps and robots.txt, for search engines. */
export function registerIndexingRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const absolute = (path: string) => `${deps.config.publicUrl}${path}`;
  const pub = { config: { access: access.public() } };

  app.get('/robots.txt', pub, (req, reply) =>
    sendPolled(req, reply, writeRobots(absolute(urls.sitemap())), TEXT_CONTENT_TYPE),
  );

  app.get('/sitemap.xml', pub, (req, reply) =>
    sendPolled(
      req,
      reply,
      writeSitemapIndex(COUNTIES.map((c) => ({ loc: absolute(urls.countySitemap(c.slug)) }))),
      XML_CONTENT_TYPE,
    ),
  );

  // A fixed route: it wins over the public pages' /:county/* wildcard.
  app.get('/:county/sitemap.xml', pub, async (req, reply) => {
    const county = requireCounty(req);
    const now = new Date();
    const [tree, news, events] = await Promise.all([
      siteTree(db, county.code),
      listPublicNewsRows(db, county.code, now, SITEMAP_ITEMS),
      listEvents(db, { countyCode: county.code, statuses: ['published'], from: now, limit: SITEMAP_ITEMS }),
    ]);
    const entries: SitemapEntry[] = [
      { loc: absolute(urls.countyHome(county.slug)), lastmod: tree.start?.publishedAt },
      ...[...tree.publicByPath.values()]
        .filter((p) => p.path !== '' && p.kind !== 'start')
        .map((p) => ({ loc: absolute(urls.page(county.slug, p.path)), lastmod: p.publishedAt })),
      ...news.map((n) => ({
        loc: absolute(urls.countyNewsItem(county.slug, n.slug)),
        lastmod: n.updatedAt,
      })),
      ...events.map((e) => ({
        loc: absolute(eventUrls.event(countySlugOf(e.countyCode), e.slug)),
        lastmod: e.updatedAt,
      })),
    ];
    return sendPolled(req, reply, writeSitemap(entries), XML_CONTENT_TYPE);
  });
}
