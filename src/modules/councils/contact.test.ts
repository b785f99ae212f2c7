import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, uniqueEmail } from '../../../tests/factories.ts';
import { buildTestApp, testConfig, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/helpers/smtp.ts';
import { queryRows } from '../../db/client.ts';
import { findCountyBoard } from '../reference/index.ts';
import { CONTACT_HONEYPOT, CONTACT_PER_IP } from './contact.ts';
import type { CouncilRow } from './repository.ts';
import { formCouncil } from './service.ts';
import { urls } from './urls.ts';

/** The public page's contact form, delivered through the job queue to a real SMTP server. */
describe("the contact form to a council's secretariat", () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let council: CouncilRow;
  let silent: CouncilRow;
  const secretariat = 'kansli.social@lansstyrelsen.example';

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await buildTestApp({ config: testConfig({ SMTP_URL: smtp.url }) });
    const db = t.database.db;
    const admin = await createTestUser(db, 'county_admin', { countyCode: '19' });
    const board = (await findCountyBoard(db, '19'))!.id;
    const form = (name: string, extra: Record<string, string>) =>
      formCouncil(
        db,
        admin.actor,
        '19',
        { name: `${name} ${randomUUID().slice(0, 6)}`, formedOn: '2024-10-01', ...extra },
        { conveningOrganisationId: board },
      );
    council = await form('Råd för social hållbarhet', {
      secretariatEmail: secretariat,
      subjectTag: 'kansli för social hållbarhet',
    });
    silent = await form('Rådet utan kansli', {});
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const page = (c: CouncilRow) => urls.publicPage('vastmanland', c.slug);
  const action = (c: CouncilRow) => urls.contact('vastmanland', c.slug);
  const jobsHolding = async (text: string) =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*) as n from jobs where payload::text like ${`%${text}%`}`,
        )
      )[0]!.n,
    );

  it('sends the message to the secretariat with its tag and Reply-To the sender, then keeps none of it', async () => {
    const visitor = new TestClient(t.app);
    const sender = uniqueEmail('besokare');
    const secret = `Hur anmäler vi oss till referensgruppen? ${randomUUID()}`;
    const sent = await visitor.submit(
      page(council),
      { name: 'Alva Besökare', email: sender, subject: 'Fråga om referensgruppen', message: secret },
      action(council),
    );
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(page(council));
    const thanks = await visitor.follow(sent);
    expect(thanks.body).toContain('Tack för ditt meddelande!');
    expect(await jobsHolding(secret)).toBe(1);

    await t.app.jobs.runDue();
    const mail = await smtp.waitFor((m) => m.text?.includes(secret) ?? false);
    expect(mail.subject).toBe('[kansli för social hållbarhet] Fråga om referensgruppen');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(secretariat);
    expect(mail.replyTo?.value.map((a) => a.address)).toEqual([sender]);
    expect(mail.text).toContain('Alva Besökare');

    // Sent: the job's payload is emptied; nothing in the audit log or the technical log holds the message.
    expect(await jobsHolding(secret)).toBe(0);
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*) as n from audit_log where coalesce(before::text, '') || coalesce(after::text, '') like ${`%${sender}%`}`,
    );
    expect(Number(audit[0]!.n)).toBe(0);
    const log = t.logs.join('\n');
    expect(log).not.toContain(secret);
    expect(log).not.toContain(sender);
    expect(log).not.toContain('Fråga om referensgruppen');
  });

  it('shows the page again with the messages beside the fields and the input kept', async () => {
    const visitor = new TestClient(t.app);
    const bad = await visitor.submit(
      page(council),
      { name: '', email: 'inte-en-adress', subject: 'Om lägesbilden', message: 'Mitt meddelande.' },
      action(council),
    );
    expect(bad.status).toBe(400);
    expect(bad.doc.querySelector('h1')?.text).toBe(council.name);
    expect(bad.doc.querySelector('#name-error')?.text).toContain('Ange ditt namn');
    expect(bad.doc.querySelector('#email-error')?.text).toContain('namn@exempel.se');
    expect(bad.doc.querySelectorAll('.govuk-error-summary a').map((a) => a.getAttribute('href'))).toEqual([
      '#name',
      '#email',
    ]);
    expect(bad.doc.querySelector('#email')?.getAttribute('value')).toBe('inte-en-adress');
    expect(bad.doc.querySelector('#subject')?.getAttribute('value')).toBe('Om lägesbilden');
    expect(bad.doc.querySelector('textarea#message')?.text).toBe('Mitt meddelande.');
    expect(await jobsHolding('Mitt meddelande.')).toBe(0);
  });

  it('takes nothing from a robot that fills in the field people never see', async () => {
    const visitor = new TestClient(t.app);
    const first = await visitor.get(page(council));
    const trap = first.doc.querySelector(`#${CONTACT_HONEYPOT}`)!;
    expect(trap.closest('[hidden]')?.getAttribute('aria-hidden')).toBe('true');
    expect(trap.getAttribute('tabindex')).toBe('-1');
    const caught = await visitor.submitOn(
      first,
      {
        name: 'Robot',
        email: 'robot@example.com',
        subject: 'Köp',
        message: 'Reklam från en robot.',
        [CONTACT_HONEYPOT]: 'https://reklam.example',
      },
      action(council),
    );
    expect(caught.status).toBe(400);
    expect(caught.body).not.toContain('https://reklam.example');
    expect(await jobsHolding('Reklam från en robot.')).toBe(0);
  });

  it('has no form without a secretariat address, and takes no message there', async () => {
    const visitor = new TestClient(t.app);
    const shown = await visitor.get(page(silent));
    expect(shown.status).toBe(200);
    expect(shown.doc.querySelector(`form[action^="${action(silent)}"]`)).toBeNull();
    expect(shown.doc.querySelector('section[aria-labelledby="contact"]')?.text).toContain(
      'tar inte emot meddelanden här',
    );
    const csrf = await visitor.csrfToken();
    const refused = await visitor.post(action(silent), {
      _csrf: csrf,
      name: 'Alva',
      email: 'alva@example.com',
      subject: 'Fråga',
      message: 'Hej',
    });
    expect(refused.status).toBe(404);
  });

  it('takes at most a few messages from one address in ten minutes, then asks the sender to wait', async () => {
    const visitor = new TestClient(t.app);
    const statuses: number[] = [];
    // All tests here come from one address; the limit is CONTACT_PER_IP (5), whichever test sent them.
    for (let i = 0; i < CONTACT_PER_IP.max + 1; i++) {
      const sent = await visitor.submit(
        page(council),
        { name: 'Alva', email: 'alva@example.com', subject: `Fråga ${i}`, message: 'Hej!' },
        action(council),
      );
      statuses.push(sent.status);
      if (sent.status === 429) {
        expect(sent.headers['retry-after']).toBeDefined();
        expect(sent.doc.querySelector('.govuk-error-summary')).not.toBeNull();
      }
    }
    expect(statuses.filter((s) => s === 303).length).toBeLessThanOrEqual(CONTACT_PER_IP.max);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.every((s) => s === 303 || s === 429)).toBe(true);
  });
});
