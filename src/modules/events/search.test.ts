import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { searchDocuments } from '../../platform/search.ts';
import { stockholmDate, stockholmTime } from '../../platform/time.ts';
import { findCountyBoard } from '../reference/index.ts';
import { cancelEvent, createEvent, publishEvent, updateEvent, type EventInput } from './index.ts';
import { reindexEvents } from './search.ts';

/** A published event is found in the public search; a draft or a cancelled one is not. */
describe('events in the search index', () => {
  let t: TestApp;
  let admin: TestUser;
  const tag = `x${Math.random().toString(36).slice(2, 7)}`;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await createTestUser(t.app.deps.db, 'county_admin', { countyCode: '22' });
  });
  afterAll(() => t.close());

  const input = async (over: Partial<EventInput> = {}): Promise<EventInput> => {
    const board = await findCountyBoard(t.app.deps.db, '22');
    const day = stockholmDate(new Date(Date.now() + 20 * 86_400_000));
    return {
      title: `Föreläsning om ANDTS ${tag}`,
      summary: 'En eftermiddag om förebyggande arbete.',
      description: 'Vi pratar om **spelberoende**.',
      startsAt: stockholmTime(day, 12, 30),
      endsAt: stockholmTime(day, 15, 45),
      placeKind: 'address',
      address: 'Storgatan 1, Härnösand',
      registrationClosesAt: stockholmTime(day, 8, 0),
      organisationIds: [board!.id],
      ...over,
    };
  };
  const found = async (query: string) => {
    const out = await searchDocuments(t.app.deps.db, { query, page: 1, now: new Date(), kinds: ['event'] });
    return out.kind === 'results' ? out.hits : [];
  };
  const ref = (eventId: string) => ({ countyCode: '22', eventId });

  it('indexes an event when published, follows a change, and takes it out when cancelled', async () => {
    const event = await createEvent(t.app.deps, admin.actor, '22', await input());
    expect(await found(`föreläsningar ${tag}`)).toEqual([]);
    await publishEvent(t.app.deps, admin.actor, ref(event.id));
    const [hit] = await found(`föreläsningar ${tag}`);
    expect(hit?.url).toBe(`/vasternorrland/kalender/${event.slug}`);
    expect(hit?.shownDate?.getTime()).toBe(event.startsAt.getTime());
    expect(await found(`Härnösand ${tag}`)).toHaveLength(1);
    expect(await found(`spelberoende ${tag}`)).toHaveLength(1);

    await updateEvent(t.app.deps, admin.actor, ref(event.id), await input({ title: `Seminarium ${tag}` }));
    expect(await found(`föreläsning ${tag}`)).toEqual([]);
    expect(await found(`seminarium ${tag}`)).toHaveLength(1);

    await cancelEvent(t.app.deps, admin.actor, ref(event.id));
    expect(await found(`seminarium ${tag}`)).toEqual([]);
  });

  it('indexes every published event again', async () => {
    const event = await createEvent(
      t.app.deps,
      admin.actor,
      '22',
      await input({ title: `Konferens ${tag}` }),
    );
    await publishEvent(t.app.deps, admin.actor, ref(event.id));
    await t.app.deps.db.execute(sql`delete from search_documents where kind = 'event'`);
    expect(await found(`konferens ${tag}`)).toEqual([]);
    expect(await reindexEvents(t.app.deps.db)).toBeGreaterThanOrEqual(1);
    expect(await found(`konferens ${tag}`)).toHaveLength(1);
    expect(await found(`seminarium ${tag}`)).toEqual([]);
  });
});
