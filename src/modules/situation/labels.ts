import { measureStatusLabels, RISK_SCALE_LABELS } from '../forms/index.ts';
import type { Level } from './picture.ts';
import type { pictureStatus, ResponseStatus } from './tables.ts';

type PictureStatus = (typeof pictureStatus.enumValues)[number];

/*
 * The one Swedish wording of each lägesbild concept, for the web pages, Word, Excel/CSV and mail alike.
 * Officials never see an English id: a value without a label here is a programming error, not a fallback.
 */

/** A response's status; "svaret" is neuter, as in the flash messages ("Svaret är inskickat"). */
export const responseStatusLabels: Readonly<Record<ResponseStatus, string>> = {
  draft: 'Utkast',
  submitted: 'Inskickat',
  returned: 'Återlämnat för komplettering',
  approved: 'Godkänt',
};

/**
 * The county's actions on a submitted response, worded with the verb of the status each leads to
 * ("Återlämna" → "Återlämnat"), never a second word for it ("lämna tillbaka").
 */
export const responseActionLabels = {
  approve: 'Godkänn svaret',
  return: 'Återlämna svaret för komplettering',
} as const;

/** A respondent who has not started: no response row exists yet. */
export const NOT_STARTED = 'Ej påbörjat';

export const responseStatusText = (status: ResponseStatus | 'none'): string =>
  status === 'none' ? NOT_STARTED : responseStatusLabels[status];

/** A regional picture's status; "lägesbilden" is common gender. */
export const pictureStatusLabels: Readonly<Record<PictureStatus, string>> = {
  draft: 'Utkast',
  submitted: 'Inskickad',
};

/** What the national coordinator sees of a county's picture not yet sent (a draft is the county's own). */
export const PICTURE_NOT_SUBMITTED = 'Ej inskickad';

export const pictureSubmittedText = (submitted: boolean): string =>
  submitted ? pictureStatusLabels.submitted : PICTURE_NOT_SUBMITTED;

/** A measure's status (planerad / vidtagen), defined with the measures question in forms. */
export { measureStatusLabels };

/** A respondent who gave no level for an area (or did not answer at all). */
export const NOT_ANSWERED = 'Ej besvarad';

/**
 * A risk level as text: "4 – Stor påverkan" (the step and its words, as the answer form shows them),
 * "Vet ej", and "Ej besvarad" for no answer (null, or the distribution's 'missing').
 */
export function levelText(level: Level): string {
  if (level === null || level === 'missing') return NOT_ANSWERED;
  const label = RISK_SCALE_LABELS[level];
  // A step outside the scale (none is stored since the builder keeps to it) is shown as its number.
  if (label === undefined) return level;
  return /^\d+$/.test(level) ? `${level} – ${label}` : label;
}

/** How the level changed since the previous occasion (the change question's answers, and the counts). */
export const changeLabels = {
  increased: 'Ökat',
  unchanged: 'Oförändrat',
  decreased: 'Minskat',
} as const;
