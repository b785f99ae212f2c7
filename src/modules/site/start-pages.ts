import { keptUntilChanged } from '../../db/change-feed.ts';
import type { Db } from '../../db/client.ts';
import { publicCouncilList } from '../councils/index.ts';
import { listEvents, type EventRow } from '../events/index.ts';
import type { ImageSources } from '../../platform/files.ts';
import { resolveContacts, type ContactView } from './contacts-view.ts';
import { bodyImagesOf, filesOfRevision } from './pages.ts';
import { listPageFiles } from './pages-repository.ts';
import {
  listContactRows,
  listPublicNewsRows,
  listRevisionRows,
  nextNewsChangeAt,
  type NewsRow,
  type RevisionRow,
} from './repository.ts';
import { siteTree, type SitePage } from './site-tree.ts';

/** How many news items and events the start pages show. */
export const START_LIMITS = { nationalNews: 5, countyNews: 3, events: 3 } as const;

/**
 * The events table sends no change notifications (change-feed triggers cover the site's and the councils'
 * tables): a write in this process forgets what is kept at once, one in another process shows within this.
 */
const EVENTS_KEPT_MS = 60_000;

export interface CountyStart {
  /** the start page's visible revision (its introduction), if it has ever been published */
  intro:
    | (Pick<RevisionRow, 'title' | 'summary' | 'body'> & { images: ReadonlyMap<string, ImageSources> })
    | undefined;
  /** the county's public theme pages, in the tree's order */
  themes: SitePage[];
  news: NewsRow[];
  events: EventRow[];
  councils: Awaited<ReturnType<typeof publicCouncilList>>;
  contacts: ContactView[];
  /** when what the page shows changes next by the clock alone */
  until: number;
}

const earliest = (...times: Array<number | null | undefined>): number =>
  Math.min(...times.map((t) => t ?? Infinity));

async function readCountyStart(db: Db, countyCode: string): Promise<CountyStart> {
  const now = new Date();
  const tree = await siteTree(db, countyCode);
  const revisionId = tree.start?.visibleRevisionId;
  const [revisions, attachments, news, nextNews, events, councils, contactRows] = await Promise.all([
    revisionId ? listRevisionRows(db, countyCode, [revisionId]) : Promise.resolve([]),
    tree.start ? listPageFiles(db, [tree.start.id]) : Promise.resolve([]),
    listPublicNewsRows(db, countyCode, now, START_LIMITS.countyNews),
    nextNewsChangeAt(db, countyCode, now),
    listEvents(db, { countyCode, statuses: ['published'], from: now, limit: START_LIMITS.events }),
    publicCouncilList(db, countyCode),
    listContactRows(db, countyCode),
  ]);
  const intro = revisions[0];
  return {
    intro: intro && {
      title: intro.title,
      summary: intro.summary,
      body: intro.body,
      images: bodyImagesOf(filesOfRevision(attachments, intro)),
    },
    themes: tree.pages.filter((p) => p.kind === 'theme' && p.isPublic),
    news,
    events,
    councils,
    contacts: intro ? resolveContacts(contactRows, intro.contactIds) : [],
    until: earliest(
      tree.nextChangeAt?.getTime(),
      nextNews?.getTime(),
      // an event leaves the list when it ends
      ...events.map((e) => e.endsAt.getTime()),
      now.getTime() + EVENTS_KEPT_MS,
    ),
  };
}

/**
 * What a county's start page shows, kept per process until one of its tables changes or the clock changes it
 * (a scheduled publication, a news item's start or end, an event's end): the same object while kept, so the
 * page rendered from it is kept as long (its identity is the page's version).
 */
export const countyStart = keptUntilChanged(
  [
    'site_pages',
    'site_page_revisions',
    'site_page_files',
    'site_news',
    'site_contacts',
    'councils',
    'events',
  ],
  readCountyStart,
  (countyCode) => countyCode,
  { until: (start) => start.until, maxEntries: 64 },
);

export interface NationalStart {
  news: NewsRow[];
  until: number;
}

/** The national start page's news, kept like the county's start page. */
export const nationalStart = keptUntilChanged(
  ['site_news'],
  async (db: Db): Promise<NationalStart> => {
    const now = new Date();
    const [news, next] = await Promise.all([
      listPublicNewsRows(db, null, now, START_LIMITS.nationalNews),
      nextNewsChangeAt(db, null, now),
    ]);
    return { news, until: earliest(next?.getTime()) };
  },
  () => '',
  { until: (start) => start.until },
);
