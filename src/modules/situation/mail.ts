import { formatDate } from '../../platform/i18n.ts';
import { defineMailTemplates } from '../../platform/mail-templates.ts';

declare module '../../platform/mail-templates.ts' {
  interface MailTemplateVars {
    'situation.response-returned': {
      roundTitle: string;
      occasionLabel: string;
      /** what the county asks the respondent to complete */
      comment: string;
      url: string;
    };
    'situation.picture-recalled': {
      countyName: string;
      roundTitle: string;
      occasionLabel: string;
      /** who recalled it */
      recalledBy: string;
      /** the national picture's page */
      url: string;
    };
    'situation.answer-reminder': {
      respondentName: string;
      roundTitle: string;
      occasionLabel: string;
      deadlineAt: Date;
      url: string;
    };
  }
}

export const situationMail = defineMailTemplates({
  'situation.response-returned': {
    sv: (v) => ({
      subject: `Komplettera ert svar – ${v.roundTitle}, ${v.occasionLabel}`,
      text: [
        'Hej!',
        '',
        `Länsstyrelsen har lämnat tillbaka ert svar i ${v.roundTitle} (${v.occasionLabel}) för komplettering:`,
        '',
        v.comment,
        '',
        `Logga in för att komplettera: ${v.url}`,
      ].join('\n'),
    }),
    en: (v) => ({
      subject: `Please complete your answer – ${v.roundTitle}, ${v.occasionLabel}`,
      text: [
        'Hello,',
        '',
        `The county administrative board has returned your answer in ${v.roundTitle} (${v.occasionLabel}) to be completed:`,
        '',
        v.comment,
        '',
        `Sign in to complete it: ${v.url}`,
      ].join('\n'),
    }),
  },
  'situation.picture-recalled': {
    sv: (v) => ({
      subject: `${v.countyName} har återkallat sin regionala lägesbild – ${v.roundTitle}, ${v.occasionLabel}`,
      text: [
        'Hej!',
        '',
        `${v.recalledBy} på Länsstyrelsen i ${v.countyName} har återkallat länets regionala lägesbild i ${v.roundTitle} (${v.occasionLabel}).`,
        'Länets lägesbild räknas inte med i den nationella sammanställningen förrän länet har skickat den igen.',
        'Det som skickades tidigare finns kvar i länets historik.',
        '',
        `Den nationella lägesbilden: ${v.url}`,
      ].join('\n'),
    }),
    en: (v) => ({
      subject: `${v.countyName} has recalled its regional picture – ${v.roundTitle}, ${v.occasionLabel}`,
      text: [
        'Hello,',
        '',
        `${v.recalledBy} at the county administrative board of ${v.countyName} has recalled the county's regional picture in ${v.roundTitle} (${v.occasionLabel}).`,
        'It is not part of the national compilation until the county sends it again.',
        "What was sent before is kept in the county's history.",
        '',
        `The national picture: ${v.url}`,
      ].join('\n'),
    }),
  },
  'situation.answer-reminder': {
    sv: (v) => ({
      subject: `Påminnelse: svara senast ${formatDate(v.deadlineAt)} – ${v.roundTitle}`,
      text: [
        'Hej!',
        '',
        `${v.respondentName} har ännu inte skickat in sitt svar i ${v.roundTitle} (${v.occasionLabel}).`,
        `Sista dag är ${formatDate(v.deadlineAt)} kl. 23.59.`,
        '',
        v.url,
      ].join('\n'),
    }),
    en: (v) => ({
      subject: `Reminder: answer by ${formatDate(v.deadlineAt, 'en')} – ${v.roundTitle}`,
      text: [
        'Hello,',
        '',
        `${v.respondentName} has not yet submitted its answer in ${v.roundTitle} (${v.occasionLabel}).`,
        `The last day is ${formatDate(v.deadlineAt, 'en')} at 23:59 Swedish time.`,
        '',
        v.url,
      ].join('\n'),
    }),
  },
});
