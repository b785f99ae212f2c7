import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, publishEvent, type EventRow } from '../../src/modules/events/index.ts';
import { findCountyBoard } from '../../src/modules/reference/index.ts';
import { stockholmDate, stockholmTime } from '../../src/platform/time.ts';
import { createTestUser } from '../factories.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

const DAY = 86_400_000;
/** Where to leave screenshots of each page (at 1100 and 390 px) for a person to look at; unset: none. */
const SHOTS = process.env.SCREENSHOT_DIR;

/**
 * A visitor finds an event in the county's calendar, opens it and registers by keyboard: first with a
 * mistyped e-mail address (the message beside the field, the input kept), then correctly, and sees the
 * confirmation. An event whose last day has passed says registration is closed. axe on every page.
 */
describe('the public events pages in a browser', () => {
  let server: RunningApp;
  let browser: Browser;
  let open: EventRow;
  let closed: EventRow;

  async function makeEvent(title: string, inDays: number, lastDayBefore: number): Promise<EventRow> {
    const db = server.database.db;
    const admin = await createTestUser(db, 'county_admin', { countyCode: '03' });
    const board = await findCountyBoard(db, '03');
    const day = stockholmDate(new Date(Date.now() + inDays * DAY));
    const lastDay = stockholmDate(new Date(Date.now() + (inDays - lastDayBefore) * DAY));
    const ctx = { db, config: server.config };
    const e = await createEvent(ctx, admin.actor, '03', {
      title,
      summary: 'En eftermiddag om hur kommunerna får arbetet med horisontella perspektiv att leva på tvären.',
      description: 'Flera kommuner berättar hur de **med olika arbetssätt** skapat bättre förutsättningar.',
      startsAt: stockholmTime(day, 12, 30),
      endsAt: stockholmTime(day, 15, 45),
      placeKind: 'digital',
      meetingLink: 'https://mote.example/hemlig',
      capacity: 40,
      costOre: 0,
      targetGroup: 'Strateger, analytiker och chefer i länets kommuner.',
      registrationClosesAt: stockholmTime(lastDay, 23, 59, 59),
      organisationIds: [board!.id],
      contacts: [{ name: 'Erik Exempelsson', organisation: 'Länsstyrelsen', email: 'erik@example.org' }],
      programme: [
        {
          startsAt: stockholmTime(day, 12, 30),
          title: 'Hur börjar vi resan?',
          speakers: [
            { name: 'Linnéa Exempel', organisation: 'Länsstyrelsen i Uppsala län' },
            { name: 'Erik Exempelsson', organisation: 'Länsstyrelsen i Uppsala län' },
          ],
        },
        { startsAt: stockholmTime(day, 13, 45), title: 'Paus', kind: 'break' },
      ],
    });
    return publishEvent(ctx, admin.actor, { countyCode: '03', eventId: e.id });
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    open = await makeEvent('Perspektivgemenskap i praktiken', 12, 3);
    closed = await makeEvent('Perspektivträngsel: en eftermiddag som varit', 1, 4);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function check(page: Page, name: string, allowConsoleErrors?: RegExp): Promise<void> {
    await expectAccessible(page, { allowConsoleErrors });
    if (!SHOTS) return;
    await page.screenshot({ path: path.join(SHOTS, `${name}-1100.png`), fullPage: true });
    const narrow = await newPage(390);
    // The page as it stands (a form's answer too), at a phone's width, on the same server so its styles apply.
    await narrow.goto(`${server.url}/`);
    await narrow.setContent(await page.content(), { waitUntil: 'load' });
    await narrow.screenshot({ path: path.join(SHOTS, `${name}-390.png`), fullPage: true });
    await narrow.context().close();
  }

  /** A page of a context of its own (axe needs one), at a width. */
  const newPage = async (width = 1100) =>
    (await browser.newContext({ viewport: { width, height: 900 } })).newPage();

  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  it('finds the event in the calendar and registers by keyboard, after a mistyped address', async () => {
    const page = await newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/uppsala/kalender`);
    // The event may be next month: the calendar's own link leads there.
    for (let i = 0; i < 2 && !(await page.locator(`main a:text-is("${open.title}")`).count()); i++)
      await page.click('a[rel="next"]');
    await check(page, 'calendar');
    await page.click(`main a:text-is("${open.title}")`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(open.title);
    expect(await page.locator('main').textContent()).toContain('Digitalt möte');
    expect(await page.content()).not.toContain('mote.example');
    await check(page, 'event');

    // Keyboard only: type, Tab on, Space ticks the consent, Enter on the button sends.
    await page.focus('#name');
    await page.keyboard.type('Anna Andersson');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('email');
    await page.keyboard.type('anna.andersson.tierp.se');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('organisationName');
    await page.keyboard.type('Tierps kommun');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('organisationType');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('municipalityCode');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Anmäl dig');
    await Promise.all([
      page.waitForLoadState('load'),
      page.waitForURL(/kalender/),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForSelector('#email-error');

    expect(await page.locator('#email-error').textContent()).toContain(
      'Ange en e-postadress i formatet namn@exempel.se',
    );
    expect(await page.locator('#email').inputValue()).toBe('anna.andersson.tierp.se');
    expect(await page.locator('#name').inputValue()).toBe('Anna Andersson');
    expect(await page.locator('#organisationName').inputValue()).toBe('Tierps kommun');
    expect(await page.locator('#consent').isChecked()).toBe(true);
    // The browser logs the 400 of a refused form as a console error: that one is expected.
    await check(page, 'event-error', /status of 400/);

    await page.focus('#email');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('anna.andersson@tierp.se');
    await page.focus('main form button[type=submit]');
    await Promise.all([
      page.waitForSelector('h1:text-is("Tack för din anmälan")'),
      page.keyboard.press('Enter'),
    ]);
    const main = (await page.locator('main').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(main).toContain('Du har fått en plats');
    expect(main).toContain('anna.andersson@tierp.se');
    expect(main).toContain('Ett mejl är på väg');
    await check(page, 'confirmation');
  });

  it('an event whose last day has passed says registration is closed, and when', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/uppsala/kalender/${closed.slug}`);
    expect(await page.locator('#anmalan').textContent()).toBe('Anmälan är stängd');
    expect(await page.locator('main').textContent()).toContain(
      'Det är inte tillåtet att göra anmälningar längre. Sista anmälningsdag var den',
    );
    expect(await page.locator('#email').count()).toBe(0);
    await check(page, 'event-closed');
  });
});
