/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, type Factories, type MadeResponse, type TestUser } from '../factories.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

/** Where the walk's screenshots go, when asked for (SCREENSHOTS=<folder>): to be looked at, not compared. */
const SHOTS = process.env.SCREENSHOTS;

/**
 * The regional picture leaves the county only after a confirmation that says what is missing, and can be
 * taken back until the coordinator closes the national compilation: confirm → send → recall → send again,
 * then the coordinator's national picture with its linked map, and the close. axe on every page.
 */
describe('sending, recalling and closing in the browser', () => {
  let server: RunningApp;
  let browser: Browser;
  let make: Factories;
  let admin: TestUser;
  let coordinator: TestUser;
  let made: MadeResponse;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    make = factories(server.app);
    admin = await make.user('county_admin', { countyCode: '03' });
    coordinator = await make.user('national_coordinator');
    made = await make.response({ national: true, municipality: '0380', status: 'submitted' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(user: TestUser): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${server.url}/logga-in`);
    await page.fill('#email', user.email);
    await page.fill('#password', user.password);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/logga-in'),
      page.click('main button[type=submit]'),
    ]);
    return page;
  }

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };
  const banner = (page: Page) => page.locator('.govuk-notification-banner').innerText();

  it('confirm, send, recall and send again; the coordinator follows on a linked map and closes', async () => {
    const picture = `${server.url}/uppsala/lagesbild/${made.round.id}/${made.occasion.id}/sammanstallning`;
    const page = await signIn(admin);
    await page.goto(picture);
    await page.fill('#summary_violence', 'Våldet i nära relationer bedöms som oförändrat.');
    await page.click('button:has-text("Spara och gå vidare till att skicka")');

    // The confirmation says what is missing before anything leaves.
    expect(page.url()).toBe(`${picture}/skicka`);
    const warning = await page.locator('.govuk-warning-text').innerText();
    expect(warning).toMatch(/\d+ av \d+ har inte svarat; sista svarsdag är .* — skicka ändå\?/);
    expect(await page.locator('main table').innerText()).toContain('Enköpings kommun');
    await expectAccessible(page);
    await shot(page, '1-bekrafta-skicka');
    await page.click('main button:has-text("Ja, skicka ändå")');
    expect(await banner(page)).toContain('inskickad');
    await expectAccessible(page);

    // Recalled: a draft again, the sending kept in the history; then sent again.
    await page.click('button:has-text("Återkalla lägesbilden")');
    expect(await banner(page)).toContain('återkallad');
    expect(await page.locator('main').innerText()).toContain('Utkast');
    await page.click('text=Historik: inskickad 1 gång');
    expect(await page.locator('main details').innerText()).toContain('återkallad');
    await expectAccessible(page);
    await shot(page, '2-aterkallad');
    await page.click('button:has-text("Spara och gå vidare till att skicka")');
    await page.click('main button:has-text("Ja, skicka ändå")');
    expect(await banner(page)).toContain('inskickad');
    await shot(page, '3-skickad-igen');

    // The coordinator: Uppsala län by name, linked to its picture and its Word report, on the map too.
    const national = `${server.url}/nationellt/lagesbild/${made.round.id}/${made.occasion.id}`;
    const nat = await signIn(coordinator);
    await nat.goto(national);
    await expectAccessible(nat);
    const tile = nat.locator('svg.sv-tilemap g[data-county="03"]').first();
    expect(await tile.locator('a').first().getAttribute('href')).toBe(
      `/nationellt/lagesbild/${made.round.id}/${made.occasion.id}/lan/uppsala`,
    );
    expect(await tile.locator('a').nth(1).getAttribute('href')).toBe(
      `/nationellt/lagesbild/${made.round.id}/${made.occasion.id}/lan/uppsala.docx`,
    );
    expect(await nat.locator('figure.sv-map figcaption').first().innerText()).toContain('Ej besvarad');
    // the municipal map is there on a fresh install, credited to SCB
    expect(await nat.locator('figure.sv-map path').count()).toBeGreaterThan(290);
    expect(await nat.locator('main').innerText()).toContain('SCB');
    await shot(nat, '4-nationell');
    if (SHOTS) {
      // the parts a reader looks at, at normal size
      await nat
        .locator('main table')
        .first()
        .screenshot({ path: path.join(SHOTS, '4a-lanen.png') });
      await nat
        .locator('section[aria-labelledby="a-violence"]')
        .screenshot({ path: path.join(SHOTS, '4b-omrade.png') });
      await nat
        .locator('figure.sv-map')
        .last()
        .screenshot({ path: path.join(SHOTS, '4c-kommunkarta.png') });
    }
    await tile.locator('a').first().click();
    expect(await nat.locator('main').innerText()).toContain(
      'Våldet i nära relationer bedöms som oförändrat.',
    );

    await nat.goto(`${national}/stang`);
    await expectAccessible(nat);
    await shot(nat, '5-stang');
    await nat.click('main button:has-text("stäng")');
    expect(await banner(nat)).toContain('stängd');

    // Closed: the county can no longer recall, and is told why.
    await page.goto(picture);
    expect(await page.locator('button:has-text("Återkalla lägesbilden")').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain('stängt den nationella sammanställningen');
    await expectAccessible(page);
    await shot(page, '6-stangd');
  });
});
