import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { readInvitation } from '../../../tests/helpers/ics.ts';
import { startMailWorld, type MailWorld, type TestSmtp } from '../../../tests/helpers/smtp.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { JobRunner } from '../../platform/jobs.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { findCountyBoard } from '../reference/index.ts';
import { addAgendaItem, planMeeting, sendInvitations } from './meetings.ts';
import { addRepresentative, councilOverview, formCouncil } from './service.ts';
import * as repo from './repository.ts';

// The invitation through a real SMTP server, on a database of its own (the runner sends every due job).
let smtp: TestSmtp;
let world: MailWorld;
let ctx: ModuleContext;
let runner: JobRunner;
let admin: UserActor;

beforeAll(async () => {
  world = await startMailWorld();
  ({ smtp, runner } = world);
  ctx = { db: world.db, config: world.config };
  admin = (await createTestUser(ctx.db, 'county_admin', { countyCode: '03' })).actor;
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('the invitation to a meeting', () => {
  it('reaches every person of the body with an address once, with the agenda and a parsable REQUEST', async () => {
    const board = (await findCountyBoard(ctx.db, '03'))!.id;
    const council = await formCouncil(
      ctx.db,
      admin,
      '03',
      {
        name: 'Råd för social hållbarhet',
        formedOn: '2024-01-01',
        secretariatEmail: 'kansli@lansstyrelsen.example',
      },
      { conveningOrganisationId: board },
    );
    const body = (await councilOverview(ctx.db, '03', council.id)).tree[0]!;
    const people = ['ordforande@region.example', 'ledamot@kommun.example'];
    for (const [i, email] of people.entries())
      await addRepresentative(ctx.db, admin, '03', council.id, body.id, {
        organisationId: board,
        name: `Person ${i}`,
        email,
        role: 'member',
      });
    // The form refuses an address twice in a body; a row from before that rule may still have one.
    await repo.insertRepresentative(ctx.db, {
      bodyId: body.id,
      organisationId: board,
      name: 'Person 2',
      email: 'LEDAMOT@kommun.example',
      role: 'member',
    });
    const year = new Date().getUTCFullYear() + 1;
    const meeting = await planMeeting(ctx, admin, '03', council.id, {
      bodyId: body.id,
      title: 'Rådsmöte om lägesbilden',
      date: `${year}-06-15`,
      startTime: '09.30',
      endTime: '12.00',
      location: 'Länsstyrelsen, Hamnesplanaden 3',
    });
    const ref = { countyCode: '03', councilId: council.id, meetingId: meeting.id };
    await addAgendaItem(ctx, admin, ref, 'Lägesbild våld i nära relationer');
    await addAgendaItem(ctx, admin, ref, 'Samverkansplan 2026');
    // The same address in two cases is one person's: one mail.
    expect(await sendInvitations(ctx, admin, ref)).toBe(2);
    // Nothing leaves before the job runs (queued with the change, sent after it commits).
    expect(smtp.received).toHaveLength(0);
    await runner.runDue();
    await runner.runDue();
    for (const email of ['ordforande@region.example', 'ledamot@kommun.example'])
      await smtp.waitFor((m) => JSON.stringify(m.to).toLowerCase().includes(email));
    expect(smtp.received).toHaveLength(2);
    const mail = smtp.received.find((m) => JSON.stringify(m.to).includes('ordforande@region.example'))!;
    expect(mail.subject).toBe('Kallelse: Rådsmöte om lägesbilden – Råd för social hållbarhet');
    expect(mail.text).toContain(`Tid: 15 juni ${year} klockan 09.30–12.00`);
    expect(mail.text).toContain('1. Lägesbild våld i nära relationer\n2. Samverkansplan 2026');
    expect(mail.text).toContain(`https://samverkan.test/uppsala/rad/${council.slug}/moten/${meeting.id}`);
    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments[0]!;
    expect(ics.contentType).toBe('text/calendar');
    const { method, event, vevent } = readInvitation(ics.content.toString('utf8'));
    expect(method).toBe('REQUEST');
    expect(event.summary).toBe('Rådsmöte om lägesbilden – Råd för social hållbarhet');
    expect(event.uid).toBe(`council-meeting-${meeting.id}@samverkan.test`);
    expect(event.sequence).toBe(0);
    expect(event.location).toBe('Länsstyrelsen, Hamnesplanaden 3');
    expect(event.startDate.toString()).toBe(`${year}-06-15T09:30:00`);
    expect(event.endDate.toJSDate().getTime()).toBe(meeting.endsAt.getTime());
    expect(event.description).toContain('2. Samverkansplan 2026');
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:kansli@lansstyrelsen.example');
    expect(vevent.getFirstPropertyValue('attendee')).toBe('mailto:ordforande@region.example');
  });
});
