import { defineMailTemplates } from '../../platform/mail-templates.ts';

/** What every mail about a body's meeting names. */
interface MeetingMail {
  councilName: string;
  bodyName: string;
  meetingTitle: string;
  /** "15 juni 2027 klockan 13.00–15.00" */
  when: string;
  /** the place, the online link, or both, as lines */
  place: string;
  /** the meeting's page in the council's work room */
  meetingUrl: string;
}

declare module '../../platform/mail-templates.ts' {
  interface MailTemplateVars {
    /** kallelse: the invitation (or its update) to the body's people, with the .ics, the agenda and the papers */
    'councils.meeting-invitation': MeetingMail & {
      /** an update of an invitation sent before */
      updated: boolean;
      /** the agenda, a numbered line per item ('' for none yet) */
      agenda: string;
      /** the papers, a line per document with its address ('' for none) */
      papers: string;
    };
    'councils.meeting-cancelled': MeetingMail;
  }
}

const lines = (...parts: Array<string | false>): string =>
  parts.filter((p): p is string => typeof p === 'string').join('\n');

export const meetingMail = defineMailTemplates({
  'councils.meeting-invitation': {
    sv: (v) => ({
      subject: `${v.updated ? 'Ändrad kallelse' : 'Kallelse'}: ${v.meetingTitle} – ${v.bodyName}`,
      text: lines(
        'Hej!',
        '',
        v.updated
          ? `Kallelsen till ${v.meetingTitle} (${v.bodyName}, ${v.councilName}) är ändrad. Så här gäller nu:`
          : `Du kallas till ${v.meetingTitle} (${v.bodyName}, ${v.councilName}).`,
        '',
        `Tid: ${v.when}`,
        v.place,
        '',
        'Dagordning:',
        v.agenda || 'Dagordningen kommer senare.',
        v.papers ? '' : false,
        v.papers ? 'Handlingar:' : false,
        v.papers || false,
        '',
        'Mötet finns som kalenderinbjudan i det här mejlet.',
        `Mötet i rådets arbetsrum: ${v.meetingUrl}`,
      ),
    }),
    en: (v) => ({
      subject: `${v.updated ? 'Updated invitation' : 'Invitation'}: ${v.meetingTitle} – ${v.bodyName}`,
      text: lines(
        'Hello,',
        '',
        v.updated
          ? `The invitation to ${v.meetingTitle} (${v.bodyName}, ${v.councilName}) has changed. It now reads:`
          : `You are invited to ${v.meetingTitle} (${v.bodyName}, ${v.councilName}).`,
        '',
        `When: ${v.when} (Swedish time)`,
        v.place,
        '',
        'Agenda:',
        v.agenda || 'The agenda will follow.',
        v.papers ? '' : false,
        v.papers ? 'Papers:' : false,
        v.papers || false,
        '',
        'The meeting is attached as a calendar invitation.',
        `The meeting in the council's work room: ${v.meetingUrl}`,
      ),
    }),
  },
  'councils.meeting-cancelled': {
    sv: (v) => ({
      subject: `Inställt: ${v.meetingTitle} – ${v.bodyName}`,
      text: lines(
        'Hej!',
        '',
        `${v.meetingTitle} (${v.bodyName}, ${v.councilName}), ${v.when}, är inställt.`,
        '',
        'En kalenderfil som tar bort mötet ur din kalender finns i det här mejlet.',
        `Mötet i rådets arbetsrum: ${v.meetingUrl}`,
      ),
    }),
    en: (v) => ({
      subject: `Cancelled: ${v.meetingTitle} – ${v.bodyName}`,
      text: lines(
        'Hello,',
        '',
        `${v.meetingTitle} (${v.bodyName}, ${v.councilName}), ${v.when}, has been cancelled.`,
        '',
        'A calendar file that removes the meeting from your calendar is attached.',
        `The meeting in the council's work room: ${v.meetingUrl}`,
      ),
    }),
  },
});
