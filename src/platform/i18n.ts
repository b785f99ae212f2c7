export const locales = ['sv', 'en'] as const;
export type Locale = (typeof locales)[number];

const messages = {
  'app.name': { sv: 'Samverkan', en: 'Samverkan' },
  'app.tagline': {
    sv: 'Regional samverkan för social hållbarhet',
    en: 'Regional collaboration for social sustainability',
  },
  'nav.skip': { sv: 'Hoppa till huvudinnehållet', en: 'Skip to main content' },
  'nav.main': { sv: 'Huvudmeny', en: 'Main menu' },
  'nav.menu': { sv: 'Meny', en: 'Menu' },
  'nav.start': { sv: 'Start', en: 'Home' },
  'nav.calendar': { sv: 'Kalender', en: 'Calendar' },
  'nav.login': { sv: 'Logga in', en: 'Sign in' },
  'nav.logout': { sv: 'Logga ut', en: 'Sign out' },
  'nav.myStart': { sv: 'Min startsida', en: 'My start page' },
  'nav.admin': { sv: 'Administration', en: 'Administration' },
  'nav.national': { sv: 'Nationell samordning', en: 'National coordination' },
  'nav.countyAdmin': { sv: 'Länets arbete', en: 'County work' },
  'nav.myOrganisation': { sv: 'Min organisation', en: 'My organisation' },
  'nav.council': { sv: 'Rådet', en: 'The council' },
  'nav.assignments': { sv: 'Mina uppdrag', en: 'My assignments' },
  'nav.situation': { sv: 'Lägesbild', en: 'Situational picture' },
  'nav.nationalPicture': { sv: 'Nationell lägesbild', en: 'National picture' },
  'nav.events': { sv: 'Evenemang', en: 'Events' },
  'nav.editorial': { sv: 'Redaktion', en: 'Editorial' },
  'nav.counties': { sv: 'Välj län', en: 'Choose county' },
  'lang.switch': { sv: 'In English', en: 'På svenska' },
  'flash.success': { sv: 'Klart', en: 'Done' },
  'flash.info': { sv: 'Information', en: 'Information' },
  'errors.summary': { sv: 'Det finns ett problem', en: 'There is a problem' },
  'errors.prefix': { sv: 'Fel:', en: 'Error:' },
  'footer.about': {
    sv: 'Samverkan är länsstyrelsernas gemensamma plattform för arbetet med social hållbarhet.',
    en: "Samverkan is the county administrative boards' shared platform for social sustainability.",
  },
  'footer.accessibility': { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
  'footer.privacy': { sv: 'Personuppgifter', en: 'Personal data' },
  'footer.cookies': { sv: 'Kakor', en: 'Cookies' },
  'footer.support': { sv: 'Kontakt och support', en: 'Contact and support' },
  'footer.links': { sv: 'Om webbplatsen', en: 'About this website' },
  'footer.countyContact': { sv: 'Kontakt i länet', en: 'Contact in the county' },
  'brand.tagline': {
    sv: 'Länsstyrelsernas plattform för social hållbarhet',
    en: "The county boards' platform for social sustainability",
  },
  'brand.home': { sv: 'Samverkan, till startsidan', en: 'Samverkan, to the home page' },
  'brand.room': { sv: 'Du är i', en: 'You are in' },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;
export type Translate = (key: MessageKey) => string;

const translators: Record<Locale, Translate> = {
  sv: (key) => messages[key].sv,
  en: (key) => messages[key].en,
};

/** The interface texts in the language: one function per language, the same on every call. */
export function translator(locale: Locale): Translate {
  return translators[locale];
}

export function parseLocale(value: string | undefined): Locale {
  return value === 'en' ? 'en' : 'sv';
}

const stockholm = 'Europe/Stockholm';
const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: stockholm, dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: stockholm, dateStyle: 'long' }),
};
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: stockholm,
  dateStyle: 'short',
  timeStyle: 'short',
});
export const swedishCollator = new Intl.Collator('sv');

/** Dates are UTC instants in the database and shown in Swedish time ("10 juni 2026", "10 June 2026"). */
export function formatDate(d: Date, locale: Locale = 'sv'): string {
  return dateFormats[locale].format(d);
}
/** A calendar day (ÅÅÅÅ-MM-DD, as a date column holds it) in words: "1 mars 2021". */
export function formatDay(isoDate: string, locale: Locale = 'sv'): string {
  return formatDate(new Date(`${isoDate}T12:00:00Z`), locale);
}
export function formatDateTime(d: Date): string {
  return dateTimeFormat.format(d);
}

/** A count with its noun in the right number: countOf(1, 'person', 'personer') → "1 person", 2 → "2 personer". */
/** Swedish number format, made once (`toLocaleString` makes a new formatter on every call). */
const swedishNumbers = new Intl.NumberFormat('sv-SE');

export function countOf(n: number, one: string, many: string): string {
  return `${swedishNumbers.format(n)} ${n === 1 ? one : many}`;
}
