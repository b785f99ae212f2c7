import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import type { UserActor } from '../../platform/authz.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { enqueueTemplatedMail } from '../../platform/mail-templates.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import { readClock, stockholmTime } from '../../platform/time.ts';
import { dateProblem, fieldErrorsFrom, fields } from '../../platform/validation.ts';
import { ICS_CONTENT_TYPE, whenOfEvent, writeCalendar, type IcsEvent } from '../events/index.ts';
import { authorize, type MeetingResource } from './policy.ts';
import * as repo from './repository.ts';
import type { BodyRow, CouncilRow, RepresentativeRow } from './repository.ts';
import * as mrepo from './meetings-repository.ts';
import type { AgendaItemRow, MeetingRow } from './meetings-repository.ts';
import { auditCouncil, lockCouncilFor, lockCountyCouncil } from './service.ts';
import { attendanceStatuses, type AttendanceStatus } from './tables.ts';
import { urls } from './urls.ts';
// The templates this file sends, registered wherever it is loaded (a worker, a test).
import './meeting-mail.ts';

/**
 * Meetings of a council's bodies: planned by the county's admin (time in Swedish time, a place and/or an
 * online link), its agenda, the invitation (kallelse) to the body's people as an iCalendar invitation with
 * the agenda and the papers, attendance and minutes once it has started, held or cancelled. Every change
 * locks the council and asks the meeting's rule (lifecycle.ts through policy.ts) under the lock; every
 * change is in the audit log (without the names of people).
 */

export const MEETING_LIMITS = {
  title: 200,
  location: 300,
  onlineUrl: 500,
  agendaTitle: 300,
  notes: 20_000,
  minutes: 100_000,
};

/** What the meeting form posts. */
export interface MeetingInput {
  bodyId?: string;
  title?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  location?: string;
  onlineUrl?: string;
}

const textsSchema = z.object({
  bodyId: z
    .string({ error: 'Välj vilken grupp mötet är för' })
    .trim()
    .min(1, 'Välj vilken grupp mötet är för'),
  title: fields.requiredText('Ange vad mötet heter', MEETING_LIMITS.title, 'Rubriken'),
  location: fields.optionalText(MEETING_LIMITS.location, 'Platsen'),
  onlineUrl: fields
    .optionalText(MEETING_LIMITS.onlineUrl, 'Länken')
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), {
      message: 'Ange länken som en webbadress som börjar med https://',
    }),
});

/** The meeting form read whole: every field's message at once, or the meeting's values. */
export function readMeetingInput(posted: MeetingInput) {
  // A posted list where one value belongs (a hostile form) counts by its first value.
  const raw = Object.fromEntries(
    Object.entries(posted as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '',
    ]),
  ) as Required<MeetingInput>;
  const errors: FieldErrors = {};
  const texts = textsSchema.safeParse(raw);
  if (!texts.success) Object.assign(errors, fieldErrorsFrom(texts.error));
  const date = (raw.date ?? '').trim();
  const dateMessage = dateProblem(date, { a: 'datum för mötet', the: 'mötets datum' });
  if (dateMessage) errors.date = dateMessage;
  const start = readClock(raw.startTime ?? '', 'starttiden');
  if (typeof start === 'string') errors.startTime = start;
  const end = readClock(raw.endTime ?? '', 'sluttiden');
  if (typeof end === 'string') errors.endTime = end;
  if (texts.success && !texts.data.location && !texts.data.onlineUrl)
    errors.location = 'Ange var mötet hålls, en länk till det digitala mötet eller båda';
  if (
    Object.keys(errors).length > 0 ||
    !texts.success ||
    typeof start === 'string' ||
    typeof end === 'string'
  )
    throw new ValidationError(errors);
  const startsAt = stockholmTime(date, start.h, start.m);
  const endsAt = stockholmTime(date, end.h, end.m);
  if (endsAt <= startsAt) throw new ValidationError({ endTime: 'Mötet måste sluta efter att det börjar' });
  return {
    bodyId: texts.data.bodyId,
    title: texts.data.title,
    location: texts.data.location,
    onlineUrl: texts.data.onlineUrl || null,
    startsAt,
    endsAt,
  };
}

export const meetingResourceOf = (council: CouncilRow, meeting: MeetingRow): MeetingResource => ({
  countyCode: council.countyCode,
  council: { id: council.id, countyCode: council.countyCode, status: council.status },
  meeting: { status: meeting.status, startsAt: meeting.startsAt, endsAt: meeting.endsAt },
});

type MeetingRule = 'meeting.edit' | 'meeting.invite' | 'meeting.agenda' | 'meeting.record' | 'meeting.hold';

/** Locks the council (the county's: else 404), finds its meeting (else 404) and asks the rule under the lock. */
async function lockMeetingFor(
  tx: Executor,
  actor: UserActor,
  rule: MeetingRule,
  ref: MeetingRef,
  now = new Date(),
): Promise<{ council: CouncilRow; meeting: MeetingRow; body: BodyRow }> {
  const council = await lockCountyCouncil(tx, ref.countyCode, ref.councilId);
  const meeting = await mrepo.findMeeting(tx, council.id, ref.meetingId);
  if (!meeting) throw new NotFoundError();
  authorize(actor, rule, meetingResourceOf(council, meeting), now);
  const body = (await repo.listBodies(tx, council.id)).find((b) => b.id === meeting.bodyId)!;
  return { council, meeting, body };
}

export interface MeetingRef {
  countyCode: string;
  councilId: string;
  meetingId: string;
}

async function bodyOf(tx: Executor, councilId: string, bodyId: string): Promise<BodyRow> {
  const body = (await repo.listBodies(tx, councilId)).find((b) => b.id === bodyId);
  if (!body) throw new ValidationError({ bodyId: 'Välj en av rådets grupper' });
  return body;
}

const timesOf = (m: Pick<MeetingRow, 'startsAt' | 'endsAt'>) => ({
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
});

/** Plans a meeting of one of an active council's bodies. */
export async function planMeeting(
  ctx: ModuleContext,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  raw: MeetingInput,
): Promise<MeetingRow> {
  const input = readMeetingInput(raw);
  return ctx.db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const body = await bodyOf(tx, council.id, input.bodyId);
    const meeting = await mrepo.insertMeeting(tx, { councilId: council.id, ...input });
    await auditCouncil(tx, actor, council, {
      action: 'council.meeting_planned',
      after: { meeting: meeting.title, body: body.name, ...timesOf(meeting) },
    });
    return meeting;
  });
}

/**
 * Changes a planned meeting. When the invitation has gone out, the change goes out too: the body's people get
 * the updated invitation (the same UID, a higher SEQUENCE), so their calendars move the meeting.
 */
export async function editMeeting(
  ctx: ModuleContext,
  actor: UserActor,
  ref: MeetingRef,
  raw: MeetingInput,
): Promise<MeetingRow> {
  const input = readMeetingInput(raw);
  return ctx.db.transaction(async (tx) => {
    const { council, meeting: before } = await lockMeetingFor(tx, actor, 'meeting.edit', ref);
    const body = await bodyOf(tx, council.id, input.bodyId);
    const sent = before.invitationsSentAt !== null;
    const meeting = await mrepo.updateMeeting(tx, before.id, {
      ...input,
      ...(sent ? { sequence: before.sequence + 1, invitationsSentAt: new Date() } : {}),
    });
    const told = sent ? await sendToBody(ctx, tx, council, body, meeting, 'REQUEST', true) : 0;
    await auditCouncil(tx, actor, council, {
      action: 'council.meeting_edited',
      before: { meeting: before.title, ...timesOf(before), location: before.location },
      after: {
        meeting: meeting.title,
        body: body.name,
        ...timesOf(meeting),
        location: meeting.location,
        recipients: told,
      },
    });
    return meeting;
  });
}

/** Cancels a planned meeting; if invited, the body's people get the cancellation (METHOD:CANCEL). */
export async function cancelMeeting(ctx: ModuleContext, actor: UserActor, ref: MeetingRef): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const { council, meeting: before, body } = await lockMeetingFor(tx, actor, 'meeting.edit', ref);
    const sent = before.invitationsSentAt !== null;
    const meeting = await mrepo.updateMeeting(tx, before.id, {
      status: 'cancelled',
      ...(sent ? { sequence: before.sequence + 1 } : {}),
    });
    const told = sent ? await sendToBody(ctx, tx, council, body, meeting, 'CANCEL', true) : 0;
    await auditCouncil(tx, actor, council, {
      action: 'council.meeting_cancelled',
      before: { meetingStatus: before.status },
      after: { meeting: meeting.title, meetingStatus: meeting.status, recipients: told },
    });
    return told;
  });
}

/**
 * "Skicka kallelse": every person of the body with an e-mail address gets the invitation, the agenda and the
 * papers, as mail with an iCalendar invitation (queued with the change: sent after it commits). Sent again, it
 * is an update with a higher SEQUENCE. A body with nobody to send to is a conflict, with the reason.
 */
export async function sendInvitations(
  ctx: ModuleContext,
  actor: UserActor,
  ref: MeetingRef,
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const { council, meeting: before, body } = await lockMeetingFor(tx, actor, 'meeting.invite', ref);
    const again = before.invitationsSentAt !== null;
    const meeting = await mrepo.updateMeeting(tx, before.id, {
      invitationsSentAt: new Date(),
      sequence: again ? before.sequence + 1 : before.sequence,
    });
    const told = await sendToBody(ctx, tx, council, body, meeting, 'REQUEST', again);
    if (told === 0)
      throw new ConflictError(
        'Ingen i gruppen har en e-postadress. Lägg till adresser till gruppens personer först.',
      );
    await auditCouncil(tx, actor, council, {
      action: 'council.meeting_invited',
      after: { meeting: meeting.title, body: body.name, recipients: told, sequence: meeting.sequence },
    });
    return told;
  });
}

/** The body's people with an address, each address once. */
function recipientsOf(people: RepresentativeRow[]): string[] {
  const seen = new Map<string, string>();
  for (const p of people) if (p.email) seen.set(p.email.toLowerCase(), p.email);
  return [...seen.values()];
}

const absolute = (ctx: ModuleContext, path: string) => `${ctx.config.publicUrl}${path}`;

/** The address an invitation comes from: the council's secretariat, else the installation's sender. */
function organizerOf(ctx: ModuleContext, council: CouncilRow) {
  const from = /<([^>]+)>/.exec(ctx.config.mailFrom)?.[1] ?? ctx.config.mailFrom;
  return { name: council.name, email: council.secretariatEmail || from };
}

/** Everything an invitation says about a meeting: its place, agenda and papers as text, and its addresses. */
async function invitationOf(ctx: ModuleContext, db: Executor, council: CouncilRow, meeting: MeetingRow) {
  const county = findCountyByCode(council.countyCode)!.slug;
  const [agenda, papers] = await Promise.all([
    mrepo.listAgenda(db, meeting.id),
    mrepo.listMeetingPapers(db, meeting.id),
  ]);
  const meetingUrl = absolute(ctx, urls.meeting(county, council.slug, meeting.id));
  return {
    meetingUrl,
    place: placeLines(meeting),
    agenda: agendaText(agenda),
    papers: papers
      .map((p) => `- ${p.title}: ${absolute(ctx, urls.document(county, council.slug, p.id))}`)
      .join('\n'),
  };
}

/** "Plats: Stadshuset, sal 3" and "Digitalt: https://…", as the meeting has them. */
export function placeLines(m: Pick<MeetingRow, 'location' | 'onlineUrl'>): string {
  return [m.location ? `Plats: ${m.location}` : '', m.onlineUrl ? `Digitalt: ${m.onlineUrl}` : '']
    .filter(Boolean)
    .join('\n');
}

const agendaText = (items: AgendaItemRow[]): string =>
  items.map((item, i) => `${i + 1}. ${item.title}`).join('\n');

/**
 * The meeting as an iCalendar entry: the UID stable per meeting (calendars replace, never duplicate), the
 * SEQUENCE the meeting's, the agenda, the papers and the links in the description. The file goes only to the
 * body's people (by mail or from the work room), so the online link may be in it.
 */
export async function meetingCalendarEntry(
  ctx: ModuleContext,
  db: Executor,
  council: CouncilRow,
  body: Pick<BodyRow, 'name'>,
  meeting: MeetingRow,
): Promise<IcsEvent> {
  const text = await invitationOf(ctx, db, council, meeting);
  return {
    uid: `council-meeting-${meeting.id}@${new URL(ctx.config.publicUrl).host}`,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: `${meeting.title} – ${body.name}`,
    description: [
      `${body.name}, ${council.name}`,
      text.place,
      text.agenda ? `Dagordning:\n${text.agenda}` : '',
      text.papers ? `Handlingar:\n${text.papers}` : '',
      text.meetingUrl,
    ]
      .filter(Boolean)
      .join('\n\n'),
    location: meeting.location || (meeting.onlineUrl ? `Digitalt möte: ${meeting.onlineUrl}` : undefined),
    url: text.meetingUrl,
    cancelled: meeting.status === 'cancelled',
    sequence: meeting.sequence,
    lastModified: meeting.updatedAt,
    organizer: organizerOf(ctx, council),
  };
}

/** The meeting's calendar file (`kallelse.ics`): an invitation, or its cancellation. */
export async function meetingCalendarFile(
  ctx: ModuleContext,
  council: CouncilRow,
  body: Pick<BodyRow, 'name'>,
  meeting: MeetingRow,
  opts: { attendees?: string[]; now?: Date } = {},
): Promise<string> {
  const entry = await meetingCalendarEntry(ctx, ctx.db, council, body, meeting);
  return writeCalendar({
    method: meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    events: [{ ...entry, attendees: opts.attendees }],
    now: opts.now,
  });
}

/** Queues the invitation (or its cancellation) to each person of the body with an address; how many. */
async function sendToBody(
  ctx: ModuleContext,
  tx: Executor,
  council: CouncilRow,
  body: BodyRow,
  meeting: MeetingRow,
  method: 'REQUEST' | 'CANCEL',
  updated: boolean,
): Promise<number> {
  const to = recipientsOf(await repo.listRepresentatives(tx, [body.id]));
  if (to.length === 0) return 0;
  const entry = await meetingCalendarEntry(ctx, tx, council, body, meeting);
  const text = await invitationOf(ctx, tx, council, meeting);
  const common = {
    councilName: council.name,
    bodyName: body.name,
    meetingTitle: meeting.title,
    when: whenOfEvent(meeting.startsAt, meeting.endsAt),
    place: text.place,
    meetingUrl: text.meetingUrl,
  };
  for (const email of to) {
    const attachments = [
      {
        filename: 'kallelse.ics',
        contentType: `${ICS_CONTENT_TYPE}; method=${method}`,
        content: writeCalendar({ method, events: [{ ...entry, attendees: [email] }] }),
      },
    ];
    if (method === 'CANCEL')
      await enqueueTemplatedMail(tx, {
        to: email,
        template: 'councils.meeting-cancelled',
        locale: 'sv',
        vars: common,
        attachments,
      });
    else
      await enqueueTemplatedMail(tx, {
        to: email,
        template: 'councils.meeting-invitation',
        locale: 'sv',
        vars: { ...common, updated, agenda: text.agenda, papers: text.papers },
        attachments,
      });
  }
  return to.length;
}

/** Marks a planned meeting that has started as held. */
export async function markMeetingHeld(
  ctx: ModuleContext,
  actor: UserActor,
  ref: MeetingRef,
): Promise<MeetingRow> {
  return ctx.db.transaction(async (tx) => {
    const { council, meeting: before } = await lockMeetingFor(tx, actor, 'meeting.hold', ref);
    const meeting = await mrepo.updateMeeting(tx, before.id, { status: 'held' });
    await auditCouncil(tx, actor, council, {
      action: 'council.meeting_held',
      before: { meetingStatus: before.status },
      after: { meeting: meeting.title, meetingStatus: meeting.status },
    });
    return meeting;
  });
}

/** Adds an item at the end of the agenda. */
export async function addAgendaItem(
  ctx: ModuleContext,
  actor: UserActor,
  ref: MeetingRef,
  rawTitle: string,
): Promise<AgendaItemRow> {
  const parsed = fields
    .requiredText('Ange punktens rubrik', MEETING_LIMITS.agendaTitle, 'Rubriken')
    .safeParse(rawTitle);
  if (!parsed.success) throw new ValidationError({ itemTitle: parsed.error.issues[0]!.message });
  return ctx.db.transaction(async (tx) => {
    const { council, meeting } = await lockMeetingFor(tx, actor, 'meeting.agenda', ref);
    const item = await mrepo.insertAgendaItem(tx, meeting.id, parsed.data);
    await auditCouncil(tx, actor, council, {
      action: 'council.agenda_item_added',
      after: { meeting: meeting.title, agendaItem: item.title },
    });
    return item;
  });
}

/** Moves an item one place up or down the agenda (at the top or bottom already: nothing changes). */
export async function moveAgendaItem(
  ctx: ModuleContext,
  actor: UserActor,
  ref: MeetingRef,
  itemId: string,
  direction: 'up' | 'down',
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { council, meeting } = await lockMeetingFor(tx, actor, 'meeting.agenda', ref);
    const items = await mrepo.listAgenda(tx, meeting.id);
    const at = items.findIndex((i) => i.id === itemId);
    if (at < 0) throw new NotFoundError();
    const other = items[direction === 'up' ? at - 1 : at + 1];
    if (!other) return;
    await mrepo.swapAgendaItems(tx, items[at]!, other);
    await auditCouncil(tx, actor, council, {
      action: 'council.agenda_item_moved',
      after: { meeting: meeting.title, agendaItem: items[at]!.title, position: other.position },
    });
  });
}

/** Notes under an agenda item (Markdown): what was said or decided. */
export async function saveAgendaNotes(
  ctx: ModuleContext,
  actor: UserActor,
  ref: MeetingRef,
  itemId: string,
  rawNotes: string,
): Promise<void> {
  const parsed = fields.optionalText(MEETING_LIMITS.notes, 'Anteckningarna').safeParse(rawNotes);
  if (!parsed.success) throw new ValidationError({ [`notes-${itemId}`]: parsed.error.issues[0]!.message });
  await ctx.db.transaction(async (tx) => {
    const { council, meeting } = await lockMeetingFor(tx, actor, 'meeting.agenda', ref);
    const item = (await mrepo.listAgenda(tx, meeting.id)).find((i) => i.id === itemId);
    if (!item) throw new NotFoundError();
    await mrepo.updateAgendaItem(tx, item.id, { notes: parsed.data });
    await auditCouncil(tx, actor, council, {
      action: 'council.agenda_item_edited',
      after: { meeting: meeting.title, agendaItem: item.title },
    });
  });
}

/** The minutes (Markdown), once the meeting has started. */
export async function saveMinutes(
  ctx: ModuleContext,
  actor: UserActor,
  ref: MeetingRef,
  rawMinutes: string,
): Promise<void> {
  const parsed = fields.optionalText(MEETING_LIMITS.minutes, 'Protokollet').safeParse(rawMinutes);
  if (!parsed.success) throw new ValidationError({ minutes: parsed.error.issues[0]!.message });
  await ctx.db.transaction(async (tx) => {
    const { council, meeting } = await lockMeetingFor(tx, actor, 'meeting.record', ref);
    await mrepo.updateMeeting(tx, meeting.id, { minutes: parsed.data });
    await auditCouncil(tx, actor, council, {
      action: 'council.minutes_saved',
      after: { meeting: meeting.title },
    });
  });
}

/**
 * Records who of the body's people came, once the meeting has started: `statuses` by person (present,
 * absent, excused). A person not of the body is refused; the audit log keeps the counts, not the names.
 */
export async function recordAttendance(
  ctx: ModuleContext,
  actor: UserActor,
  ref: MeetingRef,
  statuses: Record<string, string>,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { council, meeting, body } = await lockMeetingFor(tx, actor, 'meeting.record', ref);
    const people = new Set((await repo.listRepresentatives(tx, [body.id])).map((p) => p.id));
    const rows: Array<{ representativeId: string; status: AttendanceStatus }> = [];
    for (const [representativeId, status] of Object.entries(statuses)) {
      if (!status) continue;
      if (!people.has(representativeId)) throw new NotFoundError();
      if (!(attendanceStatuses as readonly string[]).includes(status))
        throw new ValidationError({
          [`attendance-${representativeId}`]: 'Välj närvarande, frånvarande eller anmält förhinder',
        });
      rows.push({ representativeId, status: status as AttendanceStatus });
    }
    if (rows.length === 0) throw new ValidationError({ attendance: 'Ange närvaro för minst en person' });
    await mrepo.saveAttendance(tx, meeting.id, rows);
    const count = (s: AttendanceStatus) => rows.filter((r) => r.status === s).length;
    await auditCouncil(tx, actor, council, {
      action: 'council.attendance_recorded',
      after: {
        meeting: meeting.title,
        present: count('present'),
        absent: count('absent'),
        excused: count('excused'),
      },
    });
  });
}
