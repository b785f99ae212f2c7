import { z } from 'zod';
import { dateProblem, isUuid, type DateName } from '../../platform/validation.ts';

/** The council forms' own fields beside platform/validation's `fields`: optional dates and choices of ids. */

/** A date that may be left out ('' then), else one the calendar has. */
export const optionalDate = (name: DateName) =>
  z
    .string({ error: `Ange ${name.a} som ÅÅÅÅ-MM-DD` })
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .superRefine((value, ctx) => {
      const problem = value ? dateProblem(value, name) : undefined;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** An id chosen in a list, or '' for none; anything else is no choice the list offered. */
export const optionalChoice = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || isUuid(v), { message });

/** An id chosen in a list. */
export const requiredChoice = (message: string) =>
  z.string({ error: message }).trim().refine(isUuid, { message });

/** The ids ticked in a list of checkboxes: one, several or none, each once. */
export const choices = (message: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: message })
    .optional()
    .transform((v) =>
      v === undefined
        ? []
        : [v]
            .flat()
            .map((s) => s.trim())
            .filter(Boolean),
    )
    .refine((v) => v.every(isUuid), { message })
    .transform((v) => [...new Set(v)]);
