/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectAccessible, launchBrowser, startDemoServer, watchErrors, type RunningApp } from './browser.ts';

/** Where each demo account lands after signing in, and that page's heading. */
const landings: Record<string, { path: string; h1: string }> = {
  'system@demo.test': { path: '/admin', h1: 'Administration' },
  'nationell@demo.test': { path: '/nationellt', h1: 'Nationell samordning' },
  'uppsala@demo.test': { path: '/uppsala/admin', h1: 'Länets arbete' },
  'vasternorrland@demo.test': { path: '/vasternorrland/admin', h1: 'Länets arbete' },
  'redaktor.vasternorrland@demo.test': { path: '/vasternorrland/redaktion', h1: 'Redaktion' },
  'granskare.vasternorrland@demo.test': { path: '/vasternorrland/redaktion', h1: 'Redaktion' },
  'vastmanland@demo.test': { path: '/vastmanland/admin', h1: 'Länets arbete' },
  'vastra-gotaland@demo.test': { path: '/vastra-gotaland/admin', h1: 'Länets arbete' },
  'kommun.0380@demo.test': { path: '/min-organisation', h1: 'Min organisation' },
  'kommun.2281@demo.test': { path: '/min-organisation', h1: 'Min organisation' },
  'rad.uppsala@demo.test': { path: '/uppsala/rad', h1: 'Råd för social hållbarhet i Uppsala län' },
};

describe('each demo role in a real browser', () => {
  let server: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a landing for every demo account', () => {
    expect(Object.keys(landings).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`${account.email} signs in by keyboard, lands on its start page, and every page it opens passes axe`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${server.url}/logga-in`);
      await expectAccessible(page);
      // Keyboard only: the skip link comes first, then tab to the e-mail field.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Hoppa till huvudinnehållet',
      );
      for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== 'email'; i++) {
        await page.keyboard.press('Tab');
      }
      await page.keyboard.type(account.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEMO_PASSWORD);
      await Promise.all([page.waitForURL((u) => u.pathname !== '/logga-in'), page.keyboard.press('Enter')]);
      const landing = landings[account.email]!;
      expect(new URL(page.url()).pathname).toBe(landing.path);
      expect(await page.locator('h1').innerText()).toBe(landing.h1);
      await expectAccessible(page);
      // Every page of the role's navigation.
      const links = await page
        .locator('#navigation a')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of links) {
        await page.goto(href);
        expect(await page.locator('h1').count(), href).toBe(1);
        await expectAccessible(page);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  /**
   * The invitation flow, once with JavaScript (axe on every page) and once without (axe needs JavaScript to
   * run, so there the test proves the forms work: the pages are the same server-rendered HTML).
   */
  for (const javaScriptEnabled of [true, false]) {
    const who = javaScriptEnabled ? 'knivsta' : 'heby';
    const orgName = javaScriptEnabled ? 'Knivsta kommun' : 'Heby kommun';
    it(`invite, read the mail, accept – ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
      // A form sent back with its errors answers 400 on purpose, and the browser logs that status.
      const refused = /status of 400 \(Bad Request\)/;
      const check = async (p: Page, allowConsoleErrors?: RegExp) => {
        if (javaScriptEnabled) await expectAccessible(p, { allowConsoleErrors });
      };
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${server.url}/logga-in`);
      await page.fill('#email', 'uppsala@demo.test');
      await page.fill('#password', 'fel');
      await page.click('main button[type=submit]');
      expect(await page.locator('.govuk-error-summary').innerText()).toContain(
        'Fel e-postadress eller lösenord',
      );
      await check(page, refused);
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('main button[type=submit]');
      await page.goto(`${server.url}/uppsala/admin/personer`);
      await check(page);
      // A bad address: the error is next to the field, the choices are kept.
      await page.fill('#email', `ny.person(at)${who}.se`);
      await page.selectOption('#organisationId', { label: orgName });
      await page.selectOption('#role', 'reporter');
      await page.click('main button[type=submit]');
      expect(await page.locator('#email-error').innerText()).toContain('namn@exempel.se');
      expect(await page.locator('#role').inputValue()).toBe('reporter');
      await check(page, refused);
      await page.fill('#email', `ny.person@${who}.example`);
      await page.click('main button[type=submit]');
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
        'En inbjudan har skickats',
      );
      await check(page);
      await context.close();

      // The system admin reads the file mailbox (no SMTP_URL in demo mode).
      const admin = await browser.newContext({ javaScriptEnabled });
      const adminPage = await admin.newPage();
      await adminPage.goto(`${server.url}/logga-in`);
      await adminPage.fill('#email', 'system@demo.test');
      await adminPage.fill('#password', DEMO_PASSWORD);
      await adminPage.click('main button[type=submit]');
      await server.app.jobs.runDue();
      await adminPage.goto(`${server.url}/admin/e-post`);
      await check(adminPage);
      await adminPage.click(`text=Inbjudan till Samverkan – ${orgName}`);
      await check(adminPage);
      const text = await adminPage.locator('pre').innerText();
      const link = /http:\/\/localhost:\d+(\/inbjudan\/[\w-]+)/.exec(text)![1]!;
      await adminPage.goto(`${server.url}/admin/granskningslogg`);
      // The invitation in the audit log, as a sentence with its organisation and role named.
      const log = await adminPage.locator('main').innerText();
      expect(log).toContain(`Ulla Upplänning bjöd in ny.person@${who}.example`);
      expect(log).toContain(orgName);
      expect(log).toContain('Rapportör');
      expect(log).not.toContain('invitation.created');
      await check(adminPage);
      await admin.close();

      const invited = await browser.newContext({ javaScriptEnabled });
      const invitedPage = await invited.newPage();
      await invitedPage.goto(`${server.url}${link}`);
      await check(invitedPage);
      await invitedPage.fill('#name', 'Nora Nyanställd');
      await invitedPage.fill('#password', 'en mening som lösenord');
      await invitedPage.fill('#confirm', 'en mening som lösenord');
      await invitedPage.click('main button[type=submit]');
      expect(new URL(invitedPage.url()).pathname).toBe('/min-organisation');
      expect(await invitedPage.locator('main').innerText()).toContain(orgName);
      await check(invitedPage);
      await invited.close();
    });
  }

  it('serves the public county pages, the English switch and the error pages accessibly', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await expectAccessible(page);
    await page.click('a[href="/vastmanland/"] >> nth=-1');
    expect(await page.locator('h1').innerText()).toBe('Social hållbarhet i Västmanlands län');
    await expectAccessible(page);
    await page.click('button:has-text("In English")');
    // The county page's content is Swedish; the interface around it is English and marked so.
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.locator('header.govuk-header').getAttribute('lang')).toBe('en');
    // A council's public page (seed 003's merged council), read by a visitor using the keyboard only: its
    // structure is a list of lists, its history names the two councils it was formed from.
    await page.goto(`${server.url}/vastmanland/rad/samverkansrad-for-social-hallbarhet`);
    expect(await page.locator('h1').innerText()).toContain('Samverkansrådet för social hållbarhet');
    expect(await page.locator('#history + p').innerText()).toMatch(/slogs samman/);
    await expectAccessible(page);
    await page.goto(`${server.url}/vastmanland/rad/integrationsradet`);
    await page.locator('[role="note"] a').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/samverkansrad-for-social-hallbarhet$/);
    await expectAccessible(page);
    await page.goto(`${server.url}/finns-inte/alls`);
    expect(await page.locator('h1').innerText()).toBe('Sidan hittades inte');
    // The browser logs the 404 status of the page itself; that error is the point here.
    await expectAccessible(page, { allowConsoleErrors: /\b404\b/ });
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await context.close();
  });
});
