import { isSystemAdmin, type Actor } from '../../platform/authz.ts';

/** System administration: organisations, users, the file mailbox and the audit log. */
export const adminGlobalPolicy = {
  'system.administer': (actor: Actor) => isSystemAdmin(actor),
} as const;
