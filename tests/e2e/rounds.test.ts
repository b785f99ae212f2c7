/// <reference lib="dom" />
import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/accounts/index.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { findMunicipalityOrganisation } from '../../src/modules/reference/repository.ts';
import { formatDate } from '../../src/platform/i18n.ts';
import { endOfStockholmDay, stockholmDate } from '../../src/platform/time.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * 86_400_000));
const SHOTS = process.env.SCREENSHOT_DIR;
const REPORTER = 'tierp.rapportor@demo.test';

/**
 * A round that changes after it opened, in a real browser with the real job runner and a real SMTP server:
 * the county admin opens a round (the reporter is told by e-mail), edits it and moves its deadline (the
 * reporter is told again), and the reporter follows the mail's link to a task page that names whom to ask.
 * axe runs on every page.
 */
describe('changing a round in the browser, and the mail it sends', () => {
  let server: RunningApp;
  let browser: Browser;
  let smtp: TestSmtp;
  const title = `Trygghet i Tierp ${Math.random().toString(36).slice(2, 6)}`;
  let roundPath = '';

  beforeAll(async () => {
    smtp = await startTestSmtp();
    [server, browser] = await Promise.all([startDemoServer({ SMTP_URL: smtp.url }), launchBrowser()]);
    const org = await findMunicipalityOrganisation(server.database.db, '0360');
    await createUser(server.database.db, null, {
      email: REPORTER,
      name: 'Rapportör Tierp',
      password: DEMO_PASSWORD,
      role: 'reporter',
      organisationId: org!.id,
      countyCode: '03',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  async function signIn(email: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/logga-in`);
    await page.fill('#email', email);
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/logga-in'),
      page.click('main button[type=submit]'),
    ]);
    return page;
  }

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  /** The path of the first link in a mail's text to this server's pages. */
  const linkIn = (mail: ParsedMail) => new URL(/https?:\/\/\S+/.exec(mail.text ?? '')![0]).pathname;
  const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '';

  it('the county admin opens a round; the reporter is told by e-mail with the deadline and a link', async () => {
    const page = await signIn('uppsala@demo.test');
    await page.goto(`${server.url}/uppsala/lagesbild/ny`);
    await expectAccessible(page);
    await page.fill('#title', title);
    await page.fill('#topic', 'Hur tryggheten utvecklas i kommunen.');
    await page.selectOption('#questionnaireVersionId', { index: 1 });
    await page.fill('#occasion1_label', 'Våren');
    await page.fill('#occasion1_opens', day(0));
    await page.fill('#occasion1_deadline', day(14));
    await page.fill('#occasion1_locks', day(30));
    await page.click('main button[type=submit]');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(title);
    roundPath = new URL(page.url()).pathname;
    await expectAccessible(page);
    await shot(page, '01-round-opened');

    const opened = await smtp.waitFor((m) => to(m) === REPORTER && (m.subject ?? '').includes(title));
    expect(opened.subject).toContain(`Dags att svara senast ${formatDate(endOfStockholmDay(day(14)))}`);
    expect(opened.text).toContain('Ulla Upplänning');
    expect(linkIn(opened)).toMatch(/^\/uppdrag\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    await page.context().close();
  });

  it('removing a respondent asks first; the admin keeps it', async () => {
    const page = await signIn('uppsala@demo.test');
    await page.goto(`${server.url}${roundPath}`);
    await page.uncheck('label:has-text("Älvkarleby kommun")');
    await page.click('button:has-text("Spara svarande")');
    expect(await page.locator('h1').innerText()).toBe('Ta bort en svarande?');
    expect(await page.locator('main').innerText()).toContain('Älvkarleby kommun');
    await expectAccessible(page);
    await shot(page, '02-confirm-respondent-removal');
    await page.click('text=Avbryt, behåll den');
    expect(new URL(page.url()).pathname).toBe(roundPath);
    expect(await page.isChecked('label:has-text("Älvkarleby kommun")')).toBe(true);
    await page.context().close();
  });

  it('the admin edits the round and moves the deadline; the reporter is told and follows the link', async () => {
    const page = await signIn('uppsala@demo.test');
    await page.goto(`${server.url}${roundPath}`);
    await page.click('text=Ändra omgången');
    expect(await page.locator('h1').innerText()).toBe('Ändra omgången');
    await expectAccessible(page);
    await shot(page, '03-edit-round');
    // A date that does not exist is refused beside its field, the input kept.
    await page.fill('#occasion1_deadline', `${day(0).slice(0, 4)}-02-30`);
    await page.click('main button:has-text("Spara ändringarna")');
    expect(await page.locator('#occasion1_deadline-error').innerText()).toContain('finns inte');
    expect(await page.inputValue('#occasion1_deadline')).toBe(`${day(0).slice(0, 4)}-02-30`);
    // The refused form's 400 is logged by the browser; it is the one console error allowed.
    await expectAccessible(page, { allowConsoleErrors: /status of 400/ });

    await page.fill('#title', `${title} (ändrad)`);
    await page.fill('#occasion1_deadline', day(21));
    await page.click('main button:has-text("Spara ändringarna")');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('om nya datum skickas');
    const history = await page.locator('table:has(caption:has-text("Omgångens historik"))').innerText();
    expect(history).toContain(`sista svarsdag ${day(14)} → ${day(21)}`);
    expect(history).toContain('Ulla Upplänning');
    await expectAccessible(page);
    await shot(page, '04-round-with-history');
    await page.context().close();

    const moved = await smtp.waitFor(
      (m) => to(m) === REPORTER && (m.subject ?? '').startsWith('Ny sista svarsdag'),
    );
    expect(moved.subject).toContain(formatDate(endOfStockholmDay(day(21))));
    expect(moved.text).toContain(`(tidigare ${formatDate(endOfStockholmDay(day(14)))})`);
    expect(moved.text).toContain(`${title} (ändrad)`);

    const reporter = await signIn(REPORTER);
    // The start page: the open task first, with its new deadline and its status.
    expect(new URL(reporter.url()).pathname).toBe('/min-organisation');
    const task = reporter.locator('.sv-task-list li', { hasText: `${title} (ändrad)` });
    expect(await task.innerText()).toContain(`Sista svarsdag ${formatDate(endOfStockholmDay(day(21)))}`);
    expect(await task.innerText()).toContain('Ej påbörjat');
    expect(await reporter.locator('main h2').first().innerText()).toBe('Att svara på');
    await expectAccessible(reporter);
    await shot(reporter, '05-reporter-start');

    await reporter.goto(`${server.url}${linkIn(moved)}`);
    expect(await reporter.locator('h1').innerText()).toContain(`${title} (ändrad)`);
    const contacts = await reporter.locator('[aria-labelledby="county-contacts"]').innerText();
    expect(contacts).toContain('Ulla Upplänning');
    expect(contacts).toContain('uppsala@demo.test');
    await expectAccessible(reporter);
    await shot(reporter, '06-task-with-contacts');
    await reporter.context().close();
  });

  it('a test round is removed before anyone answers, after a confirmation', async () => {
    const page = await signIn('uppsala@demo.test');
    await page.goto(`${server.url}/uppsala/lagesbild/ny`);
    await page.fill('#title', `${title} – test`);
    await page.fill('#topic', 'Prov av formuläret.');
    await page.selectOption('#questionnaireVersionId', { index: 1 });
    await page.check('#isTest');
    await page.fill('#occasion1_label', 'Prov');
    await page.fill('#occasion1_opens', day(0));
    await page.fill('#occasion1_deadline', day(7));
    await page.fill('#occasion1_locks', day(10));
    await page.click('main button[type=submit]');
    await page.click('text=Ta bort testomgången');
    expect(await page.locator('h1').innerText()).toBe('Ta bort testomgången');
    await expectAccessible(page);
    await page.click('main button:has-text("Ta bort testomgången")');
    expect(new URL(page.url()).pathname).toBe('/uppsala/lagesbild');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('är borttagen');
    expect(await page.locator(`main section[aria-label="${title} – test"]`).count()).toBe(0);
    expect(await page.locator(`main section[aria-label="${title} (ändrad)"]`).count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
    // A test round tells nobody.
    expect(smtp.received.filter((m) => (m.subject ?? '').includes(`${title} – test`))).toEqual([]);
  });

  it('the coordinator finds a national round’s page with its changes and history; closing and cancelling say what they mean', async () => {
    const page = await signIn('nationell@demo.test');
    await page.goto(`${server.url}/nationellt/lagesbild`);
    await page.click('main h2 a:has-text("Social utsatthet – uppföljning")');
    expect(await page.locator('h1').innerText()).toContain('Social utsatthet – uppföljning');
    const actions = await page.locator('nav[aria-label="Ändra omgången"]').innerText();
    expect(actions).toContain('Avsluta omgången i förtid');
    // Municipalities have started answering the demo's open round: it cannot be cancelled, and the page says why.
    expect(actions).toContain('Omgången kan inte ställas in: Någon har redan börjat svara');
    await expectAccessible(page);
    await shot(page, '07-national-round');
    await page.click('text=Avsluta omgången i förtid');
    expect(await page.locator('h1').innerText()).toBe('Avsluta omgången i förtid');
    expect(await page.locator('main').innerText()).toContain('Svar tas inte längre emot');
    await expectAccessible(page);
    await shot(page, '08-close-early');
    await page.goto(`${new URL(page.url()).href.replace(/\/avsluta$/, '/stall-in')}`);
    expect(await page.locator('main').innerText()).toContain('Någon har redan börjat svara');
    expect(await page.locator('main form').count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });
});
