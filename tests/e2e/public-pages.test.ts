/// <reference lib="dom" />
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { makeImage } from '../helpers/files.ts';
import {
  expectAccessible,
  expectNoConsoleErrors,
  launchBrowser,
  startDemoServer,
  type RunningApp,
} from './browser.ts';

const SUFFIX = Math.random().toString(36).slice(2, 6);
const TITLE = `Föreläsningar om spel ${SUFFIX}`;
const NEW_TITLE = `Föreläsningar om spel och dobbel ${SUFFIX}`;
const ALT = 'En föreläsare framför en full hörsal';
const BODY_ALT = 'Karta över var föreläsningarna hålls';
const SHOTS = '/tmp/e2e-shots';

const ADMIN = 'vasternorrland@demo.test';
const EDITOR = 'redaktor.vasternorrland@demo.test';
const REVIEWER = 'granskare.vasternorrland@demo.test';

const stockholmParts = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** An instant as the forms take it: the Swedish date and the clock (TT.MM). */
function stockholm(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(stockholmParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}.${p.minute}` };
}
/**
 * The next whole minute, or the one after when too little of this one is left for the steps that must happen
 * before it (saving a banner, scheduling a page, a visitor's look): Stockholm's offset is whole hours, so a
 * whole minute in UTC is one there too.
 */
function nextWholeMinute(margin = 25_000): Date {
  const now = Date.now();
  let t = Math.ceil((now + 1) / 60_000) * 60_000;
  if (t - now < margin) t += 60_000;
  return new Date(t);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The "done when" walk through a county's public pages in a real browser, axe on every page visited and
 * no console errors: Västernorrland requires review; an editor writes a page under ANDTS in Markdown with an
 * image, previews it and sends it for review, and may not publish it herself; a second editor schedules its
 * publication at the next whole minute; the visitor gets 404 before and the page with its image after; search
 * (stemmed) and the sitemap find it; an edit is reviewed and published, the history shows the diff and the first
 * version is restored as a draft. Meanwhile a warning banner runs for one minute on the county's pages.
 */
describe('a county’s public pages in the browser', { timeout: 240_000 }, () => {
  let server: RunningApp;
  let browser: Browser;
  let editor: Page;
  let reviewer: Page;
  let admin: Page;
  let visitor: Page;
  let editUrl = '';
  let publicPath = '';
  let publishAt: Date;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    fs.mkdirSync(SHOTS, { recursive: true });
    visitor = await (await browser.newContext()).newPage();
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
    Promise.all([page.waitForLoadState('load'), page.click(`main button.govuk-button:has-text("${text}")`)]);
  /** Clicks a link in the main content and waits for the page it leads to. */
  const follow = (page: Page, text: string) =>
    Promise.all([page.waitForLoadState('load'), page.click(`main a:has-text("${text}")`)]);
  /** Opens a page; its status. */
  async function open(page: Page, path: string): Promise<number> {
    const response = await page.goto(`${server.url}${path}`);
    return response?.status() ?? 0;
  }
  /** Reloads `path` every few seconds until `done` holds (at most `max` ms); the last status. */
  async function pollUntil(
    page: Page,
    path: string,
    done: (status: number) => Promise<boolean>,
    max = 90_000,
  ): Promise<number> {
    const until = Date.now() + max;
    for (;;) {
      const status = await open(page, path);
      // The misses before the minute log their 404; they are expected.
      expectNoConsoleErrors(page, /404/);
      if (await done(status)) return status;
      if (Date.now() > until) throw new Error(`${path} blev aldrig som väntat (senast ${status})`);
      await sleep(3_000);
    }
  }
  /** Each image (by its alt text) is in the main content and decodes: the page's own and the text's. */
  async function expectImagesShown(page: Page, alts: string[]): Promise<void> {
    for (const alt of alts) {
      const image = page.locator(`main img[alt="${alt}"]`);
      await image.scrollIntoViewIfNeeded(); // the text's images load lazily
      await image.evaluate((img: HTMLImageElement) => img.decode());
      expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
        true,
      );
    }
  }
  const bannerRegion = (page: Page) =>
    page.getByRole('region', { name: 'Varning' }).filter({ hasText: `Vattenläcka ${SUFFIX}` });

  it('the county admin makes the county’s pages require review', async () => {
    admin = await signIn(ADMIN);
    await open(admin, '/vasternorrland/redaktion/installningar');
    await expectAccessible(admin);
    await admin.check('input[name="requiresReview"][value="yes"]');
    await press(admin, 'Spara inställningarna');
    await expectAccessible(admin);
    await open(admin, '/vasternorrland/redaktion/installningar');
    expect(await admin.isChecked('input[name="requiresReview"][value="yes"]')).toBe(true);
  });

  it('an editor writes a page under ANDTS with an image, previews it and sends it for review', async () => {
    editor = await signIn(EDITOR);
    await open(editor, '/vasternorrland/redaktion/sidor');
    await expectAccessible(editor);
    // The theme page itself opens for editing.
    await follow(editor, 'ANDTS');
    expect(await editor.locator('h1').innerText()).toContain('ANDTS');
    await expectAccessible(editor);

    await open(editor, '/vasternorrland/redaktion/sidor');
    await follow(editor, 'Ny sida');
    await expectAccessible(editor);
    await editor.fill('#title', TITLE);
    await editor.fill('#slug', `forelasningar-${SUFFIX}`);
    const parent = await editor
      .locator('#parentId option')
      .filter({ hasText: '(/andts)' })
      .first()
      .getAttribute('value');
    await editor.selectOption('#parentId', parent);
    await press(editor, 'Skapa sidan');
    expect(await editor.locator('h1').innerText()).toContain('Redigera');
    editUrl = new URL(editor.url()).pathname;
    publicPath = `/vasternorrland/andts/forelasningar-${SUFFIX}`;
    expect(await editor.locator('main').innerText()).toContain(publicPath);
    await expectAccessible(editor);

    await editor.fill('#title', TITLE);
    await editor.fill('#summary', 'Länsstyrelsen bjuder in till föreläsningar om spelberoende.');
    await editor.fill(
      '#body',
      [
        '## Program',
        '',
        '- en föreläsning om spel om pengar',
        '- ett samtal om stöd i kommunerna',
        '',
        'Välkommen!',
      ].join('\n'),
    );
    await press(editor, 'Spara utkastet');
    await expectAccessible(editor);
    expect(await editor.inputValue('#title')).toBe(TITLE);

    await follow(editor, 'Bild');
    await expectAccessible(editor);
    await editor.setInputFiles('#image', {
      name: 'horsal.png',
      mimeType: 'image/png',
      buffer: await makeImage('png', 800, 450),
    });
    await editor.fill('#imageAlt', ALT);
    await press(editor, 'Spara bilden i utkastet');
    await expectAccessible(editor);

    // An image in the text: uploaded under Filer, its line copied into the body with what it shows.
    await open(editor, editUrl);
    await follow(editor, 'Filer');
    await editor.setInputFiles('#file', {
      name: 'spelkarta.png',
      mimeType: 'image/png',
      buffer: await makeImage('png', 1200, 600),
    });
    await editor.fill('#title', 'Karta');
    await press(editor, 'Ladda upp');
    await expectAccessible(editor);
    await editor.screenshot({ path: `${SHOTS}/files.png`, fullPage: true });
    const line = await editor.locator('main code.sv-code').first().innerText();
    await open(editor, editUrl);
    await editor.fill(
      '#body',
      [
        (await editor.inputValue('#body')).trim(),
        '',
        '| Tid | Föreläsning |',
        '| --- | --- |',
        '| 13.00 | Spel om pengar |',
        '',
        line.replace('Vad bilden visar', BODY_ALT),
      ].join('\n'),
    );
    await press(editor, 'Spara utkastet');
    expect(await editor.locator('.govuk-error-summary').count()).toBe(0);

    await open(editor, editUrl);
    await follow(editor, 'Förhandsvisa');
    await expectAccessible(editor);
    const preview = await editor.locator('main').innerText();
    expect(preview).toContain(TITLE);
    expect(await editor.locator('main :is(h2, h3):has-text("Program")').count()).toBe(1);
    expect(await editor.locator('main li:has-text("föreläsning")').count()).toBe(1);
    expect(await editor.locator('main table td:has-text("Spel om pengar")').count()).toBe(1);
    await expectImagesShown(editor, [ALT, BODY_ALT]);
    await editor.screenshot({ path: `${SHOTS}/preview.png`, fullPage: true });

    await open(editor, editUrl);
    await press(editor, 'Skicka för granskning');
    await expectAccessible(editor);
    // The one who wrote it may not publish it: no button, and the page says why.
    expect(await editor.locator('main a.govuk-button:has-text("Publicera")').count()).toBe(0);
    expect(await editor.locator('main .govuk-inset-text').count()).toBe(1);
    await editor.screenshot({ path: `${SHOTS}/editor-refused.png`, fullPage: true });
  });

  it('a banner is set for a minute and a second editor schedules the page at the same minute', async () => {
    publishAt = nextWholeMinute();
    const start = stockholm(publishAt);
    const end = stockholm(new Date(publishAt.getTime() + 60_000));

    await open(admin, '/vasternorrland/redaktion/varningar');
    await expectAccessible(admin);
    await follow(admin, 'Ny varning');
    await expectAccessible(admin);
    await admin.check('input[name="level"][value="warning"]');
    await admin.fill('#message', `Vattenläcka ${SUFFIX}: länsstyrelsens kontor i Härnösand är stängt.`);
    await admin.fill('#startsDate', start.date);
    await admin.fill('#startsTime', start.time);
    await admin.fill('#endsDate', end.date);
    await admin.fill('#endsTime', end.time);
    await press(admin, 'Spara varningen');
    await expectAccessible(admin);
    expect(await admin.locator('.govuk-error-summary').count()).toBe(0);

    reviewer = await signIn(REVIEWER);
    await open(reviewer, editUrl);
    await expectAccessible(reviewer);
    await follow(reviewer, 'Publicera');
    await expectAccessible(reviewer);
    await reviewer.check('input[name="when"][value="later"]');
    await reviewer.fill('#date', start.date);
    await reviewer.fill('#time', start.time);
    await press(reviewer, 'Publicera');
    await expectAccessible(reviewer);
    expect(await reviewer.locator('.govuk-error-summary').count()).toBe(0);

    // Before the minute: the page is not there and the county's pages show no banner.
    expect(Date.now()).toBeLessThan(publishAt.getTime());
    expect(await open(visitor, publicPath)).toBe(404);
    await expectAccessible(visitor, { allowConsoleErrors: /404/ });
    expect(await open(visitor, '/vasternorrland/')).toBe(200);
    expect(await bannerRegion(visitor).count()).toBe(0);
    await expectAccessible(visitor);
    expect(Date.now()).toBeLessThan(publishAt.getTime());
  });

  it('after the minute the visitor sees the page with its image and the banner', async () => {
    await sleep(Math.max(0, publishAt.getTime() - Date.now()));
    await pollUntil(visitor, publicPath, async (s) => s === 200);
    await expectAccessible(visitor, { allowConsoleErrors: /404/ });
    expect(await visitor.locator('h1').innerText()).toBe(TITLE);
    expect(await visitor.locator('main li:has-text("föreläsning")').count()).toBe(1);
    await expectImagesShown(visitor, [ALT, BODY_ALT]);
    await visitor.screenshot({ path: `${SHOTS}/visitor-page.png`, fullPage: true });

    await pollUntil(visitor, '/vasternorrland/', async () => (await bannerRegion(visitor).count()) === 1);
    expect(await visitor.locator('.sv-warning h2').first().innerText()).toBe('Varning');
    await expectAccessible(visitor);
    await visitor.screenshot({ path: `${SHOTS}/visitor-banner.png`, fullPage: true });
  });

  it('search finds the page by another form of the word, and the sitemap lists it', async () => {
    expect(await open(visitor, `/vasternorrland/sok?q=${encodeURIComponent('föreläsningar')}`)).toBe(200);
    await expectAccessible(visitor);
    expect(await visitor.locator(`main a[href="${publicPath}"]`).count()).toBeGreaterThan(0);
    await visitor.screenshot({ path: `${SHOTS}/search.png`, fullPage: true });

    // The sitemap comes from a parallel branch: asserted when the route answers.
    const sitemap = await visitor.request.get(`${server.url}/vasternorrland/sitemap.xml`);
    if (sitemap.status() === 200) expect(await sitemap.text()).toContain(`${publicPath}<`);
  });

  it('an edit is reviewed and published; the history shows the diff and restores the first version', async () => {
    await open(editor, editUrl);
    await editor.fill('#title', NEW_TITLE);
    await editor.fill('#note', 'Ny rubrik');
    await press(editor, 'Spara utkastet');
    await press(editor, 'Skicka för granskning');
    await expectAccessible(editor);

    await open(reviewer, editUrl);
    await follow(reviewer, 'Publicera');
    await reviewer.check('input[name="when"][value="now"]');
    await press(reviewer, 'Publicera');
    await expectAccessible(reviewer);
    expect(await open(visitor, publicPath)).toBe(200);
    expect(await visitor.locator('h1').innerText()).toBe(NEW_TITLE);
    await expectAccessible(visitor);

    await open(editor, editUrl);
    await follow(editor, 'Historik');
    await expectAccessible(editor);
    await follow(editor, 'Version 2');
    await expectAccessible(editor);
    expect(await editor.locator('main h2').first().innerText()).toContain('Skillnader mot version 1');
    expect(await editor.locator('main del').allInnerTexts()).toContain(TITLE);
    expect(await editor.locator('main ins').allInnerTexts()).toContain(NEW_TITLE);
    await editor.screenshot({ path: `${SHOTS}/diff.png`, fullPage: true });

    await open(editor, editUrl);
    await follow(editor, 'Historik');
    await follow(editor, 'Version 1');
    await expectAccessible(editor);
    await press(editor, 'Återställ den här versionen som utkast');
    await expectAccessible(editor);
    await open(editor, editUrl);
    expect(await editor.inputValue('#title')).toBe(TITLE);
    // The restored version is a draft: the visitor still sees the published edit.
    await open(visitor, publicPath);
    expect(await visitor.locator('h1').innerText()).toBe(NEW_TITLE);
  });

  it('the banner is gone after its end', async () => {
    const endsAt = publishAt.getTime() + 60_000;
    await sleep(Math.max(0, endsAt - Date.now()));
    await pollUntil(visitor, '/vasternorrland/', async () => (await bannerRegion(visitor).count()) === 0);
    await expectAccessible(visitor);
  });
});
