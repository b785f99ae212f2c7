/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, type MadeResponse, type TestUser } from '../factories.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

/**
 * Charts and maps read at 100 % zoom, on a 1280-px screen and on a 390-px phone: every SVG text in the
 * page's sans-serif (not the browser's serif), at 14 px or more as shown; every chart with a title and its
 * numbers in a table it links to. axe on each page.
 */
describe('charts and maps in the browser', () => {
  let server: RunningApp;
  let browser: Browser;
  let admin: TestUser;
  let coordinator: TestUser;
  let made: MadeResponse;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    const make = factories(server.app);
    admin = await make.user('county_admin', { countyCode: '03' });
    coordinator = await make.user('national_coordinator');
    made = await make.response({ national: true, municipality: '0380', status: 'submitted' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(user: TestUser, width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await page.goto(`${server.url}/logga-in`);
    await page.fill('#email', user.email);
    await page.fill('#password', user.password);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/logga-in'),
      page.click('main button[type=submit]'),
    ]);
    return page;
  }

  /** Every text in the page's charts and maps: its words, its size as shown in px, and its font. */
  const svgTexts = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<SVGTextElement>('main svg text')).map((t) => {
        const m = t.getScreenCTM();
        const style = getComputedStyle(t);
        return {
          text: t.textContent,
          px: parseFloat(style.fontSize) * (m ? Math.hypot(m.a, m.b) : 1),
          font: style.fontFamily,
        };
      }),
    );

  const expectLegible = async (page: Page) => {
    const texts = await svgTexts(page);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.px < 13.9)).toEqual([]);
    expect(texts.filter((t) => !/^Arial, Helvetica, sans-serif$/.test(t.font))).toEqual([]);
    // no chart or map reaches past the screen's edge
    const right = await page.evaluate(() =>
      Math.max(
        ...Array.from(document.querySelectorAll('main figure > svg')).map(
          (e) => e.getBoundingClientRect().right,
        ),
      ),
    );
    expect(right).toBeLessThanOrEqual(page.viewportSize()!.width);
  };

  for (const width of [1280, 390]) {
    it(`the regional picture's charts, each with its title and its table (${width} px)`, async () => {
      const page = await signIn(admin, width);
      await page.goto(`${server.url}/uppsala/lagesbild/${made.round.id}/${made.occasion.id}/sammanstallning`);
      await expectAccessible(page);
      await expectLegible(page);
      const charts = page.locator('figure.sv-chart');
      const count = await charts.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const chart = charts.nth(i);
        expect(await chart.locator('svg[role="img"] > title').count()).toBe(1);
        expect(await chart.locator('svg').getAttribute('aria-label')).toMatch(/^Stapeldiagram: /);
        expect(await chart.locator('figcaption').innerText()).toMatch(/^Diagram: /);
        // the chart leads to its numbers: a table with a caption and a row per level
        const href = (await chart.locator('figcaption a').getAttribute('href'))!;
        const table = page.locator(`table${href}`);
        expect(await table.locator('caption').innerText()).toMatch(/^Fördelning: /);
        expect(await table.locator('tbody th[scope="row"]').allInnerTexts()).toEqual(
          expect.arrayContaining(['1 – Ingen påverkan', 'Vet ej', 'Ej besvarad']),
        );
        // drawn at its own size or smaller, never scaled up or cut
        const box = (await chart.locator('svg').boundingBox())!;
        expect(box.width).toBeLessThanOrEqual(340);
      }
    });

    it(`the national picture's county and municipality maps (${width} px)`, async () => {
      const page = await signIn(coordinator, width);
      await page.goto(`${server.url}/nationellt/lagesbild/${made.round.id}/${made.occasion.id}`);
      await expectAccessible(page);
      await expectLegible(page);
      const tiles = page.locator('figure.sv-tilemap-figure');
      expect(await tiles.count()).toBeGreaterThan(0);
      // each map says what it shows and what its colours mean, and its figures are in a table on the page
      expect(await tiles.first().locator('figcaption').innerText()).toMatch(/^Länen: /);
      expect(await tiles.first().locator('figcaption li').count()).toBe(7);
      expect(
        await page.locator('table caption', { hasText: 'Bedömd påverkan per område och län' }).count(),
      ).toBe(1);
      const municipal = page.locator('figure.sv-map:not(.sv-tilemap-figure)');
      expect(await municipal.locator('> svg').getAttribute('aria-label')).toContain('tabellen');
    });
  }
});
