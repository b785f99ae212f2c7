import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteUrls } from '../../src/modules/site/index.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

/** Where to leave screenshots of each page (at 1100 and 390 px) for a person to look at; unset: none. */
const SHOTS = process.env.SCREENSHOT_DIR;

/**
 * A visitor's way in: the national start page (choosing a county on the map), a county's start page, and the
 * public-sector frame's four pages from the footer, each with axe and no console error; printed, the start
 * page leaves the navigation and the footer out.
 */
describe('the public frame in a browser', () => {
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

  const newPage = async (width = 1100) =>
    (await browser.newContext({ viewport: { width, height: 900 } })).newPage();

  async function check(page: Page, name: string): Promise<void> {
    await expectAccessible(page);
    if (!SHOTS) return;
    await page.screenshot({ path: path.join(SHOTS, `${name}-1100.png`), fullPage: true });
    const narrow = await newPage(390);
    await narrow.goto(page.url());
    await narrow.screenshot({ path: path.join(SHOTS, `${name}-390.png`), fullPage: true });
    await narrow.context().close();
  }

  it('chooses a county on the map and reads its start page, then the frame from the footer', async () => {
    const page = await newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/`);
    expect(await page.locator('header .sv-brand').innerText()).toContain('Samverkan');
    await check(page, 'home');

    await Promise.all([page.waitForURL(/\/uppsala\/$/), page.click('svg a[href="/uppsala/"]')]);
    expect(await page.locator('h1').innerText()).toBe('Social hållbarhet i Uppsala län');
    expect(await page.locator('header .sv-room').innerText()).toContain('Uppsala län');
    expect(await page.locator('footer').innerText()).toContain('Länsstyrelsen i Uppsala län');
    await check(page, 'county');

    // Printed: the page's content, without the header's navigation, the footer or the skip link.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('footer').isVisible()).toBe(false);
    expect(await page.locator('.sv-search').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const names = ['accessibility', 'privacy', 'cookies', 'support'] as const;
    for (const name of names) {
      await Promise.all([
        page.waitForURL((u) => u.pathname === siteUrls[name]()),
        page.click(`footer a[href="${siteUrls[name]()}"]`),
      ]);
      expect(await page.locator('h1').count()).toBe(1);
      await check(page, name);
    }
  });
});
