import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../tests/helpers/db.ts';
import { queryRows, type Database } from '../db/client.ts';
import { formatDate } from './i18n.ts';
import {
  defineMailTemplates,
  enqueueTemplatedMail,
  mailTemplateNames,
  registerMailTemplates,
  renderMail,
} from './mail-templates.ts';
import { MAIL_JOB } from './mail.ts';

declare module './mail-templates.ts' {
  interface MailTemplateVars {
    'test.greeting': { name: string; until: Date };
  }
}

const templates = defineMailTemplates({
  'test.greeting': {
    sv: (v) => ({
      subject: `Hej ${v.name}`,
      text: `Välkommen, ${v.name}! Gäller till ${formatDate(v.until)}.`,
    }),
    en: (v) => ({
      subject: `Hello ${v.name}`,
      text: `Welcome, ${v.name}! Valid until ${formatDate(v.until, 'en')}.`,
    }),
  },
});

const until = new Date('2026-06-10T12:00:00Z');

describe('mail templates', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });

  it('renders a template by name in the language asked for', () => {
    expect(renderMail('test.greeting', 'sv', { name: 'Åsa', until })).toEqual({
      subject: 'Hej Åsa',
      text: 'Välkommen, Åsa! Gäller till 10 juni 2026.',
    });
    expect(renderMail('test.greeting', 'en', { name: 'Åsa', until }).text).toBe(
      'Welcome, Åsa! Valid until 10 June 2026.',
    );
    expect(mailTemplateNames()).toContain('test.greeting');
  });

  it('registers the same templates twice without complaint, but refuses another template under a taken name', () => {
    expect(() => registerMailTemplates(templates)).not.toThrow();
    const other = { sv: () => ({ subject: 'x', text: 'y' }), en: () => ({ subject: 'x', text: 'y' }) };
    expect(() => registerMailTemplates({ 'test.greeting': other })).toThrow(/finns redan/);
  });

  it('refuses a name nobody registered', () => {
    expect(() => renderMail('test.missing' as 'test.greeting', 'sv', { name: 'x', until })).toThrow(
      /inte registrerad/,
    );
  });

  it('enqueues the rendered mail in the caller’s transaction, and nothing when it rolls back', async () => {
    const to = `mall-${Math.random().toString(36).slice(2)}@example.se`;
    await database.db.transaction((tx) =>
      enqueueTemplatedMail(tx, { to, template: 'test.greeting', locale: 'sv', vars: { name: 'Åsa', until } }),
    );
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueTemplatedMail(tx, {
          to,
          template: 'test.greeting',
          locale: 'en',
          vars: { name: 'B', until },
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const rows = await queryRows<{ payload: unknown }>(
      database.db,
      sql`select payload from jobs where kind = ${MAIL_JOB} and payload->>'to' = ${to}`,
    );
    expect(rows.map((r) => r.payload)).toEqual([
      { to, subject: 'Hej Åsa', text: 'Välkommen, Åsa! Gäller till 10 juni 2026.' },
    ]);
  });
});
