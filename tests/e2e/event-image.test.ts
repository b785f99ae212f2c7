/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { stockholmDate } from '../../src/platform/time.ts';
import { makeExe, makeImage } from '../helpers/files.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * 86_400_000));
const TITLE = `Föreläsning med bild ${Math.random().toString(36).slice(2, 6)}`;

/** What the browser made of an image: loaded (its natural width), from where, with which alt text. */
const imageState = (page: Page, selector: string) =>
  page.locator(selector).evaluate((img: HTMLImageElement) => ({
    loaded: img.complete && img.naturalWidth > 0,
    currentSrc: img.currentSrc,
    alt: img.alt,
  }));

/**
 * An event's image in a real browser: the organiser's form sends the file as multipart without any script,
 * a renamed program is refused beside the field, a real photo is kept; the draft's image is seen by the
 * organiser and, once published, by a visitor in the width the browser picks from srcset. axe on every page.
 */
describe('an event’s image in the browser', () => {
  let server: RunningApp;
  let browser: Browser;
  let page: Page;
  let publicPath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${server.url}/logga-in`);
    await page.fill('#email', 'uppsala@demo.test');
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/logga-in'), page.press('#password', 'Enter')]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * axe needs a script, and this browser runs none: the page as it stands (its scripts left out) is checked in
   * a page of a browser that does, on the same server so its styles apply. The refused form's 400 is this
   * browser's to log, not the checker's.
   */
  async function accessible(): Promise<void> {
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
    // Signed in as the same person: the draft's image is theirs to see, and anyone else's 404.
    const checking = await browser.newContext({ storageState: await page.context().storageState() });
    try {
      const checker = await checking.newPage();
      await checker.goto(`${server.url}/`);
      await checker.setContent(html, { waitUntil: 'load' });
      await expectAccessible(checker);
    } finally {
      await checking.close();
    }
  }

  it('refuses a program named like a photo beside the field, keeping what was typed', async () => {
    await page.goto(`${server.url}/uppsala/evenemang/nytt`);
    await page.fill('#title', TITLE);
    await page.fill('#startDate', day(40));
    await page.fill('#startTime', '13.00');
    await page.fill('#endTime', '15.00');
    await page.fill('#registrationLastDay', day(35));
    await page.fill('#imageAlt', 'Två talare på en scen framför en publik');
    await page.setInputFiles('#image', { name: 'scen.jpg', mimeType: 'image/jpeg', buffer: makeExe() });
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('button.govuk-button:has-text("Spara som utkast")'),
    ]);
    expect(await page.locator('#image-error').innerText()).toContain(
      'Bilden måste vara en PNG-bild eller en JPEG-bild',
    );
    expect(await page.inputValue('#title')).toBe(TITLE);
    expect(await page.inputValue('#imageAlt')).toBe('Två talare på en scen framför en publik');
    await accessible();
  });

  it('saves a photo with the draft and shows it to the organiser', async () => {
    await page.setInputFiles('#image', {
      name: 'scen.jpg',
      mimeType: 'image/jpeg',
      buffer: await makeImage('jpeg', 2000, 1000, { gps: true }),
    });
    await Promise.all([
      page.waitForURL(/\/uppsala\/evenemang\/[0-9a-f-]{36}$/),
      page.click('button.govuk-button:has-text("Spara som utkast")'),
    ]);
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    await accessible();

    await page.goto(`${page.url()}/andra`);
    const preview = await imageState(page, '.sv-event-image-preview img');
    expect(preview).toMatchObject({ loaded: true, alt: 'Två talare på en scen framför en publik' });
    expect(preview.currentSrc).toMatch(/\/filer\/[0-9a-f-]{36}\/w480\/scen\.jpg$/);
    await accessible();
    await page.goBack();
  });

  it('once published, a visitor sees the image in a width from srcset, with its alt text', async () => {
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('button:has-text("Publicera evenemanget")'),
    ]);
    publicPath = (await page
      .locator('main a:has-text("Evenemangets sida i kalendern")')
      .getAttribute('href'))!;
    const visitor = await (await browser.newContext({ viewport: { width: 400, height: 800 } })).newPage();
    try {
      await visitor.goto(`${server.url}${publicPath}`);
      const shown = await imageState(visitor, '.sv-event-image img');
      expect(shown).toMatchObject({ loaded: true, alt: 'Två talare på en scen framför en publik' });
      // A narrow window takes a narrow copy (480 or 960 wide, by the screen's density), never the full photo.
      expect(shown.currentSrc).toMatch(/\/filer\/[0-9a-f-]{36}\/w(480|960)\/scen\.jpg$/);
      expect(await visitor.locator('.sv-event-image img').getAttribute('srcset')).toContain(' 1600w');
      await expectAccessible(visitor);
    } finally {
      await visitor.context().close();
    }
  });
});
