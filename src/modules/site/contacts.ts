import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { fields, parseForm } from '../../platform/validation.ts';
import { contactKinds } from './lifecycle.ts';
import * as prepo from './pages-repository.ts';
import { authorize, sitePolicy } from './policy.ts';
import type { ContactRow } from './repository.ts';

/**
 * The county's contacts for its pages: people and functions with a role, e-mail and phone. One who leaves is
 * replaced by another active contact: every page naming them shows the replacement at once (contacts-view.ts
 * resolveContacts follows the replacement when the page is shown; no page is rewritten).
 */

export const CONTACT_LIMITS = { name: 200, role: 200, phone: 40 };

const PHONE = /^\+?[\d\s()-]{5,}$/;

export const contactSchema = z.object({
  kind: z.enum(contactKinds, { message: 'Välj om kontakten är en person eller en funktion' }),
  name: fields.requiredText('Ange kontaktens namn', CONTACT_LIMITS.name, 'Namnet'),
  role: fields.optionalText(CONTACT_LIMITS.role, 'Rollen'),
  email: fields.optionalEmail(),
  phone: fields.optionalText(CONTACT_LIMITS.phone, 'Telefonnumret').refine((v) => v === '' || PHONE.test(v), {
    message: 'Ange telefonnumret med siffror, till exempel 0611-34 90 00 eller +46 611 34 90 00',
  }),
});
export type ContactInput = z.input<typeof contactSchema>;

const mayEdit = (actor: UserActor, countyCode: string): void => {
  if (!sitePolicy['site.edit'](actor, { countyCode })) throw new NotFoundError();
};

const auditDetails = (c: ContactRow) => ({
  name: c.name,
  role: c.role || null,
  email: c.email,
  phone: c.phone,
});

export async function createContact(
  db: Db,
  actor: UserActor,
  countyCode: string,
  raw: ContactInput,
): Promise<ContactRow> {
  const input = parseForm(contactSchema, raw);
  mayEdit(actor, countyCode);
  return db.transaction(async (tx) => {
    const contact = await prepo.insertContact(tx, {
      countyCode,
      kind: input.kind,
      name: input.name,
      role: input.role,
      email: input.email || null,
      phone: input.phone || null,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'contact.created',
      entityType: 'site_contact',
      entityId: contact.id,
      after: auditDetails(contact),
    });
    return contact;
  });
}

export async function editContact(
  db: Db,
  actor: UserActor,
  countyCode: string,
  contactId: string,
  raw: ContactInput,
): Promise<ContactRow> {
  const input = parseForm(contactSchema, raw);
  mayEdit(actor, countyCode);
  return db.transaction(async (tx) => {
    const before = await prepo.lockContact(tx, countyCode, contactId);
    if (!before) throw new NotFoundError();
    const contact = await prepo.updateContact(tx, before.id, {
      kind: input.kind,
      name: input.name,
      role: input.role,
      email: input.email || null,
      phone: input.phone || null,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'contact.edited',
      entityType: 'site_contact',
      entityId: contact.id,
      before: auditDetails(before),
      after: auditDetails(contact),
    });
    return contact;
  });
}

/** Replaces a contact who leaves by another active contact of the county, on every page at once. */
export async function replaceContact(
  db: Db,
  actor: UserActor,
  countyCode: string,
  contactId: string,
  replacementId: string,
): Promise<ContactRow> {
  return db.transaction(async (tx) => {
    const contact = await prepo.lockContact(tx, countyCode, contactId);
    if (!contact) throw new NotFoundError();
    // The replacement is locked too: it must not leave while it takes over.
    const replacement = replacementId ? await prepo.lockContact(tx, countyCode, replacementId) : undefined;
    authorize(actor, 'contact.replace', { countyCode, contact, replacement: replacement ?? null });
    const left = await prepo.updateContact(tx, contact.id, {
      leftAt: new Date(),
      replacedById: replacement!.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'contact.replaced',
      entityType: 'site_contact',
      entityId: contact.id,
      after: { name: contact.name, replacedBy: replacement!.name },
    });
    return left;
  });
}
