/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/accounts/index.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { findMunicipalityOrganisation } from '../../src/modules/reference/repository.ts';
import { importBoundaries } from '../../src/modules/reference/service.ts';
import { stockholmDate } from '../../src/platform/time.ts';
import { expectAccessible, launchBrowser, startDemoServer, watchErrors, type RunningApp } from './browser.ts';

const AREAS = ['violence', 'children', 'substances', 'mental_health', 'unemployment', 'social_unrest'];
const TITLE = 'Lägesbild inför våren 2027';
const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * 86_400_000));

/**
 * The whole flow in a real browser: the national coordinator opens a round, two county admins choose their
 * respondents, four municipalities answer (one is returned for completion), the counties compile and submit
 * their regional pictures, and the coordinator compiles the national picture. axe runs on every page.
 */
describe('lägesbild in the browser, from national round to national picture', () => {
  let server: RunningApp;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    for (const [email, code] of [
      ['kommun.0381@demo.test', '0381'],
      ['kommun.2262@demo.test', '2262'],
    ] as const) {
      const org = await findMunicipalityOrganisation(server.database.db, code);
      await createUser(server.database.db, null, {
        email,
        name: `Rapportör ${code}`,
        password: DEMO_PASSWORD,
        role: 'reporter',
        organisationId: org!.id,
        countyCode: code.slice(0, 2),
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    errors.push(...[]);
    const seen = watchErrors(page);
    page.on('close', () => errors.push(...seen));
    await page.goto(`${server.url}/logga-in`);
    await page.fill('#email', email);
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/logga-in'),
      page.click('main button[type=submit]'),
    ]);
    return page;
  }

  async function visit(page: Page, path: string): Promise<void> {
    await page.goto(`${server.url}${path}`);
    await expectAccessible(page);
  }

  /** Answers every area at `level` (index into 1..5), with an explanation where the level asks for one. */
  async function answerAll(page: Page, level: number, explanation: string): Promise<void> {
    for (const area of AREAS) {
      await page.check(`#q_${area}_risk-${level - 1}`);
      if (level >= 3) await page.fill(`#q_${area}_explanation`, `${explanation} (${area})`);
      await page.check(`#q_${area}_change-1`);
    }
  }

  let roundPath = '';

  it('the national coordinator opens the round', async () => {
    const page = await signIn('nationell@demo.test');
    await visit(page, '/nationellt/lagesbild/ny');
    await page.fill('#title', TITLE);
    await page.fill('#topic', 'Kommunernas bedömning av risker inför våren.');
    await page.selectOption('#questionnaireVersionId', { index: 1 });
    await page.fill('#occasion1_label', 'Mars');
    await page.fill('#occasion1_opens', day(-1));
    await page.fill('#occasion1_deadline', day(14));
    await page.fill('#occasion1_locks', day(30));
    await page.click('main button[type=submit]');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(TITLE);
    await expectAccessible(page);
    await page.context().close();
  });

  it('two county admins choose their respondents', async () => {
    const uppsala = await signIn('uppsala@demo.test');
    await visit(uppsala, '/uppsala/lagesbild');
    await uppsala.click(`text=${TITLE}`);
    roundPath = new URL(uppsala.url()).pathname.replace('/uppsala/', '/');
    await expectAccessible(uppsala);
    await uppsala.uncheck('label:has-text("Älvkarleby kommun")');
    await uppsala.check('label:has-text("Region Uppsala")');
    await uppsala.click('button:has-text("Spara svarande")');
    // Removing a respondent is confirmed first.
    await expectAccessible(uppsala);
    await uppsala.click('main button:has-text("Ta bort svarande")');
    expect(await uppsala.locator('.govuk-notification-banner').innerText()).toContain(
      'De svarande är sparade',
    );
    await expectAccessible(uppsala);
    await uppsala.context().close();

    const vnorr = await signIn('vasternorrland@demo.test');
    await visit(vnorr, `/vasternorrland${roundPath}`);
    expect(await vnorr.locator('input[name="organisationIds"]:checked').count()).toBe(7);
    await vnorr.context().close();
  });

  it('four municipalities answer; drafts save as they type; conditional questions appear', async () => {
    for (const [email, level] of [
      ['kommun.0380@demo.test', 4],
      ['kommun.0381@demo.test', 2],
      ['kommun.2281@demo.test', 3],
      ['kommun.2262@demo.test', 1],
    ] as const) {
      const page = await signIn(email);
      await visit(page, '/uppdrag');
      await page.click(`text=${TITLE}: Mars`);
      await expectAccessible(page);
      // The explanation is asked for only at level 3–5.
      await page.check('#q_violence_risk-0');
      expect(await page.locator('#q_violence_explanation').isVisible()).toBe(false);
      await page.waitForFunction(() =>
        document.querySelector('.sv-autosave')?.textContent?.includes('Utkastet sparades'),
      );
      await answerAll(page, level, `Bedömning från ${email}`);
      if (level >= 3) expect(await page.locator('#q_violence_explanation').isVisible()).toBe(true);
      await page.fill('#m_violence_measures_0_description', 'Fler platser i skyddat boende');
      await page.selectOption('#m_violence_measures_0_status', 'taken');
      await page.fill('#m_violence_measures_0_startDate', day(-30));
      await page.click('button:has-text("Skicka in svaret")');
      await page.waitForURL((u) => u.pathname === '/uppdrag');
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Svaret är inskickat');
      await expectAccessible(page);
      await page.context().close();
    }
  });

  it('the county returns one answer for completion and approves the rest', async () => {
    const admin = await signIn('uppsala@demo.test');
    await visit(admin, `/uppsala${roundPath}`);
    await admin.click('text=Svar per organisation – Mars');
    await expectAccessible(admin);
    await admin.click('a:has-text("Uppsala kommun")');
    await expectAccessible(admin);
    await admin.fill('#comment', 'Ange målgrupp för åtgärden.');
    await admin.click('button:has-text("Lämna tillbaka")');
    expect(await admin.locator('.govuk-notification-banner').innerText()).toContain('återlämnat');
    await expectAccessible(admin);

    const reporter = await signIn('kommun.0380@demo.test');
    await visit(reporter, '/uppdrag');
    await reporter.click(`text=${TITLE}: Mars`);
    expect(await reporter.locator('.govuk-inset-text').innerText()).toContain('Ange målgrupp');
    await reporter.fill('#m_violence_measures_0_targetGroup', 'Våldsutsatta kvinnor och barn');
    await reporter.click('button:has-text("Skicka in svaret")');
    await reporter.waitForURL((u) => u.pathname === '/uppdrag');
    await reporter.context().close();

    await admin.reload();
    await admin.click('button:has-text("Godkänn svaret")');
    expect(await admin.locator('.govuk-notification-banner').innerText()).toContain('godkänt');
    expect(await admin.locator('main').innerText()).toContain('Våldsutsatta kvinnor och barn');
    await admin.locator('details summary').first().click();
    await expectAccessible(admin);
    await admin.context().close();
  });

  it('both counties compile and submit their regional pictures', async () => {
    for (const [email, slug] of [
      ['uppsala@demo.test', 'uppsala'],
      ['vasternorrland@demo.test', 'vasternorrland'],
    ] as const) {
      const page = await signIn(email);
      await visit(page, `/${slug}${roundPath}`);
      await page.click('text=Regional lägesbild – Mars');
      await expectAccessible(page);
      await page.fill('#summary_violence', `Sammanfattning för ${slug}: våldet bedöms som allvarligare.`);
      const quotes = page.locator('input[name="quote"]');
      if ((await quotes.count()) > 0) await quotes.first().check();
      await page.click('button:has-text("Spara och gå vidare till att skicka")');
      await expectAccessible(page);
      await page.click('main button:has-text("Skicka")');
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('inskickad');
      await expectAccessible(page);
      const word = await page.request.get(`${page.url()}.docx`);
      expect(word.headers()['content-type']).toContain('wordprocessingml');
      await page.context().close();
    }
  });

  it('the national coordinator compiles the national picture', async () => {
    const page = await signIn('nationell@demo.test');
    // Real boundaries where imported: SCB's municipalities and counties from ../shared/data.
    const geo = path.resolve(import.meta.dirname, '../../../shared/data/geo');
    const withMap = fs.existsSync(geo);
    if (withMap) {
      await importBoundaries(
        server.database.db,
        'municipality',
        fs.readFileSync(path.join(geo, 'swe-maps-kommun.geojson'), 'utf8'),
      );
      await importBoundaries(
        server.database.db,
        'county',
        fs.readFileSync(path.join(geo, 'swe-maps-lan.geojson'), 'utf8'),
      );
    }
    await visit(page, '/nationellt/lagesbild');
    await page.click(`section:has-text("${TITLE}") a:has-text("Mars")`);
    await expectAccessible(page);
    const counties = await page.locator('main table').first().innerText();
    expect(counties).toMatch(/Uppsala län[^\n]*Inskickad/);
    expect(counties).toMatch(/Västernorrlands län[^\n]*Inskickad/);
    expect(await page.locator('svg.sv-tilemap').first().getAttribute('aria-label')).toContain('Uppsala län');
    expect(await page.locator('main').innerText()).toContain('Sammanfattning för uppsala');
    if (withMap) {
      expect(await page.locator('figure.sv-map > svg > path').count()).toBe(290 + 21);
      await page.selectOption('#omrade', 'mental_health');
      await page.click('button:has-text("Visa på kartan")');
      expect(await page.locator('figure.sv-map > svg').getAttribute('aria-label')).toContain(
        'Psykisk ohälsa',
      );
      await expectAccessible(page);
    }
    await page.fill('#summary_violence', 'Nationellt: två län ser allvarligare våld i nära relationer.');
    await page.click('button:has-text("Spara sammanfattningarna")');
    expect(await page.locator('#summary_violence').inputValue()).toContain('två län');
    await expectAccessible(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-header').isVisible()).toBe(false);
    await page.context().close();
  });

  it('the coordinator builds a new questionnaire from the default one', async () => {
    const page = await signIn('nationell@demo.test');
    await visit(page, '/nationellt/formular');
    await page.click('text=Nytt formulär');
    await expectAccessible(page);
    await page.fill('#title', 'Social utsatthet – kortversion');
    await page.selectOption('#copyFrom', { index: 1 });
    await page.click('button:has-text("Skapa formuläret")');
    expect(await page.locator('h1').innerText()).toContain('Social utsatthet – kortversion');
    await expectAccessible(page);
    const addSection = page.locator('form', { has: page.locator('button:has-text("Lägg till avsnittet")') });
    await addSection.locator('input[name="title"]').fill('Ensamkommande barn');
    await addSection.locator('button:has-text("Lägg till avsnittet")').click();
    expect(await page.locator('main').innerText()).toContain('Ensamkommande barn');
    await expectAccessible(page);
    await page.locator('a[href$="/version/1"]').first().click();
    await expectAccessible(page);
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
