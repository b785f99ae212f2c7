/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
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
      ['kommun.0382@demo.test', '0382'],
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

  /** Where a test keeps screenshots to look at (set SCREENSHOTS to a folder); none otherwise. */
  async function shot(page: Page, name: string): Promise<void> {
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  it('four municipalities answer area by area; drafts save as they type; conditional questions appear', async () => {
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
      expect(await page.locator('.govuk-task-list__status').first().innerText()).toBe('Inte påbörjad');
      await page.click('a.govuk-task-list__link >> nth=0');
      await expectAccessible(page);
      // The explanation is asked for only at level 3–5.
      await page.check('#q_violence_risk-0');
      expect(await page.locator('#q_violence_explanation').isVisible()).toBe(false);
      await page.waitForFunction(() =>
        document.querySelector('.sv-autosave')?.textContent?.includes('Utkastet sparades'),
      );
      for (const area of AREAS) {
        expect(new URL(page.url()).pathname).toMatch(new RegExp(`/avsnitt/${area}$`));
        await page.check(`#q_${area}_risk-${level - 1}`);
        if (level >= 3) await page.fill(`#q_${area}_explanation`, `Bedömning från ${email} (${area})`);
        else expect(await page.locator(`#q_${area}_explanation`).isVisible()).toBe(false);
        await page.check(`#q_${area}_change-1`);
        if (area === 'violence') {
          await page.fill('#m_violence_measures_0_description', 'Fler platser i skyddat boende');
          await page.selectOption('#m_violence_measures_0_status', 'taken');
          await page.fill('#m_violence_measures_0_startDate', day(-30));
        }
        await page.click('button:has-text("Spara och fortsätt")');
      }
      await page.click('button:has-text("Spara och kontrollera svaren")');
      expect(await page.locator('h1').innerText()).toBe('Kontrollera dina svar');
      await expectAccessible(page);
      if (level === 4) await shot(page, '05-kontrollera-dina-svar');
      await page.click('main button:has-text("Skicka in svaret")');
      await page.waitForURL((u) => u.pathname === '/uppdrag');
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Svaret är inskickat');
      await expectAccessible(page);
      // A submitted answer does not look editable: no fields, no buttons, no change links.
      await page.click(`text=${TITLE}: Mars`);
      expect(await page.locator('main').innerText()).toContain('Svaret visas nedan och kan inte ändras');
      expect(await page.locator('main input:not([type=hidden]), main textarea, main button').count()).toBe(0);
      await expectAccessible(page);
      if (level === 4) await shot(page, '06-inskickat-svar');
      await page.context().close();
    }
  });

  it('a draft keeps an impossible date as typed, and a session that ends while answering loses no text', async () => {
    const page = await signIn('kommun.0382@demo.test');
    await visit(page, '/uppdrag');
    await page.click(`text=${TITLE}: Mars`);
    await page.click(`a.govuk-task-list__link:has-text("Utsatta barn och familjer")`);
    await shot(page, '01-omrade');
    // A measure without status and a date that does not exist: saved as typed, flagged beside the fields.
    await page.fill('#m_children_measures_0_description', 'Familjebehandling i hemmet');
    await page.fill('#m_children_measures_0_startDate', '2026-13-45');
    await page.waitForFunction(() =>
      document.querySelector('.sv-autosave')?.textContent?.includes('behöver rättas'),
    );
    expect(await page.locator('#m_children_measures_0_startDate-error').innerText()).toContain(
      'Åtgärd 1 under Utsatta barn och familjer: startdatumet 2026-13-45 finns inte',
    );
    expect(await page.locator('#m_children_measures_0_status-error').innerText()).toContain('välj status');
    await expectAccessible(page);
    await page.reload();
    expect(await page.locator('#m_children_measures_0_startDate').inputValue()).toBe('2026-13-45');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Utkastet är sparat');
    await expectAccessible(page);
    await shot(page, '02-utkast-med-flaggor');

    // Adding a measure (without a script's help it is a page load) lands on the new measure, not the top.
    await page.click('button:has-text("Lägg till en åtgärd")');
    expect(new URL(page.url()).hash).toBe('#m_children_measures_1_description');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);

    // Signed out elsewhere while typing: the autosave says so; the text stays in the browser.
    const reporter = await server.database.db.execute(
      sql`delete from sessions where user_id = (select id from users where email = 'kommun.0382@demo.test')`,
    );
    expect(reporter).toBeDefined();
    await page.fill('#m_children_measures_1_description', 'Läxhjälp på biblioteket, tre kvällar i veckan');
    await page.waitForFunction(() =>
      document.querySelector('.sv-autosave')?.textContent?.includes('inte längre inloggad'),
    );
    // The refused autosave (401) is logged by the browser; it is the point of this step.
    await expectAccessible(page, { allowConsoleErrors: /401/ });
    await shot(page, '03-sessionen-slut');
    await page.click('.sv-autosave a:has-text("Logga in igen")');
    expect(await page.locator('main').innerText()).toContain('kommer du tillbaka till sidan du var på');
    await page.fill('#email', 'kommun.0382@demo.test');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL((u) => u.pathname.endsWith('/avsnitt/children'));
    // Back at the form: the text that never reached the server is offered back, and then saved.
    expect(await page.locator('.sv-restore').innerText()).toContain('hann inte sparas');
    await expectAccessible(page);
    await shot(page, '04-aterstall');
    await page.click('button:has-text("Återställ texten")');
    expect(await page.locator('#m_children_measures_1_description').inputValue()).toBe(
      'Läxhjälp på biblioteket, tre kvällar i veckan',
    );
    await page.waitForFunction(() =>
      document.querySelector('.sv-autosave')?.textContent?.includes('Utkastet sparades'),
    );
    await page.reload();
    expect(await page.locator('#m_children_measures_1_description').inputValue()).toBe(
      'Läxhjälp på biblioteket, tre kvällar i veckan',
    );
    expect(await page.locator('.sv-restore').count()).toBe(0);
    await page.context().close();
  });

  it('the county returns one answer for completion and approves the rest', async () => {
    const admin = await signIn('uppsala@demo.test');
    await visit(admin, `/uppsala${roundPath}`);
    await admin.click('text=Svar per organisation – Mars');
    await expectAccessible(admin);
    await admin.click('a:has-text("Uppsala kommun")');
    await expectAccessible(admin);
    await admin.fill('#comment', 'Ange målgrupp för åtgärden.');
    await admin.click('button:has-text("Återlämna svaret")');
    // It asks first, naming the municipality; nothing is returned until the confirmation.
    expect(await admin.locator('h1').innerText()).toContain('Återlämna svaret från Uppsala kommun?');
    await expectAccessible(admin);
    await admin.click('button:has-text("Ja, återlämna svaret")');
    expect(await admin.locator('.govuk-notification-banner').innerText()).toContain('återlämnat');
    await expectAccessible(admin);

    const reporter = await signIn('kommun.0380@demo.test');
    await visit(reporter, '/uppdrag');
    await reporter.click(`text=${TITLE}: Mars`);
    expect(await reporter.locator('.govuk-inset-text').first().innerText()).toContain('Ange målgrupp');
    await reporter.click('a.govuk-task-list__link >> nth=0');
    await reporter.fill('#m_violence_measures_0_targetGroup', 'Våldsutsatta kvinnor och barn');
    await reporter.click('button:has-text("Spara utkast")');
    await reporter.goto(reporter.url().replace(/\/avsnitt\/.*$/, '/kontrollera'));
    await reporter.click('main button:has-text("Skicka in svaret")');
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
      if (slug === 'vasternorrland') {
        // A mistake seen after sending: the county recalls the picture, corrects it and sends it again.
        await page.click('button:has-text("Återkalla lägesbilden")');
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('återkallad');
        expect(await page.locator('main').innerText()).toContain('Utkast');
        await expectAccessible(page);
        await page.fill('#summary_violence', `Sammanfattning för ${slug}: rättad efter återkallelsen.`);
        await page.click('button:has-text("Spara och gå vidare till att skicka")');
        await page.click('main button:has-text("Skicka")');
        expect(await page.locator('.govuk-notification-banner').innerText()).toContain('inskickad');
        await expectAccessible(page);
      }
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
    // What the coordinator reads is what was sent last, after the recall.
    expect(await page.locator('main').innerText()).toContain('rättad efter återkallelsen');
    if (withMap) {
      const municipalityMap = 'figure.sv-map:not(.sv-tilemap-figure) > svg';
      expect(await page.locator(`${municipalityMap} > path`).count()).toBe(290 + 21);
      await page.selectOption('#omrade', 'mental_health');
      await page.click('button:has-text("Visa på kartan")');
      expect(await page.locator(municipalityMap).getAttribute('aria-label')).toContain('Psykisk ohälsa');
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
