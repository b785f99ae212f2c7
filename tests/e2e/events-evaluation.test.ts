/// <reference lib="dom" />
import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { EVALUATION_DELAY_HOURS, sendEvaluations, type EventRow } from '../../src/modules/events/index.ts';
import { eventFactories } from '../factories/event-registrations.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { expectAccessible, launchBrowser, startDemoServer, type RunningApp } from './browser.ts';

const SHOTS = process.env.SCREENSHOT_DIR;
const tag = Math.random().toString(36).slice(2, 6);
const QUESTIONS = `Anmälningsfrågor ${tag}`;
const EVALUATION = `Utvärdering ${tag}`;
const VISITOR = { name: 'Vera Vinter', email: `vera.${tag}@exempel.se`, organisation: 'Knivsta kommun' };
/** A refused form answers 400 on purpose, and the browser logs that status. */
const REFUSED = /status of 400 \(Bad Request\)/;

/**
 * The event's questions and its evaluation in a real browser, with the real job runner and a real SMTP server:
 * the county's organiser builds a questionnaire and adds the ready-made dietary question with one button (by
 * keyboard), builds an evaluation, chooses both for an event; a visitor registers answering the dietary
 * question and the organiser sees the answer in the registrant list. After the event the evaluation mail
 * arrives, its link's page is answered (once), and the organiser's summary shows the answer without a name.
 * axe on every page.
 */
describe('the event’s questions and its evaluation in the browser', () => {
  let server: RunningApp;
  let browser: Browser;
  let smtp: TestSmtp;
  let organiser: Page;
  let event: EventRow;
  let evaluationPath = '';

  beforeAll(async () => {
    smtp = await startTestSmtp();
    [server, browser] = await Promise.all([startDemoServer({ SMTP_URL: smtp.url }), launchBrowser()]);
    event = await eventFactories(server.app).event({
      title: `Frukostseminarium om trygghet ${tag}`,
      capacity: 20,
    });
    organiser = await (await browser.newContext()).newPage();
    await organiser.goto(`${server.url}/logga-in`);
    await organiser.fill('#email', 'uppsala@demo.test');
    await organiser.fill('#password', DEMO_PASSWORD);
    await Promise.all([
      organiser.waitForURL((u) => u.pathname !== '/logga-in'),
      organiser.keyboard.press('Enter'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/events-evaluation-${name}.png`, fullPage: true });
  };
  const h1 = (page: Page) => page.locator('h1').innerText();
  /** Tabs (keyboard only) until the element the selector names has the focus. */
  async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
    for (let i = 0; i < max; i++) {
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
  /** With the focus on a select, arrows down (keyboard only) until the option with this text is chosen. */
  async function choose(page: Page, label: string): Promise<void> {
    for (let i = 0; i < 30; i++) {
      const chosen = await page.evaluate(() => {
        const el = document.activeElement as HTMLSelectElement;
        return el.options[el.selectedIndex]?.text ?? '';
      });
      if (chosen.startsWith(label)) return;
      await page.keyboard.press('ArrowDown');
    }
    throw new Error(`alternativet ${label} fanns inte`);
  }

  it('the organiser builds a questionnaire and adds the ready-made dietary question by keyboard', async () => {
    await organiser.goto(`${server.url}/uppsala/evenemang`);
    await expectAccessible(organiser);
    await press(organiser, 'a[href="/uppsala/evenemang/formular"]');
    expect(await h1(organiser)).toBe('Formulär');
    await expectAccessible(organiser);
    await press(organiser, 'a[href="/uppsala/evenemang/formular/nytt"]');
    expect(await h1(organiser)).toBe('Nytt formulär');
    await expectAccessible(organiser);
    await tabTo(organiser, '#title');
    await organiser.keyboard.type(QUESTIONS);
    await Promise.all([organiser.waitForEvent('load'), organiser.keyboard.press('Enter')]);
    expect(await h1(organiser)).toBe(QUESTIONS);
    expect(await organiser.locator('main').innerText()).toContain('Formuläret är tomt');
    await expectAccessible(organiser);
    await shot(organiser, '01-empty-questionnaire');

    await press(organiser, 'button[name="template"][value="specialkost"]');
    expect(await organiser.locator('.govuk-notification-banner').innerText()).toContain(
      'Frågan om specialkost är tillagd.',
    );
    const main = await organiser.locator('main').innerText();
    expect(main).toContain('Frågor till deltagarna');
    expect(main).toContain('Behöver du specialkost?');
    expect(main).toContain('Frågan om specialkost finns i formuläret');
    expect(await organiser.locator('button[name="template"]').count()).toBe(1);
    await expectAccessible(organiser);
    await shot(organiser, '02-dietary-added');
  });

  it('the organiser builds an evaluation: a section, a choice and a free text', async () => {
    await organiser.goto(`${server.url}/uppsala/evenemang/formular/nytt`);
    await organiser.fill('#title', EVALUATION);
    await Promise.all([organiser.waitForEvent('load'), organiser.keyboard.press('Enter')]);
    expect(await h1(organiser)).toBe(EVALUATION);
    await organiser.fill('#new-section-title', 'Helheten');
    await Promise.all([
      organiser.waitForEvent('load'),
      organiser.click('button:has-text("Lägg till avsnittet")'),
    ]);
    const add = 'add-helheten';
    await organiser.click('#avsnitt-helheten summary:has-text("Lägg till en fråga i avsnittet")');
    await organiser.selectOption(`#${add}-type`, 'single');
    await organiser.fill(`#${add}-label`, 'Hade du nytta av förmiddagen?');
    await organiser.check(`#${add}-required`);
    await organiser.fill(`#${add}-option-0-label`, 'Ja, mycket');
    await organiser.fill(`#${add}-option-1-label`, 'Inte särskilt');
    await Promise.all([
      organiser.waitForEvent('load'),
      organiser.click(`#avsnitt-helheten button:has-text("Lägg till frågan")`),
    ]);
    await organiser.click('#avsnitt-helheten summary:has-text("Lägg till en fråga i avsnittet")');
    await organiser.selectOption(`#${add}-type`, 'text');
    await organiser.fill(`#${add}-label`, 'Vad vill du höra mer om?');
    await Promise.all([
      organiser.waitForEvent('load'),
      organiser.click(`#avsnitt-helheten button:has-text("Lägg till frågan")`),
    ]);
    const main = await organiser.locator('main').innerText();
    expect(main).toContain('Hade du nytta av förmiddagen?');
    expect(main).toContain('Vad vill du höra mer om?');
    await expectAccessible(organiser);
    await shot(organiser, '03-evaluation-built');
  });

  it('the organiser chooses the questions in the event form and the evaluation on its page, by keyboard', async () => {
    await organiser.goto(`${server.url}/uppsala/evenemang/${event.id}/andra`);
    await expectAccessible(organiser);
    await tabTo(organiser, '#questionnaireVersionId');
    await choose(organiser, QUESTIONS);
    await tabTo(organiser, '.govuk-button-group button[name="intent"][value="save"]');
    await Promise.all([
      organiser.waitForURL(`**/uppsala/evenemang/${event.id}`),
      organiser.keyboard.press('Enter'),
    ]);
    expect(await organiser.locator('.govuk-notification-banner').innerText()).toContain(
      'Ändringarna är sparade.',
    );

    await press(organiser, `a[href="/uppsala/evenemang/${event.id}/utvardering"]`);
    expect(await h1(organiser)).toBe('Utvärdering');
    expect(await organiser.locator('main').innerText()).toContain('Evenemanget har ingen utvärdering.');
    await expectAccessible(organiser);
    await tabTo(organiser, '#questionnaireVersionId');
    await choose(organiser, EVALUATION);
    await press(organiser, 'main form button[type=submit]');
    const main = await organiser.locator('main').innerText();
    expect(main).toContain(`Utvärderingen använder formuläret ”${EVALUATION} (version 1)”.`);
    expect(main).toContain('2 timmar efter att evenemanget har slutat');
    await expectAccessible(organiser);
    await shot(organiser, '04-evaluation-chosen');
  });

  it('a visitor registers answering the dietary question; a missing "other" is refused and kept', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/uppsala/kalender/${event.slug}`);
    expect(await h1(page)).toBe(event.title);
    expect(await page.locator('main').innerText()).toContain('Behöver du specialkost?');
    await expectAccessible(page);
    await tabTo(page, '#name');
    await page.keyboard.type(VISITOR.name);
    await tabTo(page, '#email');
    await page.keyboard.type(VISITOR.email);
    await tabTo(page, '#organisationName');
    await page.keyboard.type(VISITOR.organisation);
    await tabTo(page, 'input[name="q_specialkost"][value="vegetarisk"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[name="q_specialkost"][value="annan"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#consent');
    await page.keyboard.press('Space');
    await press(page, 'main form button[type=submit]');
    // "Annan" without saying which: the message beside the field, every answer kept.
    expect(await page.locator('#q_specialkost_annan-error').innerText()).toContain(
      'Vilken annan specialkost eller allergi?',
    );
    expect(await page.isChecked('input[name="q_specialkost"][value="vegetarisk"]')).toBe(true);
    expect(await page.inputValue('#name')).toBe(VISITOR.name);
    await expectAccessible(page, { allowConsoleErrors: REFUSED });
    await shot(page, '05-registration-refused');
    await page.locator('.govuk-error-summary a[href="#q_specialkost_annan"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Allergisk mot selleri');
    await tabTo(page, '#consent');
    if (!(await page.isChecked('#consent'))) await page.keyboard.press('Space');
    await press(page, 'main form button[type=submit]');
    expect(await h1(page)).toBe('Tack för din anmälan');
    await expectAccessible(page);
    await page.context().close();
  });

  it('the organiser sees the answer in the registrant list', async () => {
    await organiser.goto(`${server.url}/uppsala/evenemang/${event.id}/anmalda`);
    const list = await organiser.locator('main').innerText();
    expect(list).toContain(VISITOR.name);
    expect(list).toContain('Behöver du specialkost?: Vegetarisk kost; Annan specialkost eller allergi');
    expect(list).toContain('Allergisk mot selleri');
    await expectAccessible(organiser);
    await shot(organiser, '06-registrants');
  });

  it('after the event the evaluation mail arrives and its link’s page is answered once', async () => {
    // The periodic work as it runs after the event: the mail is queued and the job runner sends it.
    const sent = await sendEvaluations(
      server.app.deps,
      new Date(event.endsAt.getTime() + EVALUATION_DELAY_HOURS * 3_600_000),
      { eventIds: [event.id] },
    );
    expect(sent).toBe(1);
    const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '';
    const mail = await smtp.waitFor(
      (m) => to(m) === VISITOR.email && (m.subject ?? '').startsWith('Vad tyckte du?'),
    );
    expect(mail.subject).toBe(`Vad tyckte du? Utvärdering av ${event.title}`);
    expect(mail.text).toContain(`Hej ${VISITOR.name}!`);
    const link = (mail.text ?? '').match(/https?:\/\/\S+\/utvardering\/[\w-]+/)?.[0];
    expect(link).toBeDefined();
    evaluationPath = new URL(link!).pathname;

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}${evaluationPath}`);
    expect(await h1(page)).toBe(`Utvärdering av ${event.title}`);
    expect(await page.locator('main').innerText()).toContain('Dina svar sparas utan ditt namn');
    await expectAccessible(page);
    await shot(page, '07-evaluation-form');
    // The required question left out: refused beside it, the text kept.
    await tabTo(page, 'textarea[name="q_vad_vill_du_hora_mer_om"]');
    await page.keyboard.type('Fler exempel från kommunerna');
    await press(page, 'main form button[type=submit]');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Hade du nytta av förmiddagen?');
    expect(await page.inputValue('textarea[name="q_vad_vill_du_hora_mer_om"]')).toBe(
      'Fler exempel från kommunerna',
    );
    await expectAccessible(page, { allowConsoleErrors: REFUSED });
    await tabTo(page, 'input[name="q_hade_du_nytta_av_formiddagen"]');
    await page.keyboard.press('Space');
    expect(await page.isChecked('input[name="q_hade_du_nytta_av_formiddagen"][value="ja_mycket"]')).toBe(
      true,
    );
    await press(page, 'main form button[type=submit]');
    expect(await h1(page)).toBe('Tack för dina svar');
    expect(await page.locator('main form').count()).toBe(0);
    await expectAccessible(page);
    await shot(page, '08-evaluation-answered');
    // The link is used up: opening it again says so.
    await page.goto(`${server.url}${evaluationPath}`);
    expect(await page.locator('main').innerText()).toContain('Utvärderingen är besvarad med den här länken');
    await page.context().close();
  });

  it('the organiser’s summary shows the answer, without the name', async () => {
    await organiser.goto(`${server.url}/uppsala/evenemang/${event.id}/utvardering`);
    const main = await organiser.locator('main').innerText();
    expect(main).toContain('till 1 deltagare. 1 har svarat.');
    expect(main).toContain('1 svar hittills.');
    const rows = await organiser
      .locator('main table', { hasText: 'Hade du nytta av förmiddagen?' })
      .locator('tbody tr')
      .allInnerTexts();
    expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
      ['Ja, mycket', '1', '100 %'],
      ['Inte särskilt', '0', '0 %'],
    ]);
    expect(main).toContain('Fler exempel från kommunerna');
    expect(main).not.toContain(VISITOR.name);
    expect(main).not.toContain(VISITOR.email);
    await expectAccessible(organiser);
    await shot(organiser, '09-summary');
  });
});
