import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { ATOM_CONTENT_TYPE, RSS_CONTENT_TYPE, writeAtom, writeRss, type Feed } from '../../platform/feeds.ts';
import { safeMarkdown } from '../../platform/markdown.ts';
import type { CountyRecord } from '../../platform/tenancy.ts';
import { startOfStockholmDay, stockholmDate } from '../../platform/time.ts';
import { listPublicNewsRows, type NewsRow } from './repository.ts';
import { newsUrl, themeNamesOf } from './news.ts';
import { urls } from './urls.ts';

/**
 * The news as feeds, Atom and RSS, of a county and national: the latest public items with their lead and
 * whole text, written by the platform's one feed writer. Readers poll: the answer may be cached for five
 * minutes and carries an ETag of its bytes, so an unchanged feed costs a 304.
 */

export const FEED_ITEMS = 50;

export type FeedFormat = 'atom' | 'rss';

export function newsFeedOf(
  rows: readonly NewsRow[],
  opts: {
    county: CountyRecord | undefined;
    format: FeedFormat;
    absolute: (path: string) => string;
    now: Date;
  },
): Feed {
  const { county, format, absolute } = opts;
  return {
    title: county
      ? `Nyheter från Länsstyrelsen i ${county.name}`
      : 'Nyheter om social hållbarhet i hela Sverige',
    subtitle: county
      ? `Nyheter om länets arbete för social hållbarhet i ${county.name}.`
      : 'Nationella nyheter från länsstyrelsernas samordning av arbetet för social hållbarhet.',
    selfUrl: absolute(county ? urls.countyFeed(county.slug, format) : urls.nationalFeed(format)),
    pageUrl: absolute(county ? urls.countyNews(county.slug) : urls.nationalNews()),
    author: county ? `Länsstyrelsen i ${county.name}` : 'Länsstyrelserna',
    now: opts.now,
    entries: rows.map((r) => ({
      id: r.id,
      title: r.title,
      url: absolute(newsUrl(r)),
      summary: r.summary,
      contentHtml: r.body ? safeMarkdown(r.body) : undefined,
      publishedAt: r.publishedAt ?? r.createdAt,
      updatedAt: r.updatedAt,
      categories: themeNamesOf(r.themeKeys).map((t) => t.name),
    })),
  };
}

/** Whether the request's If-None-Match names this ETag (or any). */
function matches(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/** Sends a county's (or the national) news feed, or 304 when the reader has it already. */
export async function sendNewsFeed(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { county: CountyRecord | undefined; format: FeedFormat; absolute: (path: string) => string },
): Promise<FastifyReply> {
  const now = new Date();
  const rows = await listPublicNewsRows(db, opts.county?.code ?? null, now, FEED_ITEMS);
  // An empty feed's date is the day's start, not the moment: the same feed keeps the same bytes and ETag.
  const feed = newsFeedOf(rows, { ...opts, now: startOfStockholmDay(stockholmDate(now)) });
  const body = opts.format === 'atom' ? writeAtom(feed) : writeRss(feed);
  return sendPolled(req, reply, body, opts.format === 'atom' ? ATOM_CONTENT_TYPE : RSS_CONTENT_TYPE);
}

/**
 * Sends text that machines poll (feeds, sitemaps, robots.txt): cacheable for five minutes, with an ETag of its
 * bytes, and a 304 when the reader has these bytes already.
 */
export function sendPolled(
  req: FastifyRequest,
  reply: FastifyReply,
  body: string,
  contentType: string,
): FastifyReply {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  reply.header('cache-control', 'public, max-age=300').header('etag', etag).header('vary', 'accept-encoding');
  if (matches(req, etag)) return reply.code(304).send();
  return reply.type(contentType).send(body);
}
