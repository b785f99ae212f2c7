import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { enqueueMail } from '../../platform/mail.ts';
import type { Limit } from '../../platform/rate-limit.ts';
import { fields, parseForm } from '../../platform/validation.ts';
import type { CouncilRow } from './repository.ts';

/**
 * The public page's contact form to a council's secretariat (kansliet): the message goes by e-mail through the
 * job queue to the council's secretariat address, its subject tagged as the council asks ("[kansli för social
 * hållbarhet] Fråga om …") and Reply-To the sender. The message is kept nowhere else: not in a table, not in
 * the audit log, not in the technical log; the mail job's payload is emptied once the mail is sent (jobs.ts).
 */

export const CONTACT_LIMITS = { name: 200, subject: 200, message: 5000 } as const;

/** A field no person sees (nor hears) and a robot fills in. */
export const CONTACT_HONEYPOT = 'webbplats';

/** At most this many messages from one address of the internet in ten minutes. */
export const CONTACT_PER_IP: Limit = { max: 5, windowSeconds: 10 * 60 };

export const contactInputSchema = z.object({
  name: fields.requiredText('Ange ditt namn', CONTACT_LIMITS.name, 'Namnet'),
  email: fields.email('din e-postadress'),
  subject: fields
    .requiredText('Ange ett ämne', CONTACT_LIMITS.subject, 'Ämnet')
    .refine((v) => !/[\r\n]/.test(v), { message: 'Ämnet får bara vara en rad' }),
  message: fields.requiredText('Skriv ditt meddelande', CONTACT_LIMITS.message, 'Meddelandet'),
});
export type ContactInput = z.input<typeof contactInputSchema>;

/** Whether the council takes messages through its public page: an active council with a secretariat address. */
export const takesMessages = (c: Pick<CouncilRow, 'status' | 'secretariatEmail'>): boolean =>
  c.status === 'active' && Boolean(c.secretariatEmail);

/** The subject the secretariat gets: its tag in brackets first, when it has one. */
export const taggedSubject = (tag: string, subject: string): string =>
  tag.trim() ? `[${tag.trim()}] ${subject}` : subject;

/**
 * Sends a visitor's message to the council's secretariat: checked (bad input and a filled-in honeypot are
 * refused as field errors), then one mail enqueued, to be sent after commit.
 */
export async function sendContactMessage(
  db: Db,
  council: CouncilRow,
  raw: unknown,
  pageUrl: string,
): Promise<void> {
  if (!takesMessages(council)) throw new NotFoundError();
  const body = (raw ?? {}) as Record<string, unknown>;
  const trap = body[CONTACT_HONEYPOT];
  if (trap !== undefined && trap !== '')
    throw new ValidationError({ _form: 'Meddelandet kunde inte skickas. Försök igen.' });
  const input = parseForm(contactInputSchema, raw);
  await db.transaction((tx) =>
    enqueueMail(tx, {
      to: council.secretariatEmail!,
      replyTo: input.email,
      subject: taggedSubject(council.subjectTag, input.subject),
      text: [
        `Ett meddelande till ${council.name} från kontaktformuläret på rådets sida (${pageUrl}).`,
        '',
        `Från: ${input.name} <${input.email}>`,
        `Ämne: ${input.subject}`,
        '',
        input.message,
        '',
        'Svara på det här mejlet för att svara avsändaren.',
      ].join('\n'),
    }),
  );
}
