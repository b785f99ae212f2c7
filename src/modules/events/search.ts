import type { Db, Executor } from '../../db/client.ts';
import { clearKind, indexEntries } from '../../platform/search.ts';
import * as repo from './repository.ts';
import type { EventRow } from './repository.ts';
import { countySlugOf, urls } from './urls.ts';

/**
 * An event in the public search: found while it is published (a draft is not public; a cancelled one's page
 * says so, but it is no longer something to find), with its title, summary, description and place, at its
 * public page. It stays findable after it ended: its page (and its recording) remain. Called in the
 * transaction that changes the event.
 */
export async function indexEvent(tx: Executor, event: EventRow): Promise<void> {
  if (event.status !== 'published') return indexEntries(tx, 'event', event.id, []);
  await indexEntries(tx, 'event', event.id, [
    {
      sourceId: event.id,
      countyCode: event.countyCode,
      themeKeys: event.themes,
      title: event.title,
      summary: event.summary,
      body: [event.description, event.address ?? ''].filter(Boolean).join('\n\n'),
      url: urls.event(countySlugOf(event.countyCode), event.slug),
      visibleFrom: event.publishedAt ?? event.createdAt,
      visibleUntil: null,
      shownDate: event.startsAt,
    },
  ]);
}

/** Every published event indexed again (after a restore); returns how many. */
export async function reindexEvents(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await clearKind(tx, 'event');
    const published = await repo.listEvents(tx, { statuses: ['published'] });
    for (const event of published) await indexEvent(tx, event);
    return published.length;
  });
}
