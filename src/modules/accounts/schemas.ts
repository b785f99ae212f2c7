import { z } from 'zod';
import { fields } from '../../platform/validation.ts';
import { countyInvitableRoles } from '../../platform/roles.ts';

export const loginSchema = z.object({
  email: fields.email(),
  password: z
    .string({ error: 'Ange ditt lösenord' })
    .min(1, 'Ange ditt lösenord')
    .max(200, 'Lösenordet är för långt'),
  next: z.string().optional(),
});

export const resetRequestSchema = z.object({ email: fields.email() });

export const newPasswordSchema = z
  .object({
    password: fields.password(),
    confirm: z.string({ error: 'Upprepa lösenordet' }).min(1, 'Upprepa lösenordet'),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'Lösenorden är inte lika' });

/** The longest name a person may give, in the form's field and its schema (the column is unbounded text). */
export const PERSON_NAME_MAX = 200;

export const acceptInvitationSchema = z
  .object({
    name: fields.requiredText('Ange ditt namn', PERSON_NAME_MAX, 'Namnet'),
    password: fields.password(),
    confirm: z.string({ error: 'Upprepa lösenordet' }).min(1, 'Upprepa lösenordet'),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'Lösenorden är inte lika' });

/** Accepting an invitation with the password of the address's existing account. */
export const existingAccountSchema = z.object({
  password: z.string({ error: 'Ange lösenordet' }).min(1, 'Ange lösenordet').max(200, 'Fel lösenord'),
});

export const inviteSchema = z.object({
  email: fields.email(),
  organisationId: z.string({ error: 'Välj organisation' }).uuid('Välj organisation'),
  role: z.enum(countyInvitableRoles, { error: 'Välj roll' }),
});
export type InviteInput = z.output<typeof inviteSchema>;
