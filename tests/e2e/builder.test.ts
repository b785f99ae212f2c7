/// <reference lib="dom" />
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

const SHOTS = process.env.SCREENSHOTS_DIR;

/**
 * The questionnaire builder as an official meets it, with JavaScript (fields follow the type, rows are
 * added and moved in place, questions move without a page load) and without (the same through the form's
 * own buttons); and the audit log's filters. Axe on every page the JavaScript run visits.
 */
describe('the questionnaire builder and the audit log in a real browser', () => {
  let server: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(email: string, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${server.url}/logga-in`);
    await page.fill('#email', email);
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/logga-in'),
      page.click('main button[type=submit]'),
    ]);
    return page;
  }
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  /** A new empty questionnaire with one section; returns the editor's address. */
  async function newQuestionnaire(page: Page, title: string): Promise<string> {
    await page.goto(`${server.url}/nationellt/formular/nytt`);
    await page.fill('#title', title);
    await page.selectOption('#copyFrom', '');
    await Promise.all([page.waitForURL(/\/nationellt\/formular\/[0-9a-f-]{36}$/), page.click('main button')]);
    const editor = page.url();
    await page.fill('#new-section-title', 'Allmänt');
    await Promise.all([page.waitForLoadState('load'), page.click('text=Lägg till avsnittet')]);
    await page.waitForSelector('#avsnitt-allmant');
    return editor;
  }

  it('with JavaScript: fields follow the type, options are a list, conditions are picked, questions move in place', async () => {
    const page = await signIn('nationell@demo.test');
    const editor = await newQuestionnaire(page, 'E2E med skript');
    await expectAccessible(page);

    // A choice question: the option rows appear when the type is chosen, and rows are added and moved.
    await page.click('#avsnitt-allmant summary:has-text("Lägg till en fråga")');
    expect(await page.isVisible('#add-allmant-option-0-label')).toBe(false);
    expect(await page.isVisible('text=Visa fälten för vald frågetyp')).toBe(false);
    await page.selectOption('#add-allmant-type', 'single');
    expect(await page.isVisible('#add-allmant-option-0-label')).toBe(true);
    expect(await page.isVisible('#add-allmant-scaleMax')).toBe(false);
    await page.fill('#add-allmant-label', 'Hur ofta följs planen upp?');
    await page.fill('#add-allmant-option-0-label', 'Varje år');
    await page.fill('#add-allmant-option-1-label', 'Aldrig');
    await page.click('#add-allmant-options button:has-text("Lägg till ett svarsalternativ")');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-allmant-option-2-label');
    await page.keyboard.type('Vartannat år');
    await page.click('#add-allmant-options li:nth-child(3) button:has-text("Upp")');
    expect(
      await page.$$eval('#add-allmant-options input[type=text]', (els) =>
        els.map((e) => (e as HTMLInputElement).value),
      ),
    ).toEqual(['Varje år', 'Vartannat år', 'Aldrig']);
    // Each row, added or moved, is still described by its own limit line.
    expect(
      await page.$$eval('#add-allmant-options input[type=text]', (els) =>
        els.map(
          (e) =>
            document.getElementById(e.getAttribute('aria-describedby') ?? '')?.closest('li') ===
            e.closest('li'),
        ),
      ),
    ).toEqual([true, true, true]);
    await expectAccessible(page);
    await shot(page, 'builder-js-options');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('#avsnitt-allmant button:has-text("Lägg till frågan")'),
    ]);
    await page.waitForSelector('#fraga-hur_ofta_foljs_planen_upp');

    // A conditional question: the earlier question's own answers are offered when it is chosen.
    await page.click('#avsnitt-allmant summary:has-text("Lägg till en fråga")');
    await page.fill('#add-allmant-label', 'Varför aldrig?');
    await page.selectOption('#add-allmant-showIfQuestion', 'hur_ofta_foljs_planen_upp');
    const offered = await page.$$eval('#add-allmant-showIfValues label', (els) =>
      els.map((e) => e.textContent),
    );
    expect(offered).toEqual(['Varje år', 'Vartannat år', 'Aldrig']);
    await page.check('#add-allmant-showIfValues input[value="aldrig"]');
    await expectAccessible(page);
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('#avsnitt-allmant button:has-text("Lägg till frågan")'),
    ]);
    await page.waitForSelector('#fraga-varfor_aldrig');
    expect(await page.textContent('#fraga-varfor_aldrig')).toContain(
      'Besvaras bara om svaret på ”Hur ofta följs planen upp?” är Aldrig.',
    );

    // A third question moves up without a page load: the page object survives, the order changes.
    await page.click('#avsnitt-allmant summary:has-text("Lägg till en fråga")');
    await page.selectOption('#add-allmant-type', 'yesno');
    await page.fill('#add-allmant-label', 'Har ni en plan?');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('#avsnitt-allmant button:has-text("Lägg till frågan")'),
    ]);
    await page.waitForSelector('#fraga-har_ni_en_plan');
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await page.click('#fraga-har_ni_en_plan button:has-text("Flytta upp")');
    await page.waitForFunction(() => document.getElementById('sv-builder-status')?.textContent !== '');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    expect(await page.$$eval('[data-questions-of="allmant"] > li', (els) => els.map((e) => e.id))).toEqual([
      'fraga-hur_ofta_foljs_planen_upp',
      'fraga-har_ni_en_plan',
      'fraga-varfor_aldrig',
    ]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Flytta upp');
    await expectAccessible(page);
    await shot(page, 'builder-js-moved');
    // The order is saved.
    await page.reload();
    expect(await page.$$eval('[data-questions-of="allmant"] > li', (els) => els.map((e) => e.id))).toEqual([
      'fraga-hur_ofta_foljs_planen_upp',
      'fraga-har_ni_en_plan',
      'fraga-varfor_aldrig',
    ]);

    // Removing asks first.
    await page.click('#fraga-varfor_aldrig summary');
    await Promise.all([
      page.waitForURL(/ta-bort$/),
      page.click('#fraga-varfor_aldrig a:has-text("Ta bort frågan")'),
    ]);
    expect(await page.textContent('h1')).toBe('Ta bort frågan ”Varför aldrig?”?');
    await expectAccessible(page);
    await shot(page, 'builder-confirm-removal');
    await Promise.all([page.waitForURL(editor), page.click('button:has-text("Ja, ta bort frågan")')]);
    expect(await page.$('#fraga-varfor_aldrig')).toBeNull();
    await page.context().close();
  });

  it('without JavaScript: the form’s own buttons show the type’s fields and add and move rows', async () => {
    const page = await signIn('nationell@demo.test', false);
    await newQuestionnaire(page, 'E2E utan skript');
    // The add form of a text question: no option rows to see.
    expect(await page.isVisible('#add-allmant-option-0-label')).toBe(false);
    await page.click('#avsnitt-allmant summary:has-text("Lägg till en fråga")');
    await page.selectOption('#add-allmant-type', 'multiple');
    await page.fill('#add-allmant-label', 'Vilka ingår?');
    await Promise.all([page.waitForLoadState('load'), page.click('text=Visa fälten för vald frågetyp')]);
    expect(await page.isVisible('#add-allmant-option-0-label')).toBe(true);
    expect(await page.inputValue('#add-allmant-label')).toBe('Vilka ingår?');
    await page.fill('#add-allmant-option-0-label', 'Skola');
    await page.fill('#add-allmant-option-1-label', 'Polis');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('#add-allmant-options button:has-text("Lägg till ett svarsalternativ")'),
    ]);
    await page.fill('#add-allmant-option-2-label', 'Socialtjänst');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('#add-allmant-options li:nth-child(3) button:has-text("Upp")'),
    ]);
    expect(
      await page.$$eval('#add-allmant-options input[type=text]', (els) =>
        els.map((e) => (e as HTMLInputElement).value),
      ),
    ).toEqual(['Skola', 'Socialtjänst', 'Polis']);
    await shot(page, 'builder-nojs-options');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('#avsnitt-allmant button:has-text("Lägg till frågan")'),
    ]);
    expect(await page.textContent('.govuk-notification-banner')).toContain('Frågan är tillagd.');
    await page.click('#fraga-vilka_ingar summary');
    expect(
      await page.$$eval('#question-vilka_ingar-options input[type=text]', (els) =>
        els.map((e) => (e as HTMLInputElement).value),
      ),
    ).toEqual(['Skola', 'Socialtjänst', 'Polis']);
    await page.context().close();
  });

  it('the audit log reads as Swedish sentences and filters by person, county, object and time', async () => {
    const page = await signIn('system@demo.test');
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`${server.url}/admin/granskningslogg`);
    await expectAccessible(page);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // The builder test above has left the national coordinator's changes.
    await page.selectOption('#filter-vem', { label: 'Nils Nationell (nationell@demo.test)' });
    await page.selectOption('#filter-objekt', { label: 'Formulär' });
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    await page.fill('#filter-fran', today);
    await Promise.all([page.waitForURL(/vem=/), page.click('button:has-text("Visa händelserna")')]);
    const sentences = await page.$$eval('main tbody tr td:nth-child(2) p:first-child', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(s).toMatch(/^Nils Nationell .*formuläret/);
    expect(sentences).toContain('Nils Nationell skapade formuläret ”E2E med skript”');
    expect(await page.inputValue('#filter-fran')).toBe(today);
    await expectAccessible(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'audit-filtered');

    // A county with no such events: the filter says so.
    await page.selectOption('#filter-lan', { label: 'Gotlands län' });
    await Promise.all([page.waitForURL(/lan=09/), page.click('button:has-text("Visa händelserna")')]);
    expect(await page.textContent('main')).toContain('Inga händelser stämmer med filtret.');
    await expectAccessible(page);
    await page.context().close();
  });
});
