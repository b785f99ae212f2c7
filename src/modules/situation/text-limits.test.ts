import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, type Factories } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { stockholmDate } from '../../platform/time.ts';
import * as repo from './repository.ts';
import { TEXT_LIMITS } from './schemas.ts';

/*
 * A text's limit is one constant: the form shows it (GOV.UK's character count), the schema holds it and
 * names the field when it is passed, the input is kept, and a text at the limit is saved whole.
 */

const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * 86_400_000));

/** A text of exactly `n` characters as the browser counts them, its line breaks sent as CRLF. */
const typed = (n: number): { sent: string; counted: string } => {
  const lines = Array.from({ length: Math.ceil(n / 100) + 1 }, () => 'Läget i länet'.padEnd(99, '.'));
  // no line break last, which the schema would trim
  const counted = lines.join('\n').slice(0, n - 1) + '!';
  return { sent: counted.replaceAll('\n', '\r\n'), counted };
};

const errorMessage = (page: Page, field: string) =>
  page.doc.querySelector(`#${field}-error`)?.text.replace('Fel:', '').trim();

/** Swedish numbers group thousands with a no-break space ("2 000"). */
const sv = (s: string) => s.replace(/(\d) (\d)/g, '$1\u00a0$2');

describe('length limits: the same in the form and the validation, nothing cut, the field named', () => {
  let t: TestApp;
  let make: Factories;
  let admin: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    make = factories(t.app);
    const user = await make.user('county_admin', { countyCode: '08' });
    admin = new TestClient(t.app);
    await admin.login(user.email, user.password);
  });
  afterAll(() => t?.close());

  it('the round form shows each text’s limit, refuses a longer topic naming it, and saves one at the limit whole', async () => {
    const form = await admin.get('/kalmar/lagesbild/ny');
    expect(form.status).toBe(200);
    const topicGroup = form.doc.querySelector('#topic')!.closest('.govuk-form-group')!;
    expect(topicGroup.getAttribute('data-module')).toBe('govuk-character-count');
    expect(topicGroup.getAttribute('data-maxlength')).toBe(String(TEXT_LIMITS.roundTopic));
    expect(form.doc.querySelector('#topic-info')?.text).toBe(sv('Du kan skriva upp till 2 000 tecken'));
    expect(form.doc.querySelector('#title-info')?.text).toBe('Du kan skriva upp till 200 tecken');
    expect(form.doc.querySelector('#occasion1_label-info')?.text).toBe('Du kan skriva upp till 100 tecken');

    const versionId = form.doc
      .querySelector('#questionnaireVersionId option:not([value=""])')!
      .getAttribute('value')!;
    const title = `Gränser ${Math.random().toString(36).slice(2, 8)}`;
    const fields = {
      title,
      questionnaireVersionId: versionId,
      occasion1_label: 'Före sommaren',
      occasion1_opens: day(0),
      occasion1_deadline: day(10),
      occasion1_locks: day(20),
      occasion1_reminderDays: '3',
    };

    const over = typed(TEXT_LIMITS.roundTopic + 1);
    const bad = await admin.submitOn(form, { ...fields, topic: over.sent });
    expect(bad.status).toBe(400);
    expect(errorMessage(bad, 'topic')).toBe(sv('Ämne och syfte får ha högst 2 000 tecken (nu 2 001)'));
    expect(bad.doc.querySelector('.govuk-error-summary a[href="#topic"]')?.text).toBe(
      sv('Ämne och syfte får ha högst 2 000 tecken (nu 2 001)'),
    );
    // the input is kept, all of it
    expect(bad.doc.querySelector('#topic')?.text).toBe(over.counted);
    const longTitle = await admin.submitOn(form, { ...fields, title: 'R'.repeat(201), topic: 'Kort' });
    expect(errorMessage(longTitle, 'title')).toBe('Rubriken får ha högst 200 tecken (nu 201)');
    expect(longTitle.doc.querySelector('#title')?.getAttribute('value')).toBe('R'.repeat(201));
    const rounds = await repo.listRoundsForCounty(t.database.db, '08');
    expect(rounds.some((r) => r.title === title)).toBe(false);

    // At the limit as the browser counts it (line breaks as one), the whole text is saved.
    const atLimit = typed(TEXT_LIMITS.roundTopic);
    expect(atLimit.counted.length).toBe(TEXT_LIMITS.roundTopic);
    expect(atLimit.sent.length).toBeGreaterThan(TEXT_LIMITS.roundTopic);
    const done = await admin.submitOn(form, { ...fields, topic: atLimit.sent });
    expect(done.status).toBe(303);
    const round = (await repo.listRoundsForCounty(t.database.db, '08')).find((r) => r.title === title)!;
    expect(round.topic).toBe(atLimit.counted);
  });

  it('a summary in the regional picture over its limit is refused naming its area, never cut; at the limit it is saved whole', async () => {
    const made = await make.response({ county: '08', status: 'submitted' });
    const base = `/kalmar/lagesbild/${made.round.id}/${made.occasion.id}/sammanstallning`;
    const page = await admin.get(base);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('#summary_violence-info')?.text).toBe(
      sv('Du kan skriva upp till 20 000 tecken'),
    );
    const over = 'a'.repeat(TEXT_LIMITS.pictureSummary + 1);
    const bad = await admin.submitOn(page, { summary_violence: over, intent: 'save' });
    expect(bad.status).toBe(400);
    expect(errorMessage(bad, 'summary_violence')).toBe(
      sv(
        'Sammanfattningen av Våld i nära relationer inklusive hedersrelaterat våld och förtryck får ha högst 20 000 tecken (nu 20 001)',
      ),
    );
    expect(bad.doc.querySelector('#summary_violence')?.text).toBe(over);
    const before = await repo.findRegionalPicture(t.database.db, made.occasion.id, '08');
    expect(before?.summaries.violence).toBeUndefined();

    const atLimit = 'b'.repeat(TEXT_LIMITS.pictureSummary);
    const saved = await admin.submitOn(page, { summary_violence: atLimit, intent: 'save' });
    expect(saved.status).toBe(303);
    const after = await repo.findRegionalPicture(t.database.db, made.occasion.id, '08');
    expect(after?.summaries.violence).toBe(atLimit);
  });
});
