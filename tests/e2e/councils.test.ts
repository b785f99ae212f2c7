/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_001_COUNCIL_SLUG } from '../../src/modules/councils/index.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { makeImage } from '../helpers/files.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

const NAME = `Råd för trygghet ${Math.random().toString(36).slice(2, 6)}`;
const PRIORITY = 'Trygghet i offentliga miljöer';
const AREA = 'Förebyggande arbete i skolan';
const INTERVENTION = 'Trygga skolvägar';
const YEAR = new Date().getUTCFullYear();

/**
 * The councils' work room in a real browser with axe on every page: Uppsala's admin forms a council, adds
 * members (one by search from another county) and a body with a person, gives a member a logo that the public
 * page shows, seats the demo's council member (Region Uppsala) in the council, decides a priority with an
 * intervention area and an intervention owned by Region Uppsala with its financing; the council member records
 * her organisation's handling of the priority (by keyboard only) and reports the intervention's progress; the
 * public page shows the priority; the admin plans a meeting and its invitation opens as a calendar file. The
 * demo's council member also walks the work room of the seed's council.
 */
describe('a council’s work room in the browser', () => {
  let server: RunningApp;
  let browser: Browser;
  /** the county admin's page, signed in, and the formed council's work room (`/uppsala/rad/{slug}`) */
  let admin: Page;
  let base = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(email: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/logga-in`);
    await page.fill('#email', email);
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/logga-in'), page.press('#password', 'Enter')]);
    return page;
  }

  /** Clicks a submit button and waits for the page it leads to. */
  const press = (page: Page, text: string) =>
    Promise.all([page.waitForLoadState('load'), page.click(`button.govuk-button:has-text("${text}")`)]);
  /** Clicks a link and waits for the page it leads to. */
  const follow = (page: Page, text: string) =>
    Promise.all([page.waitForLoadState('load'), page.click(`main a:has-text("${text}")`)]);
  /** Opens a form folded in a <details> by its summary (the whole summary, not a part of it). */
  const unfold = (page: Page, summary: string) =>
    page.locator('summary').getByText(summary, { exact: true }).click();
  /** Tabs (keyboard only) until the element the selector names has the focus. */
  async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${selector} fick aldrig fokus med tabb`);
  }

  it('a county admin forms a council, adds members, a body, a person and a logo', async () => {
    const page = (admin = await signIn('uppsala@demo.test'));
    await page.goto(`${server.url}/uppsala/rad`);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/\/rad\/nytt$/), page.click('a:has-text("Bilda ett råd")')]);
    await expectAccessible(page);
    // A refused form keeps what was typed.
    await page.fill('#purpose', 'Att samordna arbetet för trygghet i länet.');
    await page.fill('#formedOn', '2026-02-30');
    await press(page, 'Bilda rådet');
    expect(await page.locator('#name-error').innerText()).toContain('Ange ett namn');
    expect(await page.inputValue('#purpose')).toBe('Att samordna arbetet för trygghet i länet.');
    await expectAccessible(page, { allowConsoleErrors: /400/ });
    await page.fill('#name', NAME);
    await page.fill('#formedOn', '2026-01-15');
    await Promise.all([page.waitForURL(/\/oversikt$/), page.click('button:has-text("Bilda rådet")')]);
    expect(await page.locator('h1').innerText()).toBe(NAME);
    await expectAccessible(page);
    base = new URL(page.url()).pathname.replace(/\/oversikt$/, '');

    // Members: Knivsta and Region Uppsala from the county's list, Socialstyrelsen by search.
    await page.goto(`${server.url}${base}/medlemmar`);
    await expectAccessible(page);
    await page.check('label:has-text("Knivsta kommun")');
    await page.getByLabel('Region Uppsala', { exact: true }).check();
    await press(page, 'Lägg till de valda');
    await page.fill('#sok', 'Socialstyrelsen');
    await press(page, 'Sök');
    await expectAccessible(page);
    await page.check('label:has-text("Socialstyrelsen")');
    await press(page, 'Lägg till de valda');
    const current = await page.locator('table').first().innerText();
    expect(current).toContain('Knivsta kommun');
    expect(current).toContain('Socialstyrelsen');
    expect(current).toContain('Region Uppsala');

    // A logo for Knivsta: its member page takes a PNG.
    await Promise.all([page.waitForLoadState('load'), page.click('a:has-text("Knivsta kommun")')]);
    await expectAccessible(page);
    await page.setInputFiles('#logo', {
      name: 'knivsta.png',
      mimeType: 'image/png',
      buffer: await makeImage('png', 240, 80),
    });
    await press(page, 'Spara logotypen');
    expect(await page.locator('img[alt="Logotyp: Knivsta kommun"]').count()).toBe(1);
    await expectAccessible(page);

    // A body under the council and a person in it.
    await page.goto(`${server.url}${base}/organ`);
    await expectAccessible(page);
    await page.selectOption('#kind', 'working_group');
    await page.fill('#name', 'Arbetsgruppen för trygghet');
    await page.selectOption('#reportsToId', { label: NAME });
    await Promise.all([
      page.waitForURL(/\/organ\/[0-9a-f-]+$/),
      page.click('button:has-text("Lägg till gruppen")'),
    ]);
    await expectAccessible(page);
    await page.selectOption('#organisationId', { label: 'Knivsta kommun' });
    await page.fill('#name', 'Kim Knivsta');
    await page.fill('#email', 'kim.knivsta@knivsta.example');
    await page.selectOption('#role', 'chair');
    await press(page, 'Lägg till personen');
    expect(await page.locator('table').innerText()).toContain('kim.knivsta@knivsta.example');
    await expectAccessible(page);

    // The public page shows the member with its logo and the new body in the structure.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${server.url}${base}`);
    const logo = visitor.locator('img[alt="Logotyp: Knivsta kommun"]');
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await visitor.locator('section[aria-labelledby="structure"]').innerText()).toContain(
      'Arbetsgruppen för trygghet',
    );
    await expectAccessible(visitor);
  });

  it('the admin seats Region Uppsala’s council member in the council itself', async () => {
    const page = admin;
    await page.goto(`${server.url}${base}/organ`);
    await follow(page, NAME);
    expect(await page.locator('h1').innerText()).toBe(NAME);
    await expectAccessible(page);
    await page.selectOption('#organisationId', { label: 'Region Uppsala' });
    await page.fill('#name', 'Rut Rådman');
    await page.fill('#email', 'rad.uppsala@demo.test');
    await page.selectOption('#role', 'member');
    await press(page, 'Lägg till personen');
    expect(await page.locator('table').innerText()).toContain('rad.uppsala@demo.test');
    await expectAccessible(page);
  });

  it('the admin decides a priority, refused first for a wrong Agenda 2030 target, with an area and an intervention', async () => {
    const page = admin;
    await page.goto(`${server.url}${base}/prioriteringar`);
    expect(await page.locator('h1').innerText()).toBe('Prioriteringar');
    await expectAccessible(page);
    await unfold(page, 'Lägg till samverkansområde');
    await page.fill('#name', PRIORITY);
    await page.fill('#description', 'Alla ska kunna känna sig trygga i länets offentliga miljöer.');
    await page.fill('#validFrom', `${YEAR}-01-01`);
    await page.fill('#rusGoals', 'Ett tryggt län');
    // There is no goal 18: the message beside the field, in Swedish, and what was typed is kept.
    await page.fill('#agendaTargets', '16.1, 18.1');
    await press(page, 'Lägg till samverkansområdet');
    expect(await page.locator('#agendaTargets-error').innerText()).toContain(
      '18.1 är inget delmål i Agenda 2030',
    );
    expect(await page.inputValue('#agendaTargets')).toBe('16.1, 18.1');
    expect(await page.inputValue('#name')).toBe(PRIORITY);
    await expectAccessible(page, { allowConsoleErrors: /400/ });
    await page.fill('#agendaTargets', '16.1, 11.7');
    await Promise.all([
      page.waitForURL(/\/prioriteringar\/[0-9a-f-]+$/),
      page.click('button:has-text("Lägg till samverkansområdet")'),
    ]);
    expect(await page.locator('h1').innerText()).toBe(PRIORITY);
    const facts = await page.locator('.govuk-summary-list').innerText();
    expect(facts).toContain('16.1 Fredliga och inkluderande samhällen');
    expect(facts).toContain('11.7 Hållbara städer och samhällen');
    await expectAccessible(page);

    // An intervention area, then an intervention in it owned by Region Uppsala, with Knivsta taking part.
    await unfold(page, 'Lägg till insatsområde');
    await page.fill('#area-name', AREA);
    await page.fill('#area-purpose', 'Att minska otryggheten bland barn och unga.');
    await page.fill('#area-targetGroup', 'Elever i grundskolan');
    await press(page, 'Lägg till insatsområdet');
    expect(await page.locator(`main h3:has-text("${AREA}")`).count()).toBe(1);
    await expectAccessible(page);
    await unfold(page, 'Lägg till insats');
    await page.selectOption('#intervention-areaId', { label: AREA });
    await page.fill('#intervention-name', INTERVENTION);
    await page.fill('#intervention-description', 'Vuxna längs skolvägarna morgon och eftermiddag.');
    await page.selectOption('#intervention-ownerOrganisationId', { label: 'Region Uppsala' });
    await page.check('#intervention-participantIds >> label:has-text("Knivsta kommun")');
    await page.fill('#intervention-startsOn', `${YEAR}-02-01`);
    await page.selectOption('#intervention-status', 'ongoing');
    expect(await page.isChecked('#intervention-public')).toBe(true);
    await press(page, 'Lägg till insatsen');
    expect(await page.locator(`section:has(h3:has-text("${AREA}")) li`).innerText()).toContain(
      `${INTERVENTION} (Region Uppsala)`,
    );
    await expectAccessible(page);

    // Its page: a financing line from Region Uppsala, Knivsta taking over after.
    await follow(page, INTERVENTION);
    expect(await page.locator('h1').innerText()).toBe(INTERVENTION);
    await expectAccessible(page);
    await unfold(page, 'Lägg till finansiering');
    await page.selectOption('#financing-funderOrganisationId', { label: 'Region Uppsala' });
    await page.fill('#financing-amountSek', '400 000');
    await page.fill('#financing-description', 'Samordnare på halvtid');
    await page.fill('#financing-fromOn', `${YEAR}-02-01`);
    await page.fill('#financing-untilOn', `${YEAR + 2}-12-31`);
    await page.selectOption('#financing-takenOverByOrganisationId', { label: 'Knivsta kommun' });
    await press(page, 'Lägg till finansieringen');
    const financing = await page.locator('table:has(caption:has-text("Finansiering"))').innerText();
    expect(financing).toMatch(/400\s000 kr/); // a no-break space between the thousands
    expect(financing).toContain('Samordnare på halvtid');
    expect(financing).toContain('Knivsta kommun');
    await expectAccessible(page);
  });

  it('Region Uppsala’s council member records its handling by keyboard and reports the intervention’s progress', async () => {
    const page = await signIn('rad.uppsala@demo.test');
    await page.goto(`${server.url}${base}/hantering`);
    expect(await page.locator('h1').innerText()).toBe('Medlemmarnas hantering');
    await expectAccessible(page);
    // She answers for her own organisation only, by keyboard: Tab to each field, Space on the choice, Enter.
    expect(await page.locator('#organisationId option').allInnerTexts()).toEqual(['Region Uppsala']);
    await tabTo(page, '#organisationId');
    await tabTo(page, '#priorityId');
    await tabTo(page, 'input[name="state"][value="decided"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#comment');
    await page.keyboard.type('Beslutat i regionstyrelsen, ingår i regionplanen.');
    await tabTo(page, 'main form button.govuk-button');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    const row = await page.locator('tr:has(th:has-text("Region Uppsala"))').innerText();
    expect(row).toContain('Beslutad');
    expect(row).toContain('Beslutat i regionstyrelsen, ingår i regionplanen.');
    expect(await page.locator('tr:has(th:has-text("Knivsta kommun"))').innerText()).toContain(
      'Inte besvarat',
    );
    await expectAccessible(page);

    // The intervention her organisation owns: she reports its progress, but keeps nothing else.
    await page.goto(`${server.url}${base}/prioriteringar`);
    await expectAccessible(page);
    await follow(page, INTERVENTION);
    expect(await page.locator('summary:has-text("Lägg till finansiering")').count()).toBe(0);
    await expectAccessible(page);
    await unfold(page, 'Lämna lägesrapport');
    await page.fill('#progress-period', `${YEAR}-H1`);
    await page.fill('#progress-text', 'Vuxna finns nu längs tre skolvägar i Knivsta.');
    await page.fill('#progress-figureLabel0', 'Vuxna på skolvägarna');
    await page.fill('#progress-figureValue0', '24');
    await page.fill('#progress-figureUnit0', 'personer');
    await press(page, 'Spara lägesrapporten');
    const report = await page.locator(`section:has(h3:has-text("${YEAR}-H1"))`).innerText();
    expect(report).toContain('första halvåret');
    expect(report).toContain('Vuxna finns nu längs tre skolvägar i Knivsta.');
    expect(report).toContain('Vuxna på skolvägarna: 24 personer');
    await expectAccessible(page);
    await page.context().close();
  });

  it('the public page shows the priority, its intervention area and the intervention', async () => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${server.url}${base}`);
    const priorities = await visitor.locator('section[aria-labelledby="priorities"]').innerText();
    expect(priorities).toContain(PRIORITY);
    expect(priorities).toContain('Agenda 2030: 16.1 Fredliga och inkluderande samhällen');
    expect(priorities).toContain(AREA);
    expect(priorities).toContain('Målgrupp: Elever i grundskolan');
    expect(priorities).toContain(INTERVENTION);
    // The internal parts stay internal: no financing, no progress.
    expect(priorities).not.toContain('Samordnare på halvtid');
    await expectAccessible(visitor);
    await visitor.context().close();
  });

  it('the admin plans a meeting of the council and its invitation opens as a calendar file', async () => {
    const page = admin;
    await page.goto(`${server.url}${base}/moten`);
    await expectAccessible(page);
    await page.selectOption('#bodyId', { label: NAME });
    await page.fill('#title', 'Rådsmöte om trygghet');
    await page.fill('#date', `${YEAR + 1}-03-15`);
    await page.fill('#startTime', '13.00');
    await page.fill('#endTime', '15.30');
    await page.fill('#location', 'Länsstyrelsen, Hamnesplanaden 3, Uppsala');
    await Promise.all([
      page.waitForURL(/\/moten\/[0-9a-f-]+$/),
      page.click('button:has-text("Planera mötet")'),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Rådsmöte om trygghet');
    await expectAccessible(page);
    const href = await page.locator('a:has-text("Ladda ner kallelsen som kalenderfil")').getAttribute('href');
    const ics = await page.request.get(`${server.url}${href}`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('Rådsmöte om trygghet');
  });

  it('the demo’s council member lands on her councils and walks the work room', async () => {
    const page = await signIn('rad.uppsala@demo.test');
    expect(new URL(page.url()).pathname).toBe('/uppsala/rad');
    await expectAccessible(page);
    await Promise.all([page.waitForLoadState('load'), page.click('a:has-text("Råd för social hållbarhet")')]);
    expect(new URL(page.url()).pathname).toBe(`/uppsala/rad/${SEED_001_COUNCIL_SLUG}/oversikt`);
    await expectAccessible(page);
    for (const part of ['medlemmar', 'organ']) {
      await page.goto(`${server.url}/uppsala/rad/${SEED_001_COUNCIL_SLUG}/${part}`);
      expect(await page.locator('h1').count()).toBe(1);
      await expectAccessible(page);
    }
    await page.click('a:has-text("Kansligruppen")');
    await page.waitForLoadState('load');
    await expectAccessible(page);
  });
});
