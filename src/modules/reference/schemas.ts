import { z } from 'zod';
import { fields } from '../../platform/validation.ts';
import { parseOrgNumber } from './org-number.ts';
import { COUNTIES } from '../../platform/tenancy.ts';

/** Types a system admin may add; county boards, regions and municipalities come with the reference data. */
export const addableOrganisationTypes = [
  'government_agency',
  'university',
  'business',
  'civil_society',
  'other',
] as const;

const countyCodes = COUNTIES.map((c) => c.code);

/** The longest organisation name, in the form's field and its schema (the column is unbounded text). */
export const ORGANISATION_NAME_MAX = 200;

export const newOrganisationSchema = z.object({
  name: fields.requiredText('Ange organisationens namn', ORGANISATION_NAME_MAX, 'Namnet'),
  type: z.enum(addableOrganisationTypes, { error: 'Välj typ av organisation' }),
  orgNumber: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const parsed = parseOrgNumber(v);
      if (!parsed) {
        ctx.addIssue({
          code: 'custom',
          message: 'Ange ett giltigt organisationsnummer, till exempel 202100-2411',
        });
        return z.NEVER;
      }
      return parsed;
    }),
  countyCode: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || countyCodes.includes(v), 'Välj ett län eller Nationell'),
});
export type NewOrganisationInput = z.output<typeof newOrganisationSchema>;
