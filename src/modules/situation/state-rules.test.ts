import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { gatedTransactions } from '../../../tests/helpers/gated.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { queryRows } from '../../db/client.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError } from '../../platform/errors.ts';
import type { Role } from '../../platform/roles.ts';
import { stockholmDate } from '../../platform/time.ts';
import { findMunicipalityOrganisation } from '../reference/index.ts';
import { saveRegionalPicture } from './pictures.ts';
import * as repo from './repository.ts';
import { loadAssignment, saveResponse } from './answering.ts';
import { approveResponse } from './review.ts';

/**
 * The state rules hold under concurrency and after the fact: a submitted regional picture does not change,
 * what the national coordinator received does not change, and "open for answers" means one thing.
 */

const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * 86_400_000));

function completeAnswer(level: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const area of [
    'violence',
    'children',
    'substances',
    'mental_health',
    'unemployment',
    'social_unrest',
  ]) {
    fields[`q_${area}_risk`] = level;
    fields[`q_${area}_change`] = 'unchanged';
    if (['3', '4', '5'].includes(level)) fields[`q_${area}_explanation`] = `Beskrivning av ${area}`;
  }
  return fields;
}

/** The readable content of a page's main element, to compare what a reader saw at two moments. */
const mainText = (page: Page) => {
  const main = page.doc.querySelector('main')!;
  for (const banner of main.querySelectorAll('.govuk-notification-banner')) banner.remove();
  return main.text.replace(/\s+/g, ' ');
};

/** An actor as a session would resolve it, for calling the services directly. */
const actorOf = (id: string, role: Role, organisationId: string, countyCode: string | null): UserActor => ({
  kind: 'user',
  id,
  email: `${id}@test.example`,
  name: 'Test',
  memberships: [
    {
      role,
      organisationId,
      organisationName: 'Testorganisation',
      organisationType: role === 'reporter' ? 'municipality' : 'county_board',
      countyCode,
      municipalityCode: null,
    },
  ],
});

describe('lägesbild state rules', () => {
  let t: TestApp;
  const c: Record<'coordinator' | 'admin' | 'editor' | 'r0380' | 'r0381', TestClient> = {} as never;
  let org0380 = '';
  let org0381 = '';
  let actors: Record<'admin' | 'editor' | 'r0380' | 'r0381', UserActor>;
  let deps: Deps;

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const users = {
      coordinator: await createTestUser(db, 'national_coordinator'),
      admin: await createTestUser(db, 'county_admin', { countyCode: '03' }),
      editor: await createTestUser(db, 'county_editor', { countyCode: '03' }),
      r0380: await createTestUser(db, 'reporter', { municipalityCode: '0380' }),
      r0381: await createTestUser(db, 'reporter', { municipalityCode: '0381' }),
    };
    for (const [name, user] of Object.entries(users)) {
      const client = new TestClient(t.app);
      await client.login(user.email, user.password);
      c[name as keyof typeof c] = client;
    }
    org0380 = (await findMunicipalityOrganisation(db, '0380'))!.id;
    org0381 = (await findMunicipalityOrganisation(db, '0381'))!.id;
    actors = {
      admin: actorOf(users.admin.id, 'county_admin', org0380, '03'),
      editor: actorOf(users.editor.id, 'county_editor', org0380, '03'),
      r0380: actorOf(users.r0380.id, 'reporter', org0380, '03'),
      r0381: actorOf(users.r0381.id, 'reporter', org0381, '03'),
    };
    deps = { ...t.app.deps, db, rateLimiter: undefined as never };
  });
  afterAll(() => t.close());

  /** A national round with two open occasions, opened by the coordinator. */
  async function openRound(): Promise<{ roundId: string; occasionIds: string[] }> {
    const title = `Regler ${Math.random().toString(36).slice(2, 8)}`;
    const form = await c.coordinator.get('/nationellt/lagesbild/ny');
    const versionId = form.doc
      .querySelector('#questionnaireVersionId option:not([value=""])')!
      .getAttribute('value')!;
    const done = await c.coordinator.submitOn(form, {
      title,
      topic: 'Tillståndsregler',
      questionnaireVersionId: versionId,
      shareAnswersNationally: 'yes',
      occasion1_label: 'Första',
      occasion1_opens: day(-1),
      occasion1_deadline: day(10),
      occasion1_locks: day(20),
      occasion1_reminderDays: '3',
      occasion2_label: 'Andra',
      occasion2_opens: day(-1),
      occasion2_deadline: day(10),
      occasion2_locks: day(20),
      occasion2_reminderDays: '3',
    });
    expect(done.status).toBe(303);
    const [round] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from rounds where title = ${title}`,
    );
    const occasions = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from occasions where round_id = ${round!.id} order by sequence`,
    );
    return { roundId: round!.id, occasionIds: occasions.map((o) => o.id) };
  }

  const storedSummary = async (occasionId: string) =>
    (
      await queryRows<{ summary: string; status: string }>(
        t.database.db,
        sql`select summaries ->> 'violence' as summary, status from regional_pictures
            where occasion_id = ${occasionId} and county_code = '03'`,
      )
    )[0];

  it('saves racing the submit of the regional picture never change the submitted picture', async () => {
    const { roundId, occasionIds } = await openRound();
    const occasionId = occasionIds[0]!;
    const base = `/uppsala/lagesbild/${roundId}/${occasionId}/sammanstallning`;
    const editorPage = await c.editor.get(base);
    // The analysis is saved on the way to the confirmation page; the confirmed sending sends what is saved.
    const confirm = await c.admin.submit(base, { summary_violence: 'Inskickad analys', intent: 'submit' });
    expect(confirm.location).toBe(`${base}/skicka`);
    const confirmPage = await c.admin.get(`${base}/skicka`);
    // Saves arriving just before, with and just after the submit: none may commit onto the submitted picture.
    const save = (n: number) =>
      c.editor.submitOn(editorPage, { summary_violence: `Sen ändring ${n}`, intent: 'save' });
    const [before, submitted, ...after] = await Promise.all([
      save(0),
      c.admin.submitOn(confirmPage, {}),
      ...[1, 2, 3, 4].map(save),
    ]);
    expect(submitted.status).toBe(303);
    for (const saved of [before, ...after]) expect([303, 409]).toContain(saved.status);
    const sent = await storedSummary(occasionId);
    expect(sent!.status).toBe('submitted');
    // What was sent is the last save that landed before the sending (the snapshot holds it).
    const [snap] = await queryRows<{ summary: string }>(
      t.database.db,
      sql`select snapshot -> 'summaries' ->> 'violence' as summary from regional_pictures
          where occasion_id = ${occasionId} and county_code = '03'`,
    );
    expect(snap!.summary).toBe(sent!.summary);

    // A save after the submit is refused, with the page again and the reason.
    const late = await c.editor.submitOn(editorPage, { summary_violence: 'Ännu senare', intent: 'save' });
    expect(late.status).toBe(409);
    expect(late.doc.querySelector('.govuk-error-summary')?.text).toContain('redan inskickad');
    expect(await storedSummary(occasionId)).toEqual(sent);
  });

  it('after the county submits its picture, no response changes, and what the coordinator received stays as sent', async () => {
    const { roundId, occasionIds } = await openRound();
    const occasionId = occasionIds[0]!;
    const answer = `/uppdrag/${occasionId}/${org0380}`;
    expect(
      (await c.r0380.submit(`${answer}/kontrollera`, { ...completeAnswer('4'), intent: 'submit' })).status,
    ).toBe(303);
    const draftUrl = `/uppdrag/${occasionId}/${org0381}`;
    expect(
      (await c.r0381.submit(`${draftUrl}/kontrollera`, { q_violence_risk: '2', intent: 'save' })).status,
    ).toBe(303);

    const base = `/uppsala/lagesbild/${roundId}/${occasionId}`;
    const list = await c.admin.get(base);
    const reviewUrl = list.doc
      .querySelectorAll('a')
      .find((a) => a.text === 'Uppsala kommun')!
      .getAttribute('href')!;
    const review = await c.admin.get(reviewUrl);
    expect(
      (
        await c.admin.submit(`${base}/sammanstallning`, {
          summary_violence: 'Länets analys',
          intent: 'submit',
        })
      ).status,
    ).toBe(303);
    expect((await c.admin.submit(`${base}/sammanstallning/skicka`, {})).status).toBe(303);

    const regionalUrl = `/nationellt/lagesbild/${roundId}/${occasionId}/lan/uppsala`;
    const nationalUrl = `/nationellt/lagesbild/${roundId}/${occasionId}`;
    const received = await c.coordinator.get(regionalUrl);
    const national = await c.coordinator.get(nationalUrl);
    expect(received.status).toBe(200);
    expect(mainText(received)).toContain('Länets analys');

    // Review and answers are refused under the submitted picture.
    const approve = await c.admin.submitOn(review, {}, `${reviewUrl}/godkann`);
    expect(approve.status).toBe(409);
    expect(approve.doc.querySelector('.govuk-error-summary')?.text).toContain('lägesbild');
    const giveBack = await c.admin.submitOn(review, { comment: 'Komplettera' }, `${reviewUrl}/aterlamna`);
    expect(giveBack.status).toBe(409);
    // The answer is read-only now (no form); a post made anyway is refused.
    const late = await c.r0381.post(draftUrl, {
      _csrf: await c.r0381.csrfToken(),
      version: '1',
      ...completeAnswer('2'),
      intent: 'submit',
    });
    expect(late.status).toBe(409);
    const statuses = await queryRows<{ status: string }>(
      t.database.db,
      sql`select status from responses where occasion_id = ${occasionId} order by organisation_id = ${org0380} desc`,
    );
    expect(statuses.map((s) => s.status)).toEqual(['submitted', 'draft']);

    // Even a change behind the application's back does not alter what was sent.
    await t.database.db.execute(
      sql`update responses set answers = answers || '{"violence_risk": "1", "children_risk": "1"}'::jsonb,
          status = 'approved' where occasion_id = ${occasionId}`,
    );
    expect(mainText(await c.coordinator.get(regionalUrl))).toBe(mainText(received));
    expect(mainText(await c.coordinator.get(nationalUrl))).toBe(mainText(national));
    expect(mainText(await c.admin.get(`${base}/sammanstallning`))).toContain('Stor påverkan');
  });

  it('a response submitted while the county submits its picture is either in the picture or refused', async () => {
    const { roundId, occasionIds } = await openRound();
    for (const [i, occasionId] of occasionIds.entries()) {
      const answer = `/uppdrag/${occasionId}/${org0381}`;
      const picture = `/uppsala/lagesbild/${roundId}/${occasionId}/sammanstallning`;
      const [answerPage, picturePage] = await Promise.all([
        c.r0381.get(`${answer}/kontrollera`),
        c.admin.get(`${picture}/skicka`),
      ]);
      const respond = () => c.r0381.submitOn(answerPage, { ...completeAnswer('2'), intent: 'submit' });
      const send = () => c.admin.submitOn(picturePage, {});
      const [responded, sent] =
        i === 0 ? await Promise.all([respond(), send()]) : (await Promise.all([send(), respond()])).reverse();
      expect(sent!.status).toBe(303);
      expect([303, 409]).toContain(responded!.status);
      const regional = await c.coordinator.get(`/nationellt/lagesbild/${roundId}/${occasionId}/lan/uppsala`);
      const [row] = await queryRows<{ changed_after: boolean; status: string }>(
        t.database.db,
        sql`select r.updated_at > p.submitted_at as changed_after, r.status
            from responses r join regional_pictures p on p.occasion_id = r.occasion_id and p.county_code = r.county_code
            where r.occasion_id = ${occasionId} and r.organisation_id = ${org0381}`,
      );
      if (responded!.status === 303) {
        expect(row).toEqual({ changed_after: false, status: 'submitted' });
        expect(mainText(regional)).toContain('Inkomna1');
      } else {
        expect(row).toBeUndefined();
      }
    }
  });

  it('a save of the regional picture that reaches its transaction after the submit is refused and changes nothing', async () => {
    const { occasionIds } = await openRound();
    const occasionId = occasionIds[0]!;
    const picture = (body: Record<string, string>, submit: boolean, db = deps.db) =>
      saveRegionalPicture(db, submit ? actors.admin : actors.editor, {
        occasionId,
        countyCode: '03',
        body,
        submit,
      });
    const late = gatedTransactions(deps.db);
    const [saved] = await Promise.all([
      picture({ summary_violence: 'Sen ändring' }, false, late.db).then(
        () => 'saved',
        (err: unknown) => err,
      ),
      late.arrived.then(async () => {
        await picture({ summary_violence: 'Inskickad analys' }, true);
        late.open();
      }),
    ]);
    expect(saved).toBeInstanceOf(ConflictError);
    expect(await storedSummary(occasionId)).toEqual({ summary: 'Inskickad analys', status: 'submitted' });
  });

  it('a response change that reaches its transaction after the picture is submitted is refused', async () => {
    const { roundId, occasionIds } = await openRound();
    const occasionId = occasionIds[0]!;
    // 0380 has submitted and waits for review; 0381 is about to submit.
    const a0380 = await loadAssignment(deps, actors.r0380, occasionId, org0380);
    await saveResponse(deps, actors.r0380, a0380, {
      answers: { violence_risk: '2' },
      expectedVersion: 1,
      submit: false,
    });
    const url = `/uppdrag/${occasionId}/${org0380}/kontrollera`;
    expect((await c.r0380.submit(url, { ...completeAnswer('2'), intent: 'submit' })).status).toBe(303);
    const submitted = (await loadAssignment(deps, actors.r0380, occasionId, org0380)).response!;
    const a0381 = await loadAssignment(deps, actors.r0381, occasionId, org0381);

    const answering = gatedTransactions(deps.db);
    const approving = gatedTransactions(deps.db);
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'changed',
        (err: unknown) => err,
      );
    const [answered, approved] = await Promise.all([
      outcome(
        saveResponse({ ...deps, db: answering.db }, actors.r0381, a0381, {
          answers: { violence_risk: '5' },
          expectedVersion: 1,
          submit: false,
        }),
      ),
      outcome(approveResponse({ ...deps, db: approving.db }, actors.admin, submitted, submitted.version)),
      Promise.all([answering.arrived, approving.arrived]).then(async () => {
        await saveRegionalPicture(deps.db, actors.admin, {
          occasionId,
          countyCode: '03',
          body: {},
          submit: true,
        });
        answering.open();
        approving.open();
      }),
    ]);
    expect(answered).toBeInstanceOf(ConflictError);
    expect(approved).toBeInstanceOf(ConflictError);
    const rows = await repo.listOccasionResponses(deps.db, occasionId, roundId, '03');
    expect(rows.find((r) => r.respondent.organisationId === org0380)!.response!.status).toBe('submitted');
    expect(rows.find((r) => r.respondent.organisationId === org0381)!.response).toBeNull();
  });

  it('a picture submitted before snapshots existed is frozen as it is at its first read', async () => {
    const { roundId, occasionIds } = await openRound();
    const occasionId = occasionIds[0]!;
    const answer = `/uppdrag/${occasionId}/${org0380}`;
    expect(
      (await c.r0380.submit(`${answer}/kontrollera`, { ...completeAnswer('4'), intent: 'submit' })).status,
    ).toBe(303);
    const picture = `/uppsala/lagesbild/${roundId}/${occasionId}/sammanstallning`;
    expect((await c.admin.submit(`${picture}/skicka`, {})).status).toBe(303);
    await t.database.db.execute(
      sql`update regional_pictures set snapshot = null where occasion_id = ${occasionId} and county_code = '03'`,
    );
    const national = `/nationellt/lagesbild/${roundId}/${occasionId}`;
    const first = mainText(await c.coordinator.get(national));
    expect(first).toContain('4 – Stor påverkan');
    const [stored] = await queryRows<{ snap: boolean }>(
      t.database.db,
      sql`select snapshot is not null as snap from regional_pictures where occasion_id = ${occasionId} and county_code = '03'`,
    );
    expect(stored!.snap).toBe(true);
    await t.database.db.execute(
      sql`update responses set answers = answers || '{"violence_risk": "1"}'::jsonb where occasion_id = ${occasionId}`,
    );
    expect(mainText(await c.coordinator.get(national))).toBe(first);
  });

  it('the assignment list and the form agree that a reopened response is closed after the lock date', async () => {
    const { occasionIds } = await openRound();
    const occasionId = occasionIds[0]!;
    const { roundId } = (
      await queryRows<{ roundId: string }>(
        t.database.db,
        sql`select round_id as "roundId" from occasions where id = ${occasionId}`,
      )
    )[0]!;
    const form = `/uppdrag/${occasionId}/${org0381}`;
    expect(
      (await c.r0381.submit(`${form}/kontrollera`, { q_violence_risk: '3', intent: 'save' })).status,
    ).toBe(303);
    await t.database.db.execute(
      sql`update occasions set opens_at = now() - interval '3 days', deadline_at = now() - interval '1 day'
          where id = ${occasionId}`,
    );
    const list = `/uppsala/lagesbild/${roundId}/${occasionId}`;
    expect((await c.admin.submit(list, {}, `${list}/oppna/${org0381}`)).status).toBe(303);

    const row = async () => {
      const page = await c.r0381.get('/uppdrag');
      return page.doc.querySelector(`a[href="${form}"]`)!.closest('tr')!.text.replace(/\s+/g, ' ');
    };
    expect(await row()).not.toContain('stängd');
    expect(
      (await c.r0381.get(`${form}/kontrollera`)).doc.querySelector('button[value="submit"]'),
    ).not.toBeNull();

    await t.database.db.execute(
      sql`update occasions set locks_at = now() - interval '1 minute' where id = ${occasionId}`,
    );
    const closed = await c.r0381.get(`${form}/kontrollera`);
    expect(closed.doc.querySelector('button[value="submit"]')).toBeNull();
    expect(await row()).toContain('stängd');
  });
});
