import { defineMailTemplates } from '../../platform/mail-templates.ts';

/** What every mail about one registration names. */
interface RegistrationMail {
  name: string;
  eventTitle: string;
  /** "15 juni 2022 klockan 12.30–15.45" (see whenOfEvent) */
  when: string;
  /** the registrant's own page: see, change, cancel, erase */
  manageUrl: string;
}

declare module '../../platform/mail-templates.ts' {
  interface MailTemplateVars {
    /** a place is confirmed (at registration, an offer accepted, or added by the organiser); with the .ics */
    'events.registration-confirmed': RegistrationMail & {
      /** "Digitalt möte. Länk och praktisk information skickas ut innan evenemanget börjar." or the address */
      place: string;
      eventUrl: string;
    };
    'events.registration-waiting': RegistrationMail & {
      /** the place in line, 1 first */
      position: number;
    };
    'events.place-offered': RegistrationMail & {
      acceptUrl: string;
      /** until when the offer holds, as text */
      expires: string;
    };
    'events.offer-expired': RegistrationMail;
    'events.registration-cancelled': Omit<RegistrationMail, 'manageUrl'> & { eventUrl: string };
    'events.event-cancelled': Omit<RegistrationMail, 'manageUrl'> & { note: string };
    'events.joining-info': RegistrationMail & {
      meetingLink: string;
      practicalInfo: string;
    };
    /** the organiser's message to the registrants */
    'events.message': RegistrationMail & { subject: string; text: string };
    /** after the event: the attendee's link to its evaluation, answered once and anonymously */
    'events.evaluation': Omit<RegistrationMail, 'manageUrl'> & { evaluationUrl: string };
  }
}

const lines = (...parts: Array<string | false | undefined>): string =>
  parts.filter((p): p is string => typeof p === 'string').join('\n');

export const eventsMail = defineMailTemplates({
  'events.registration-confirmed': {
    sv: (v) => ({
      subject: `Bekräftelse på din anmälan – ${v.eventTitle}`,
      text: lines(
        `Hej ${v.name}!`,
        '',
        `Du är anmäld till ${v.eventTitle}, ${v.when}.`,
        v.place,
        '',
        'Evenemanget finns som kalenderfil i det här mejlet.',
        `Om evenemanget: ${v.eventUrl}`,
        '',
        'Via din personliga länk kan du se, ändra eller avboka din anmälan och ta bort dina uppgifter:',
        v.manageUrl,
      ),
    }),
    en: (v) => ({
      subject: `Your registration is confirmed – ${v.eventTitle}`,
      text: lines(
        `Hello ${v.name},`,
        '',
        `You are registered for ${v.eventTitle}, ${v.when} (Swedish time).`,
        v.place,
        '',
        'The event is attached as a calendar file.',
        `About the event: ${v.eventUrl}`,
        '',
        'Your personal link lets you see, change or cancel your registration and erase your data:',
        v.manageUrl,
      ),
    }),
  },
  'events.registration-waiting': {
    sv: (v) => ({
      subject: `Du står på väntelistan – ${v.eventTitle}`,
      text: lines(
        `Hej ${v.name}!`,
        '',
        `${v.eventTitle}, ${v.when}, är fullbokat. Du står som nummer ${v.position} på väntelistan.`,
        'Blir en plats ledig erbjuds den i tur och ordning via e-post, med en länk att bekräfta den med inom en viss tid.',
        '',
        'Via din personliga länk kan du se eller avboka din anmälan och ta bort dina uppgifter:',
        v.manageUrl,
      ),
    }),
    en: (v) => ({
      subject: `You are on the waiting list – ${v.eventTitle}`,
      text: lines(
        `Hello ${v.name},`,
        '',
        `${v.eventTitle}, ${v.when}, is fully booked. You are number ${v.position} on the waiting list.`,
        'If a place becomes free it is offered in turn by e-mail, with a link to confirm it within a set time.',
        '',
        'Your personal link lets you see or cancel your registration and erase your data:',
        v.manageUrl,
      ),
    }),
  },
  'events.place-offered': {
    sv: (v) => ({
      subject: `En plats har blivit ledig – ${v.eventTitle}`,
      text: lines(
        `Hej ${v.name}!`,
        '',
        `En plats har blivit ledig på ${v.eventTitle}, ${v.when}, och du står först på väntelistan.`,
        `Bekräfta platsen senast ${v.expires}. Annars går den vidare till nästa på väntelistan.`,
        '',
        `Bekräfta platsen: ${v.acceptUrl}`,
        '',
        `Din anmälan: ${v.manageUrl}`,
      ),
    }),
    en: (v) => ({
      subject: `A place has become free – ${v.eventTitle}`,
      text: lines(
        `Hello ${v.name},`,
        '',
        `A place has become free at ${v.eventTitle}, ${v.when}, and you are first on the waiting list.`,
        `Confirm it by ${v.expires} (Swedish time), or it passes to the next in line.`,
        '',
        `Confirm the place: ${v.acceptUrl}`,
        '',
        `Your registration: ${v.manageUrl}`,
      ),
    }),
  },
  'events.offer-expired': {
    sv: (v) => ({
      subject: `Erbjudandet om plats har gått ut – ${v.eventTitle}`,
      text: lines(
        `Hej ${v.name}!`,
        '',
        `Platsen du erbjöds på ${v.eventTitle}, ${v.when}, bekräftades inte i tid och har gått vidare till nästa på väntelistan.`,
        'Du kan anmäla dig igen om anmälan fortfarande är öppen.',
      ),
    }),
    en: (v) => ({
      subject: `The offered place has lapsed – ${v.eventTitle}`,
      text: lines(
        `Hello ${v.name},`,
        '',
        `The place you were offered at ${v.eventTitle}, ${v.when}, was not confirmed in time and has passed to the next in line.`,
        'You may register again while registration is open.',
      ),
    }),
  },
  'events.registration-cancelled': {
    sv: (v) => ({
      subject: `Din anmälan är avbokad – ${v.eventTitle}`,
      text: lines(
        `Hej ${v.name}!`,
        '',
        `Din anmälan till ${v.eventTitle}, ${v.when}, är avbokad.`,
        '',
        `Om evenemanget: ${v.eventUrl}`,
      ),
    }),
    en: (v) => ({
      subject: `Your registration is cancelled – ${v.eventTitle}`,
      text: lines(
        `Hello ${v.name},`,
        '',
        `Your registration for ${v.eventTitle}, ${v.when}, is cancelled.`,
        '',
        `About the event: ${v.eventUrl}`,
      ),
    }),
  },
  'events.event-cancelled': {
    sv: (v) => ({
      subject: `Inställt: ${v.eventTitle}`,
      text: lines(
        `Hej ${v.name}!`,
        '',
        `${v.eventTitle}, ${v.when}, är tyvärr inställt. Din anmälan gäller därför inte längre.`,
        v.note ? '' : false,
        v.note || false,
        '',
        'En kalenderfil som tar bort evenemanget ur din kalender finns i det här mejlet.',
      ),
    }),
    en: (v) => ({
      subject: `Cancelled: ${v.eventTitle}`,
      text: lines(
        `Hello ${v.name},`,
        '',
        `${v.eventTitle}, ${v.when}, has been cancelled. Your registration no longer applies.`,
        v.note ? '' : false,
        v.note || false,
        '',
        'A calendar file that removes the event from your calendar is attached.',
      ),
    }),
  },
  'events.joining-info': {
    sv: (v) => ({
      subject: `Länk och praktisk information – ${v.eventTitle}`,
      text: lines(
        `Hej ${v.name}!`,
        '',
        `Välkommen till ${v.eventTitle}, ${v.when}.`,
        v.meetingLink ? '' : false,
        v.meetingLink ? `Länk till mötet: ${v.meetingLink}` : false,
        v.practicalInfo ? '' : false,
        v.practicalInfo || false,
        '',
        `Kan du inte delta? Avboka via din personliga länk: ${v.manageUrl}`,
      ),
    }),
    en: (v) => ({
      subject: `Link and practical information – ${v.eventTitle}`,
      text: lines(
        `Hello ${v.name},`,
        '',
        `Welcome to ${v.eventTitle}, ${v.when} (Swedish time).`,
        v.meetingLink ? '' : false,
        v.meetingLink ? `Meeting link: ${v.meetingLink}` : false,
        v.practicalInfo ? '' : false,
        v.practicalInfo || false,
        '',
        `Cannot attend? Cancel through your personal link: ${v.manageUrl}`,
      ),
    }),
  },
  'events.message': {
    sv: (v) => ({
      subject: `${v.subject} – ${v.eventTitle}`,
      text: lines(
        `Hej ${v.name}!`,
        '',
        v.text,
        '',
        `Du får det här mejlet för att du är anmäld till ${v.eventTitle}, ${v.when}.`,
        `Din anmälan: ${v.manageUrl}`,
      ),
    }),
    en: (v) => ({
      subject: `${v.subject} – ${v.eventTitle}`,
      text: lines(
        `Hello ${v.name},`,
        '',
        v.text,
        '',
        `You receive this because you are registered for ${v.eventTitle}, ${v.when}.`,
        `Your registration: ${v.manageUrl}`,
      ),
    }),
  },
  'events.evaluation': {
    sv: (v) => ({
      subject: `Vad tyckte du? Utvärdering av ${v.eventTitle}`,
      text: lines(
        `Hej ${v.name}!`,
        '',
        `Tack för att du deltog i ${v.eventTitle}, ${v.when}.`,
        'Vi vill gärna veta vad du tyckte, så att nästa evenemang blir bättre. Det tar några minuter.',
        '',
        `Svara på utvärderingen: ${v.evaluationUrl}`,
        '',
        'Dina svar sparas utan ditt namn och din e-postadress, och arrangören ser bara en sammanställning av allas svar. Länken är personlig och går att svara med en gång.',
      ),
    }),
    en: (v) => ({
      subject: `What did you think? Evaluation of ${v.eventTitle}`,
      text: lines(
        `Hello ${v.name},`,
        '',
        `Thank you for taking part in ${v.eventTitle}, ${v.when}.`,
        'We would like to know what you thought, to make the next event better. It takes a few minutes.',
        '',
        `Answer the evaluation: ${v.evaluationUrl}`,
        '',
        'Your answers are kept without your name and e-mail address, and the organiser sees only a summary of everyone’s answers. The link is personal and can be used to answer once.',
      ),
    }),
  },
});
