import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { testDatabase } from '../../../tests/helpers/db.ts';
import os from 'node:os';
import { parseConfig } from '../../config.ts';
import { findCountyBoard } from '../reference/index.ts';
import type { UserActor } from '../../platform/authz.ts';
import { endOfStockholmDay, stockholmDate, stockholmTime } from '../../platform/time.ts';
import type { EventInput, EventRow, EventsContext } from './index.ts';
import * as repo from './repository.ts';
import {
  acceptOffer,
  addRegistrant,
  anonymiseRegistrants,
  cancelEvent,
  cancelRegistration,
  confirmBeyondCapacity,
  eraseRegistration,
  expireOffers,
  changeRegistration,
  findByPersonalToken,
  loadPublicEvent,
  markAttendance,
  messageRegistrants,
  sendJoiningInfo,
  register,
  createEvent,
  publishEvent,
  updateEvent,
  type RegistrationResult,
} from './service.ts';

/** What the events services need: the database and a configuration (public URL http://samverkan.test). */
function eventsContext(db: EventsContext['db']): EventsContext {
  return {
    db,
    config: parseConfig({
      NODE_ENV: 'test',
      DEMO: 'false',
      SESSION_SECRET: 'test-secret-that-is-long-enough-for-the-check',
      DATA_DIR: os.tmpdir(),
      PUBLIC_URL: 'http://samverkan.test',
    }),
  };
}

/**
 * A published event of Uppsala county's board, 12.30–15.45 Swedish time `inDays` from now (default 30),
 * registration closing 23:59 five days before; made through the services as an organiser would.
 */
async function makeEvent(
  ctx: EventsContext,
  actor: UserActor,
  opts: Partial<EventInput> & { inDays?: number | undefined; status?: 'draft' | 'published' } = {},
): Promise<EventRow> {
  const board = await findCountyBoard(ctx.db, '03');
  const day = stockholmDate(new Date(Date.now() + (opts.inDays ?? 30) * 86_400_000));
  const startsAt = stockholmTime(day, 12, 30);
  const lastDay = stockholmDate(new Date(startsAt.getTime() - 5 * 86_400_000));
  const { status = 'published', ...input } = opts;
  delete input.inDays;
  const event = await createEvent(ctx, actor, '03', {
    title: 'Social hållbarhet: från perspektivträngsel till perspektivgemenskap',
    summary: 'En eftermiddag med fokus på arbete med horisontella perspektiv.',
    placeKind: 'digital',
    meetingLink: 'https://meet.example/m/abc123',
    capacity: 100,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 195 * 60_000),
    registrationClosesAt: endOfStockholmDay(lastDay),
    organisationIds: [board!.id],
    ...input,
  });
  return status === 'draft' ? event : publishEvent(ctx, actor, { countyCode: '03', eventId: event.id });
}

let ctx: EventsContext;
let admin: TestUser;
const HOUR = 3_600_000;

beforeAll(async () => {
  const { db } = await testDatabase();
  ctx = eventsContext(db);
  admin = await createTestUser(db, 'county_admin', { countyCode: '03' });
});

let n = 0;
const person = (tag: string) => {
  n++;
  return {
    name: `Deltagare ${tag} ${n}`,
    email: `${tag}.${n}.${Date.now()}@anmalan.example`,
    organisationName: 'Knivsta kommun',
    consent: true as const,
  };
};

interface MailJob {
  id: number;
  kind: string;
  to: string | null;
  subject: string | null;
  text: string | null;
}

async function mailJobsTo(email: string): Promise<MailJob[]> {
  return queryRows<MailJob>(
    ctx.db,
    sql`select id, kind, payload->>'to' as "to", payload->>'subject' as subject, payload->>'text' as text
        from jobs where kind = 'mail.send' and payload->>'to' = ${email} order by id`,
  );
}

/** On PostgreSQL: until a statement counting an event's places waits for a lock (at most 5 s). */
async function waitForLockWaiter(): Promise<void> {
  if (process.env.TEST_BACKEND !== 'postgresql') return;
  for (let i = 0; i < 100; i++) {
    const [row] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and query like '%event_seats_for%'`,
    );
    if (Number(row?.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no registration waited for the lock');
}

/** The token of the offer link in the newest offer mail to the address. */
async function offerTokenOf(email: string): Promise<string> {
  const offers = (await mailJobsTo(email)).filter((m) => m.subject?.startsWith('En plats har blivit ledig'));
  const match = /\/anmalan\/erbjudande\/([A-Za-z0-9_-]+)/.exec(offers.at(-1)?.text ?? '');
  if (!match) throw new Error(`inget erbjudande till ${email}`);
  return match[1]!;
}

describe('a registration rush', () => {
  it('300 concurrent registrations for 100 places: exactly 100 confirmed, 200 waiting, 300 mails, no errors', async () => {
    const event = await makeEvent(ctx, admin.actor, { capacity: 100 });
    const ref = { countyCode: '03', eventId: event.id };
    const people = Array.from({ length: 300 }, () => person('rusning'));
    const settled = await Promise.allSettled(people.map((p) => register(ctx, ref, p)));
    const failures = settled.filter((s) => s.status === 'rejected');
    expect(failures.map((f) => String(f.reason))).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<RegistrationResult>).value);

    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(100);
    expect(results.filter((r) => r.status === 'waiting')).toHaveLength(200);
    // The waiting list is one line: positions 1 … 200, each once, in the order of arrival.
    const waiting = results.filter((r) => r.status === 'waiting');
    expect(waiting.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    const bySeq = [...waiting].sort((a, b) => a.registration.seq - b.registration.seq);
    expect(bySeq.map((r) => r.position)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // Every confirmed one arrived before every waiting one.
    const lastConfirmed = Math.max(
      ...results.filter((r) => r.status === 'confirmed').map((r) => r.registration.seq),
    );
    expect(Math.min(...waiting.map((r) => r.registration.seq))).toBeGreaterThan(lastConfirmed);

    // The database agrees, and each registration's mail job was committed with it.
    const rows = await repo.listRegistrations(ctx.db, event.id);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(100);
    expect(rows.filter((r) => r.status === 'waiting')).toHaveLength(200);
    const jobIds = results.map((r) => r.mailJobId);
    expect(new Set(jobIds).size).toBe(300);
    const jobs = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from jobs where kind = 'mail.send' and id in ${sql.raw(`(${jobIds.join(',')})`)}`,
    );
    expect(Number(jobs[0]!.n)).toBe(300);
  }, 180_000);

  it('a registration that waited for the lock counts the last place its holder took', async () => {
    const event = await makeEvent(ctx, admin.actor, { capacity: 1 });
    const ref = { countyCode: '03', eventId: event.id };
    let late: Promise<RegistrationResult> | undefined;
    await ctx.db.transaction(async (tx) => {
      await repo.lockEvent(tx, event.id);
      await repo.insertRegistration(tx, {
        eventId: event.id,
        countyCode: '03',
        status: 'confirmed',
        name: 'Först',
        email: `forst.${Date.now()}@anmalan.example`,
        consentAt: new Date(),
      });
      // Another registration now waits for the event's lock (on PostgreSQL; PGlite runs one transaction at a
      // time), having begun before the place was taken.
      late = register(ctx, ref, person('vantar'));
      await waitForLockWaiter();
    });
    const result = await late!;
    expect(result.status).toBe('waiting');
    expect(result.position).toBe(1);
    expect((await repo.seatCounts(ctx.db, event.id)).taken).toBe(1);
  });

  it('the same address twice is refused beside the field; a closed or cancelled event refuses with the reason', async () => {
    const event = await makeEvent(ctx, admin.actor);
    const ref = { countyCode: '03', eventId: event.id };
    const p = person('dubbel');
    await register(ctx, ref, p);
    const again = await register(ctx, ref, { ...p, email: p.email.toUpperCase() }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ValidationError);
    expect((again as ValidationError).fieldErrors.email).toMatch(/redan anmäld/);

    const late = await register(
      ctx,
      ref,
      person('sen'),
      new Date(event.registrationClosesAt.getTime() + 1000),
    ).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(ConflictError);
    expect((late as Error).message).toMatch(
      /^Det är inte tillåtet att göra anmälningar längre. Sista anmälningsdag var den/,
    );

    const bad = await register(ctx, ref, {
      ...person('fel'),
      email: 'inte-en-adress',
      consent: false,
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(['consent', 'email']);

    await cancelEvent(ctx, admin.actor, ref, 'Föreläsaren är sjuk.');
    const cancelled = await register(ctx, ref, person('installt')).catch((e: unknown) => e);
    expect((cancelled as Error).message).toBe('Evenemanget är inställt.');
    // A draft is not there at all for the public.
    const draft = await makeEvent(ctx, admin.actor, { status: 'draft' });
    await expect(
      register(ctx, { countyCode: '03', eventId: draft.id }, person('utkast')),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Another county's URL does not reach the event.
    await expect(
      register(ctx, { countyCode: '22', eventId: event.id }, person('annat')),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('registrations that arrive while the lock is held are placed together in one transaction, each judged alone', async () => {
    const event = await makeEvent(ctx, admin.actor, { capacity: 3 });
    const ref = { countyCode: '03', eventId: event.id };
    const twice = person('samma');
    const others = [person('grupp'), person('grupp'), person('grupp')];
    let first: Promise<RegistrationResult> | undefined;
    let rest: Promise<PromiseSettledResult<RegistrationResult>[]> | undefined;
    await ctx.db.transaction(async (tx) => {
      await repo.lockEvent(tx, event.id);
      // The first waits for the lock (on PostgreSQL) …
      first = register(ctx, ref, twice);
      await waitForLockWaiter();
      // … and those that come meanwhile wait in line behind it: the same address again (in other letters)
      // among them, and one arriving after the registration has closed for it.
      rest = Promise.allSettled([
        register(ctx, ref, others[0]!),
        register(ctx, ref, { ...twice, name: 'Samma igen', email: twice.email.toUpperCase() }),
        register(ctx, ref, others[1]!),
        register(ctx, ref, others[2]!, new Date(event.registrationClosesAt.getTime() + 1000)),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect((await first!).status).toBe('confirmed');
    const [a, again, b, late] = await rest!;
    expect(a).toMatchObject({ status: 'fulfilled', value: { status: 'confirmed' } });
    expect(again!.status).toBe('rejected');
    expect(((again as PromiseRejectedResult).reason as ValidationError).fieldErrors.email).toMatch(
      /redan anmäld/,
    );
    expect(b).toMatchObject({ status: 'fulfilled', value: { status: 'confirmed' } });
    expect((late as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);

    // What was written: the three accepted in order of arrival, nothing of the refused ones.
    const rows = await repo.listRegistrations(ctx.db, event.id);
    expect(rows.map((r) => r.email)).toEqual([twice.email, others[0]!.email, others[1]!.email]);
    expect(await mailJobsTo(twice.email.toUpperCase())).toEqual([]);
    expect(await mailJobsTo(others[2]!.email)).toEqual([]);
    if (process.env.TEST_BACKEND === 'postgresql') {
      // The first alone, the two accepted of those in line in one transaction together.
      const [row] = await queryRows<{ n: number }>(
        ctx.db,
        sql`select count(distinct xmin::text)::int as n from event_registrations where event_id = ${event.id}`,
      );
      expect(Number(row!.n)).toBe(2);
    }
  });
});

describe('the waiting list', () => {
  it('a cancellation offers the place to the first waiting; an unconfirmed offer passes on; an expired offer is refused', async () => {
    const event = await makeEvent(ctx, admin.actor, { capacity: 2, offerHours: 48 });
    const ref = { countyCode: '03', eventId: event.id };
    const t0 = new Date();
    const [a, , c, d, e] = [person('a'), person('b'), person('c'), person('d'), person('e')];
    const results: RegistrationResult[] = [];
    for (const p of [a, person('b'), c, d, e]) results.push(await register(ctx, ref, p, t0));
    expect(results.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waiting', 'waiting', 'waiting']);
    expect(results.map((r) => r.position)).toEqual([undefined, undefined, 1, 2, 3]);

    // A cancels through the personal link: C, first in line, is offered the place, not D or E.
    const cancelled = await cancelRegistration(ctx, results[0]!.token, new Date(t0.getTime() + HOUR));
    expect(cancelled.offered).toBe(1);
    const status = async (email: string) =>
      (await repo.listRegistrations(ctx.db, event.id)).find((r) => r.email === email)!.status;
    expect([await status(a.email), await status(c.email), await status(d.email)]).toEqual([
      'cancelled',
      'offered',
      'waiting',
    ]);
    // The place is held for C: a newcomer waits.
    expect((await register(ctx, ref, person('ny'), new Date(t0.getTime() + HOUR))).status).toBe('waiting');
    const cOffer = await offerTokenOf(c.email);

    // C does not confirm within 48 hours: the periodic work passes the place to D.
    const later = new Date(t0.getTime() + 50 * HOUR);
    expect(await expireOffers(ctx, later, { eventIds: [event.id] })).toBe(1);
    expect([await status(c.email), await status(d.email), await status(e.email)]).toEqual([
      'cancelled',
      'offered',
      'waiting',
    ]);
    const cRow = (await repo.listRegistrations(ctx.db, event.id)).find((r) => r.email === c.email)!;
    expect(cRow.cancelReason).toBe('offer_expired');
    expect(
      (await mailJobsTo(c.email)).some((m) => m.subject?.startsWith('Erbjudandet om plats har gått ut')),
    ).toBe(true);

    // C's link no longer gives the place.
    const refused = await acceptOffer(ctx, cOffer, later).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toMatch(/gick ut/);

    // D lets the offer lapse too and clicks too late: refused, and the place passes on to E at once.
    const dOffer = await offerTokenOf(d.email);
    const tooLate = new Date(later.getTime() + 49 * HOUR);
    await expect(acceptOffer(ctx, dOffer, tooLate)).rejects.toBeInstanceOf(ConflictError);
    expect([await status(d.email), await status(e.email)]).toEqual(['cancelled', 'offered']);

    // E confirms in time: a place, with the confirmation mail; clicking again changes nothing.
    const eOffer = await offerTokenOf(e.email);
    const accepted = await acceptOffer(ctx, eOffer, new Date(tooLate.getTime() + HOUR));
    expect(accepted.outcome).toBe('confirmed');
    expect(await status(e.email)).toBe('confirmed');
    expect((await acceptOffer(ctx, eOffer, new Date(tooLate.getTime() + 2 * HOUR))).outcome).toBe(
      'already-confirmed',
    );
    const confirmations = (await mailJobsTo(e.email)).filter((m) => m.subject?.startsWith('Bekräftelse'));
    expect(confirmations).toHaveLength(1);
    expect(await repo.seatCounts(ctx.db, event.id)).toEqual({ taken: 2, waiting: 1 });

    // An unknown offer link is simply not found.
    await expect(acceptOffer(ctx, 'ingen-sadan-token', later)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('raising the capacity offers the new places to the waiting list in order', async () => {
    const event = await makeEvent(ctx, admin.actor, { capacity: 1 });
    const ref = { countyCode: '03', eventId: event.id };
    const rs: RegistrationResult[] = [];
    for (let i = 0; i < 4; i++) rs.push(await register(ctx, ref, person('kap')));
    const board = (await repo.listOrganisers(ctx.db, [event.id])).get(event.id)!.map((o) => o.id);
    await updateEvent(ctx, admin.actor, ref, {
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      placeKind: event.placeKind,
      registrationClosesAt: event.registrationClosesAt,
      organisationIds: board,
      capacity: 3,
    });
    const rows = await repo.listRegistrations(ctx.db, event.id);
    expect(rows.map((r) => r.status)).toEqual(['confirmed', 'offered', 'offered', 'waiting']);
  });

  it('the organiser adds someone beyond the capacity, or takes someone from the waiting list, deliberately', async () => {
    const event = await makeEvent(ctx, admin.actor, { capacity: 1 });
    const ref = { countyCode: '03', eventId: event.id };
    await register(ctx, ref, person('full'));
    const waiting = await register(ctx, ref, person('vantar'));
    const added = await addRegistrant(ctx, admin.actor, ref, person('extra'));
    expect(added).toMatchObject({ status: 'confirmed', beyondCapacity: true });
    const taken = await confirmBeyondCapacity(ctx, admin.actor, ref, waiting.registration.id);
    expect(taken).toMatchObject({ status: 'confirmed', beyondCapacity: true });
    expect(await repo.seatCounts(ctx.db, event.id)).toEqual({ taken: 3, waiting: 0 });
    // Someone from another county's board does not reach it.
    const other = await createTestUser(ctx.db, 'county_admin', { countyCode: '22' });
    await expect(addRegistrant(ctx, other.actor, ref, person('x'))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('before the event', () => {
  it('the public page never holds the meeting link; the link goes to confirmed registrants once, in time', async () => {
    const event = await makeEvent(ctx, admin.actor, {
      capacity: 1,
      practicalInfo: 'Logga in tio minuter innan.',
    });
    const ref = { countyCode: '03', eventId: event.id };
    const page = await loadPublicEvent(ctx.db, '03', event.slug);
    expect(JSON.stringify(page)).not.toContain('meet.example');
    expect(page).toMatchObject({
      places: { capacity: 1, left: 1, waiting: 0 },
      registration: { open: true },
    });
    const a = person('lank');
    const b = person('lankvantar');
    await register(ctx, ref, a);
    await register(ctx, ref, b);
    expect(await loadPublicEvent(ctx.db, '03', event.slug)).toMatchObject({
      places: { left: 0, waiting: 1 },
    });

    const dayBefore = new Date(event.startsAt.getTime() - 25 * HOUR);
    expect(await sendJoiningInfo(ctx, dayBefore, { eventIds: [event.id] })).toBe(0);
    const inTime = new Date(event.startsAt.getTime() - 23 * HOUR);
    expect(await sendJoiningInfo(ctx, inTime, { eventIds: [event.id] })).toBe(1);
    expect(await sendJoiningInfo(ctx, inTime, { eventIds: [event.id] })).toBe(0);
    const info = (await mailJobsTo(a.email)).filter((m) =>
      m.subject?.startsWith('Länk och praktisk information'),
    );
    expect(info).toHaveLength(1);
    expect(info[0]!.text).toContain('https://meet.example/m/abc123');
    expect(info[0]!.text).toContain('Logga in tio minuter innan.');
    expect((await mailJobsTo(b.email)).some((m) => m.subject?.startsWith('Länk'))).toBe(false);
  });

  it('the registrant changes their details by the personal link; the organiser writes to those with a place', async () => {
    const event = await makeEvent(ctx, admin.actor, { capacity: 1 });
    const ref = { countyCode: '03', eventId: event.id };
    const a = person('andra');
    const made = await register(ctx, ref, a);
    await register(ctx, ref, person('kon'));
    const changed = await changeRegistration(ctx, made.token, {
      name: 'Nytt Namn',
      organisationName: 'Uppsala kommun',
    });
    expect(changed).toMatchObject({ name: 'Nytt Namn', organisationName: 'Uppsala kommun', email: a.email });
    await expect(
      changeRegistration(ctx, made.token, { name: '', organisationName: 'X' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      changeRegistration(ctx, 'fel-token', { name: 'X', organisationName: 'Y' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await messageRegistrants(ctx, admin.actor, ref, { subject: 'Ny sal', text: 'Vi ses i sal B.' }),
    ).toBe(1);
    expect(
      await messageRegistrants(ctx, admin.actor, ref, { subject: 'Alla', text: 'Till alla.', to: 'all' }),
    ).toBe(2);
    const mails = (await mailJobsTo(a.email)).filter((m) => m.subject === `Ny sal – ${event.title}`);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Hej Nytt Namn!');
    expect(mails[0]!.text).toContain(`/anmalan/${made.token}`);
  });
});

describe('after the event', () => {
  it('attendance is marked once it has begun; anonymisation removes names and addresses and keeps the counts', async () => {
    const event = await makeEvent(ctx, admin.actor, { capacity: 2, inDays: 10 });
    const ref = { countyCode: '03', eventId: event.id };
    const rs: RegistrationResult[] = [];
    for (let i = 0; i < 3; i++)
      rs.push(await register(ctx, ref, { ...person('efter'), municipalityCode: '0330' }));
    await expect(
      markAttendance(ctx, admin.actor, ref, [{ registrationId: rs[0]!.registration.id, attended: true }]),
    ).rejects.toThrow(/först när evenemanget har börjat/);
    const during = new Date(event.startsAt.getTime() + HOUR);
    expect(
      await markAttendance(
        ctx,
        admin.actor,
        ref,
        [
          { registrationId: rs[0]!.registration.id, attended: true },
          { registrationId: rs[1]!.registration.id, attended: false },
        ],
        during,
      ),
    ).toBe(2);
    const before = await repo.figuresOf(ctx.db, event.id);

    // 89 days after: nothing yet. 90 days after: erased.
    const day = 86_400_000;
    expect(
      await anonymiseRegistrants(ctx, new Date(event.endsAt.getTime() + 89 * day), 90, {
        eventIds: [event.id],
      }),
    ).toBe(0);
    expect(
      await anonymiseRegistrants(ctx, new Date(event.endsAt.getTime() + 90 * day), 90, {
        eventIds: [event.id],
      }),
    ).toBe(3);
    const rows = await repo.listRegistrations(ctx.db, event.id);
    for (const r of rows) {
      expect(r).toMatchObject({
        name: null,
        email: null,
        organisationName: null,
        answers: {},
        tokenHash: null,
      });
      expect(r.anonymisedAt).not.toBeNull();
    }
    expect(rows.map((r) => r.municipalityCode)).toEqual(['0330', '0330', '0330']);
    const after = await repo.figuresOf(ctx.db, event.id);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ registered: 3, confirmed: 2, waiting: 1, attended: 1, noShows: 1 });
    // The personal link is dead, and nothing of the people is left in the rows.
    expect(await findByPersonalToken(ctx.db, rs[0]!.token)).toBeUndefined();
    const raw = JSON.stringify(
      await queryRows(ctx.db, sql`select * from event_registrations where event_id = ${event.id}`),
    );
    expect(raw).not.toContain('Deltagare');
    expect(raw).not.toContain('anmalan.example');
    // Once is enough.
    expect(
      await anonymiseRegistrants(ctx, new Date(event.endsAt.getTime() + 91 * day), 90, {
        eventIds: [event.id],
      }),
    ).toBe(0);
  });

  it('a registrant erases their own data through the personal link; the place goes on to the waiting list', async () => {
    const event = await makeEvent(ctx, admin.actor, { capacity: 1 });
    const ref = { countyCode: '03', eventId: event.id };
    const first = await register(ctx, ref, person('radera'));
    const second = await register(ctx, ref, person('nasta'));
    await eraseRegistration(ctx, first.token);
    const rows = await repo.listRegistrations(ctx.db, event.id);
    expect(rows[0]).toMatchObject({ status: 'cancelled', name: null, email: null, tokenHash: null });
    expect(rows[1]!.id).toBe(second.registration.id);
    expect(rows[1]!.status).toBe('offered');
    await expect(eraseRegistration(ctx, first.token)).rejects.toBeInstanceOf(NotFoundError);
  });
});
