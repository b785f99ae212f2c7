import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCalendar } from '../../../tests/helpers/ics.ts';
import { startMailWorld, type MailWorld, type TestSmtp } from '../../../tests/helpers/smtp.ts';
import { createTestUser } from '../../../tests/factories.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { JobRunner } from '../../platform/jobs.ts';
import { renderMail } from '../../platform/mail-templates.ts';
import { endOfStockholmDay, stockholmTime } from '../../platform/time.ts';
import { findCountyBoard } from '../reference/index.ts';
import { eventsMail } from './mail.ts';
import { cancelEvent, createEvent, publishEvent, register, type EventsContext } from './service.ts';

// The confirmation mail through a real SMTP server, on a database of its own (privateDatabase says why).
let smtp: TestSmtp;
let world: MailWorld;
let ctx: EventsContext;
let runner: JobRunner;
let actor: UserActor;
let boardId: string;

beforeAll(async () => {
  world = await startMailWorld();
  ({ smtp, runner } = world);
  ctx = { db: world.db, config: world.config };
  actor = (await createTestUser(ctx.db, 'county_admin', { countyCode: '14' })).actor;
  boardId = (await findCountyBoard(ctx.db, '14'))!.id;
}, 120_000);

afterAll(async () => {
  await world?.close();
});

/** Seed 004's afternoon, moved to next year's 15 June (Swedish summer time), with its programme start. */
async function seed004Event(title: string) {
  const year = new Date().getUTCFullYear() + 1;
  const event = await createEvent(ctx, actor, '14', {
    title,
    summary: 'En eftermiddag med fokus på arbete med horisontella perspektiv.',
    startsAt: stockholmTime(`${year}-06-15`, 12, 30),
    endsAt: stockholmTime(`${year}-06-15`, 15, 45),
    placeKind: 'digital',
    meetingLink: 'https://meet.example/hemlig-motesrum',
    practicalInfo: 'Logga in tio minuter innan.',
    capacity: 1,
    registrationClosesAt: endOfStockholmDay(`${year}-06-10`),
    organisationIds: [boardId],
  });
  return publishEvent(ctx, actor, { countyCode: '14', eventId: event.id });
}

describe('the events mails', () => {
  it('exist in Swedish and English for every template', () => {
    for (const template of Object.values(eventsMail))
      expect(Object.keys(template).sort()).toEqual(['en', 'sv']);
    const vars = {
      name: 'Anna',
      eventTitle: 'Social hållbarhet',
      when: '15 juni 2027 klockan 12.30–15.45',
      manageUrl: 'https://samverkan.test/anmalan/x',
      place: 'Digitalt möte.',
      eventUrl: 'https://samverkan.test/vastra-gotaland/kalender/social-hallbarhet',
    };
    const sv = renderMail('events.registration-confirmed', 'sv', vars);
    expect(sv.subject).toBe('Bekräftelse på din anmälan – Social hållbarhet');
    expect(sv.text).toContain('Du är anmäld till Social hållbarhet, 15 juni 2027 klockan 12.30–15.45.');
    expect(sv.text).toContain(vars.manageUrl);
    expect(renderMail('events.registration-confirmed', 'en', vars).subject).toBe(
      'Your registration is confirmed – Social hållbarhet',
    );
  });

  it('the confirmation arrives once, with the event as a parsable .ics in Swedish time and the personal link', async () => {
    const title = `Social hållbarhet: från perspektivträngsel till perspektivgemenskap ${Date.now()}`;
    const event = await seed004Event(title);
    const email = `anna.${Date.now()}@anmalan.example`;
    const made = await register(
      ctx,
      { countyCode: '14', eventId: event.id },
      {
        name: 'Anna Andersson',
        email,
        organisationName: 'Borås Stad',
        consent: true,
      },
    );
    expect(made.status).toBe('confirmed');
    await runner.runDue();
    await runner.runDue();
    const mail = await smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(email));
    // A second run sends nothing again: the job is done.
    expect(smtp.received.filter((m) => JSON.stringify(m.to).includes(email))).toHaveLength(1);

    expect(mail.subject).toBe(`Bekräftelse på din anmälan – ${title}`);
    expect(mail.text).toContain('Hej Anna Andersson!');
    expect(mail.text).toContain('klockan 12.30–15.45');
    expect(mail.text).toContain(`https://samverkan.test/anmalan/${made.token}`);
    expect(mail.text).not.toContain('hemlig-motesrum');

    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments[0]!;
    expect(ics.contentType).toBe('text/calendar');
    expect(ics.filename).toBe(`${event.slug}.ics`);
    const text = ics.content.toString('utf8');
    expect(text).not.toContain('hemlig-motesrum');
    const [vevent] = readCalendar(text).events;
    expect(vevent!.summary).toBe(title);
    expect(vevent!.uid).toBe(`event-${event.id}@samverkan.test`);
    expect(vevent!.location).toBe('Digitalt möte');
    expect(vevent!.startDate.toString()).toBe(`${new Date().getUTCFullYear() + 1}-06-15T12:30:00`);
    expect(vevent!.startDate.toJSDate().getTime()).toBe(event.startsAt.getTime());
    expect(vevent!.endDate.toJSDate().getTime()).toBe(event.endsAt.getTime());
    expect(vevent!.component.getFirstPropertyValue('url')).toBe(
      `https://samverkan.test/vastra-gotaland/kalender/${event.slug}`,
    );
  });

  it('the waiting list and a cancelled event are told by mail, each registrant once', async () => {
    const event = await seed004Event(`Inställt ${Date.now()}`);
    const ref = { countyCode: '14', eventId: event.id };
    const stamp = Date.now();
    const first = `forst.${stamp}@anmalan.example`;
    const second = `andra.${stamp}@anmalan.example`;
    await register(ctx, ref, {
      name: 'Först',
      email: first,
      organisationName: 'Kungälvs kommun',
      consent: true,
    });
    const waiting = await register(ctx, ref, {
      name: 'Andra',
      email: second,
      organisationName: 'Trollhättans Stad',
      consent: true,
    });
    expect(waiting).toMatchObject({ status: 'waiting', position: 1 });
    await cancelEvent(ctx, actor, ref, 'Föreläsarna är sjuka.');
    await runner.runDue();
    const to = (email: string) => smtp.received.filter((m) => JSON.stringify(m.to).includes(email));
    await smtp.waitFor((m) => JSON.stringify(m.to).includes(second) && m.subject!.startsWith('Inställt'));
    expect(to(second).map((m) => m.subject)).toEqual([
      `Du står på väntelistan – ${event.title}`,
      `Inställt: ${event.title}`,
    ]);
    const cancelled = to(first).find((m) => m.subject!.startsWith('Inställt'))!;
    expect(cancelled.text).toContain('Föreläsarna är sjuka.');
    const [vevent] = readCalendar(cancelled.attachments[0]!.content.toString('utf8')).events;
    expect(vevent!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
