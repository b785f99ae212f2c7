/// <reference lib="dom" />
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRow } from '../../src/modules/events/index.ts';
import { eventFactories } from '../factories/event-registrations.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

const SHOTS = process.env.SCREENSHOT_DIR;
const tag = Math.random().toString(36).slice(2, 8);
const A = { name: 'Anna Andersson', email: `anna.${tag}@exempel.se`, organisation: 'Tierps kommun' };
const B = { name: 'Bertil Berg', email: `bertil.${tag}@exempel.se`, organisation: 'Region Uppsala' };

/**
 * The "done when", in a real browser with the real job runner and a real SMTP server: an event with
 * one place; A registers (by keyboard, on the public event page) and gets it, B registers and lands on the
 * waiting list; A's confirmation mail arrives with a calendar file ical.js reads; A opens the personal link
 * from the mail and cancels; B is offered the place by mail, follows its link and takes it, and B's own page
 * says confirmed. Last, A erases their data and the link is dead. axe on every page; forms by keyboard.
 */
describe('registering, the mail, cancelling through its link, and the waiting list moving', () => {
  let server: RunningApp;
  let browser: Browser;
  let smtp: TestSmtp;
  let event: EventRow;
  let eventPath = '';
  let personalPathOfA = '';

  beforeAll(async () => {
    smtp = await startTestSmtp();
    [server, browser] = await Promise.all([startDemoServer({ SMTP_URL: smtp.url }), launchBrowser()]);
    event = await eventFactories(server.app).event({
      capacity: 1,
      title: `Föreläsning om trygghet ${tag}`,
    });
    eventPath = `/uppsala/kalender/${event.slug}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/registration-${name}.png`, fullPage: true });
  };
  const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '';
  const mailTo = (who: { email: string }, subject: string) =>
    smtp.waitFor((m) => to(m) === who.email && (m.subject ?? '').startsWith(subject));
  /** The path of the link in a mail that matches (the mail's links name the configured public address). */
  const pathIn = (mail: ParsedMail, path: RegExp): string => {
    const paths = (mail.text ?? '').match(/https?:\/\/\S+/g)?.map((u) => new URL(u).pathname) ?? [];
    const found = paths.find((p) => path.test(p));
    if (!found) throw new Error(`ingen länk ${path} i mejlet ”${mail.subject ?? ''}”`);
    return found;
  };
  const PERSONAL = /^\/anmalan\/[\w-]{20,}$/;
  const OFFER = /^\/anmalan\/erbjudande\/[\w-]{20,}$/;

  /** Tabs (keyboard only) until the element the selector names has the focus. */
  async function tabTo(page: Page, selector: string): Promise<void> {
    for (let i = 0; i < 150; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${selector} fick aldrig fokus med tabb`);
  }
  /** Tabs to a button or link and presses Enter, waiting for the page it leads to. */
  async function press(page: Page, selector: string): Promise<void> {
    await tabTo(page, selector);
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  }
  /** Reads a mail's calendar file with ical.js the way a calendar does (its own time zone registered). */
  function calendarIn(mail: ParsedMail) {
    const file = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
    expect(file, `kalenderfil i ”${mail.subject ?? ''}”`).toBeDefined();
    expect(file!.contentType).toBe('text/calendar');
    const root = new ICAL.Component(ICAL.parse(file!.content.toString('utf8')) as unknown[]);
    for (const tz of root.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    return root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  }

  async function registerByKeyboard(
    page: Page,
    who: typeof A,
    button: string,
    expectedTitle: string,
  ): Promise<void> {
    await page.goto(`${server.url}${eventPath}`);
    expect(await page.locator('h1').innerText()).toBe(event.title);
    await expectAccessible(page);
    await page.keyboard.press('Tab');
    await tabTo(page, '#name');
    await page.keyboard.type(who.name);
    await tabTo(page, '#email');
    await page.keyboard.type(who.email);
    await tabTo(page, '#organisationName');
    await page.keyboard.type(who.organisation);
    await tabTo(page, '#consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'main form button[type=submit]');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(button);
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toBe(expectedTitle);
    await expectAccessible(page);
  }

  it('A registers by keyboard and gets the one place; B registers and joins the waiting list', async () => {
    const pageA = await (await browser.newContext()).newPage();
    await registerByKeyboard(pageA, A, 'Anmäl dig', 'Tack för din anmälan');
    expect(await pageA.locator('main').innerText()).toContain(A.email);
    await shot(pageA, '01-a-registered');
    await pageA.context().close();

    const pageB = await (await browser.newContext()).newPage();
    await registerByKeyboard(pageB, B, 'Ställ dig i kö', 'Du står på väntelistan');
    expect(await pageB.locator('main').innerText()).toContain('nummer 1 i kön');
    await shot(pageB, '02-b-waiting');
    await pageB.context().close();
  });

  it('A’s confirmation arrives by SMTP with the event as a calendar file that ical.js reads', async () => {
    const mail = await mailTo(A, 'Bekräftelse på din anmälan');
    expect(mail.subject).toBe(`Bekräftelse på din anmälan – ${event.title}`);
    expect(mail.text).toContain(`Hej ${A.name}!`);
    const [vevent, ...more] = calendarIn(mail);
    expect(more).toEqual([]);
    expect(vevent!.summary).toBe(event.title);
    expect(vevent!.startDate.toJSDate().getTime()).toBe(event.startsAt.getTime());
    expect(vevent!.endDate.toJSDate().getTime()).toBe(event.endsAt.getTime());
    expect(vevent!.startDate.zone.tzid).toBe('Europe/Stockholm');
    personalPathOfA = pathIn(mail, PERSONAL);

    const waiting = await mailTo(B, 'Du står på väntelistan');
    expect(waiting.text).toContain('nummer 1 på väntelistan');
  });

  it('A opens the personal link from the mail and cancels, after a confirmation step', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}${personalPathOfA}`);
    expect(await page.locator('h1').innerText()).toBe('Din anmälan');
    expect(await page.locator('main .govuk-tag').innerText()).toBe('Bekräftad');
    expect(await page.locator('main').innerText()).toContain(event.title);
    expect(await page.inputValue('#name')).toBe(A.name);
    await expectAccessible(page);
    await shot(page, '03-a-personal-page');

    await page.keyboard.press('Tab');
    await press(page, `main a[href="${personalPathOfA}/avboka"]`);
    expect(await page.locator('h1').innerText()).toBe('Vill du avboka din anmälan?');
    await expectAccessible(page);
    await shot(page, '04-a-cancel-confirm');

    await press(page, 'main form button[type=submit]');
    expect(new URL(page.url()).pathname).toBe(personalPathOfA);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Din anmälan är avbokad');
    expect(await page.locator('main .govuk-tag').innerText()).toBe('Avbokad');
    await expectAccessible(page);
    await shot(page, '05-a-cancelled');
    await page.context().close();

    expect((await mailTo(A, 'Din anmälan är avbokad')).text).toContain(event.title);
  });

  it('B is offered the place by mail, follows its link and takes it; B’s own page says confirmed', async () => {
    const offer = await mailTo(B, 'En plats har blivit ledig');
    expect(offer.text).toContain('Bekräfta platsen senast');
    const offerPath = pathIn(offer, OFFER);
    const personalPathOfB = pathIn(offer, PERSONAL);

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}${offerPath}`);
    expect(await page.locator('h1').innerText()).toBe('En plats har blivit ledig');
    expect(await page.locator('main').innerText()).toContain('Erbjudandet gäller till');
    await expectAccessible(page);
    await shot(page, '06-b-offer');

    await page.keyboard.press('Tab');
    await press(page, 'main form button[type=submit]');
    expect(await page.locator('h1').innerText()).toBe('Din plats är bekräftad');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Platsen är din');
    await expectAccessible(page);
    await shot(page, '07-b-offer-taken');

    // The offer link again (a second look, or a click from the mail once more): still confirmed, no button.
    await page.goto(`${server.url}${offerPath}`);
    expect(await page.locator('h1').innerText()).toBe('Din plats är bekräftad');
    expect(await page.locator('main form').count()).toBe(0);
    await expectAccessible(page);

    await page.goto(`${server.url}${personalPathOfB}`);
    expect(await page.locator('h1').innerText()).toBe('Din anmälan');
    expect(await page.locator('main .govuk-tag').innerText()).toBe('Bekräftad');
    expect(await page.locator('main').innerText()).toContain('Du har en plats');
    await expectAccessible(page);
    await shot(page, '08-b-personal-page');
    await page.context().close();

    const confirmed = await mailTo(B, 'Bekräftelse på din anmälan');
    expect(calendarIn(confirmed)[0]!.summary).toBe(event.title);
    expect(pathIn(confirmed, PERSONAL)).toBe(personalPathOfB);
  });

  it('A erases their data after a confirmation step; the link then says the registration is gone', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}${personalPathOfA}`);
    await page.keyboard.press('Tab');
    await press(page, `main a[href="${personalPathOfA}/ta-bort"]`);
    expect(await page.locator('h1').innerText()).toBe('Vill du ta bort dina uppgifter?');
    await expectAccessible(page);
    await shot(page, '09-a-erase-confirm');

    await press(page, 'main form button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/anmalan/borttagen');
    expect(await page.locator('h1').innerText()).toBe('Dina uppgifter är borttagna');
    await expectAccessible(page);
    await shot(page, '10-a-erased');

    const gone = await page.goto(`${server.url}${personalPathOfA}`);
    expect(gone?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Anmälan hittades inte');
    await expectAccessible(page, { allowConsoleErrors: /status of 404/ });
    await shot(page, '11-a-link-gone');
    await page.context().close();
  });
});
