import os from 'node:os';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { testDatabase } from '../../../tests/helpers/db.ts';
import { parseConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { endOfStockholmDay, stockholmDate, stockholmTime } from '../../platform/time.ts';
import { findQuestionnaireVersion, insertQuestionnaire, type Definition } from '../forms/index.ts';
import { findCountyBoard } from '../reference/index.ts';
import {
  answerEvaluation,
  chooseEvaluation,
  evaluationOverview,
  forgetEvaluationLinks,
  loadEvaluationByToken,
  sendEvaluations,
  summarise,
} from './evaluation.ts';
import {
  EVALUATION_DELAY_HOURS,
  evaluationMayAnswer,
  evaluationMayChoose,
  evaluationMaySend,
  evaluationRecipients,
  evaluationSendsAt,
} from './lifecycle.ts';
import type { EventRow } from './repository.ts';
import {
  anonymiseRegistrants,
  cancelEvent,
  createEvent,
  eraseRegistration,
  markAttendance,
  publishEvent,
  register,
  type EventsContext,
} from './service.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An evaluation: a required grade, a choice of several, and a free text. */
const EVALUATION: Definition = {
  areas: [],
  sections: [
    {
      id: 'helhet',
      title: 'Helheten',
      questions: [
        {
          id: 'betyg',
          type: 'scale',
          label: 'Vilket betyg ger du evenemanget?',
          required: true,
          role: 'other',
          scale: { max: 5, labels: { '1': 'Dåligt', '5': 'Mycket bra' }, allowUnknown: false },
        },
        {
          id: 'basta',
          type: 'multiple',
          label: 'Vad var bäst?',
          required: false,
          role: 'other',
          options: [
            { value: 'talare', label: 'Talarna' },
            { value: 'samtal', label: 'Samtalen' },
            { value: 'mat', label: 'Maten' },
          ],
        },
        { id: 'tankar', type: 'text', label: 'Något mer du vill säga?', required: false, role: 'other' },
      ],
    },
  ],
};

let ctx: EventsContext;
let admin: TestUser;
let reporter: TestUser;
let boardId: string;

beforeAll(async () => {
  const { db } = await testDatabase();
  ctx = {
    db,
    config: parseConfig({
      NODE_ENV: 'test',
      DEMO: 'false',
      SESSION_SECRET: 'test-secret-that-is-long-enough-for-the-check',
      DATA_DIR: os.tmpdir(),
      PUBLIC_URL: 'http://samverkan.test',
    }),
  };
  admin = await createTestUser(db, 'county_admin', { countyCode: '03' });
  reporter = await createTestUser(db, 'reporter', { municipalityCode: '0380' });
  boardId = (await findCountyBoard(db, '03'))!.id;
});

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** A published event of Uppsala 12.30–15.45 Swedish time ten days from now, its registration open until then. */
async function makeEvent(): Promise<EventRow> {
  const day = stockholmDate(new Date(Date.now() + 10 * DAY));
  const startsAt = stockholmTime(day, 12, 30);
  const event = await createEvent(ctx, admin.actor, '03', {
    title: `Utvärderat evenemang ${unique()}`,
    startsAt,
    endsAt: stockholmTime(day, 15, 45),
    placeKind: 'address',
    address: 'Länsstyrelsen, Uppsala',
    registrationClosesAt: endOfStockholmDay(stockholmDate(new Date(startsAt.getTime() - DAY))),
    organisationIds: [boardId],
  });
  return publishEvent(ctx, admin.actor, { countyCode: '03', eventId: event.id });
}

async function evaluationVersion(countyCode = '03'): Promise<string> {
  const v = await insertQuestionnaire(ctx.db, {
    scope: { owner: 'events', countyCode },
    title: `Utvärdering ${unique()}`,
    createdBy: admin.id,
    definition: EVALUATION,
  });
  return v.id;
}

async function registrant(event: EventRow, tag: string) {
  const email = `${tag}.${unique()}@utvardering.example`;
  const made = await register(
    ctx,
    { countyCode: '03', eventId: event.id },
    {
      name: `Deltagare ${tag}`,
      email,
      organisationName: 'Enköpings kommun',
      consent: true,
    },
  );
  return { ...made, email };
}

interface MailJob {
  to: string;
  subject: string;
  text: string;
}
const evaluationMails = (event: EventRow) =>
  queryRows<MailJob>(
    ctx.db,
    sql`select payload->>'to' as "to", payload->>'subject' as subject, payload->>'text' as text
        from jobs where kind = 'mail.send' and payload->>'subject' = ${`Vad tyckte du? Utvärdering av ${event.title}`}
        order by id`,
  );
const tokenIn = (mail: MailJob) => /\/utvardering\/([\w-]+)/.exec(mail.text)![1]!;
const after = (event: EventRow, hours = EVALUATION_DELAY_HOURS) =>
  new Date(event.endsAt.getTime() + hours * HOUR);
const scope = (event: EventRow) => ({ eventIds: [event.id] });

describe('the evaluation rules (lifecycle)', () => {
  const e = {
    status: 'published' as const,
    startsAt: new Date('2030-06-15T10:30:00Z'),
    endsAt: new Date('2030-06-15T13:45:00Z'),
    registrantsAnonymisedAt: null,
  };
  const r = (attended: boolean | null, status: 'confirmed' | 'cancelled' | 'waiting' = 'confirmed') => ({
    status,
    attended,
    anonymisedAt: null,
  });

  it('goes out EVALUATION_DELAY_HOURS after the end, for a published event whose registrants are kept', () => {
    expect(evaluationSendsAt(e)).toEqual(new Date('2030-06-15T15:45:00Z'));
    expect(evaluationMaySend(e, new Date('2030-06-15T15:44:59Z'))).toMatch(/timmar efter/);
    expect(evaluationMaySend(e, new Date('2030-06-15T15:45:00Z'))).toBe(true);
    expect(evaluationMaySend({ ...e, status: 'cancelled' }, new Date('2030-07-01'))).toMatch(/inställt/);
    expect(evaluationMaySend({ ...e, status: 'draft' }, new Date('2030-07-01'))).toMatch(/inte publicerat/);
    expect(evaluationMaySend({ ...e, registrantsAnonymisedAt: new Date() }, new Date('2030-07-01'))).toMatch(
      /personuppgifter/,
    );
  });

  it('asks those marked present, or every confirmed registrant when attendance was not marked', () => {
    const unmarked = [r(null), r(null), r(null, 'cancelled'), r(null, 'waiting')];
    expect(evaluationRecipients(unmarked)).toEqual([unmarked[0], unmarked[1]]);
    const marked = [r(true), r(false), r(null), r(true, 'cancelled')];
    expect(evaluationRecipients(marked)).toEqual([marked[0]]);
    expect(evaluationRecipients([{ ...r(true), anonymisedAt: new Date() }])).toEqual([]);
  });

  it('lets the questionnaire change until the evaluation went out; one answer per link', () => {
    expect(evaluationMayChoose(e, undefined)).toBe(true);
    expect(evaluationMayChoose(e, { sentAt: null })).toBe(true);
    expect(evaluationMayChoose(e, { sentAt: new Date() })).toMatch(/redan skickad/);
    expect(evaluationMayChoose({ ...e, status: 'cancelled' }, undefined)).toMatch(/inställt/);
    expect(evaluationMayAnswer({ answered: false }, { anonymisedAt: null })).toBe(true);
    expect(evaluationMayAnswer({ answered: true }, { anonymisedAt: null })).toMatch(/är besvarad/);
    expect(evaluationMayAnswer({ answered: false }, { anonymisedAt: new Date() })).toMatch(/gäller inte/);
    expect(evaluationMayAnswer({ answered: false }, undefined)).toMatch(/gäller inte/);
  });
});

describe('an event’s evaluation', () => {
  it('is chosen among the county’s questionnaires by its organisers only', async () => {
    const event = await makeEvent();
    const ref = { countyCode: '03', eventId: event.id };
    const other = await evaluationVersion('22');
    await expect(chooseEvaluation(ctx, admin.actor, ref, other)).rejects.toThrow(ValidationError);
    const own = await evaluationVersion();
    await expect(chooseEvaluation(ctx, reporter.actor, ref, own)).rejects.toThrow(NotFoundError);
    await expect(
      chooseEvaluation(ctx, admin.actor, { countyCode: '22', eventId: event.id }, own),
    ).rejects.toThrow(NotFoundError);
    const chosen = await chooseEvaluation(ctx, admin.actor, ref, own);
    expect(chosen?.questionnaireVersionId).toBe(own);
    expect(await chooseEvaluation(ctx, admin.actor, ref, null)).toBeUndefined();
    expect((await evaluationOverview(ctx.db, event)).evaluation).toBeUndefined();
  });

  it('goes out once per attendee after the event, with the version frozen, and is answered once per link', async () => {
    const event = await makeEvent();
    const ref = { countyCode: '03', eventId: event.id };
    const versionId = await evaluationVersion();
    await chooseEvaluation(ctx, admin.actor, ref, versionId);
    const [a, b, c] = [
      await registrant(event, 'a'),
      await registrant(event, 'b'),
      await registrant(event, 'c'),
    ];

    // Not before the end and its delay.
    expect(await sendEvaluations(ctx, after(event, EVALUATION_DELAY_HOURS - 1), scope(event))).toBe(0);
    expect(await evaluationMails(event)).toEqual([]);

    // Attendance marked: a and b came, c did not.
    await markAttendance(
      ctx,
      admin.actor,
      ref,
      [
        { registrationId: a.registration.id, attended: true },
        { registrationId: b.registration.id, attended: true },
        { registrationId: c.registration.id, attended: false },
      ],
      after(event, 0),
    );
    // Two runs at once and a third later: one mail each, to those who came.
    const runs = await Promise.all([
      sendEvaluations(ctx, after(event), scope(event)),
      sendEvaluations(ctx, after(event), scope(event)),
    ]);
    expect(runs.sort()).toEqual([0, 2]);
    expect(await sendEvaluations(ctx, after(event, 5), scope(event))).toBe(0);
    const mails = await evaluationMails(event);
    expect(mails.map((m) => m.to).sort()).toEqual([a.email, b.email].sort());
    expect(mails[0]!.text).toContain('Hej Deltagare');
    expect(mails[0]!.text).toMatch(/http:\/\/samverkan\.test\/utvardering\/[\w-]{40,}/);

    // The version is in use now and the choice is closed.
    expect((await findQuestionnaireVersion(ctx.db, versionId))!.inUse).toBe(true);
    await expect(chooseEvaluation(ctx, admin.actor, ref, null)).rejects.toThrow(ConflictError);

    // Someone marked present later is asked on the next run.
    await markAttendance(
      ctx,
      admin.actor,
      ref,
      [{ registrationId: c.registration.id, attended: true }],
      after(event),
    );
    expect(await sendEvaluations(ctx, after(event, 6), scope(event))).toBe(1);
    expect((await evaluationMails(event)).map((m) => m.to)).toContain(c.email);

    // Answering: a required question missing is refused with nothing written.
    const [tokenA, tokenB] = [mails.find((m) => m.to === a.email)!, mails.find((m) => m.to === b.email)!].map(
      tokenIn,
    );
    const refused = await answerEvaluation(ctx, tokenA!, { q_tankar: 'Bra dag' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(Object.keys((refused as ValidationError).fieldErrors)).toEqual(['q_betyg']);
    expect((await evaluationOverview(ctx.db, event)).answers).toBe(0);

    await answerEvaluation(ctx, tokenA!, {
      q_betyg: '5',
      q_basta: ['talare', 'samtal'],
      q_tankar: 'Öppna samtal',
    });
    // Both at once by the same link: one answer.
    const both = await Promise.allSettled([
      answerEvaluation(ctx, tokenB!, { q_betyg: '3', q_basta: 'talare', q_tankar: 'Ännu fler kommuner' }),
      answerEvaluation(ctx, tokenB!, { q_betyg: '3', q_basta: 'talare', q_tankar: 'Ännu fler kommuner' }),
    ]);
    expect(both.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((both.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(
      ConflictError,
    );
    await expect(answerEvaluation(ctx, tokenA!, { q_betyg: '1' })).rejects.toThrow(ConflictError);
    expect((await loadEvaluationByToken(ctx.db, tokenA!))!.mayAnswer).toMatch(/är besvarad/);
    await expect(answerEvaluation(ctx, 'ingen-sadan-lank', { q_betyg: '1' })).rejects.toThrow(NotFoundError);

    const overview = await evaluationOverview(ctx.db, event);
    expect(overview.counts).toEqual({ sent: 3, answered: 2 });
    expect(overview.answers).toBe(2);
    const [grade, best, thoughts] = overview.summary[0]!.questions;
    expect(grade).toMatchObject({ kind: 'choice', answered: 2, unanswered: 0 });
    expect(grade!.kind === 'choice' && grade!.rows.map((r) => r.count)).toEqual([0, 0, 1, 0, 1]);
    expect(best!.kind === 'choice' && best!.rows).toEqual([
      { label: 'Talarna', count: 2 },
      { label: 'Samtalen', count: 1 },
      { label: 'Maten', count: 0 },
    ]);
    // Free texts in alphabetical order, not in the order they came.
    expect(thoughts!.kind === 'text' && thoughts!.texts).toEqual(['Ännu fler kommuner', 'Öppna samtal']);
  });

  it('stores answers that name no registration, invitation, person or time', async () => {
    const columns = await queryRows<{ column_name: string }>(
      ctx.db,
      sql`select column_name from information_schema.columns where table_name = 'event_evaluation_answers'
          order by column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'answers',
      'county_code',
      'event_id',
      'id',
      'questionnaire_version_id',
    ]);
    const invitationColumns = await queryRows<{ column_name: string }>(
      ctx.db,
      sql`select column_name from information_schema.columns where table_name = 'event_evaluation_invitations'`,
    );
    // The invitation keeps whether its link was used, not when (which would point at the answer).
    expect(invitationColumns.map((c) => c.column_name)).not.toContain('answered_at');
  });

  it('lets the invitations go of the registrants once their data is erased; the answers stay', async () => {
    const event = await makeEvent();
    const ref = { countyCode: '03', eventId: event.id };
    await chooseEvaluation(ctx, admin.actor, ref, await evaluationVersion());
    const [a, b] = [await registrant(event, 'a'), await registrant(event, 'b')];
    // Attendance never marked: every confirmed registrant is asked.
    expect(await sendEvaluations(ctx, after(event), scope(event))).toBe(2);
    const mails = await evaluationMails(event);
    const tokenOf = (email: string) => tokenIn(mails.find((m) => m.to === email)!);
    await answerEvaluation(ctx, tokenOf(a.email), { q_betyg: '4', q_tankar: 'Tack' });

    const invitations = () =>
      queryRows<{ registration_id: string | null; token_hash: string | null; answered: boolean }>(
        ctx.db,
        sql`select registration_id, token_hash, answered from event_evaluation_invitations
            where event_id = ${event.id} order by answered`,
      );
    expect((await invitations()).every((i) => i.registration_id && i.token_hash)).toBe(true);

    // b erases their own data: b's link dies at once (the page treats it as unknown) and lets go on the next run.
    await eraseRegistration(ctx, b.token, after(event));
    expect(await loadEvaluationByToken(ctx.db, tokenOf(b.email))).toBeUndefined();
    expect(await forgetEvaluationLinks(ctx, scope(event))).toBe(1);

    // The retention period passes: everyone's data goes, and with it every invitation's tie.
    await anonymiseRegistrants(ctx, new Date(event.endsAt.getTime() + 91 * DAY), 90, scope(event));
    expect(await forgetEvaluationLinks(ctx, scope(event))).toBe(1);
    const rows = await invitations();
    expect(rows).toEqual([
      { registration_id: null, token_hash: null, answered: false },
      { registration_id: null, token_hash: null, answered: true },
    ]);
    expect(await loadEvaluationByToken(ctx.db, tokenOf(a.email))).toBeUndefined();
    // Nothing more goes out for the anonymised event; the summary stays.
    expect(await sendEvaluations(ctx, new Date(event.endsAt.getTime() + 92 * DAY), scope(event))).toBe(0);
    const overview = await evaluationOverview(ctx.db, event);
    expect(overview.counts).toEqual({ sent: 2, answered: 1 });
    expect(overview.summary[0]!.questions[2]).toMatchObject({ kind: 'text', texts: ['Tack'] });
  });

  it('sends nothing for a cancelled event or an event without an evaluation', async () => {
    const plain = await makeEvent();
    await registrant(plain, 'x');
    expect(await sendEvaluations(ctx, after(plain, 24), scope(plain))).toBe(0);
    expect(await evaluationMails(plain)).toEqual([]);

    const cancelled = await makeEvent();
    const ref = { countyCode: '03', eventId: cancelled.id };
    await chooseEvaluation(ctx, admin.actor, ref, await evaluationVersion());
    await registrant(cancelled, 'y');
    await cancelEvent(ctx, admin.actor, ref);
    expect(await sendEvaluations(ctx, after(cancelled, 24), scope(cancelled))).toBe(0);
    expect(await evaluationMails(cancelled)).toEqual([]);
    await expect(chooseEvaluation(ctx, admin.actor, ref, null)).rejects.toThrow(ConflictError);
  });
});

describe('the summary', () => {
  it('counts each choice, leaves out the unanswered and averages numbers', () => {
    const def: Definition = {
      areas: [],
      sections: [
        {
          id: 's',
          title: 'S',
          questions: [
            { id: 'ja', type: 'yesno', label: 'Kom du tillbaka?', required: false, role: 'other' },
            { id: 'antal', type: 'number', label: 'Hur många från er?', required: false, role: 'other' },
          ],
        },
      ],
    };
    const [yes, number] = summarise(def, [
      { ja: 'yes', antal: 3 },
      { ja: 'no', antal: 1 },
      { ja: 'yes' },
      {},
    ])[0]!.questions;
    expect(yes).toMatchObject({
      kind: 'choice',
      rows: [
        { label: 'Ja', count: 2 },
        { label: 'Nej', count: 1 },
      ],
      answered: 3,
      unanswered: 1,
    });
    expect(number).toMatchObject({ kind: 'number', values: [1, 3], mean: 2, unanswered: 2 });
  });
});
