import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_001_COUNCIL_SLUG } from '../../src/modules/councils/index.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

/**
 * Uppsala's council (seed 001) through the year: the county admin creates the year's four steps and changes
 * one, opens the follow-up report; a visitor writes to the secretariat through the public page. Axe on every
 * page.
 */
describe("a council's yearly cycle and its contact form, in a browser", () => {
  let server: RunningApp;
  let browser: Browser;
  const base = `/uppsala/rad/${SEED_001_COUNCIL_SLUG}`;
  const year = new Date().getUTCFullYear() + 1;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets the county admin plan the year and read its follow-up', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/logga-in`);
    await page.fill('#email', 'uppsala@demo.test');
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/logga-in'),
      page.click('main button[type=submit]'),
    ]);

    await page.goto(`${server.url}${base}/arshjul?ar=${year}`);
    expect(await page.locator('h1').innerText()).toBe(`Årshjul ${year}`);
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL(/arshjul\?ar=/),
      page.click('main button:has-text("Skapa årets steg")'),
    ]);
    expect(await page.locator('ol.sv-timeline > li h2').allInnerTexts()).toEqual([
      'Gemensam lägesbild',
      'Kunskapsspridning',
      'Referensgrupp',
      'Fortsatta och nya fokusområden',
    ]);
    await expectAccessible(page);

    await page.click('ol.sv-timeline > li:first-child a:has-text("Ändra")');
    await expectAccessible(page);
    await page.fill('#title', 'Samlad nulägesbild');
    await page.selectOption('#status', 'ongoing');
    await Promise.all([page.waitForURL(/arshjul\?ar=/), page.click('main button:has-text("Spara")')]);
    expect(await page.locator('ol.sv-timeline > li:first-child h2').innerText()).toBe('Samlad nulägesbild');

    await page.click(`a:has-text("Uppföljning ${year}")`);
    expect(await page.locator('h1').innerText()).toBe(`Uppföljning ${year}`);
    expect(await page.locator('main').innerText()).toContain('Samlad nulägesbild');
    await expectAccessible(page);
    await context.close();
  });

  it('lets a visitor write to the secretariat, and shows what is missing first', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}${base}`);
    await page.fill('#name', 'Alva Besökare');
    await page.fill('#subject', 'Fråga om referensgruppen');
    await page.click('section[aria-labelledby="contact"] button');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('#email-error').innerText()).toContain('Ange din e-postadress');
    expect(await page.inputValue('#name')).toBe('Alva Besökare');
    // The refused form answers 400 on purpose, and the browser logs that status.
    await expectAccessible(page, { allowConsoleErrors: /status of 400 \(Bad Request\)/ });
    await page.fill('#email', 'alva@example.com');
    await page.fill('#message', 'Hur anmäler vi oss?');
    await Promise.all([
      page.waitForURL((u) => u.pathname === base),
      page.click('section[aria-labelledby="contact"] button'),
    ]);
    expect(await page.locator('main').innerText()).toContain('Tack för ditt meddelande!');
    await expectAccessible(page);
    await context.close();
  });
});
