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
    'situation.occasion-opened': {
      respondentName: string;
      roundTitle: string;
      occasionLabel: string;
      topic: string;
      deadlineAt: Date;
      /** the answer form itself */
      url: string;
      /** whom to ask at the county board, "Namn (e-post)", comma-separated; empty: none named */
      contacts: string;
    };
    'situation.dates-moved': {
      respondentName: string;
      roundTitle: string;
      occasionLabel: string;
      deadlineAt: Date;
      previousDeadlineAt: Date;
      locksAt: Date;
      previousLocksAt: Date;
      url: string;
    };
    'situation.round-cancelled': {
      respondentName: string;
      roundTitle: string;
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
        `Länsstyrelsen har återlämnat ert svar i ${v.roundTitle} (${v.occasionLabel}) för komplettering:`,
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
  'situation.occasion-opened': {
    sv: (v) => ({
      subject: `Dags att svara senast ${formatDate(v.deadlineAt)} – ${v.roundTitle}, ${v.occasionLabel}`,
      text: [
        'Hej!',
        '',
        `${v.respondentName} ombeds svara i ${v.roundTitle} (${v.occasionLabel}).`,
        v.topic,
        '',
        `Sista dag att svara är ${formatDate(v.deadlineAt)} kl. 23.59.`,
        `Svara här: ${v.url}`,
        ...(v.contacts ? ['', `Frågor besvaras av länsstyrelsen: ${v.contacts}.`] : []),
      ].join('\n'),
    }),
    en: (v) => ({
      subject: `Please answer by ${formatDate(v.deadlineAt, 'en')} – ${v.roundTitle}, ${v.occasionLabel}`,
      text: [
        'Hello,',
        '',
        `${v.respondentName} is asked to answer ${v.roundTitle} (${v.occasionLabel}).`,
        v.topic,
        '',
        `The last day to answer is ${formatDate(v.deadlineAt, 'en')} at 23:59 Swedish time.`,
        `Answer here: ${v.url}`,
        ...(v.contacts ? ['', `Questions: the county administrative board, ${v.contacts}.`] : []),
      ].join('\n'),
    }),
  },
  'situation.dates-moved': {
    sv: (v) => ({
      subject: `Ny sista svarsdag ${formatDate(v.deadlineAt)} – ${v.roundTitle}, ${v.occasionLabel}`,
      text: [
        'Hej!',
        '',
        `Datumen för ${v.roundTitle} (${v.occasionLabel}) är ändrade för ${v.respondentName}.`,
        v.deadlineAt.getTime() === v.previousDeadlineAt.getTime()
          ? `Sista svarsdag är oförändrad: ${formatDate(v.deadlineAt)} kl. 23.59.`
          : `Sista svarsdag är nu ${formatDate(v.deadlineAt)} kl. 23.59 (tidigare ${formatDate(v.previousDeadlineAt)}).`,
        v.locksAt.getTime() === v.previousLocksAt.getTime()
          ? `Svaren låses ${formatDate(v.locksAt)}.`
          : `Svaren låses nu ${formatDate(v.locksAt)} (tidigare ${formatDate(v.previousLocksAt)}).`,
        '',
        `Svara här: ${v.url}`,
      ].join('\n'),
    }),
    en: (v) => ({
      subject: `New deadline ${formatDate(v.deadlineAt, 'en')} – ${v.roundTitle}, ${v.occasionLabel}`,
      text: [
        'Hello,',
        '',
        `The dates of ${v.roundTitle} (${v.occasionLabel}) have changed for ${v.respondentName}.`,
        v.deadlineAt.getTime() === v.previousDeadlineAt.getTime()
          ? `The last day is unchanged: ${formatDate(v.deadlineAt, 'en')} at 23:59 Swedish time.`
          : `The last day is now ${formatDate(v.deadlineAt, 'en')} at 23:59 Swedish time (was ${formatDate(v.previousDeadlineAt, 'en')}).`,
        v.locksAt.getTime() === v.previousLocksAt.getTime()
          ? `Answers are locked on ${formatDate(v.locksAt, 'en')}.`
          : `Answers are now locked on ${formatDate(v.locksAt, 'en')} (was ${formatDate(v.previousLocksAt, 'en')}).`,
        '',
        `Answer here: ${v.url}`,
      ].join('\n'),
    }),
  },
  'situation.round-cancelled': {
    sv: (v) => ({
      subject: `Inställd: ${v.roundTitle}`,
      text: [
        'Hej!',
        '',
        `${v.roundTitle} är inställd. ${v.respondentName} behöver inte svara.`,
        'Ni behöver inte göra något.',
      ].join('\n'),
    }),
    en: (v) => ({
      subject: `Cancelled: ${v.roundTitle}`,
      text: [
        'Hello,',
        '',
        `${v.roundTitle} has been cancelled. ${v.respondentName} does not need to answer.`,
        'Nothing needs to be done.',
      ].join('\n'),
    }),
  },
});
