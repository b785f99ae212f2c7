import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeAnswers,
  createTestUser,
  factories,
  type Factories,
  type TestUser,
} from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { pageProblems, TestClient, type Page } from '../../../tests/helpers/client.ts';
import { queryRows } from '../../db/client.ts';
import { stockholmDate } from '../../platform/time.ts';
import { mailDirOf, readMailbox } from '../../platform/mail.ts';
import { insertQuestionnaire } from '../forms/index.ts';
import { findMunicipalityOrganisation, findOrganisationByName } from '../reference/index.ts';
import { compileNationalPicture, compileRegionalPicture } from './compile.ts';
import { defaultDefinition } from './default-template.ts';
import * as repo from './repository.ts';
import { sendDueReminders } from './answering.ts';

const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * 86_400_000));

/** A complete answer for the default questionnaire: every area at `level`, explanations where required. */
function completeAnswer(level: string, extra: Record<string, string> = {}): Record<string, string> {
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
    if (['3', '4', '5'].includes(level))
      fields[`q_${area}_explanation`] = `Beskrivning av ${area} på nivå ${level}`;
  }
  return { ...fields, ...extra };
}

describe('lägesbild: from national round to national picture', () => {
  let t: TestApp;
  let coordinator: TestUser, uppsala: TestUser, vnorr: TestUser, editor: TestUser;
  let r0380: TestUser, r0381: TestUser, r2281: TestUser;
  let c: Record<string, TestClient>;
  /** Each test makes the rounds and answers it stands on, so none depends on another having run. */
  let make: Factories;

  beforeAll(async () => {
    t = await buildTestApp();
    make = factories(t.app);
    const db = t.database.db;
    [coordinator, uppsala, vnorr, editor, r0380, r0381, r2281] = await Promise.all([
      createTestUser(db, 'national_coordinator'),
      createTestUser(db, 'county_admin', { countyCode: '03' }),
      createTestUser(db, 'county_admin', { countyCode: '22' }),
      createTestUser(db, 'county_editor', { countyCode: '03' }),
      createTestUser(db, 'reporter', { municipalityCode: '0380' }),
      createTestUser(db, 'reporter', { municipalityCode: '0381' }),
      createTestUser(db, 'reporter', { municipalityCode: '2281' }),
    ]);
    c = {};
    for (const [name, user] of Object.entries({ coordinator, uppsala, vnorr, editor, r0380, r0381, r2281 })) {
      c[name] = new TestClient(t.app);
      await c[name].login(user.email, user.password);
    }
  });
  afterAll(() => t.close());

  const ok = (page: Page) => {
    expect(pageProblems(page.doc)).toEqual([]);
    return page;
  };
  const errorLinks = (page: Page) =>
    page.doc.querySelectorAll('.govuk-error-summary a').map((a) => a.getAttribute('href'));

  it('the national coordinator opens a round; bad dates are shown next to their fields with the input kept', async () => {
    const title = `Testomgång ${Math.random().toString(36).slice(2, 8)}`;
    const form = ok(await c.coordinator!.get('/nationellt/lagesbild/ny'));
    const versionId = form.doc
      .querySelector('#questionnaireVersionId option:not([value=""])')!
      .getAttribute('value')!;
    const base = {
      title,
      topic: 'Test av hela flödet',
      questionnaireVersionId: versionId,
      shareAnswersNationally: 'yes',
    };
    const bad = await c.coordinator!.submit('/nationellt/lagesbild/ny', {
      ...base,
      title: '',
      occasion1_label: 'Före sommaren',
      occasion1_opens: day(-1),
      occasion1_deadline: day(-5),
      occasion1_locks: day(20),
      occasion1_reminderDays: '3',
    });
    expect(bad.status).toBe(400);
    expect(errorLinks(bad)).toEqual(['#title', '#occasion1_deadline']);
    expect(bad.doc.querySelector('#occasion1_deadline')?.getAttribute('value')).toBe(day(-5));
    expect(bad.doc.querySelector('#topic')?.text).toBe('Test av hela flödet');
    expect((await repo.listNationalRounds(t.database.db)).some((r) => r.title === title)).toBe(false);

    const done = await c.coordinator!.submit('/nationellt/lagesbild/ny', {
      ...base,
      occasion1_label: 'Före sommaren',
      occasion1_opens: day(-1),
      occasion1_deadline: day(10),
      occasion1_locks: day(20),
      occasion1_reminderDays: '3',
      occasion2_label: 'Oktober',
      occasion2_opens: day(11),
      occasion2_deadline: day(40),
      occasion2_locks: day(50),
      occasion2_reminderDays: '3',
    });
    expect(done.status).toBe(303);
    const round = (await repo.listNationalRounds(t.database.db)).find((r) => r.title === title)!;
    const occasions = await repo.listOccasions(t.database.db, round.id);
    expect(occasions.map((o) => o.label)).toEqual(['Före sommaren', 'Oktober']);
    // 23:59:59 Swedish time on the deadline day
    expect(stockholmDate(occasions[0]!.deadlineAt)).toBe(day(10));
    expect(
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'medium' }).format(
        occasions[0]!.deadlineAt,
      ),
    ).toBe('23:59:59');
    expect(await repo.listRespondents(t.database.db, round.id)).toHaveLength(290);
  });

  it('each county admin sees the round and chooses its respondents; the choice is the county’s own', async () => {
    const { round } = await make.round();
    const [roundId, title] = [round.id, round.title];
    const list = ok(await c.uppsala!.get('/uppsala/lagesbild'));
    expect(list.body).toContain(title);
    expect((await c.vnorr!.get('/vasternorrland/lagesbild')).body).toContain(title);
    const page = ok(await c.uppsala!.get(`/uppsala/lagesbild/${roundId}`));
    const checked = page.doc
      .querySelectorAll('input[name="organisationIds"][checked]')
      .map((i) => i.getAttribute('value')!);
    expect(checked).toHaveLength(8);
    const region = await findOrganisationByName(t.database.db, 'Region Uppsala');
    const alvkarleby = await findMunicipalityOrganisation(t.database.db, '0319');
    const sundsvall = await findMunicipalityOrganisation(t.database.db, '2281');
    const police = await findOrganisationByName(t.database.db, 'Polismyndigheten');
    const chosen = [...checked.filter((id) => id !== alvkarleby!.id), region!.id, sundsvall!.id, police!.id];
    const saved = await c.uppsala!.submit(
      `/uppsala/lagesbild/${roundId}`,
      { organisationIds: chosen, confirm: 'yes' },
      `/uppsala/lagesbild/${roundId}/svarande`,
    );
    expect(saved.status).toBe(303);
    const names = (await repo.listRespondents(t.database.db, roundId, '03')).map((r) => r.name);
    expect(names).toContain('Region Uppsala');
    expect(names).not.toContain('Älvkarleby kommun');
    expect(names).not.toContain('Sundsvalls kommun');
    expect(await repo.listRespondents(t.database.db, roundId, '22')).toHaveLength(7);
    // A national partner answers a round once: Västernorrland cannot take the police Uppsala has chosen.
    const vnorrPage = await c.vnorr!.get(`/vasternorrland/lagesbild/${roundId}`);
    const vnorrIds = vnorrPage.doc
      .querySelectorAll('input[name="organisationIds"][checked]')
      .map((i) => i.getAttribute('value')!);
    const clash = await c.vnorr!.submitOn(
      vnorrPage,
      { organisationIds: [...vnorrIds, police!.id] },
      `/vasternorrland/lagesbild/${roundId}/svarande`,
    );
    expect(clash.status).toBe(400);
    expect(clash.doc.querySelector('.govuk-error-summary')?.text).toContain(
      'Polismyndigheten svarar redan för ett annat län',
    );
    const none = await c.uppsala!.submit(
      `/uppsala/lagesbild/${roundId}`,
      { organisationIds: [] },
      `/uppsala/lagesbild/${roundId}/svarande`,
    );
    expect(none.status).toBe(400);
    expect(none.doc.querySelector('.govuk-error-summary')?.text).toContain('Välj minst en organisation');
    // An editor may look but not choose.
    expect(
      (await c.editor!.get(`/uppsala/lagesbild/${roundId}`)).doc.querySelector('form[action$="/svarande"]'),
    ).toBeNull();
  });

  it('a reporter saves a draft, is told what is missing on submit, and cannot reach another organisation', async () => {
    const { round, occasions } = await make.round();
    const [occasionId, title] = [occasions[0]!.id, round.title];
    const org0380 = await findMunicipalityOrganisation(t.database.db, '0380');
    const url = `/uppdrag/${occasionId}/${org0380!.id}`;
    const area = `${url}/avsnitt/violence`;
    expect(ok(await c.r0380!.get('/uppdrag')).body).toContain(title);
    const draft = await c.r0380!.submit(area, { q_violence_risk: '4', intent: 'save' });
    expect(draft.status).toBe(303);
    const reopened = ok(await c.r0380!.get(area));
    expect(reopened.doc.querySelector('#q_violence_risk-3')?.getAttribute('checked')).toBeDefined();

    const missing = await c.r0380!.submitOn(reopened, { q_violence_risk: '4', intent: 'submit' });
    expect(missing.status).toBe(400);
    // A refused submission is shown on the check page, each message linking to its field on its area's page.
    const links = errorLinks(missing);
    expect(links).toContain(`${area}#q_violence_explanation`);
    expect(links).toContain(`${url}/avsnitt/children#q_children_risk`);
    expect(missing.doc.querySelector('h1')?.text).toBe('Kontrollera dina svar');

    const badMeasure = await c.r0380!.submitOn(reopened, {
      ...completeAnswer('2'),
      m_violence_measures_0_description: 'Fler jourplatser',
      m_violence_measures_0_status: 'planned',
      m_violence_measures_0_startDate: '1 maj',
      intent: 'save',
    });
    // A draft keeps a date it cannot read, as typed and flagged beside the field.
    expect(badMeasure.status).toBe(303);
    const flagged = await c.r0380!.follow(badMeasure);
    expect(flagged.doc.querySelector('#m_violence_measures_0_startDate-error')?.text).toContain('ÅÅÅÅ-MM-DD');
    expect(flagged.doc.querySelector('#m_violence_measures_0_startDate')?.getAttribute('value')).toBe(
      '1 maj',
    );
    expect(flagged.doc.querySelector('#m_violence_measures_0_description')?.text).toBe('Fler jourplatser');

    expect((await c.r2281!.get(url)).status).toBe(404);
    expect((await c.r0381!.get(url)).status).toBe(404);
    // A save without the version the page was built from is refused, not taken as the newest.
    const token = reopened.doc.querySelector('main input[name="_csrf"]')!.getAttribute('value')!;
    const versionless = await c.r0380!.post(url, { _csrf: token, q_violence_risk: '1', intent: 'save' });
    expect(versionless.status).toBe(400);
    expect(versionless.body).toContain('saknar versionsuppgift');
  });

  it('two people editing one response: the second save is refused and nothing is overwritten', async () => {
    const occasionId = (await make.round()).occasions[0]!.id;
    const org = await findMunicipalityOrganisation(t.database.db, '0381');
    const url = `/uppdrag/${occasionId}/${org!.id}/avsnitt/violence`;
    const second = new TestClient(t.app);
    await second.login(r0381.email, r0381.password);
    await c.r0381!.submit(url, { q_violence_risk: '1', intent: 'save' });
    const pageA = await c.r0381!.get(url);
    const pageB = await second.get(url);
    expect((await c.r0381!.submitOn(pageA, { q_violence_risk: '2', intent: 'save' })).status).toBe(303);
    const conflict = await second.submitOn(pageB, { q_violence_risk: '5', intent: 'save' });
    expect(conflict.status).toBe(409);
    expect(conflict.doc.querySelector('.govuk-error-summary')?.text).toContain('Någon annan har sparat');
    expect(conflict.doc.querySelector('#q_violence_risk-4')?.getAttribute('checked')).toBeDefined();
    const occasion = (await repo.findOccasion(t.database.db, occasionId))!;
    const respondent = (await repo.findRespondent(t.database.db, occasion.roundId, org!.id))!;
    expect((await repo.findResponse(t.database.db, occasionId, respondent.id))!.answers.violence_risk).toBe(
      '2',
    );
  });

  it('the county returns a response with a comment (the reporter is e-mailed), then approves it, which locks it', async () => {
    const { round, occasions } = await make.round();
    const [roundId, occasionId] = [round.id, occasions[0]!.id];
    const org = await findMunicipalityOrganisation(t.database.db, '0380');
    const url = `/uppdrag/${occasionId}/${org!.id}/kontrollera`;
    const submitted = await c.r0380!.submit(url, {
      ...completeAnswer('4', {
        m_violence_measures_0_description: 'Fler jourplatser',
        m_violence_measures_0_status: 'taken',
        m_violence_measures_0_targetGroup: 'Våldsutsatta',
        m_violence_measures_0_responsible: 'Socialtjänsten',
        m_violence_measures_0_startDate: '2026-05-01',
      }),
      intent: 'submit',
    });
    expect(submitted.status).toBe(303);
    const occasionPage = ok(await c.uppsala!.get(`/uppsala/lagesbild/${roundId}/${occasionId}`));
    const link = occasionPage.doc
      .querySelectorAll('a')
      .find((a) => a.text === 'Uppsala kommun')!
      .getAttribute('href')!;
    expect(ok(await c.vnorr!.get(link.replace('/uppsala/', '/vasternorrland/'))).status).toBe(404);
    expect((await c.r0380!.get(link)).status).toBe(404);

    // Acting on another version than the one read is refused.
    const reviewPage = await c.uppsala!.get(link);
    const readVersion = Number(
      reviewPage.doc.querySelector('form[action$="/godkann"] input[name="version"]')!.getAttribute('value'),
    );
    const stale = await c.uppsala!.submitOn(
      reviewPage,
      { version: String(readVersion - 1) },
      `${link}/godkann`,
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('har ändrats sedan du öppnade sidan');
    const empty = await c.uppsala!.submit(link, { comment: '' }, `${link}/aterlamna`);
    expect(empty.status).toBe(400);
    expect(errorLinks(empty)).toEqual(['#comment']);
    // Returning asks first, saying whom it goes to; nothing is returned until the confirmation.
    const comment = 'Beskriv målgruppen för åtgärden tydligare.';
    const confirm = await c.uppsala!.submit(link, { comment }, `${link}/aterlamna`);
    expect(confirm.status).toBe(200);
    expect((await repo.findResponseById(t.database.db, link.split('/').at(-1)!))?.status).toBe('submitted');
    const returned = await c.uppsala!.submitOn(confirm, { comment }, `${link}/aterlamna`);
    expect(returned.status).toBe(303);
    await t.app.jobs.runDue();
    const mail = (await readMailbox(mailDirOf(t.config.dataDir))).find((m) => m.to === r0380.email);
    expect(mail?.subject).toContain('Komplettera ert svar');
    expect(mail?.text).toContain('Beskriv målgruppen');

    const again = ok(await c.r0380!.get(url));
    expect(again.doc.querySelector('.govuk-inset-text')?.text).toContain('Beskriv målgruppen');
    expect(
      (
        await c.r0380!.submitOn(again, {
          ...completeAnswer('4'),
          q_violence_explanation: 'Kompletterad beskrivning',
          intent: 'submit',
        })
      ).status,
    ).toBe(303);
    const approved = await c.uppsala!.submit(link, {}, `${link}/godkann`);
    expect(approved.status).toBe(303);
    const locked = await c.r0380!.submitOn(again, { ...completeAnswer('1'), intent: 'save' });
    expect(locked.status).toBe(409);
    // Uppsala kommun has answered: it can no longer be removed from the respondents.
    const respondentsPage = await c.uppsala!.get(`/uppsala/lagesbild/${roundId}`);
    const others = respondentsPage.doc
      .querySelectorAll('input[name="organisationIds"][checked]')
      .map((i) => i.getAttribute('value')!)
      .filter((id) => id !== org!.id);
    const removal = await c.uppsala!.submitOn(
      respondentsPage,
      { organisationIds: others },
      `/uppsala/lagesbild/${roundId}/svarande`,
    );
    expect(removal.status).toBe(400);
    expect(removal.doc.querySelector('.govuk-error-summary')?.text).toContain(
      'Uppsala kommun har redan börjat svara',
    );
    const history = ok(await c.uppsala!.get(link));
    expect(history.body).toContain('Kompletterad beskrivning');
    expect(history.doc.querySelectorAll('del').map((d) => d.text)).toContain(
      'Beskrivning av violence på nivå 4',
    );
  });

  it('after the deadline answering closes until the county reopens it for one respondent', async () => {
    const { round, occasions } = await make.round({ window: 'pastDeadline' });
    const [roundId, occasion] = [round.id, occasions[0]!];
    const org = await findMunicipalityOrganisation(t.database.db, '0381');
    const url = `/uppdrag/${occasion.id}/${org!.id}`;
    const closed = await c.r0381!.get(url);
    expect(closed.body).toContain('Sista svarsdag har passerat');
    expect(closed.doc.querySelector('button[value="submit"]')).toBeNull();
    const refused = await c.r0381!.post(url, {
      _csrf: closed.doc.querySelector('input[name="_csrf"]')!.getAttribute('value')!,
      version: '0',
      q_violence_risk: '3',
      intent: 'save',
    });
    // A closed occasion is a conflict with its state, said in the error summary.
    expect(refused.status).toBe(409);
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain('Sista svarsdag har passerat');

    // The county reopens for a respondent that never started, from the occasion's list.
    const listUrl = `/uppsala/lagesbild/${roundId}/${occasion.id}`;
    const reopenAction = `${listUrl}/oppna/${org!.id}`;
    expect((await c.editor!.get(listUrl)).doc.querySelector(`form[action="${reopenAction}"]`)).toBeNull();
    const reopened = await c.uppsala!.submit(listUrl, {}, reopenAction);
    expect(reopened.status).toBe(303);
    expect((await c.uppsala!.follow(reopened)).body).toContain('kan svara igen');
    expect(
      (await c.r0381!.submit(`${url}/kontrollera`, { q_violence_risk: '3', intent: 'save' })).status,
    ).toBe(303);
  });

  it('reminds respondents that have not submitted, once, a set number of days before the deadline', async () => {
    const made = await make.round();
    const occasion = made.occasions[0];
    await make.response({ round: made, municipality: '0380', status: 'approved' });
    await make.response({ round: made, municipality: '0381', status: 'draft' });
    await t.database.db.execute(
      sql`update occasions set reminder_days_before = 30, reminded_at = null where id = ${occasion!.id}`,
    );
    const sent = await sendDueReminders(t.database.db, 'http://samverkan.test');
    expect(sent).toBeGreaterThan(0);
    await t.app.jobs.runDue();
    const box = await readMailbox(mailDirOf(t.config.dataDir));
    expect(box.some((m) => m.to === r0381.email && m.subject.startsWith('Påminnelse'))).toBe(true);
    expect(box.some((m) => m.to === r0380.email && m.subject.startsWith('Påminnelse'))).toBe(false);
    expect(await sendDueReminders(t.database.db, 'http://samverkan.test')).toBe(0);
  });

  it('compiles the regional picture, which the editor may write but only the admin may submit', async () => {
    const { round, occasion } = await make.response({
      national: true,
      municipality: '0380',
      status: 'approved',
      answers: {
        ...completeAnswers(defaultDefinition, '4'),
        violence_explanation: 'Kompletterad beskrivning',
      },
    });
    const [roundId, occasionId] = [round.id, occasion.id];
    const p = await compileRegionalPicture(t.database.db, { occasionId, countyCode: '03' });
    expect(p.completeness).toMatchObject({ expected: 8, received: 1, approved: 1 });
    expect(p.rows.find((r) => r.name === 'Uppsala kommun')!.levels.violence).toBe('4');
    expect(p.rows.find((r) => r.name === 'Knivsta kommun')!.levels.violence).toBeNull();
    expect(p.distribution.violence!.counts['4']).toBe(1);
    expect(p.distribution.violence!.counts.missing).toBe(7);
    expect(p.quoteCandidates.some((q) => q.text === 'Kompletterad beskrivning')).toBe(true);

    const base = `/uppsala/lagesbild/${roundId}/${occasionId}/sammanstallning`;
    const page = ok(await c.editor!.get(base));
    expect(page.doc.querySelector('button[value="submit"]')).toBeNull();
    const quote = page.doc.querySelector('input[name="quote"]')!.getAttribute('value')!;
    expect(
      (await c.editor!.submitOn(page, { summary_violence: 'Redaktörens analys', quote, intent: 'save' }))
        .status,
    ).toBe(303);
    // Sending goes through a confirmation page, which the editor may not open.
    const editorSends = await c.editor!.submitOn(page, {
      summary_violence: 'Redaktörens analys',
      quote,
      intent: 'submit',
    });
    expect(editorSends.location).toBe(`${base}/skicka`);
    expect((await c.editor!.get(`${base}/skicka`)).status).toBe(404);
    const admin = await c.uppsala!.get(base);
    expect(admin.doc.querySelector('#summary_violence')?.text).toBe('Redaktörens analys');
    const toConfirm = await c.uppsala!.submitOn(admin, {
      summary_violence: 'Länets analys',
      quote,
      intent: 'submit',
    });
    expect(toConfirm.location).toBe(`${base}/skicka`);
    const stillDraft = await compileRegionalPicture(t.database.db, { occasionId, countyCode: '03' });
    expect(stillDraft.status).toBe('draft');
    expect((await c.uppsala!.submit(`${base}/skicka`, {}, `${base}/skicka`)).status).toBe(303);
    const after = await compileRegionalPicture(t.database.db, { occasionId, countyCode: '03' });
    expect(after.status).toBe('submitted');
    expect(after.summaries.violence).toBe('Länets analys');
    expect(after.quotes).toHaveLength(1);
  });

  it('the national picture counts only submitted regional pictures, and only the coordinator sees it', async () => {
    const { round, occasion } = await make.response({
      national: true,
      municipality: '0380',
      status: 'approved',
      answers: completeAnswers(defaultDefinition, '4'),
    });
    const [roundId, occasionId] = [round.id, occasion.id];
    await make.regionalPicture({
      occasionId,
      county: '03',
      submitted: true,
      summaries: { violence: 'Länets analys' },
    });
    const p = await compileNationalPicture(t.database.db, { occasionId });
    expect(p.counties).toHaveLength(21);
    expect(p.counties.find((x) => x.code === '03')).toMatchObject({ regionalSubmitted: true });
    expect(p.counties.find((x) => x.code === '22')).toMatchObject({ regionalSubmitted: false });
    expect(p.rows.map((r) => r.id)).toEqual(['03']);
    expect(p.rows[0]!.levels.violence).toBe('4');
    expect(p.municipalityLevels['0380']!.violence).toBe('4');
    expect(p.regionalSummaries[0]!.summaries.violence).toBe('Länets analys');
    const url = `/nationellt/lagesbild/${roundId}/${occasionId}`;
    const page = ok(await c.coordinator!.get(url));
    expect(page.doc.querySelector('svg.sv-tilemap')?.getAttribute('aria-label')).toContain(
      'Uppsala län: 4 – Stor påverkan',
    );
    expect((await c.uppsala!.get(url)).status).toBe(403);
    expect((await c.coordinator!.submitOn(page, { summary_violence: 'Nationell analys' })).status).toBe(303);
    // The coordinator reads a submitted regional picture; a county's draft stays the county's.
    const regional = ok(await c.coordinator!.get(`${url}/lan/uppsala`));
    expect(regional.doc.querySelector('#summary_violence')?.text).toBe('Länets analys');
    expect(regional.doc.querySelector('main button[type=submit]') === null).toBe(true);
    expect((await c.coordinator!.get(`${url}/lan/vasternorrland`)).status).toBe(404);
    expect((await c.uppsala!.get(`${url}/lan/uppsala`)).status).toBe(403);
    expect((await compileNationalPicture(t.database.db, { occasionId })).summaries.violence).toBe(
      'Nationell analys',
    );
  });

  it('exports the answers as CSV and Excel and the pictures as Word', async () => {
    const { round, occasion } = await make.response({
      national: true,
      municipality: '0380',
      status: 'approved',
      pictureSubmitted: true,
    });
    const [roundId, occasionId] = [round.id, occasion.id];
    const base = `/uppsala/lagesbild/${roundId}/${occasionId}`;
    const picture = await c.uppsala!.get(`${base}/sammanstallning`);
    const links = picture.doc
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href')!)
      .filter((h) => /\.(csv|xlsx|docx)$/.test(h));
    expect(links).toHaveLength(3);
    for (const link of links) expect((await c.uppsala!.get(link)).status, link).toBe(200);
    const csv = await c.uppsala!.get(`${base}/svar.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('Uppsala kommun');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `${base}/svar.xlsx`,
      headers: { cookie: [...c.uppsala!.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBeGreaterThan(10);
    expect(JSON.stringify(sheet.getRow(2).values)).toContain('Uppsala kommun');
    const docx = await t.app.inject({
      method: 'GET',
      url: `${base}/sammanstallning.docx`,
      headers: { cookie: [...c.uppsala!.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const national = await t.app.inject({
      method: 'GET',
      url: `/nationellt/lagesbild/${roundId}/${occasionId}.docx`,
      headers: { cookie: [...c.coordinator!.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(national.statusCode).toBe(200);
    expect(national.headers['content-type']).toContain('wordprocessingml');
    expect((await c.vnorr!.get(`${base}/svar.csv`)).status).toBe(404);
  });

  it('lets the coordinator read the answers beneath submitted regional pictures only where the round allows', async () => {
    const { round, occasion } = await make.response({
      national: true,
      municipality: '0380',
      status: 'approved',
      pictureSubmitted: true,
    });
    const [roundId, occasionId] = [round.id, occasion.id];
    const sundsvall = await findMunicipalityOrganisation(t.database.db, '2281');
    expect(
      (
        await c.r2281!.submit(`/uppdrag/${occasionId}/${sundsvall!.id}/kontrollera`, {
          q_violence_risk: '2',
          intent: 'save',
        })
      ).status,
    ).toBe(303);
    expect(
      (await c.vnorr!.get(`/vasternorrland/lagesbild/${roundId}/${occasionId}/svar.csv`)).body,
    ).toContain('Sundsvalls kommun');
    const shared = await c.coordinator!.get(`/nationellt/lagesbild/${roundId}/${occasionId}/svar.csv`);
    expect(shared.status).toBe(200);
    expect(shared.body).toContain('Uppsala kommun');
    // Västernorrland has not submitted its regional picture: its answers stay with the county.
    expect(shared.body).not.toContain('Sundsvalls kommun');
    await t.database.db.execute(
      sql`update rounds set share_answers_nationally = false where id = ${roundId}`,
    );
    expect((await c.coordinator!.get(`/nationellt/lagesbild/${roundId}/${occasionId}/svar.csv`)).status).toBe(
      404,
    );
  });

  it("a county admin opens the county's own round; other counties do not see it", async () => {
    const form = await c.uppsala!.get('/uppsala/lagesbild/ny');
    const versionId = form.doc
      .querySelector('#questionnaireVersionId option:not([value=""])')!
      .getAttribute('value')!;
    const own = `Uppsalas egen ${Math.random().toString(36).slice(2, 6)}`;
    const done = await c.uppsala!.submitOn(form, {
      title: own,
      topic: 'Länets uppföljning',
      questionnaireVersionId: versionId,
      occasion1_label: 'Maj',
      occasion1_opens: day(0),
      occasion1_deadline: day(5),
      occasion1_locks: day(6),
      occasion1_reminderDays: '2',
    });
    expect(done.status).toBe(303);
    const round = (await repo.listRoundsForCounty(t.database.db, '03')).find((r) => r.title === own)!;
    expect(round).toMatchObject({ scope: 'county', countyCode: '03' });
    expect((await repo.listRespondents(t.database.db, round.id)).map((r) => r.countyCode)).toEqual(
      Array(8).fill('03'),
    );
    expect((await c.vnorr!.get('/vasternorrland/lagesbild')).body).not.toContain(own);
    expect((await c.vnorr!.get(`/vasternorrland/lagesbild/${round.id}`)).status).toBe(404);
    expect((await c.editor!.get('/uppsala/lagesbild/ny')).status).toBe(404);
  });

  it('once the county has submitted its picture, what the coordinator received cannot change under it', async () => {
    const { round, occasion } = await make.response({
      national: true,
      municipality: '0380',
      status: 'approved',
    });
    const [roundId, occasionId] = [round.id, occasion.id];
    await make.regionalPicture({
      occasionId,
      county: '03',
      submitted: true,
      summaries: { violence: 'Länets analys' },
    });
    // A second submit, respondents, returns and late answers are all refused.
    const base = `/uppsala/lagesbild/${roundId}/${occasionId}/sammanstallning`;
    const page = await c.uppsala!.get(base);
    expect(page.doc.querySelector('main form[action$="/sammanstallning"]')).toBeNull();
    const token = page.doc.querySelector('input[name="_csrf"]')!.getAttribute('value')!;
    expect(
      (
        await c.uppsala!.post(base, {
          _csrf: token,
          intent: 'submit',
          summary_violence: 'Ändrad i efterhand',
        })
      ).status,
    ).toBe(409);
    expect(
      (await compileRegionalPicture(t.database.db, { occasionId, countyCode: '03' })).summaries.violence,
    ).toBe('Länets analys');

    const respondentsPage = await c.uppsala!.get(`/uppsala/lagesbild/${roundId}`);
    const ids = respondentsPage.doc
      .querySelectorAll('input[name="organisationIds"][checked]')
      .map((i) => i.getAttribute('value')!);
    const refused = await c.uppsala!.submitOn(
      respondentsPage,
      { organisationIds: ids },
      `/uppsala/lagesbild/${roundId}/svarande`,
    );
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain('lägesbild är inskickad');

    const org = await findMunicipalityOrganisation(t.database.db, '0381');
    // The answer is read-only now (no form); a post made anyway is refused.
    const late = await c.r0381!.post(`/uppdrag/${occasionId}/${org!.id}`, {
      _csrf: await c.r0381!.csrfToken(),
      version: '0',
      ...completeAnswer('2'),
      intent: 'submit',
    });
    expect(late.status).toBe(409);
    expect(late.body).toContain('redan skickat in länets lägesbild');
  });

  it('the national coordinator reads the regional picture without the free texts the county did not quote', async () => {
    const { round, occasion, response } = await make.response({
      national: true,
      municipality: '0380',
      status: 'approved',
      answers: completeAnswers(defaultDefinition, '4'),
    });
    const [roundId, occasionId] = [round.id, occasion.id];
    await make.regionalPicture({
      occasionId,
      county: '03',
      submitted: true,
      quotes: [{ responseId: response.id, questionId: 'violence_explanation' }],
    });
    const page = await c.coordinator!.get(`/nationellt/lagesbild/${roundId}/${occasionId}/lan/uppsala`);
    expect(page.status).toBe(200);
    expect(page.doc.querySelectorAll('input[name="quote"]')).toHaveLength(0);
    expect(page.doc.querySelector('main form')).toBeNull();
    expect(page.doc.querySelectorAll('blockquote')).toHaveLength(1);
  });

  it('answers 404, not 500, to malformed ids, and keeps other counties’ templates out of a round', async () => {
    expect((await c.uppsala!.get(`/uppsala/lagesbild/${'a'.repeat(36)}`)).status).toBe(404);
    expect((await c.uppsala!.get(`/uppsala/lagesbild/svar/${'-'.repeat(36)}`)).status).toBe(404);
    const other = await insertQuestionnaire(t.database.db, {
      scope: { owner: 'situation', countyCode: '20' },
      title: `Dalarnas eget ${Math.random()}`,
      createdBy: null,
      definition: { areas: [], sections: [] },
    });
    const form = await c.uppsala!.get('/uppsala/lagesbild/ny');
    const refused = await c.uppsala!.submitOn(form, {
      title: 'Med fel formulär',
      topic: 'x',
      questionnaireVersionId: other.id,
      occasion1_label: 'Juni',
      occasion1_opens: day(0),
      occasion1_deadline: day(5),
      occasion1_locks: day(6),
    });
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('#questionnaireVersionId-error')?.text).toContain('Välj ett formulär');
  });

  it('records every change in the audit log', async () => {
    const db = t.database.db;
    const made = await make.round();
    const [round, occasion] = [made.round, made.occasions[0]!];
    const respondentsPage = await c.uppsala!.get(`/uppsala/lagesbild/${round.id}`);
    const alvkarleby = await findMunicipalityOrganisation(db, '0319');
    const chosen = respondentsPage.doc
      .querySelectorAll('input[name="organisationIds"][checked]')
      .map((i) => i.getAttribute('value')!)
      .filter((id) => id !== alvkarleby!.id);
    expect(
      (
        await c.uppsala!.submitOn(
          respondentsPage,
          { organisationIds: chosen, confirm: 'yes' },
          `/uppsala/lagesbild/${round.id}/svarande`,
        )
      ).status,
    ).toBe(303);
    const returned = await make.response({ round: made, municipality: '0380', status: 'returned' });
    const approved = await make.response({ round: made, municipality: '0381', status: 'approved' });
    await make.regionalPicture({ occasionId: occasion.id, county: '03' });
    await make.regionalPicture({ occasionId: occasion.id, county: '03', submitted: true });
    const national = await c.coordinator!.get(`/nationellt/lagesbild/${round.id}/${occasion.id}`);
    expect((await c.coordinator!.submitOn(national, { summary_violence: 'Nationell analys' })).status).toBe(
      303,
    );
    // Reopening needs the deadline passed: an occasion of its own.
    const reopened = await make.response({ county: '03', municipality: '0382', reopened: true });
    const picture = await repo.findRegionalPicture(db, occasion.id, '03');
    const ids = [
      round.id,
      occasion.id,
      returned.response.id,
      approved.response.id,
      reopened.response.id,
      picture!.id,
    ];
    const rows = await queryRows<{ action: string }>(
      db,
      sql`select distinct action from audit_log where entity_id::text in (${sql.join(ids, sql`, `)})`,
    );
    expect(rows.map((r) => r.action).sort()).toEqual(
      expect.arrayContaining([
        'round.opened',
        'round.respondents_changed',
        'response.saved',
        'response.submitted',
        'response.returned',
        'response.approved',
        'response.reopened',
        'regional_picture.saved',
        'regional_picture.submitted',
        'national_picture.saved',
      ]),
    );
  });
});
