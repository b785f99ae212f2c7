import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { clientKey, handleForm, pageContext, requireCounty } from '../../../platform/http.ts';
import { formatDate, swedishCollator } from '../../../platform/i18n.ts';
import { findFile, imageSources, isImageKind, type FileKind } from '../../../platform/files.ts';
import type { FormBody } from '../../../platform/input.ts';
import {
  COUNTIES,
  findCountyByCode,
  findCountyBySlug,
  MUNICIPALITIES,
  type CountyRecord,
} from '../../../platform/tenancy.ts';
import { startOfStockholmDay, stockholmDate } from '../../../platform/time.ts';
import { emptyForm, type FormState, type Option, type TagColour } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { definitionOfVersion } from '../../forms/index.ts';
import { calendarEntryOf, ICS_CONTENT_TYPE, writeCalendar } from '../ics.ts';
import { whenOfEvent } from '../labels.ts';
import {
  anonymisationDueAt,
  eventHasEnded,
  eventIsPublic,
  registrationOpenness,
  seatsLeft,
} from '../lifecycle.ts';
import * as repo from '../repository.ts';
import type { EventRow } from '../repository.ts';
import { registrationInputFrom } from '../schemas.ts';
import { eventCalendarFile, eventUrl, loadPublicEvent, register } from '../service.ts';
import { countySlugOf, urls } from '../urls.ts';
import { CalendarPage, type CalendarItem } from '../views/public/calendar.tsx';
import { EventPage, HONEYPOT, type EventImage, type EventPageProps } from '../views/public/event.tsx';
import {
  ATOM_CONTENT_TYPE,
  RSS_CONTENT_TYPE,
  writeAtom,
  writeRss,
  type Feed,
} from '../../../platform/feeds.ts';
import { placementFor, placeShort } from '../views/public/wording.ts';

/**
 * The public pages of events: the calendars (a county's and all of Sweden's) by month with filters, an
 * event's page with its registration form, the confirmation, and the calendar files and news feeds. Everyone
 * may see them; a draft, or another county's event under a county's address, is 404.
 */

/** Registrations one address may make (counted when they succeed) and one e-mail address may receive. */
const REGISTER_PER_IP = { max: 20, windowSeconds: 10 * 60 };
const REGISTER_PER_EMAIL = { max: 5, windowSeconds: 60 * 60 };

/** How far back the feeds reach: a cancelled event must still reach those who subscribed. */
const FEED_DAYS_BACK = 60;
const FEED_MAX = 500;

const DAY = 86_400_000;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const calendarQuery = z.object({
  manad: z
    .string()
    .regex(MONTH)
    .refine((m) => Number(m.slice(0, 4)) >= 2000 && Number(m.slice(0, 4)) <= 2100)
    .optional()
    .catch(undefined),
  tema: z.string().max(200).optional().catch(undefined),
  lan: z.string().max(100).optional().catch(undefined),
});

const monthLabelFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  month: 'long',
  year: 'numeric',
});

/** The month after (or before) YYYY-MM. */
function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month's first moment and the next month's, in Swedish time. */
const monthWindow = (month: string) => ({
  from: startOfStockholmDay(`${month}-01`),
  to: startOfStockholmDay(`${shiftMonth(month, 1)}-01`),
});

const monthLabel = (month: string): string => monthLabelFormat.format(new Date(`${month}-15T12:00:00Z`));

/** The municipalities to choose from on a county's form: its own first, then each other county's. */
export const municipalityGroupsOf = (() => {
  const byCounty = new Map<string, Option[]>();
  for (const m of MUNICIPALITIES) {
    const list = byCounty.get(m.code.slice(0, 2)) ?? [];
    list.push({ value: m.code, label: m.name });
    byCounty.set(m.code.slice(0, 2), list);
  }
  for (const list of byCounty.values()) list.sort((a, b) => swedishCollator.compare(a.label, b.label));
  const kept = new Map<string, Array<{ label: string; options: Option[] }>>();
  return (countyCode: string) => {
    let groups = kept.get(countyCode);
    if (!groups) {
      const order = [...COUNTIES].sort((a, b) =>
        a.code === countyCode ? -1 : b.code === countyCode ? 1 : swedishCollator.compare(a.name, b.name),
      );
      groups = order.map((c) => ({ label: c.name, options: byCounty.get(c.code) ?? [] }));
      kept.set(countyCode, groups);
    }
    return groups;
  };
})();

export function registerPublicRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, config } = deps;
  const pub = { config: { access: access.public() } };
  const host = new URL(config.publicUrl).host;
  const absolute = (path: string) => `${config.publicUrl}${path}`;

  // ---- Calendars -----------------------------------------------------------------------------------

  async function calendar(req: FastifyRequest, reply: FastifyReply, county: CountyRecord | undefined) {
    const now = new Date();
    const q = calendarQuery.parse(req.query ?? {});
    const month = q.manad ?? stockholmDate(now).slice(0, 7);
    const theme = q.tema?.trim() ?? '';
    const filterCounty = county ? undefined : findCountyBySlug(q.lan);
    const countyCode = county?.code ?? filterCounty?.code;
    const { from, to } = monthWindow(month);
    const [events, themes] = await Promise.all([
      repo.listEvents(db, {
        countyCode,
        statuses: ['published', 'cancelled'],
        from,
        to,
        theme: theme || undefined,
        limit: 500,
      }),
      repo.listThemes(db, county?.code),
    ]);
    const counts = await repo.seatCountsOf(
      db,
      events.map((e) => e.id),
    );
    const path = county ? urls.calendar(county.slug) : urls.nationalCalendar();
    const hrefOf = (m: string) => {
      const params = new URLSearchParams({ manad: m });
      if (theme) params.set('tema', theme);
      if (filterCounty) params.set('lan', filterCounty.slug);
      return `${path}?${params.toString()}`;
    };
    let nextEvent: { href: string; label: string } | undefined;
    if (events.length === 0) {
      const [next] = await repo.listEvents(db, {
        countyCode,
        statuses: ['published'],
        from: to,
        theme: theme || undefined,
        limit: 1,
      });
      if (next)
        nextEvent = {
          href: hrefOf(stockholmDate(next.startsAt).slice(0, 7)),
          label: `Nästa evenemang: ${next.title}, ${formatDate(next.startsAt)}`,
        };
    }
    const items: CalendarItem[] = events.map((e) => ({
      href: urls.event(countySlugOf(e.countyCode), e.slug),
      title: e.title,
      summary: e.summary,
      startsAt: e.startsAt,
      when: whenOfEvent(e.startsAt, e.endsAt),
      place: placeShort(e),
      countyName: county ? undefined : findCountyByCode(e.countyCode)?.name,
      tags: tagsOf(e, counts.get(e.id) ?? { taken: 0, waiting: 0 }, now),
    }));
    const ctx = pageContext(req, reply);
    return reply.html(
      CalendarPage({
        ctx,
        county: county ? { slug: county.slug, name: county.name } : undefined,
        month,
        monthLabel: monthLabel(month),
        previous: { href: hrefOf(shiftMonth(month, -1)), label: monthLabel(shiftMonth(month, -1)) },
        next: { href: hrefOf(shiftMonth(month, 1)), label: monthLabel(shiftMonth(month, 1)) },
        items,
        nextEvent,
        filter: { theme, county: filterCounty?.slug ?? '' },
        themes: themes.sort((a, b) => swedishCollator.compare(a, b)),
        counties: county ? undefined : COUNTIES.map((c) => ({ slug: c.slug, name: c.name })),
        feeds: county
          ? {
              ics: urls.calendarFeed(county.slug),
              atom: urls.atomFeed(county.slug),
              rss: urls.rssFeed(county.slug),
            }
          : { ics: urls.nationalCalendarFeed(), atom: urls.nationalAtomFeed(), rss: undefined },
        path,
      }),
    );
  }

  app.get('/kalender', pub, async (req, reply) => calendar(req, reply, undefined));
  app.get('/:county/kalender', pub, async (req, reply) => calendar(req, reply, requireCounty(req)));

  // ---- Feeds -----------------------------------------------------------------------------------------

  const feedEvents = (county: CountyRecord | undefined, now: Date) =>
    repo.listEvents(db, {
      countyCode: county?.code,
      statuses: ['published', 'cancelled'],
      from: new Date(now.getTime() - FEED_DAYS_BACK * DAY),
      limit: FEED_MAX,
    });

  async function icsFeed(reply: FastifyReply, county: CountyRecord | undefined) {
    const now = new Date();
    const events = await feedEvents(county, now);
    const body = writeCalendar({
      name: county ? `Evenemang i ${county.name}` : 'Evenemang i hela Sverige',
      events: events.map((e) => calendarEntryOf(e, { url: eventUrl(deps, e), host })),
      now,
    });
    return reply.type(ICS_CONTENT_TYPE).header('cache-control', 'public, max-age=300').send(body);
  }

  function feedOf(county: CountyRecord | undefined, events: EventRow[], selfPath: string, now: Date): Feed {
    return {
      title: county ? `Evenemang i ${county.name}` : 'Evenemang i hela Sverige',
      subtitle: 'Konferenser, föreläsningar och nätverksträffar om social hållbarhet.',
      selfUrl: absolute(selfPath),
      pageUrl: absolute(county ? urls.calendar(county.slug) : urls.nationalCalendar()),
      author: county ? `Länsstyrelsen i ${county.name}` : 'Länsstyrelserna',
      now,
      entries: events.map((e) => ({
        id: e.id,
        title: e.status === 'cancelled' ? `Inställt: ${e.title}` : e.title,
        url: eventUrl(deps, e),
        summary: [
          `${whenOfEvent(e.startsAt, e.endsAt)}.`,
          `${placeShort(e)}.`,
          county ? '' : `${findCountyByCode(e.countyCode)?.name ?? ''}.`,
          e.summary,
        ]
          .filter((s) => s && s !== '.')
          .join(' '),
        publishedAt: e.publishedAt ?? e.createdAt,
        updatedAt: e.updatedAt,
        categories: e.themes,
      })),
    };
  }

  async function newsFeed(reply: FastifyReply, county: CountyRecord | undefined, kind: 'atom' | 'rss') {
    const now = new Date();
    const events = await feedEvents(county, now);
    const selfPath = county
      ? kind === 'atom'
        ? urls.atomFeed(county.slug)
        : urls.rssFeed(county.slug)
      : urls.nationalAtomFeed();
    const feed = feedOf(county, events, selfPath, now);
    return reply
      .type(kind === 'atom' ? ATOM_CONTENT_TYPE : RSS_CONTENT_TYPE)
      .header('cache-control', 'public, max-age=300')
      .send(kind === 'atom' ? writeAtom(feed) : writeRss(feed));
  }

  app.get('/kalender.ics', pub, async (_req, reply) => icsFeed(reply, undefined));
  app.get('/:county/kalender.ics', pub, async (req, reply) => icsFeed(reply, requireCounty(req)));
  app.get('/kalender.atom', pub, async (_req, reply) => newsFeed(reply, undefined, 'atom'));
  app.get('/:county/kalender.atom', pub, async (req, reply) => newsFeed(reply, requireCounty(req), 'atom'));
  app.get('/:county/kalender.rss', pub, async (req, reply) => newsFeed(reply, requireCounty(req), 'rss'));

  // ---- An event ----------------------------------------------------------------------------------------

  type EventParams = { Params: { county: string; eventSlug: string } };

  /** The event's image from the file store (its narrower copies for srcset), with its alt text. */
  async function imageOf(e: {
    imageRef: string | null;
    imageAlt: string | null;
  }): Promise<EventImage | undefined> {
    if (!e.imageRef || !e.imageAlt) return undefined;
    const file = await findFile(db, e.imageRef);
    return file && isImageKind(file.kind as FileKind)
      ? { ...imageSources(file), alt: e.imageAlt }
      : undefined;
  }

  async function eventPageProps(
    ctx: PageContext,
    county: CountyRecord,
    slug: string,
    form: FormState,
    now: Date,
  ): Promise<EventPageProps> {
    const view = await loadPublicEvent(db, county.code, slug, now);
    if (!view) throw new NotFoundError();
    const versionId = view.event.questionnaireVersionId;
    const definition =
      versionId && view.registration.open ? await definitionOfVersion(db, versionId) : undefined;
    return {
      ctx,
      county: { slug: county.slug, name: county.name },
      view,
      image: await imageOf(view.event),
      registration: {
        definition,
        erasedAfter: anonymisationDueAt(view.event, config.eventRetentionDays),
        retentionDays: config.eventRetentionDays,
        municipalityGroups: municipalityGroupsOf(county.code),
      },
      form,
      now,
    };
  }

  const yearOf = (d: Date) => stockholmDate(d).slice(0, 4);

  // The page is the same for every anonymous visitor until something on it changes: it is kept per
  // fingerprint of the event (its rows, programme, organisers, series and places) and the state of its
  // registration now (open, or closed and why), so a visitor never sees places that are gone.
  app.get<EventParams>('/:county/kalender/:eventSlug', pub, async (req, reply) => {
    const county = requireCounty(req);
    const version = await repo.publicEventVersion(db, county.code, req.params.eventSlug);
    if (!version || !eventIsPublic(version)) throw new NotFoundError();
    const now = new Date();
    const openness = registrationOpenness(version, now);
    const key = [version.fingerprint, openness.open ? 'open' : openness.message, yearOf(now)].join('\0');
    return reply.publicPage(
      async (ctx) => EventPage(await eventPageProps(ctx, county, req.params.eventSlug, emptyForm(), now)),
      { version: key },
    );
  });

  app.post<EventParams>('/:county/kalender/:eventSlug', pub, async (req, reply) => {
    const county = requireCounty(req);
    const event = await repo.findEventBySlug(db, county.code, req.params.eventSlug);
    if (!event || !eventIsPublic(event)) throw new NotFoundError();
    const body = (req.body ?? {}) as FormBody;
    const now = new Date();
    return handleForm(
      req,
      reply,
      async (form) =>
        EventPage(
          await eventPageProps(
            pageContext(req, reply),
            county,
            event.slug,
            { ...form, values: withoutHoneypot(form.values) },
            new Date(),
          ),
        ),
      async () => {
        // A robot fills in the field no person sees; nothing is saved and it is told no more than that.
        const trap = body[HONEYPOT];
        if (trap !== undefined && trap !== '')
          throw new ValidationError({ _form: 'Anmälan kunde inte tas emot. Försök igen.' });
        const input = registrationInputFrom(body);
        const email = input.email.trim().toLowerCase();
        const ipKey = `event-register:ip:${clientKey(req)}`;
        const emailKey = `event-register:email:${email}`;
        await deps.rateLimiter.check(ipKey, REGISTER_PER_IP);
        if (email) await deps.rateLimiter.check(emailKey, REGISTER_PER_EMAIL);
        const result = await register(deps, { countyCode: county.code, eventId: event.id }, input, now);
        await deps.rateLimiter.record(ipKey, REGISTER_PER_IP);
        await deps.rateLimiter.record(emailKey, REGISTER_PER_EMAIL);
        // Post, redirect, get: the receipt is a page of its own, so a reload or a second click shows it again
        // instead of registering once more (which the address already registered would refuse).
        return reply.redirect(urls.registrationReceipt(result.token), 303);
      },
    );
  });

  app.get<EventParams>('/:county/kalender/:eventSlug/kalenderfil.ics', pub, async (req, reply) => {
    const county = requireCounty(req);
    const event = await repo.findEventBySlug(db, county.code, req.params.eventSlug);
    if (!event || !eventIsPublic(event)) throw new NotFoundError();
    return reply.download(eventCalendarFile(deps, event), {
      filename: `${event.slug}.ics`,
      type: ICS_CONTENT_TYPE,
    });
  });
}

/** The form's values to show again: never what was typed into the honeypot. */
function withoutHoneypot(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => name !== HONEYPOT));
}

/** The tags of an event in the calendar: cancelled, over, registration closed, full, places left. */
function tagsOf(e: EventRow, counts: repo.Counts, now: Date): Array<{ text: string; colour: TagColour }> {
  if (e.status === 'cancelled') return [{ text: 'Inställt', colour: 'red' }];
  if (eventHasEnded(e, now)) return [{ text: 'Har ägt rum', colour: 'grey' }];
  const open = registrationOpenness(e, now);
  if (!open.open)
    return [
      { text: open.reason === 'not_yet_open' ? 'Anmälan har inte öppnat' : 'Anmälan stängd', colour: 'grey' },
    ];
  const places = {
    capacity: e.capacity,
    left: seatsLeft({ capacity: e.capacity, ...counts }),
    waiting: counts.waiting,
  };
  if (placementFor(places) === 'waiting') return [{ text: 'Fullbokat – kö', colour: 'orange' }];
  if (places.left !== null && places.left <= 10)
    return [{ text: places.left === 1 ? '1 plats kvar' : `${places.left} platser kvar`, colour: 'yellow' }];
  return [{ text: 'Anmälan öppen', colour: 'green' }];
}
