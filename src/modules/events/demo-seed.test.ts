import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testConfig } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { openDatabase, queryRows, type Database, type Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { stockholmDate } from '../../platform/time.ts';
import { seedReferenceData } from '../reference/index.ts';
import { DEMO_EVENT_COUNTIES, SEED_000_SERIES_SLUG, SEED_004_SLUG, seedEventsDemo } from './demo-seed.ts';
import { clockText } from './labels.ts';
import { registrationOpenness, seatsLeft } from './lifecycle.ts';
import * as repo from './repository.ts';
import { loadPublicEvent, register } from './service.ts';
import type { Speaker } from './tables.ts';
import { urls } from './urls.ts';

const seedsDir = path.resolve(import.meta.dirname, '../../../../shared/seeds');
const seedFile = (prefix: string) => {
  const name = fs.existsSync(seedsDir)
    ? fs.readdirSync(seedsDir).find((f) => f.startsWith(prefix))
    : undefined;
  return name ? fs.readFileSync(path.join(seedsDir, name), 'utf8') : undefined;
};

/** The first start of the demo: the events ahead are placed around it. */
const NOW = new Date('2031-03-04T09:00:00Z');
const DAY = 86_400_000;

/** Seed 004's programme as the page shows it: time, title, and each speaker line's title and organisation. */
const SEED_004_PROGRAMME: Array<[string, string, string[]]> = [
  [
    '12.30',
    'Hur börjar vi resan från perspektivträngsel till perspektivgemenskap?',
    ['2: Länsstyrelsen Västra Götaland'],
  ],
  ['13.00', 'Samordning av horisontella perspektiv', ['1: handläggare, Sveriges Kommuner och Regioner']],
  ['13.45', 'Paus', []],
  [
    '14.00',
    'Trollhättan har skapat ett politiskt driv på tvären',
    [
      '1: hållbarhetsstrateg, Trollhättans Stad',
      '1: kommunalråd och ordförande för utskottet för social hållbarhet, Trollhättans Stad',
    ],
  ],
  [
    '14.25',
    'Kungälv integrerar social hållbarhet i fysisk planering',
    ['1: utvecklingsledare folkhälsa, Kungälvs kommun'],
  ],
  ['14.50', 'Paus', []],
  [
    '15.05',
    'I Borås samlas perspektiven i ett rättighetsnätverk',
    ['1: Mänskliga rättighetsstrateg, Borås Stad'],
  ],
  ['15.30', 'Fortsatt stöd från Länsstyrelsen', ['2: Länsstyrelsen Västra Götaland']],
  ['15.45', 'Avslut', []],
];

/** Speakers as the seed writes them, one line per title and organisation: "2: Länsstyrelsen Västra Götaland". */
function speakerLines(speakers: Speaker[]): string[] {
  const lines: Array<{ n: number; rest: string }> = [];
  for (const s of speakers) {
    const rest = [s.title, s.organisation].filter(Boolean).join(', ');
    const last = lines.at(-1);
    if (last && last.rest === rest) last.n++;
    else lines.push({ n: 1, rest });
  }
  return lines.map((l) => `${l.n}: ${l.rest}`);
}

/** Every text the events' tables hold, to look for what must not be there. */
async function everything(db: Db): Promise<string> {
  const rows = await queryRows<unknown>(
    db,
    sql`select (select json_agg(e) from events e)::text as events,
               (select json_agg(s) from event_series s)::text as series,
               (select json_agg(p) from event_programme_items p)::text as programme,
               (select json_agg(r) from event_registrations r)::text as registrations`,
  );
  return JSON.stringify(rows);
}

describe('the events demo data', () => {
  let database: Database;
  let db: Db;
  let added: number;

  beforeAll(async () => {
    // A database of its own: the demo takes fixed addresses in four counties the shared one's tests use too.
    database = await openDatabase({ dataDir: 'memory' });
    db = database.db;
    await migrate(db);
    await seedReferenceData(db);
    added = await seedEventsDemo(db, NOW);
  });
  afterAll(async () => {
    await database.close();
  });

  it("seeds seed 004's event as the seed has it: Västra Götaland, 15 June 2022 12.30–15.45, free, digital, last day 10 June", async () => {
    const event = (await repo.findEventBySlug(db, '14', SEED_004_SLUG))!;
    expect(event.title).toBe('Social hållbarhet: från perspektivträngsel till perspektivgemenskap');
    expect(event.status).toBe('published');
    expect(stockholmDate(event.startsAt)).toBe('2022-06-15');
    expect([clockText(event.startsAt), clockText(event.endsAt)]).toEqual(['12.30', '15.45']);
    expect(event.registrationClosesAt.toISOString()).toBe('2022-06-10T21:59:59.000Z');
    expect(event.placeKind).toBe('digital');
    expect(event.costOre).toBe(0);
    expect(event.summary).toMatch(/^En eftermiddag med fokus på arbete med horisontella perspektiv\./);
    expect(event.description).toContain(
      'Vi behöver ta oss från perspektivträngsel till en perspektivgemenskap.',
    );
    expect(event.targetGroup).toContain('Agenda 2030 och/eller social hållbarhet');
    expect(event.contacts.map((c) => [c.organisation, c.email?.endsWith('@example.org')])).toEqual([
      ['Länsstyrelsen', true],
      ['Länsstyrelsen', true],
    ]);
    const organisers = (await repo.listOrganisers(db, [event.id])).get(event.id)!;
    expect(organisers.map((o) => o.name)).toEqual(['Länsstyrelsen i Västra Götalands län']);

    const programme = await repo.listProgramme(db, event.id);
    expect(programme.map((p) => [clockText(p.startsAt), p.title, speakerLines(p.speakers)])).toEqual(
      SEED_004_PROGRAMME,
    );
    expect(programme.filter((p) => p.kind === 'break').map((p) => clockText(p.startsAt))).toEqual([
      '13.45',
      '14.50',
    ]);

    // Long past its retention: the registrations are anonymised, their figures kept.
    expect(event.registrantsAnonymisedAt).not.toBeNull();
    const figures = await repo.figuresOf(db, event.id);
    expect(figures.confirmed).toBeGreaterThan(0);
    expect(figures.attended + figures.noShows).toBe(figures.confirmed);
    const registrations = await repo.listRegistrations(db, event.id);
    expect(registrations.every((r) => r.name === null && r.email === null && r.anonymisedAt)).toBe(true);
  });

  it("matches seed 004's page line by line, and no person the seeds name is in the demo (with ../shared/seeds)", async (ctx) => {
    const text004 = seedFile('004_');
    const text000 = seedFile('000_');
    if (!text004 || !text000) {
      if (process.env.CI === 'true') throw new Error(`${seedsDir} saknas, och med CI=true krävs den`);
      ctx.skip();
    }
    // The seed's programme: "12.30 Title" and its speaker lines "Name och Name, [title, ]organisation".
    const lines = text004!.split('\n').map((l) => l.trim());
    const fromSeed: Array<[string, string, string[]]> = [];
    const names = new Set<string>();
    lines.forEach((line, i) => {
      const m = /^(\d{2}\.\d{2}) (.+)$/.exec(line);
      if (!m) return;
      const speakers: string[] = [];
      for (let j = i + 1; j < lines.length && lines[j]; j++) {
        const [who, ...rest] = lines[j]!.split(', ');
        const people = who!.split(' och ');
        people.forEach((p) => names.add(p));
        speakers.push(`${people.length}: ${rest.join(', ')}`);
      }
      fromSeed.push([m[1]!, m[2]!, speakers]);
    });
    expect(fromSeed).toEqual(SEED_004_PROGRAMME);

    // Contacts and the lecture series' contact: names, addresses and telephone numbers of real people.
    for (const m of text004!.matchAll(/^(.+), Länsstyrelsen (\S+@\S+)$/gm)) {
      names.add(m[1]!);
      names.add(m[2]!);
    }
    const viaSeries = /kontakta (.+?) vid länsstyrelsen via e-post: (\S+) eller telefon: (\S+)/.exec(
      text000!,
    )!;
    expect(viaSeries).not.toBeNull();
    for (const part of viaSeries.slice(1)) names.add(part);
    expect(names.size).toBeGreaterThanOrEqual(10);

    const stored = await everything(db);
    const found = [...names].filter((n) => stored.includes(n) || stored.includes(n.split(' ').at(-1)!));
    expect(found).toEqual([]);
    expect(stored).not.toContain('lansstyrelsen.se');
  });

  it("shows seed 004's event page closed for registration, since when, as the lifecycle says it", async () => {
    const view = (await loadPublicEvent(db, '14', SEED_004_SLUG, NOW))!;
    expect(view.registration).toEqual(registrationOpenness(view.event, NOW));
    expect(view.registration).toMatchObject({
      open: false,
      reason: 'closed',
      message:
        'Det är inte tillåtet att göra anmälningar längre. Sista anmälningsdag var den 10 juni 2022 klockan 23.59.',
    });

    // The public page itself: the programme as the seed shows it, the closing sentence instead of the form.
    const t = await buildTestApp({ database });
    try {
      const path = urls.event('vastra-gotaland', SEED_004_SLUG);
      const page = await new TestClient(t.app).get(path);
      expect(page.status).toBe(200);
      expect(page.doc.querySelector('h1')!.text).toBe(
        'Social hållbarhet: från perspektivträngsel till perspektivgemenskap',
      );
      const text = page.doc.text.replace(/\s+/g, ' ');
      expect(text).toContain('Sista anmälningsdag var den 10 juni 2022 klockan 23.59.');
      expect(text).toContain('Hur börjar vi resan från perspektivträngsel till perspektivgemenskap?');
      expect(text).toContain('kommunalråd och ordförande för utskottet för social hållbarhet');
      expect(page.doc.querySelector(`form[action="${path}"]`)).toBeNull();
      expect(page.doc.querySelector('input[name="email"]')).toBeNull();
      // The demo's meeting link stays off the public page.
      expect(page.body).not.toContain('mote.example.org');

      // An event ahead with places left has its form.
      const open = await new TestClient(t.app).get(
        urls.event('uppsala', 'samverkansdag-halsa-trygghet-och-goda-livsvillkor'),
      );
      expect(open.doc.querySelector('input[name="email"]')).not.toBeNull();
    } finally {
      await t.close();
    }
  });

  it("seeds seed 000's lecture series in Västernorrland: county board and region; recorded, live digital and a discussion meeting", async () => {
    const series = (await repo.findSeriesBySlug(db, '22', SEED_000_SERIES_SLUG))!;
    expect(series.title).toBe('Digital föreläsningsserie inom det sociala hållbarhetsområdet');
    expect(series.description).toContain(
      'Föreläsningarna erbjuds i digital form via Skype samt filmade föreläsningar som varvas med diskussionsmöten utifrån givna ämnen.',
    );
    expect([series.startYear, series.endYear]).toEqual([2031, 2032]);
    expect(series.description).toContain('under år 2031 med eventuell fortsättning 2032');

    const lectures = await repo.listEvents(db, { countyCode: '22', seriesId: series.id });
    expect(lectures).toHaveLength(3);
    const organisers = await repo.listOrganisers(
      db,
      lectures.map((l) => l.id),
    );
    for (const l of lectures) {
      expect(l.placeKind).toBe('digital');
      expect(organisers.get(l.id)!.map((o) => o.name)).toEqual([
        'Länsstyrelsen i Västernorrlands län',
        'Region Västernorrland',
      ]);
    }
    const [recorded, live, meeting] = lectures;
    // Recorded: held before the first start, its film on the page.
    expect(recorded!.endsAt < NOW).toBe(true);
    expect(recorded!.recordingUrl).toMatch(/^https:\/\//);
    // Live, digital, ahead and open for registration.
    expect(live!.startsAt > NOW && live!.recordingUrl === null).toBe(true);
    expect(registrationOpenness(live!, NOW).open).toBe(true);
    // The discussion meeting: its programme is discussion.
    const items = await repo.listProgramme(db, meeting!.id);
    expect(items.filter((i) => i.kind === 'discussion').length).toBeGreaterThanOrEqual(2);
    expect(meeting!.title).toMatch(/^Diskussionsmöte/);
  });

  it('has an event ahead with a few places left in each demo county, invented registrants, and in Uppsala a full one with a waiting list', async () => {
    const full: repo.EventRow[] = [];
    for (const countyCode of DEMO_EVENT_COUNTIES) {
      const ahead = await repo.listEvents(db, { countyCode, statuses: ['published'], from: NOW });
      const fewLeft: repo.EventRow[] = [];
      for (const e of ahead.filter((e) => e.startsAt > NOW)) {
        const counts = await repo.seatCounts(db, e.id);
        const left = seatsLeft({ capacity: e.capacity, ...counts });
        // Placed around the first start: weeks ahead, open for registration now.
        expect(e.startsAt.getTime() - NOW.getTime()).toBeLessThan(60 * DAY);
        expect(registrationOpenness(e, NOW).open).toBe(true);
        if (left !== null && left > 0 && left <= 5) fewLeft.push(e);
        if (left === 0 && counts.waiting > 0) full.push(e);
        for (const r of await repo.listRegistrations(db, e.id)) {
          expect(r.email).toMatch(/@example\.org$/);
          expect(r.organisationName).toBeTruthy();
        }
      }
      expect(fewLeft.length, `an event with a few places left in ${countyCode}`).toBeGreaterThanOrEqual(1);
    }
    expect(full.map((e) => e.countyCode)).toEqual(['03']);

    // A newcomer to the full event joins the waiting list, behind those already on it.
    const event = full[0]!;
    const before = await repo.seatCounts(db, event.id);
    const config = testConfig();
    try {
      const result = await register(
        { db, config },
        { countyCode: '03', eventId: event.id },
        {
          name: 'Nyan Nykomling',
          email: 'nyan.nykomling@example.org',
          organisationName: 'Heby kommun',
          consent: true,
        },
        NOW,
      );
      expect(result.status).toBe('waiting');
      expect(result.position).toBe(before.waiting + 1);
    } finally {
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    }
  });

  it('adds nothing on a second start, even a later one', async () => {
    expect(added).toBe(8);
    const counts = () =>
      queryRows<Record<string, number>>(
        db,
        sql`select (select count(*) from events)::int as events,
                   (select count(*) from event_series)::int as series,
                   (select count(*) from event_programme_items)::int as programme,
                   (select count(*) from event_organisers)::int as organisers,
                   (select count(*) from event_registrations)::int as registrations,
                   (select count(*) from organisations)::int as organisations`,
      );
    const before = await counts();
    expect(await seedEventsDemo(db, NOW)).toBe(0);
    expect(await seedEventsDemo(db, new Date(NOW.getTime() + 40 * DAY))).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
