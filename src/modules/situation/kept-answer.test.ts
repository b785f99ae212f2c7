import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { KeptForms } from '../../platform/kept-forms.ts';
import { createTestUser, factories, type Factories, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { findMunicipalityOrganisation } from '../reference/index.ts';
import * as repo from './repository.ts';

const SAVED_ON_RETURN = 'Det du skrev innan du loggades ut är sparat som utkast.';

/**
 * Saved on return, without JavaScript: an area page posted after the session ended is kept by the platform,
 * the sign-in page says so, and after signing in the form's page saves it once as that user's draft — by the
 * same rules as any post (another user gets nothing, an expired one is gone, a locked occasion refuses).
 */
describe('answering: text posted after the session ended is saved on return', () => {
  let t: TestApp;
  let make: Factories;
  let reporter: TestUser;
  let stranger: TestUser;
  let orgId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    make = factories(t.app);
    reporter = await createTestUser(t.database.db, 'reporter', { municipalityCode: '0382' });
    stranger = await createTestUser(t.database.db, 'reporter', { municipalityCode: '0381' });
    orgId = (await findMunicipalityOrganisation(t.database.db, '0382'))!.id;
  });
  afterAll(() => t.close());

  const stored = async (occasionId: string) => {
    const occasion = (await repo.findOccasion(t.database.db, occasionId))!;
    const respondent = (await repo.findRespondent(t.database.db, occasion.roundId, orgId))!;
    return repo.findResponse(t.database.db, occasionId, respondent.id);
  };
  const keptRows = () =>
    queryRows<{ path: string; fields: Record<string, unknown> }>(
      t.database.db,
      sql`select path, fields from kept_forms`,
    );
  const text = (page: Page, selector: string) => page.doc.querySelector(selector)?.text.trim() ?? '';

  /** The reporter opens an area page, the session ends while they type, and they press "Spara utkast". */
  async function typeUntilSessionEnds(typed: string) {
    const { occasions } = await make.round({ county: '03' });
    const occasionId = occasions[0]!.id;
    const base = `/uppdrag/${occasionId}/${orgId}`;
    const browser = new TestClient(t.app);
    await browser.login(reporter.email, reporter.password);
    const page = await browser.get(`${base}/avsnitt/violence`);
    expect(page.status).toBe(200);
    await t.database.db.execute(sql`delete from sessions where user_id = ${reporter.id}`);
    const before = (await keptRows()).length;
    const pressed = await browser.submitOn(page, {
      q_violence_risk: '3',
      q_violence_explanation: typed,
      intent: 'save',
    });
    expect(pressed.status).toBe(303);
    // Without a Referer the sign-in returns to the address the form was sent to: the form's overview.
    expect(pressed.location).toBe(`/logga-in?next=${encodeURIComponent(base)}`);
    expect(browser.cookies.has('kept')).toBe(true);
    expect(await keptRows()).toHaveLength(before + 1);
    return { browser, occasionId, base, login: pressed.location! };
  }

  it('keeps the posted fields, says so on the sign-in page, and saves them once as a draft after signing in', async () => {
    const typed = 'Fler anmälningar om våld i hemmet sedan hösten.';
    const { browser, occasionId, base, login } = await typeUntilSessionEnds(typed);
    expect(await stored(occasionId)).toBeUndefined();
    const kept = (await keptRows()).find((r) => r.path === base)!;
    expect(kept.fields.q_violence_explanation).toBe(typed);
    expect(kept.fields._csrf).toBeUndefined();

    const loginPage = await browser.get(login);
    expect(text(loginPage, '.govuk-inset-text')).toContain('Det du skrev är inte förlorat');
    const signedIn = await browser.submitOn(loginPage, {
      email: reporter.email,
      password: reporter.password,
    });
    expect(signedIn.location).toBe(base);
    const back = await browser.get(base);
    expect(back.status).toBe(303);
    expect(back.location).toBe(`${base}/avsnitt/violence`);
    expect(browser.cookies.has('kept')).toBe(false);
    const shown = await browser.follow(back);
    expect(text(shown, '.govuk-notification-banner')).toContain(SAVED_ON_RETURN);
    const response = (await stored(occasionId))!;
    expect(response.status).toBe('draft');
    expect(JSON.stringify(response.answers)).toContain(typed);
    expect(response.updatedBy).toBe(reporter.id);

    // Used once: the next visit saves nothing again.
    expect(await keptRows()).not.toContainEqual(expect.objectContaining({ path: base }));
    const again = await browser.get(`${base}/avsnitt/violence`);
    expect(again.status).toBe(200);
    expect(again.body).not.toContain(SAVED_ON_RETURN);
    expect(again.doc.querySelector('#q_violence_explanation')?.text).toBe(typed);
    expect((await stored(occasionId))!.version).toBe(response.version);
  });

  it('saves nothing for another user who signs in on the same browser, and does not show them the text', async () => {
    const typed = 'Text som bara Heby-rapportören skrev.';
    const { browser, occasionId, base, login } = await typeUntilSessionEnds(typed);
    const loginPage = await browser.get(login);
    const signedIn = await browser.submitOn(loginPage, {
      email: stranger.email,
      password: stranger.password,
    });
    expect(signedIn.location).toBe(base);
    const refused = await browser.get(base);
    expect(refused.status).toBe(404);
    expect(refused.body).not.toContain(typed);
    expect(await stored(occasionId)).toBeUndefined();
    // Their own start page holds nothing of it either.
    const own = await browser.get('/uppdrag');
    expect(own.body).not.toContain(typed);
  });

  it('saves nothing once the kept form has expired, and the periodic clean-up deletes it', async () => {
    const typed = 'Text som väntade för länge.';
    const { browser, occasionId, base, login } = await typeUntilSessionEnds(typed);
    await t.database.db.execute(
      sql`update kept_forms set expires_at = now() - interval '1 minute' where path = ${base}`,
    );
    await browser.submitOn(await browser.get(login), { email: reporter.email, password: reporter.password });
    const back = await browser.get(base);
    expect(back.status).toBe(200);
    expect(back.body).not.toContain(SAVED_ON_RETURN);
    expect(await stored(occasionId)).toBeUndefined();
    expect((await keptRows()).some((r) => r.path === base)).toBe(true);
    await KeptForms.purge(t.database.db);
    expect((await keptRows()).some((r) => r.path === base)).toBe(false);
  });

  it('a locked occasion refuses the kept text with the usual message and saves nothing', async () => {
    const typed = 'Text som kom fram efter låsningen.';
    const { browser, occasionId, base, login } = await typeUntilSessionEnds(typed);
    await t.database.db.execute(
      sql`update occasions set opens_at = now() - interval '3 days', deadline_at = now() - interval '2 days',
            locks_at = now() - interval '1 minute'
          where id = ${occasionId}`,
    );
    await browser.submitOn(await browser.get(login), { email: reporter.email, password: reporter.password });
    const refused = await browser.get(base);
    expect(refused.status).toBe(409);
    expect(text(refused, '.govuk-error-summary')).toContain(
      'Tillfället är låst; svaren kan inte längre ändras.',
    );
    expect(refused.body).not.toContain(SAVED_ON_RETURN);
    // The refusal names the area it was typed on, counted from 1.
    expect(text(refused, '.govuk-caption-l, .govuk-caption-xl')).toMatch(/Område [1-9]\d* av 7/);
    expect(await stored(occasionId)).toBeUndefined();
  });

  it('keeps nothing for the autosave (its script keeps the text in the browser)', async () => {
    const { occasions } = await make.round({ county: '03' });
    const browser = new TestClient(t.app);
    await browser.login(reporter.email, reporter.password);
    const page = await browser.get(`/uppdrag/${occasions[0]!.id}/${orgId}/avsnitt/violence`);
    await t.database.db.execute(sql`delete from sessions where user_id = ${reporter.id}`);
    const before = (await keptRows()).length;
    const res = await t.app.inject({
      method: 'POST',
      url: `/uppdrag/${occasions[0]!.id}/${orgId}`,
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      payload: new URLSearchParams({
        _csrf: page.doc.querySelector('main input[name="_csrf"]')!.getAttribute('value')!,
        version: '0',
        section: 'violence',
        q_violence_risk: '3',
      }).toString(),
    });
    expect(res.statusCode).toBe(401);
    expect(await keptRows()).toHaveLength(before);
  });
});
