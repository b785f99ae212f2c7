import type { Executor } from '../db/client.ts';
import type { Locale } from './i18n.ts';
import { enqueueMail, type MailAttachment, type MailMessage } from './mail.ts';

export interface RenderedMail {
  subject: string;
  text: string;
}

/** One mail in every interface language, from the same variables. */
export type MailTemplate<Vars> = Record<Locale, (vars: Vars) => RenderedMail>;

/**
 * The variables of every mail template, by name (`<module>.<what happened>`). Each module adds its own in
 * its mail.ts by declaration merging, so that a template's name and its variables are checked where mail is
 * sent:
 *
 *     declare module '../../platform/mail-templates.ts' {
 *       interface MailTemplateVars { 'accounts.password-reset': { name: string; url: string } }
 *     }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MailTemplateVars {}

export type MailTemplateName = keyof MailTemplateVars;

/** A module's templates: for each name it declares, the mail in every language. */
export type MailTemplates<N extends MailTemplateName = MailTemplateName> = {
  [K in N]: MailTemplate<MailTemplateVars[K]>;
};

const registry = new Map<string, MailTemplate<never>>();

/** Registers templates by name; the same name with another template is a mistake and refused. */
export function registerMailTemplates(templates: Partial<MailTemplates>): void {
  for (const [name, template] of Object.entries(templates) as Array<[string, MailTemplate<never>]>) {
    const existing = registry.get(name);
    if (existing && existing !== template) throw new Error(`E-postmallen ${name} finns redan`);
    registry.set(name, template);
  }
}

/**
 * Declares and registers a module's templates. Registering on definition means any entry point that loads
 * the module (server, worker, command line, a test) can send them; the module's descriptor lists them too,
 * so that the composition root sees every template and a clash of names fails at start.
 */
export function defineMailTemplates<N extends MailTemplateName>(
  templates: MailTemplates<N>,
): MailTemplates<N> {
  registerMailTemplates(templates);
  return templates;
}

/** The registered template names (a test checks that each renders in every language). */
export const mailTemplateNames = (): string[] => [...registry.keys()];

/** A template's subject and text in the given language. */
export function renderMail<N extends MailTemplateName>(
  name: N,
  locale: Locale,
  vars: MailTemplateVars[N],
): RenderedMail {
  const template = registry.get(name) as MailTemplate<MailTemplateVars[N]> | undefined;
  if (!template) throw new Error(`E-postmallen ${name} är inte registrerad`);
  return template[locale](vars);
}

export interface TemplatedMail<N extends MailTemplateName> {
  to: string;
  template: N;
  locale: Locale;
  vars: MailTemplateVars[N];
  /** files sent with the mail (an event's .ics) */
  attachments?: MailAttachment[];
}

/**
 * Renders a template and enqueues the mail in the transaction of the change that causes it (see
 * enqueueMail): the text is fixed when the change commits, whatever templates say later.
 */
export function enqueueTemplatedMail<N extends MailTemplateName>(
  tx: Executor,
  mail: TemplatedMail<N>,
): Promise<number> {
  return enqueueMail(tx, renderTemplatedMail(mail));
}

/** The message enqueueTemplatedMail enqueues, rendered now (for a caller that writes it with mailJobRow). */
export function renderTemplatedMail<N extends MailTemplateName>(mail: TemplatedMail<N>): MailMessage {
  return {
    to: mail.to,
    ...renderMail(mail.template, mail.locale, mail.vars),
    ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
  };
}
