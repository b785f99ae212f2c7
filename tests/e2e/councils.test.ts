/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_001_COUNCIL_SLUG } from '../../src/modules/councils/index.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { makeImage } from '../helpers/files.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

const NAME = `Råd för trygghet ${Math.random().toString(36).slice(2, 6)}`;

/**
 * The councils' work room in a real browser with axe on every page: Uppsala's admin forms a council, adds
 * members (one by search from another county) and a body with a person, gives a member a logo that the public
 * page shows; the demo's council member walks the work room of the council she sits in.
 */
describe('a council’s work room in the browser', () => {
  let server: RunningApp;
  let browser: Browser;

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

  it('a county admin forms a council, adds members, a body, a person and a logo', async () => {
    const page = await signIn('uppsala@demo.test');
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
    const base = new URL(page.url()).pathname.replace(/\/oversikt$/, '');

    // Members: Knivsta from the county's list, Socialstyrelsen by search.
    await page.goto(`${server.url}${base}/medlemmar`);
    await expectAccessible(page);
    await page.check('label:has-text("Knivsta kommun")');
    await press(page, 'Lägg till de valda');
    await page.fill('#sok', 'Socialstyrelsen');
    await press(page, 'Sök');
    await expectAccessible(page);
    await page.check('label:has-text("Socialstyrelsen")');
    await press(page, 'Lägg till de valda');
    const current = await page.locator('table').first().innerText();
    expect(current).toContain('Knivsta kommun');
    expect(current).toContain('Socialstyrelsen');

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
