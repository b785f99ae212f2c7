/**
 * News feeds, Atom (RFC 4287) and RSS 2.0, written as text with every value escaped: one writer for every
 * feed of the product (the events' calendar, the public pages' news). An entry is a thing with a public
 * page; its address is the entry's link.
 */

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

export interface FeedEntry {
  /** the thing's id (an event's, a news item's): the entry's identity across changes */
  id: string;
  title: string;
  /** the public page's absolute address */
  url: string;
  /** plain text: the lead (an event's time and place with it) */
  summary: string;
  /** the whole text as HTML (already sanitised), for readers that show it; Atom's content, RSS's none */
  contentHtml?: string;
  publishedAt: Date;
  updatedAt: Date;
  categories: string[];
}

export interface Feed {
  title: string;
  subtitle: string;
  /** the feed's own absolute address */
  selfUrl: string;
  /** the page the feed follows (the calendar, the news list), absolute */
  pageUrl: string;
  author: string;
  entries: FeedEntry[];
  /** when the feed was written (the newest entry's change, or now when there is none) */
  now: Date;
}

/** Characters XML 1.0 cannot hold at all (C0 controls but tab and line ends, lone surrogates, U+FFFE/F). */
/* eslint-disable no-control-regex -- the characters XML cannot hold are what this removes */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const updatedOf = (feed: Feed): Date => {
  const newest = Math.max(0, ...feed.entries.map((e) => e.updatedAt.getTime()));
  return newest > 0 ? new Date(newest) : feed.now;
};

export function writeAtom(feed: Feed): string {
  const x = escapeXml;
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    <id>urn:uuid:${x(e.id)}</id>`,
      `    <title type="text">${x(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(e.url)}"/>`,
      `    <published>${iso(e.publishedAt)}</published>`,
      `    <updated>${iso(e.updatedAt)}</updated>`,
      `    <summary type="text">${x(e.summary)}</summary>`,
      ...(e.contentHtml ? [`    <content type="html">${x(e.contentHtml)}</content>`] : []),
      ...e.categories.map((c) => `    <category term="${x(c)}"/>`),
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${x(feed.selfUrl)}</id>`,
    `  <title type="text">${x(feed.title)}</title>`,
    `  <subtitle type="text">${x(feed.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.pageUrl)}"/>`,
    `  <updated>${iso(updatedOf(feed))}</updated>`,
    `  <author><name>${x(feed.author)}</name></author>`,
    '  <generator>Samverkan</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function writeRss(feed: Feed): string {
  const x = escapeXml;
  const items = feed.entries.map((e) =>
    [
      '    <item>',
      `      <title>${x(e.title)}</title>`,
      `      <link>${x(e.url)}</link>`,
      `      <guid isPermaLink="false">urn:uuid:${x(e.id)}</guid>`,
      `      <pubDate>${e.publishedAt.toUTCString()}</pubDate>`,
      `      <description>${x(e.summary)}</description>`,
      ...e.categories.map((c) => `      <category>${x(c)}</category>`),
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${x(feed.title)}</title>`,
    `    <link>${x(feed.pageUrl)}</link>`,
    `    <description>${x(feed.subtitle)}</description>`,
    '    <language>sv</language>',
    `    <lastBuildDate>${updatedOf(feed).toUTCString()}</lastBuildDate>`,
    `    <atom:link href="${x(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
