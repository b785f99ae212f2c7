import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { fields, parseForm } from '../../platform/validation.ts';
import { CONTACT_LIMITS } from './contacts.ts';
import * as prepo from './pages-repository.ts';
import { sitePolicy } from './policy.ts';
import type { SettingsRow } from './repository.ts';

/** The county's settings for its site: review by a second editor, and the support contact of its pages. */
export const settingsSchema = z.object({
  requiresReview: z.enum(['yes', 'no'], { message: 'Välj om sidor ska granskas av en annan redaktör' }),
  supportEmail: fields.optionalEmail(),
  supportPhone: fields
    .optionalText(CONTACT_LIMITS.phone, 'Telefonnumret')
    .refine((v) => v === '' || /^\+?[\d\s()-]{5,}$/.test(v), {
      message: 'Ange telefonnumret med siffror, till exempel 0611-34 90 00',
    }),
});
export type SettingsInput = z.input<typeof settingsSchema>;

export async function saveSettings(
  db: Db,
  actor: UserActor,
  countyCode: string,
  raw: SettingsInput,
): Promise<SettingsRow> {
  const input = parseForm(settingsSchema, raw);
  if (!sitePolicy['site.settings'](actor, { countyCode })) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const before = await prepo.lockSettings(tx, countyCode);
    const after = await prepo.updateSettings(tx, countyCode, {
      requiresReview: input.requiresReview === 'yes',
      supportEmail: input.supportEmail || null,
      supportPhone: input.supportPhone || null,
    });
    const details = (s: SettingsRow) => ({
      requiresReview: s.requiresReview,
      supportEmail: s.supportEmail,
      supportPhone: s.supportPhone,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'site.settings_changed',
      entityType: 'site_settings',
      entityId: countyCode,
      before: details(before),
      after: details(after),
    });
    return after;
  });
}
