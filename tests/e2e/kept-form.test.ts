import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/accounts/index.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { findMunicipalityOrganisation } from '../../src/modules/reference/repository.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

const EMAIL = 'kommun.0381.kept@demo.test';
const TYPED = 'Fler orosanmälningar sedan hösten; socialtjänsten har förstärkt mottagningen.';

/**
 * A reporter without JavaScript whose session ends while typing loses nothing: "Spara utkast" leads to the
 * sign-in page, which says the text is kept, and signing in brings them back to the same area page with the
 * text saved as a draft.
 */
describe('a form posted after the session ended is saved on return, without JavaScript', () => {
  let server: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    const org = await findMunicipalityOrganisation(server.database.db, '0381');
    await createUser(server.database.db, null, {
      email: EMAIL,
      name: 'Rapportör Enköping',
      password: DEMO_PASSWORD,
      role: 'reporter',
      organisationId: org!.id,
      countyCode: '03',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * axe needs a script in the page, and this browser runs none: the page as it stands (its scripts left out)
   * is checked in a page of a browser that does, on the same server so its styles apply.
   */
  async function expectAccessibleWithoutScript(page: Page): Promise<void> {
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
    const checking = await browser.newContext();
    const checker = await checking.newPage();
    await checker.goto(`${server.url}/`);
    await checker.setContent(html, { waitUntil: 'load' });
    await expectAccessible(checker);
    await checking.close();
  }

  async function signIn(page: Page): Promise<void> {
    await page.fill('#email', EMAIL);
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/logga-in'),
      page.click('main button[type=submit]'),
    ]);
  }

  it('keeps the text through signing in again and saves it on the same area page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/logga-in`);
    await signIn(page);
    await page.goto(`${server.url}/uppdrag`);
    await page.click('main a[href^="/uppdrag/"] >> nth=0');
    await page.click('a.govuk-task-list__link >> nth=0');
    const areaPage = new URL(page.url()).pathname;
    expect(areaPage).toMatch(/\/avsnitt\//);
    const field = page.locator('#q_violence_explanation');
    const fieldId = 'q_violence_explanation';
    await expectAccessibleWithoutScript(page);

    // The session ends while the reporter types (signed out elsewhere, or expired).
    await server.database.db.execute(
      sql`delete from sessions where user_id = (select id from users where email = ${EMAIL})`,
    );
    await page.check('input[name="q_violence_risk"][value="3"]');
    await field.fill(TYPED);
    await page.click('main button:has-text("Spara utkast")');
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    expect(await page.locator('main .govuk-inset-text').innerText()).toContain(
      'Det du skrev är inte förlorat',
    );
    await expectAccessibleWithoutScript(page);

    await signIn(page);
    expect(new URL(page.url()).pathname).toBe(areaPage);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'Det du skrev innan du loggades ut är sparat som utkast.',
    );
    expect(await page.locator(`#${fieldId}`).inputValue()).toBe(TYPED);
    await expectAccessibleWithoutScript(page);

    // Saved on the server, and only once: a reload shows the text without the message.
    await page.reload();
    expect(await page.locator(`#${fieldId}`).inputValue()).toBe(TYPED);
    expect(await page.locator('.govuk-notification-banner').count()).toBe(0);
    await context.close();
  });
});
