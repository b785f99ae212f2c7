/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { register } from '../../src/modules/events/index.ts';
import { stockholmDate } from '../../src/platform/time.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

const SHOTS = process.env.SCREENSHOT_DIR;
const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * 86_400_000));
const TITLE = `Perspektivgemenskap i Uppsala län ${Math.random().toString(36).slice(2, 6)}`;
/** A refused form answers 400 on purpose, and the browser logs that status. */
const REFUSED = /status of 400 \(Bad Request\)/;

/**
 * The organiser's work in a real browser, by keyboard: the county admin creates an event with two programme
 * items (the second added with the form's own button, no script needed), publishes it and reads the
 * registrant list. axe runs on every page.
 */
describe('organising an event in the browser', () => {
  let server: RunningApp;
  let browser: Browser;
  let page: Page;
  let eventPath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/logga-in`);
    await page.fill('#email', 'uppsala@demo.test');
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/logga-in'), page.keyboard.press('Enter')]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/events-organiser-${name}.png`, fullPage: true });
  };
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  /** Tabs forward until the element with this id has the focus (a keyboard user's way to a field). */
  async function tabTo(id: string, max = 80): Promise<void> {
    for (let i = 0; i < max && (await focused()) !== id; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(id);
  }
  /** Types into the field with this id, reached by keyboard from where the focus is. */
  async function typeIn(id: string, text: string): Promise<void> {
    await tabTo(id);
    await page.keyboard.type(text);
  }

  it('the menu leads to the county’s events; the create button opens the form', async () => {
    await page.click('#navigation a[href="/uppsala/evenemang"]');
    expect(await page.locator('h1').innerText()).toBe('Evenemang');
    await expectAccessible(page);
    await shot('01-list');
    await page.focus('a.govuk-button:has-text("Skapa evenemang")');
    await Promise.all([page.waitForURL('**/uppsala/evenemang/nytt'), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toBe('Skapa evenemang');
    await expectAccessible(page);
  });

  it('creates an event with two programme items by keyboard; a bad date is refused beside its field', async () => {
    await page.focus('#title');
    await page.keyboard.type(TITLE);
    await typeIn('summary', 'En eftermiddag om att arbeta med horisontella perspektiv.');
    await typeIn('description', 'Flera kommuner berättar hur de **får arbetet att leva på tvären**.');
    await typeIn('targetGroup', 'Strateger, analytiker, chefer och förtroendevalda.');
    await typeIn('themes', 'Social hållbarhet, Mänskliga rättigheter');
    // A date the calendar lacks.
    await typeIn('startDate', `${day(40).slice(0, 4)}-02-30`);
    await typeIn('startTime', '12.30');
    await typeIn('endTime', '15.45');
    await typeIn('meetingLink', 'https://mote.example/perspektiv');
    await typeIn('capacity', '2');
    await typeIn('registrationLastDay', day(35));
    await typeIn('programme_0_time', '12.30');
    await typeIn(
      'programme_0_title',
      'Hur börjar vi resan från perspektivträngsel till perspektivgemenskap?',
    );
    await typeIn('programme_0_speaker_0_name', 'Linnéa Björkman');
    await typeIn('programme_0_speaker_0_title', 'utvecklingsledare');
    await typeIn('programme_0_speaker_0_organisation', 'Länsstyrelsen i Uppsala län');

    // The second item: the form's own button adds the row and comes back with the focus in it.
    await tabTo('add-item');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('#programme_1_time');
    expect(await focused()).toBe('programme_1_time');
    expect(await page.inputValue('#programme_0_speaker_0_name')).toBe('Linnéa Björkman');
    await expectAccessible(page);
    await shot('02-second-item');
    await page.keyboard.type('13.45');
    await typeIn('programme_1_title', 'Paus');
    await tabTo('programme_1_kind');
    await page.keyboard.press('ArrowDown'); // Paus
    expect(await page.inputValue('#programme_1_kind')).toBe('break');

    // Enter in a field saves the form (not a row button): the bad date comes back beside its field.
    await page.focus('#title');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('#startDate-error').innerText()).toContain('finns inte');
    expect(await page.inputValue('#programme_1_title')).toBe('Paus');
    expect(await page.inputValue('#title')).toBe(TITLE);
    await expectAccessible(page, { allowConsoleErrors: REFUSED });
    await shot('03-refused');

    await page.locator('.govuk-error-summary a[href="#startDate"]').focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('startDate');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(day(40));
    await Promise.all([
      page.waitForURL(/\/uppsala\/evenemang\/[0-9a-f-]{36}$/),
      page.keyboard.press('Enter'),
    ]);
    eventPath = new URL(page.url()).pathname;
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    const main = await page.locator('main').innerText();
    expect(main).toContain('12.30 Hur börjar vi resan');
    expect(main).toContain('Linnéa Björkman, utvecklingsledare, Länsstyrelsen i Uppsala län');
    expect(main).toMatch(/13\.45 Paus/);
    expect(main).toContain('Utkast');
    await expectAccessible(page);
    await shot('04-draft');
  });

  it('publishes the event; the publish button is gone and the public page is linked', async () => {
    await page.focus('button:has-text("Publicera evenemanget")');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('.govuk-notification-banner');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('är publicerat');
    expect(await page.locator('button:has-text("Publicera evenemanget")').count()).toBe(0);
    expect(await page.locator('main a:has-text("Evenemangets sida i kalendern")').count()).toBe(1);
    await expectAccessible(page);
    await shot('05-published');
  });

  it('reads the registrant list: who, from where, their status', async () => {
    const eventId = eventPath.split('/').pop()!;
    for (const [name, org] of [
      ['Hanna Lindgren', 'Sveriges Kommuner och Regioner'],
      ['Johan Sjöberg', 'Knivsta kommun'],
      ['Emma Lindahl', 'Heby kommun'],
    ] as const)
      await register(
        server.app.deps,
        { countyCode: '03', eventId },
        {
          name,
          email: `${name.split(' ')[0]!.toLowerCase()}@example.se`,
          organisationName: org,
          organisationType: org.endsWith('kommun') ? 'municipality' : 'other',
          municipalityCode: org === 'Knivsta kommun' ? '0330' : null,
          consent: true,
          questionFields: {},
        },
      );
    await page.focus('main a:has-text("Anmälda")');
    await Promise.all([page.waitForURL(`**${eventPath}/anmalda`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toBe('Anmälda');
    const rows = await page
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => c.textContent?.trim())),
      );
    expect(rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['Hanna Lindgren', 'Sveriges Kommuner och Regioner', 'hanna@example.se', 'Bekräftad'],
      ['Johan Sjöberg', 'Knivsta kommun', 'johan@example.se', 'Bekräftad'],
      ['Emma Lindahl', 'Heby kommun', 'emma@example.se', 'På väntelistan (plats 1)'],
    ]);
    await expectAccessible(page);
    await shot('06-registrants');
  });
});
