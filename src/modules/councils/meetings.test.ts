import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { readInvitation } from '../../../tests/helpers/ics.ts';
import { queryRows } from '../../db/client.ts';
import type { MailMessage } from '../../platform/mail.ts';
import { stockholmDate } from '../../platform/time.ts';
import { findCountyBoard } from '../reference/index.ts';
import { addAgendaItem, planMeeting, sendInvitations, type MeetingInput } from './meetings.ts';
import * as mrepo from './meetings-repository.ts';
import { addBody, addRepresentative, councilOverview, formCouncil } from './service.ts';
import { urls } from './urls.ts';

/**
 * Meetings of a council's bodies in Östergötland (05), where no other test file has councils: planning one by
 * the form, who sees it, its agenda, the invitation queued to the body's people and downloaded, attendance.
 */
describe('council meetings', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let groupMember: TestUser;
  let editor: TestUser;
  let otherAdmin: TestUser;
  let council: { id: string; slug: string };
  let councilBody: string;
  let group: string;
  const year = new Date().getUTCFullYear() + 1;
  const county = 'ostergotland';
  const as = async (user: TestUser) => {
    const c = new TestClient(t.app);
    await c.login(user.email, user.password);
    return c;
  };
  const meetingInput = (over: MeetingInput = {}): Record<string, string> => ({
    bodyId: councilBody,
    title: 'Rådsmöte',
    date: `${year}-03-15`,
    startTime: '13.00',
    endTime: '15.30',
    location: 'Länsstyrelsen, sal Roxen',
    onlineUrl: 'https://meet.example/rad-05',
    ...over,
  });

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    admin = await createTestUser(db, 'county_admin', { countyCode: '05' });
    member = await createTestUser(db, 'council_member', { countyCode: '05' });
    groupMember = await createTestUser(db, 'council_member', { countyCode: '05' });
    editor = await createTestUser(db, 'county_editor', { countyCode: '05' });
    otherAdmin = await createTestUser(db, 'county_admin', { countyCode: '03' });
    const board = (await findCountyBoard(db, '05'))!.id;
    const formed = await formCouncil(
      db,
      admin.actor,
      '05',
      { name: `Råd för social hållbarhet ${randomUUID().slice(0, 6)}`, formedOn: '2024-01-01' },
      { conveningOrganisationId: board },
    );
    council = formed;
    councilBody = (await councilOverview(db, '05', formed.id)).tree[0]!.id;
    group = (
      await addBody(db, admin.actor, '05', formed.id, {
        kind: 'working_group',
        name: 'Arbetsgrupp våld',
        reportsToId: councilBody,
      })
    ).id;
    await addRepresentative(db, admin.actor, '05', formed.id, councilBody, {
      organisationId: board,
      name: 'Rådsledamoten',
      email: member.email,
      role: 'chair',
    });
    await addRepresentative(db, admin.actor, '05', formed.id, councilBody, {
      organisationId: board,
      name: 'Ersättaren utan adress',
      role: 'deputy',
    });
    await addRepresentative(db, admin.actor, '05', formed.id, group, {
      organisationId: board,
      name: 'Gruppmedlemmen',
      email: groupMember.email,
      role: 'member',
    });
  });
  afterAll(() => t.close());

  const listUrl = () => urls.meetings(county, council.slug);
  const ref = (meetingId: string) => ({ countyCode: '05', councilId: council.id, meetingId });

  it('the admin plans a meeting by the form; bad input comes back beside its fields with the input kept', async () => {
    const c = await as(admin);
    const bad = await c.submit(
      listUrl(),
      { ...meetingInput(), title: '', date: `${year}-02-30`, endTime: '12.00' },
      listUrl(),
    );
    expect(bad.status).toBe(400);
    expect(bad.doc.querySelector('#title-error')?.text).toContain('Ange vad mötet heter');
    expect(bad.doc.querySelector('#date-error')).not.toBeNull();
    expect(bad.doc.querySelector('#location')?.getAttribute('value')).toBe('Länsstyrelsen, sal Roxen');

    const noPlace = await c.submit(listUrl(), { ...meetingInput(), location: '', onlineUrl: '' }, listUrl());
    expect(noPlace.status).toBe(400);
    expect(noPlace.doc.querySelector('#location-error')?.text).toContain('Ange var mötet hålls');
    const backwards = await c.submit(listUrl(), { ...meetingInput(), endTime: '12.00' }, listUrl());
    expect(backwards.doc.querySelector('#endTime-error')?.text).toContain('sluta efter');

    const made = await c.submit(listUrl(), meetingInput({ title: 'Vårens rådsmöte' }), listUrl());
    expect(made.status).toBe(303);
    const page = await c.follow(made);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('h1')?.text).toBe('Vårens rådsmöte');
    expect(page.body).toContain(`15 mars ${year} klockan 13.00–15.30`);
    expect(page.body).toContain('Mötet ”Vårens rådsmöte” är planerat.');
  });

  it('the body’s people and the admin see a meeting; a member of another body, an editor and another county do not', async () => {
    const db = t.database.db;
    const ofCouncil = await planMeeting(
      t.app.deps,
      admin.actor,
      '05',
      council.id,
      meetingInput({ title: 'Rådets möte' }),
    );
    const ofGroup = await planMeeting(
      t.app.deps,
      admin.actor,
      '05',
      council.id,
      meetingInput({ bodyId: group, title: 'Gruppens möte' }),
    );
    const m = await as(member);
    const list = await m.get(listUrl());
    expect(list.status).toBe(200);
    expect(list.body).toContain('Rådets möte');
    expect(list.body).not.toContain('Gruppens möte');
    // A member plans nothing: no form.
    expect(list.doc.querySelector(`form[action="${listUrl()}"]`)).toBeNull();
    expect((await m.get(urls.meeting(county, council.slug, ofCouncil.id))).status).toBe(200);
    expect((await m.get(urls.meeting(county, council.slug, ofGroup.id))).status).toBe(404);
    const g = await as(groupMember);
    expect((await g.get(urls.meeting(county, council.slug, ofGroup.id))).status).toBe(200);
    expect((await g.get(urls.meeting(county, council.slug, ofCouncil.id))).status).toBe(404);
    expect((await g.get(urls.meetingIcs(county, council.slug, ofCouncil.id))).status).toBe(404);
    expect((await (await as(editor)).get(listUrl())).status).toBe(404);
    const other = await as(otherAdmin);
    expect((await other.get(urls.meeting(county, council.slug, ofCouncil.id))).status).toBe(404);
    // Its id under another council's address is no meeting either.
    expect(await mrepo.findMeeting(db, randomUUID(), ofCouncil.id)).toBeUndefined();
    // A member posting to the admin's forms: as if nothing were there.
    const post = await m.post(`${urls.meeting(county, council.slug, ofCouncil.id)}/stall-in`, {
      _csrf: await m.csrfToken(),
    });
    expect(post.status).toBe(404);
  });

  it('the agenda: items added in order, moved up and down, with notes', async () => {
    const meeting = await planMeeting(
      t.app.deps,
      admin.actor,
      '05',
      council.id,
      meetingInput({ title: 'Dagordningsmötet' }),
    );
    const c = await as(admin);
    const url = urls.meeting(county, council.slug, meeting.id);
    for (const title of ['Mötets öppnande', 'Lägesbild', 'Övriga frågor'])
      expect((await c.submit(url, { itemTitle: title }, `${url}/dagordning`)).status).toBe(303);
    const empty = await c.submit(url, { itemTitle: ' ' }, `${url}/dagordning`);
    expect(empty.status).toBe(400);
    expect(empty.doc.querySelector('#itemTitle-error')?.text).toContain('Ange punktens rubrik');
    const [, lagesbild] = await mrepo.listAgenda(t.database.db, meeting.id);
    expect(
      (await c.post(`${url}/dagordning/${lagesbild!.id}`, { _csrf: await c.csrfToken(), move: 'up' })).status,
    ).toBe(303);
    expect((await mrepo.listAgenda(t.database.db, meeting.id)).map((i) => i.title)).toEqual([
      'Lägesbild',
      'Mötets öppnande',
      'Övriga frågor',
    ]);
    await c.post(`${url}/dagordning/${lagesbild!.id}`, { _csrf: await c.csrfToken(), move: 'down' });
    await c.post(`${url}/dagordning/${lagesbild!.id}`, {
      _csrf: await c.csrfToken(),
      save: 'notes',
      [`notes-${lagesbild!.id}`]: 'Regionen **presenterade** lägesbilden.',
    });
    const page = await c.get(url);
    expect(page.doc.querySelectorAll('#agenda ~ ol > li h3').map((h) => h.text)).toEqual([
      'Mötets öppnande',
      'Lägesbild',
      'Övriga frågor',
    ]);
    expect(page.body).toContain('<strong>presenterade</strong>');
  });

  it('attendance and minutes wait for the start (409 with the reason); then they are kept, the log without names', async () => {
    const db = t.database.db;
    const future = await planMeeting(
      t.app.deps,
      admin.actor,
      '05',
      council.id,
      meetingInput({ title: 'Framtida mötet' }),
    );
    const c = await as(admin);
    const futureUrl = urls.meeting(county, council.slug, future.id);
    const early = await c.post(`${futureUrl}/protokoll`, {
      _csrf: await c.csrfToken(),
      minutes: 'För tidigt',
    });
    expect(early.status).toBe(409);
    expect(early.doc.querySelector('.govuk-error-summary')?.text).toContain('Mötet har inte börjat än.');
    expect(early.doc.querySelector('#minutes')).toBeNull();

    const today = stockholmDate(new Date());
    const started = await planMeeting(t.app.deps, admin.actor, '05', council.id, {
      ...meetingInput({ title: 'Pågående mötet', date: today, startTime: '00.00', endTime: '23.59' }),
    });
    const url = urls.meeting(county, council.slug, started.id);
    const people = (await councilOverview(db, '05', council.id)).tree[0]!.people;
    const chair = people.find((p) => p.role === 'chair')!;
    const deputy = people.find((p) => p.role === 'deputy')!;
    const page = await c.get(url);
    expect(page.doc.querySelector(`input[name="attendance-${chair.id}"][value="present"]`)).not.toBeNull();
    expect(
      (
        await c.submit(
          url,
          { [`attendance-${chair.id}`]: 'present', [`attendance-${deputy.id}`]: 'excused' },
          `${url}/narvaro`,
        )
      ).status,
    ).toBe(303);
    expect(
      (await mrepo.listAttendance(db, started.id)).map((a) => [a.representativeId, a.status]).sort(),
    ).toEqual(
      [
        [chair.id, 'present'],
        [deputy.id, 'excused'],
      ].sort(),
    );
    // Someone of another body is not on this meeting's list.
    const stranger = (await councilOverview(db, '05', council.id)).tree[0]!.children[0]!.people[0]!;
    expect(
      (
        await c.post(`${url}/narvaro`, {
          _csrf: await c.csrfToken(),
          [`attendance-${stranger.id}`]: 'present',
        })
      ).status,
    ).toBe(404);
    expect(
      (await c.submit(url, { minutes: '## Protokoll\n\nMötet öppnades.' }, `${url}/protokoll`)).status,
    ).toBe(303);
    expect((await c.submit(url, {}, `${url}/hallet`)).status).toBe(303);
    const held = await c.get(url);
    expect(held.body).toContain('Hållet');
    expect(held.body).toContain('Mötet öppnades.');
    // Held: it no longer changes (409), though its minutes still may.
    const late = await c.post(url, { _csrf: await c.csrfToken(), ...meetingInput() });
    expect(late.status).toBe(409);
    expect(late.doc.querySelector('.govuk-error-summary')?.text).toContain('Mötet är redan hållet.');

    const [audit] = await queryRows<{ after: Record<string, unknown> }>(
      db,
      sql`select after from audit_log where entity_id = ${council.id} and action = 'council.attendance_recorded'`,
    );
    expect(audit?.after).toEqual({ meeting: 'Pågående mötet', present: 1, absent: 0, excused: 1 });
    expect(JSON.stringify(audit?.after)).not.toContain('Rådsledamoten');
  });

  it('the invitation: one mail per person of the body with an address, an iCalendar REQUEST whose SEQUENCE rises; the cancellation a CANCEL', async () => {
    const db = t.database.db;
    const meeting = await planMeeting(
      t.app.deps,
      admin.actor,
      '05',
      council.id,
      meetingInput({ title: `Kallelsemötet ${randomUUID().slice(0, 4)}` }),
    );
    await addAgendaItem(t.app.deps, admin.actor, ref(meeting.id), 'Samverkansplanen');
    const c = await as(admin);
    const url = urls.meeting(county, council.slug, meeting.id);
    const sent = await c.submit(url, {}, `${url}/kallelse`);
    expect(sent.status).toBe(303);
    expect((await c.follow(sent)).body).toContain('Kallelsen skickas till en person.');

    const mailsTo = async (subjectPart: string) =>
      (
        await queryRows<{ payload: MailMessage }>(
          db,
          sql`select payload from jobs where kind = 'mail.send' and payload->>'subject' like ${`%${subjectPart}%`} order by id`,
        )
      ).map((r) => r.payload);
    let mails = await mailsTo(meeting.title);
    expect(mails.map((m) => m.to)).toEqual([member.email]);
    expect(mails[0]!.subject).toBe(
      `Kallelse: ${meeting.title} – ${(await councilOverview(db, '05', council.id)).tree[0]!.name}`,
    );
    expect(mails[0]!.text).toContain('1. Samverkansplanen');
    expect(mails[0]!.text).toContain('Digitalt: https://meet.example/rad-05');
    const first = readInvitation(mails[0]!.attachments![0]!.content);
    expect(first.method).toBe('REQUEST');
    expect(first.event.uid).toBe(`council-meeting-${meeting.id}@samverkan.test`);
    expect(first.event.sequence).toBe(0);
    expect(first.event.startDate.toString()).toBe(`${year}-03-15T13:00:00`);
    expect(first.event.startDate.toJSDate().getTime()).toBe(meeting.startsAt.getTime());
    expect(first.event.description).toContain('1. Samverkansplanen');
    expect(first.vevent.getFirstPropertyValue('attendee')).toBe(`mailto:${member.email}`);

    // A change after the invitation goes out as an update (same UID, SEQUENCE 1).
    await c.submit(
      url,
      { ...meetingInput({ title: meeting.title }), startTime: '14.00', endTime: '16.00' },
      url,
    );
    mails = await mailsTo(meeting.title);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toContain('Ändrad kallelse');
    const update = readInvitation(mails[1]!.attachments![0]!.content);
    expect(update.event.uid).toBe(first.event.uid);
    expect(update.event.sequence).toBe(1);
    expect(update.event.startDate.toString()).toBe(`${year}-03-15T14:00:00`);

    const ics = await (await as(member)).get(urls.meetingIcs(county, council.slug, meeting.id));
    expect(ics.status).toBe(200);
    expect(String(ics.headers['content-type'])).toContain('text/calendar');
    expect(readInvitation(ics.body).event.sequence).toBe(1);

    await c.submit(url, {}, `${url}/stall-in`);
    mails = await mailsTo(meeting.title);
    expect(mails[2]!.subject).toBe(
      `Inställt: ${meeting.title} – ${(await councilOverview(db, '05', council.id)).tree[0]!.name}`,
    );
    const cancel = readInvitation(mails[2]!.attachments![0]!.content);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.event.sequence).toBe(2);
    expect(cancel.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    // Cancelled: no more invitations (409 with the reason).
    await expect(sendInvitations(t.app.deps, admin.actor, ref(meeting.id))).rejects.toThrow(
      'Mötet är inställt.',
    );
  });

  it('a body where nobody has an address: the invitation is refused with the reason', async () => {
    const lonely = await addBody(t.database.db, admin.actor, '05', council.id, {
      kind: 'network',
      name: `Nätverket ${randomUUID().slice(0, 4)}`,
      reportsToId: councilBody,
    });
    const meeting = await planMeeting(
      t.app.deps,
      admin.actor,
      '05',
      council.id,
      meetingInput({ bodyId: lonely.id }),
    );
    const c = await as(admin);
    const url = urls.meeting(county, council.slug, meeting.id);
    const refused = await c.submit(url, {}, `${url}/kallelse`);
    expect(refused.status).toBe(409);
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain(
      'Ingen i gruppen har en e-postadress',
    );
    expect((await mrepo.findMeeting(t.database.db, council.id, meeting.id))?.invitationsSentAt).toBeNull();
  });
});
