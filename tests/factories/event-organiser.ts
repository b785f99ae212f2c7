import type { App } from '../../src/app.ts';
import {
  cancelEvent,
  cancelRegistrationByOrganiser,
  createEvent,
  createSeries,
  publishEvent,
  register,
  type EventRow,
} from '../../src/modules/events/index.ts';
import { findCountyBoard } from '../../src/modules/reference/index.ts';
import { createTestUser, uniqueEmail, type TestUser } from './users.ts';

const DAY = 86_400_000;

/** The ids an organiser's page of events takes: an event, a series, a registration. */
export interface OrganiserIds {
  eventId: string;
  seriesId: string;
  registrationId: string;
}

export interface OrganiserWorld {
  /** Uppsala's (03) and Västernorrland's (22): a published event with one place, taken, and one waiting */
  ids: { own: OrganiserIds; vnorr: OrganiserIds };
  /** Uppsala's event and registration in other states: published, cancelled, a registration cancelled */
  states: Record<'publicerat' | 'inställt' | 'avbokad', Record<string, string>>;
  /**
   * Ids of the actor's own for a route that uses them up: a draft to publish, an event to cancel, a
   * registration (on the waiting list) to cancel or give a place.
   */
  fresh(route: string, countyCode: string): Promise<Record<string, string>>;
}

/**
 * The events organiser's pages' world for the route-walk and fuzz tests, made through the events services:
 * per county a series and a published event in it with one place, taken by one registrant while another
 * waits (the registration named is the waiting one).
 */
export async function organiserWorld(app: App, uppsalaAdmin: TestUser): Promise<OrganiserWorld> {
  const { deps } = app;
  const admins: Record<string, TestUser> = {
    '03': uppsalaAdmin,
    '22': await createTestUser(deps.db, 'county_admin', { countyCode: '22' }),
  };
  const boards: Record<string, string> = {};
  for (const code of Object.keys(admins)) boards[code] = (await findCountyBoard(deps.db, code))!.id;

  const event = async (
    countyCode: string,
    opts: { publish?: boolean; seriesId?: string } = {},
  ): Promise<EventRow> => {
    const startsAt = new Date(Date.now() + 20 * DAY);
    const made = await createEvent(deps, admins[countyCode]!.actor, countyCode, {
      title: `Föreläsning ${Math.random().toString(36).slice(2, 8)}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      placeKind: 'digital',
      meetingLink: 'https://mote.example/rum',
      capacity: 1,
      registrationClosesAt: new Date(startsAt.getTime() - DAY),
      organisationIds: [boards[countyCode]!],
      seriesId: opts.seriesId ?? null,
    });
    if (opts.publish === false) return made;
    return publishEvent(deps, admins[countyCode]!.actor, { countyCode, eventId: made.id });
  };
  const registration = async (e: EventRow) =>
    (
      await register(
        deps,
        { countyCode: e.countyCode, eventId: e.id },
        {
          name: 'Vera Väntan',
          email: uniqueEmail('anmald'),
          organisationName: 'Heby kommun',
          organisationType: 'municipality',
          municipalityCode: '0331',
          consent: true,
          questionFields: {},
        },
      )
    ).registration;

  const made: Record<string, { event: EventRow; ids: OrganiserIds }> = {};
  for (const code of Object.keys(admins)) {
    const series = await createSeries(deps, admins[code]!.actor, code, {
      title: 'Digital föreläsningsserie',
      startYear: 2026,
      endYear: 2026,
    });
    const e = await event(code, { seriesId: series.id });
    await registration(e);
    const waiting = await registration(e);
    made[code] = { event: e, ids: { eventId: e.id, seriesId: series.id, registrationId: waiting.id } };
  }

  const cancelled = await event('03');
  await cancelEvent(
    deps,
    uppsalaAdmin.actor,
    { countyCode: '03', eventId: cancelled.id },
    'Inställt i test.',
  );
  const withdrawn = await registration(made['03']!.event);
  await cancelRegistrationByOrganiser(
    deps,
    uppsalaAdmin.actor,
    { countyCode: '03', eventId: made['03']!.event.id },
    withdrawn.id,
  );

  return {
    ids: { own: made['03']!.ids, vnorr: made['22']!.ids },
    states: {
      publicerat: { eventId: made['03']!.ids.eventId },
      inställt: { eventId: cancelled.id },
      avbokad: { eventId: made['03']!.ids.eventId, registrationId: withdrawn.id },
    },
    async fresh(route, countyCode): Promise<Record<string, string>> {
      if (route.endsWith('/publicera')) return { eventId: (await event(countyCode, { publish: false })).id };
      if (route.endsWith('/stall-in')) return { eventId: (await event(countyCode)).id };
      if (/\/:registrationId\/(avboka|ge-plats)$/.test(route)) {
        const e = made[countyCode]!.event;
        return { eventId: e.id, registrationId: (await registration(e)).id };
      }
      return {};
    },
  };
}
