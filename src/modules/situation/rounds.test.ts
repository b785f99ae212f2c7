import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, type Factories, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { gatedTransactions } from '../../../tests/helpers/gated.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { openDatabase, queryRows, type Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { ConflictError } from '../../platform/errors.ts';
import { stockholmDate } from '../../platform/time.ts';
import { findMunicipalityOrganisation, seedReferenceData } from '../reference/index.ts';
import { seedSituationDemo } from './demo-seed.ts';
import {
  occasionMayMove,
  occasionMayMoveOpening,
  roundAcceptsAnswers,
  roundMayCancel,
  roundMayClose,
  roundMayEdit,
  roundMayRemove,
  type RoundState,
} from './lifecycle.ts';
import { roundAbilities } from './policy.ts';
import * as repo from './repository.ts';
import { cancelRound, roundResourceOf, sendOpeningNotices } from './rounds.ts';

const DAY = 86_400_000;
const day = (offset: number, from = Date.now()) => stockholmDate(new Date(from + offset * DAY));

describe('the state rules of a round', () => {
  const now = new Date('2026-06-05T10:00:00Z');
  const running: RoundState = { isTest: false, closedAt: null, cancelledAt: null };
  const test: RoundState = { ...running, isTest: true };
  const closed: RoundState = { ...running, closedAt: now };
  const cancelled: RoundState = { ...running, cancelledAt: now };
  const open = {
    opensAt: new Date('2026-06-01T00:00:00Z'),
    deadlineAt: new Date('2026-06-10T21:59:59Z'),
    locksAt: new Date('2026-06-30T21:59:59Z'),
  };
  const upcoming = { ...open, opensAt: new Date('2026-06-07T00:00:00Z') };
  const locked = {
    ...open,
    deadlineAt: new Date('2026-05-10T21:59:59Z'),
    locksAt: new Date('2026-06-01T00:00:00Z'),
  };

  it('a cancelled or closed round takes no answers; its texts change until it is cancelled', () => {
    expect(roundAcceptsAnswers(running)).toBe(true);
    expect(roundAcceptsAnswers(closed)).toContain('avslutad');
    expect(roundAcceptsAnswers(cancelled)).toContain('inställd');
    expect(roundMayEdit({ round: closed })).toBe(true);
    expect(roundMayEdit({ round: cancelled })).toContain('inställd');
  });

  it('an occasion moves until it is locked; its opening date only before it opens', () => {
    expect(occasionMayMove(running, open, now)).toBe(true);
    expect(occasionMayMove(running, locked, now)).toContain('låst');
    expect(occasionMayMove(closed, open, now)).toContain('avslutad');
    expect(occasionMayMoveOpening(running, upcoming, now)).toBe(true);
    expect(occasionMayMoveOpening(running, open, now)).toContain('redan öppnat');
  });

  it('closing needs an occasion before its deadline; cancelling and removing need a round nobody answered', () => {
    expect(roundMayClose({ round: running, occasions: [open], answered: true }, now)).toBe(true);
    expect(roundMayClose({ round: running, occasions: [locked], answered: false }, now)).toContain(
      'sista svarsdag',
    );
    expect(roundMayCancel({ round: running, occasions: [open], answered: false })).toBe(true);
    expect(roundMayCancel({ round: running, occasions: [open], answered: true })).toContain('börjat svara');
    expect(roundMayCancel({ round: cancelled, occasions: [open], answered: false })).toContain('inställd');
    expect(roundMayRemove({ round: running, occasions: [open], answered: false })).toContain('testomgång');
    expect(roundMayRemove({ round: test, occasions: [open], answered: false })).toBe(true);
    expect(roundMayRemove({ round: test, occasions: [open], answered: true })).toContain('börjat svara');
  });
});

describe('changing a round, and telling the respondents', () => {
  let t: TestApp;
  let make: Factories;
  let db: Db;
  let admin: TestUser;
  let coordinator: TestUser;
  let reporter: TestUser;
  let reporter0382: TestUser;
  const clients: Record<'admin' | 'coordinator' | 'reporter' | 'otherAdmin', TestClient> = {} as never;

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.database.db;
    make = factories(t.app);
    admin = await make.user('county_admin', { countyCode: '03' });
    coordinator = await make.user('national_coordinator');
    reporter = await make.user('reporter', { municipalityCode: '0381' });
    reporter0382 = await make.user('reporter', { municipalityCode: '0382' });
    const otherAdmin = await make.user('county_admin', { countyCode: '22' });
    for (const [name, user] of Object.entries({ admin, coordinator, reporter, otherAdmin })) {
      const client = new TestClient(t.app);
      await client.login(user.email, user.password);
      clients[name as keyof typeof clients] = client;
    }
  });
  afterAll(() => t.close());

  /** The mails enqueued to an address, oldest first. */
  const mailsTo = (to: string) =>
    queryRows<{ subject: string; text: string }>(
      db,
      sql`select payload ->> 'subject' as subject, payload ->> 'text' as text from jobs
          where kind = 'mail.send' and payload ->> 'to' = ${to} order by id`,
    );

  /** What a browser would post from the page's main POST form as it stands, with the changes typed. */
  const filled = (page: Page, changes: Record<string, string | string[]>) => {
    const form = page.doc.querySelector('main form[method="post"]')!;
    const values: Record<string, string | string[]> = {};
    for (const input of form.querySelectorAll('input')) {
      const name = input.getAttribute('name');
      const type = input.getAttribute('type') ?? 'text';
      if (!name || type === 'hidden' || type === 'submit') continue;
      if ((type === 'checkbox' || type === 'radio') && input.getAttribute('checked') === null) continue;
      values[name] = input.getAttribute('value') ?? '';
    }
    for (const area of form.querySelectorAll('textarea')) values[area.getAttribute('name')!] = area.text;
    return { ...values, ...changes };
  };

  /** The first area's page of the answer form (the form that saves), as the reporter reaches it. */
  const answerForm = async (occasionId: string, organisationId: string) => {
    const tasks = await clients.reporter.get(`/uppdrag/${occasionId}/${organisationId}`);
    const first = tasks.doc.querySelector('main a[href*="/avsnitt/"]')!.getAttribute('href')!;
    return clients.reporter.get(first);
  };

  const history = (roundId: string) =>
    queryRows<{ action: string; before: unknown; after: unknown }>(
      db,
      sql`select action, before, after from audit_log where entity_type = 'round' and entity_id = ${roundId}
          order by id`,
    );

  it('tells each respondent once when an occasion opens for it, with the deadline, a link and whom to ask', async () => {
    const made = await make.round({ county: '03' });
    const occasion = made.occasions[0]!;
    const mails = (await mailsTo(reporter.email)).filter((m) => m.text.includes(made.round.title));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Dags att svara senast');
    expect(mails[0]!.text).toContain(`http://samverkan.test/uppdrag/${occasion.id}/`);
    expect(mails[0]!.text).toContain(admin.email);
    // The periodic work finds nobody left to tell.
    await sendOpeningNotices(db, 'http://samverkan.test');
    expect((await mailsTo(reporter.email)).filter((m) => m.text.includes(made.round.title))).toHaveLength(1);
  });

  it('tells the respondents of an occasion that opens later when it opens, and a respondent added later at once', async () => {
    const made = await make.round({ county: '03', window: 'upcoming' });
    const occasion = made.occasions[0]!;
    const about = async (who: TestUser) =>
      (await mailsTo(who.email)).filter((m) => m.text.includes(made.round.title));
    expect(await about(reporter)).toHaveLength(0);
    await db.execute(
      sql`update occasions set opens_at = now() - interval '1 hour' where id = ${occasion.id}`,
    );
    await sendOpeningNotices(db, 'http://samverkan.test');
    await sendOpeningNotices(db, 'http://samverkan.test');
    expect(await about(reporter)).toHaveLength(1);

    // Remove 0382 (confirmed), then add it back: its reporter is told once it is a respondent again.
    const org0382 = (await findMunicipalityOrganisation(db, '0382'))!.id;
    const page = await clients.admin.get(`/uppsala/lagesbild/${made.round.id}`);
    const all = page.doc
      .querySelectorAll('input[name="organisationIds"]:checked')
      .map((i) => i.getAttribute('value')!);
    const without = all.filter((id) => id !== org0382);
    const asked = await clients.admin.submitOn(page, { organisationIds: without });
    expect(asked.status).toBe(200);
    expect(asked.doc.querySelector('h1')!.text).toBe('Ta bort en svarande?');
    expect(asked.doc.querySelector('main ul')!.text).toContain('Östhammars kommun');
    // Nothing is removed before the confirmation.
    expect((await repo.listRespondents(db, made.round.id, '03')).map((r) => r.organisationId)).toContain(
      org0382,
    );
    const confirmed = await clients.admin.submitOn(asked, {});
    expect(confirmed.status).toBe(303);
    expect((await repo.listRespondents(db, made.round.id, '03')).map((r) => r.organisationId)).not.toContain(
      org0382,
    );
    const before = (await about(reporter0382)).length;
    const back = await clients.admin.submitOn(
      await clients.admin.get(`/uppsala/lagesbild/${made.round.id}`),
      {
        organisationIds: all,
      },
    );
    expect(back.status).toBe(303);
    expect(await about(reporter0382)).toHaveLength(before + 1);
  });

  it('edits the title and texts, moves a deadline (telling those who have not sent), adds an occasion; all in the history', async () => {
    const made = await make.round({ county: '03' });
    await make.response({ round: made, municipality: '0380', status: 'submitted' });
    const occasion = made.occasions[0]!;
    await db.execute(sql`update occasions set reminded_at = now() where id = ${occasion.id}`);
    const url = `/uppsala/lagesbild/${made.round.id}/andra`;
    const form = await clients.admin.get(url);
    expect(form.status).toBe(200);
    expect(form.doc.querySelector('#title')!.getAttribute('value')).toBe(made.round.title);
    // An occasion that has opened shows its opening date instead of asking it.
    expect(form.doc.querySelector('#occasion1_opens')).toBeNull();

    const bad = await clients.admin.submitOn(
      form,
      filled(form, { occasion1_deadline: '2026-02-30', title: '' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.doc.querySelector('#title-error')!.text).toContain('rubrik');
    expect(bad.doc.querySelector('#occasion1_deadline-error')!.text).toContain('finns inte');
    expect(bad.doc.querySelector('#occasion1_deadline')!.getAttribute('value')).toBe('2026-02-30');

    const past = await clients.admin.submitOn(form, filled(form, { occasion1_deadline: day(-1) }));
    expect(past.status).toBe(400);
    expect(past.doc.querySelector('#occasion1_deadline-error')!.text).toContain('redan har passerat');

    const newTitle = `${made.round.title} (ändrad)`;
    const done = await clients.admin.submitOn(
      form,
      filled(form, {
        title: newTitle,
        topic: 'Nytt syfte',
        occasion1_deadline: day(20),
        occasion1_locks: day(30),
        occasion2_label: 'Uppföljning',
        occasion2_opens: day(40),
        occasion2_deadline: day(50),
        occasion2_locks: day(60),
      }),
    );
    expect(done.doc?.querySelector('.govuk-error-summary')?.text ?? '').toBe('');
    expect(done.status).toBe(303);
    const round = (await repo.findRound(db, made.round.id))!;
    expect(round.title).toBe(newTitle);
    const occasions = await repo.listOccasions(db, made.round.id);
    expect(occasions.map((o) => [o.label, stockholmDate(o.deadlineAt)])).toEqual([
      [occasion.label, day(20)],
      ['Uppföljning', day(50)],
    ]);
    // A later deadline: the reminder goes out again before it.
    expect(occasions[0]!.remindedAt).toBeNull();

    const moved = (await mailsTo(reporter.email)).filter((m) => m.subject.startsWith('Ny sista svarsdag'));
    expect(moved.at(-1)!.text).toContain(newTitle);
    expect(moved.at(-1)!.text).toContain(`/uppdrag/${occasion.id}/`);
    // 0380 has sent its answer: it is not told.
    const reporter0380 = await make.user('reporter', { municipalityCode: '0380' });
    expect((await mailsTo(reporter0380.email)).filter((m) => m.text.includes(newTitle))).toHaveLength(0);

    expect((await history(made.round.id)).map((h) => h.action)).toEqual([
      'round.opened',
      'round.edited',
      'round.occasion_changed',
      'round.occasion_added',
    ]);
    const page = await clients.admin.get(`/uppsala/lagesbild/${made.round.id}`);
    const rows = page.doc
      .querySelectorAll('table')
      .find((tb) => tb.text.includes('Omgångens historik'))!.text;
    expect(rows).toContain(`sista svarsdag ${stockholmDate(occasion.deadlineAt)} → ${day(20)}`);
    expect(rows).toContain('lade till tillfället Uppföljning');
    expect(page.body).toContain('Test county_admin');
  });

  it('does not move a locked occasion, nor the opening date of one that has opened', async () => {
    const made = await make.round({ county: '03', occasions: 2 });
    const [first, second] = made.occasions;
    await db.execute(
      sql`update occasions set opens_at = now() - interval '20 days', deadline_at = now() - interval '10 days',
          locks_at = now() - interval '1 day' where id = ${first!.id}`,
    );
    const url = `/uppsala/lagesbild/${made.round.id}/andra`;
    const form = await clients.admin.get(url);
    expect(form.doc.querySelector('#occasion1_deadline')).toBeNull();
    expect(form.doc.querySelector('main')!.text).toContain('låst');
    // Posted anyway: the service refuses it under the lock.
    const forced = await clients.admin.submitOn(form, filled(form, { occasion2_opens: day(1) }));
    expect(forced.status).toBe(400);
    expect(forced.doc.querySelector('.govuk-error-summary')!.text).toContain('redan öppnat');
    expect(stockholmDate((await repo.listOccasions(db, made.round.id))[1]!.opensAt)).toBe(
      stockholmDate(second!.opensAt),
    );
  });

  it('closes a round early: the deadline is now, answers are refused, the history keeps the old dates', async () => {
    const made = await make.round({ county: '03' });
    const url = `/uppsala/lagesbild/${made.round.id}/avsluta`;
    const confirm = await clients.admin.get(url);
    expect(confirm.doc.querySelector('h1')!.text).toBe('Avsluta omgången i förtid');
    expect((await clients.admin.submitOn(confirm, {})).status).toBe(303);
    const round = (await repo.findRound(db, made.round.id))!;
    expect(round.closedAt).not.toBeNull();
    expect((await repo.listOccasions(db, made.round.id))[0]!.deadlineAt.getTime()).toBeLessThanOrEqual(
      Date.now(),
    );
    const org = (await findMunicipalityOrganisation(db, '0381'))!.id;
    const form = await clients.reporter.get(`/uppdrag/${made.occasions[0]!.id}/${org}`);
    expect(form.doc.querySelector('main')!.text).toContain('avslutad');
    expect(form.doc.querySelector('main a[href*="/avsnitt/"]')).toBeNull();
    expect((await history(made.round.id)).at(-1)!.action).toBe('round.closed');
    // Closed: it cannot be closed again, and the page no longer offers it.
    expect((await clients.admin.get(url)).doc.querySelector('main form')).toBeNull();
    expect((await clients.admin.post(url, { _csrf: await clients.admin.csrfToken() })).status).toBe(409);
  });

  it('cancels a round nobody has answered (respondents told), never one someone has', async () => {
    const answered = await make.round({ county: '03' });
    await make.response({ round: answered, municipality: '0380', status: 'draft' });
    const refused = await clients.admin.get(`/uppsala/lagesbild/${answered.round.id}/stall-in`);
    expect(refused.doc.querySelector('main form')).toBeNull();
    expect(refused.doc.querySelector('main')!.text).toContain('börjat svara');
    const forced = await clients.admin.post(`/uppsala/lagesbild/${answered.round.id}/stall-in`, {
      _csrf: await clients.admin.csrfToken(),
    });
    expect(forced.status).toBe(409);
    expect(forced.doc.querySelector('main')!.text).toContain('börjat svara');

    const made = await make.round({ county: '03' });
    const confirm = await clients.admin.get(`/uppsala/lagesbild/${made.round.id}/stall-in`);
    expect((await clients.admin.submitOn(confirm, {})).status).toBe(303);
    expect((await repo.findRound(db, made.round.id))!.cancelledAt).not.toBeNull();
    expect((await mailsTo(reporter.email)).at(-1)!.subject).toBe(`Inställd: ${made.round.title}`);
    // No longer anyone's task.
    const tasks = await clients.reporter.get('/uppdrag');
    expect(tasks.body).not.toContain(made.round.title);
    const list = await clients.admin.get('/uppsala/lagesbild');
    expect(list.doc.querySelector(`section[aria-label="${made.round.title}"]`)!.text).toContain('Inställd');
  });

  it('removes a test round nobody has answered; a real round is cancelled instead', async () => {
    const real = await make.round({ county: '03' });
    const refusal = await clients.admin.get(`/uppsala/lagesbild/${real.round.id}/ta-bort`);
    expect(refusal.doc.querySelector('main')!.text).toContain('Bara en testomgång');
    const test = await make.round({ county: '03', isTest: true });
    const page = await clients.admin.get(`/uppsala/lagesbild/${test.round.id}`);
    expect(page.doc.querySelector('main')!.text).toContain('Testomgång');
    expect(page.doc.querySelector(`a[href="/uppsala/lagesbild/${test.round.id}/ta-bort"]`)).not.toBeNull();
    const confirm = await clients.admin.get(`/uppsala/lagesbild/${test.round.id}/ta-bort`);
    const done = await clients.admin.submitOn(confirm, {});
    expect(done.status).toBe(303);
    expect(done.location).toBe('/uppsala/lagesbild');
    expect(await repo.findRound(db, test.round.id)).toBeUndefined();
    const [removed] = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where entity_id = ${test.round.id} order by id desc limit 1`,
    );
    expect(removed!.action).toBe('round.removed');
    // A test round tells nobody.
    expect((await mailsTo(reporter.email)).filter((m) => m.text.includes(test.round.title))).toHaveLength(0);
  });

  it('a national round is changed by the coordinator on the national pages, not by a county', async () => {
    const made = await make.round({});
    expect((await clients.admin.get(`/uppsala/lagesbild/${made.round.id}/andra`)).status).toBe(404);
    expect((await clients.admin.get(`/uppsala/lagesbild/${made.round.id}/stall-in`)).status).toBe(404);
    const list = await clients.coordinator.get('/nationellt/lagesbild');
    expect(list.doc.querySelector(`a[href="/nationellt/lagesbild/${made.round.id}"]`)!.text).toBe(
      made.round.title,
    );
    const national = await clients.coordinator.get(`/nationellt/lagesbild/${made.round.id}`);
    expect(national.status).toBe(200);
    const edit = national.doc.querySelector(`a[href="/nationellt/lagesbild/${made.round.id}/andra"]`);
    expect(edit).not.toBeNull();
    const form = await clients.coordinator.get(`/nationellt/lagesbild/${made.round.id}/andra`);
    const saved = await clients.coordinator.submitOn(
      form,
      filled(form, { occasion1_deadline: day(25), occasion1_locks: day(35) }),
    );
    expect(saved.doc?.querySelector('.govuk-error-summary')?.text ?? '').toBe('');
    expect(saved.status).toBe(303);
    expect(stockholmDate((await repo.listOccasions(db, made.round.id))[0]!.deadlineAt)).toBe(day(25));
    // A county's round is not national.
    const own = await make.round({ county: '03' });
    expect((await clients.coordinator.get(`/nationellt/lagesbild/${own.round.id}/andra`)).status).toBe(404);
    // Another county's admin does not reach Uppsala's round.
    expect((await clients.otherAdmin.get(`/uppsala/lagesbild/${own.round.id}/andra`)).status).toBe(404);
    expect((await clients.otherAdmin.get(`/vasternorrland/lagesbild/${own.round.id}/andra`)).status).toBe(
      404,
    );
  });

  it('the round page offers exactly what the rules allow', async () => {
    const made = await make.round({ county: '03' });
    const resource = await roundResourceOf(db, made.round, { code: '03' });
    expect(roundAbilities(admin.actor, resource)).toMatchObject({
      canEdit: true,
      canClose: true,
      canCancel: true,
      canRemove: false,
    });
    const editor = await make.user('county_editor', { countyCode: '03' });
    expect(roundAbilities(editor.actor, resource)).toMatchObject({ canEdit: false, canCancel: false });
    const page = await clients.admin.get(`/uppsala/lagesbild/${made.round.id}`);
    const links = page.doc.querySelectorAll('nav[aria-label="Ändra omgången"] a').map((a) => a.text);
    expect(links).toEqual([
      'Ändra omgången (rubrik, texter, datum, fler tillfällen)',
      'Avsluta omgången i förtid',
      'Ställ in omgången',
    ]);
  });

  it('a cancel and a first answer at once: one wins, the other is refused', async () => {
    for (const order of ['answer first', 'cancel first'] as const) {
      const made = await make.round({ county: '03' });
      const org = (await findMunicipalityOrganisation(db, '0381'))!.id;
      const [answerPage, cancelPage] = await Promise.all([
        answerForm(made.occasions[0]!.id, org),
        clients.admin.get(`/uppsala/lagesbild/${made.round.id}/stall-in`),
      ]);
      const answer = () => clients.reporter.submitOn(answerPage, { intent: 'save' });
      const cancel = () => clients.admin.submitOn(cancelPage, {});
      const [answered, cancelled] =
        order === 'answer first'
          ? await Promise.all([answer(), cancel()])
          : (await Promise.all([cancel(), answer()])).reverse();
      const round = (await repo.findRound(db, made.round.id))!;
      const responses = await repo.roundHasResponses(db, made.round.id);
      if (cancelled!.status === 303) {
        expect(round.cancelledAt).not.toBeNull();
        expect(answered!.status).not.toBe(303);
        expect(responses).toBe(false);
      } else {
        expect(cancelled!.status).toBe(409);
        expect(round.cancelledAt).toBeNull();
        expect(responses).toBe(true);
      }
    }
  });

  it('an answer from a page read before the cancel is refused under the round lock', async () => {
    const made = await make.round({ county: '03' });
    const org = (await findMunicipalityOrganisation(db, '0381'))!.id;
    const answerPage = await answerForm(made.occasions[0]!.id, org);
    await cancelRound(t.app.deps, admin.actor, made.round.id, { code: '03' });
    const late = await clients.reporter.submitOn(answerPage, { intent: 'save' });
    expect([404, 409]).toContain(late.status);
    expect(await repo.roundHasResponses(db, made.round.id)).toBe(false);
  });

  it('a cancel whose check ran before a first answer re-checks under the lock and is refused', async () => {
    const made = await make.round({ county: '03' });
    const org = (await findMunicipalityOrganisation(db, '0381'))!.id;
    // The cancel is asked while nobody has answered, and reaches its transaction after the first answer.
    const { db: gated, open } = gatedTransactions(db);
    const cancelling = cancelRound({ ...t.app.deps, db: gated }, admin.actor, made.round.id, {
      code: '03',
    }).then(
      () => 'cancelled',
      (err: unknown) => err,
    );
    const answered = await clients.reporter.submitOn(await answerForm(made.occasions[0]!.id, org), {
      intent: 'save',
    });
    expect(answered.status).toBe(303);
    open();
    expect(await cancelling).toBeInstanceOf(ConflictError);
    expect((await repo.findRound(db, made.round.id))!.cancelledAt).toBeNull();
  });

  it('a reporter’s start page shows the open tasks first, with deadline and status; the task page names whom to ask', async () => {
    const made = await make.round({
      county: '03',
      title: `Startsidan ${Math.random().toString(36).slice(2, 6)}`,
    });
    const start = await clients.reporter.get('/min-organisation');
    expect(start.status).toBe(200);
    const main = start.doc.querySelector('main')!;
    const headings = main
      .querySelectorAll('h2:not(.govuk-notification-banner__title)')
      .map((h) => h.text.trim());
    expect(headings[0]).toBe('Att svara på');
    const task = main.querySelectorAll('.sv-task-list li').find((li) => li.text.includes(made.round.title))!;
    expect(task.text).toContain(`Sista svarsdag`);
    expect(task.text).toContain('Ej påbörjat');
    const href = task.querySelector('a')!.getAttribute('href')!;
    const form = await clients.reporter.get(href);
    const contacts = form.doc.querySelector('[aria-labelledby="county-contacts"]')!;
    expect(contacts.text).toContain('Test county_admin');
    expect(contacts.querySelector(`a[href="mailto:${admin.email}"]`)).not.toBeNull();
  });
});

describe('the demo data', () => {
  it('is placed around the day of its first start: one finished round of two occasions, one open for a few weeks more', async () => {
    // A database of its own (the shared one has national rounds of other tests), on either test project.
    const database = await openDatabase({ dataDir: 'memory' });
    await migrate(database.db);
    await seedReferenceData(database.db);
    try {
      const db = database.db;
      const now = new Date('2031-03-04T09:00:00Z');
      await seedSituationDemo(db, now);
      const rounds = await repo.listNationalRounds(db);
      expect(rounds).toHaveLength(2);
      const byTitle = new Map(
        await Promise.all(rounds.map(async (r) => [r.title, await repo.listOccasions(db, r.id)] as const)),
      );
      const [finished, open] = [...byTitle.entries()].sort((a, b) => a[1].length - b[1].length).reverse();
      expect(finished![1]).toHaveLength(2);
      expect(finished![1].every((o) => o.locksAt < now)).toBe(true);
      expect(open![1]).toHaveLength(1);
      const current = open![1][0]!;
      expect(current.opensAt < now && now < current.deadlineAt).toBe(true);
      const weeks = (current.deadlineAt.getTime() - now.getTime()) / (7 * DAY);
      expect(weeks).toBeGreaterThan(2);
      expect(weeks).toBeLessThan(5);
      expect(finished![0]).toContain('2030');

      // The three counties' regional comments differ.
      const summaries = await queryRows<{ county_code: string; violence: string }>(
        db,
        sql`select county_code, summaries ->> 'violence' as violence from regional_pictures
            where occasion_id = ${finished![1][1]!.id} order by county_code`,
      );
      expect(summaries.map((s) => s.county_code)).toEqual(['03', '19', '22']);
      expect(new Set(summaries.map((s) => s.violence)).size).toBe(3);

      // Submission times spread as real ones do: over many days and hours, most before the deadline, a few late.
      const sent = await queryRows<{ submitted_at: Date; deadline_at: Date }>(
        db,
        sql`select r.submitted_at, o.deadline_at from responses r join occasions o on o.id = r.occasion_id
            where o.id = ${finished![1][0]!.id}`,
      );
      const days = new Set(sent.map((s) => stockholmDate(new Date(s.submitted_at))));
      const hours = new Set(sent.map((s) => new Date(s.submitted_at).getUTCHours()));
      const late = sent.filter((s) => new Date(s.submitted_at) > new Date(s.deadline_at)).length;
      expect(days.size).toBeGreaterThan(5);
      expect(hours.size).toBeGreaterThan(4);
      expect(late).toBeGreaterThan(0);
      expect(late).toBeLessThan(sent.length / 4);
    } finally {
      await database.close();
    }
  });
});
