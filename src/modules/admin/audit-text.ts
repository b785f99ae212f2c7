import { findCountyByCode } from '../../platform/tenancy.ts';
import { bannerLevelLabels } from '../../platform/page-context.ts';
import { countOf, formatDateTime, formatDay } from '../../platform/i18n.ts';
import { roleLabels, type Role } from '../../platform/roles.ts';
import {
  bodyKindLabels,
  handlingStateLabels,
  interventionStatusLabels,
  documentKindLabels,
  meetingStatusLabels,
  representativeRoleLabels,
  yearStepStatusLabels,
  type BodyKind,
  type HandlingState,
  type InterventionStatus,
  type DocumentKind,
  type MeetingStatus,
  type RepresentativeRole,
  type YearStepStatus,
} from '../councils/index.ts';
import { eventStatusLabels, registrationStatusLabels } from '../events/index.ts';
import { pictureStatusLabels, responseStatusText } from '../situation/index.ts';
import { organisationTypeLabel } from '../workspace/index.ts';

/**
 * The audit log in readable Swedish: who did what to which thing ("Anna Andersson godkände Uppsala kommuns
 * svar"), and what changed where (area, measure and field). Pure functions over the rows the repository
 * reads with their names. Every event the application records has a sentence in `auditSentences` and every
 * detail it stores a label in `detailLabels` (or is left out there); ids are shown as the names they stand
 * for, never as themselves. The audit test records one event of each and fails on any raw name.
 */

/** What the log names a thing by, read with the row. */
export interface AuditSubject {
  /** the thing's own name: an organisation, a round's title, an e-mail address */
  name: string | null;
  /** where it sits: "Lägesbild 2026, Höst 2026" */
  context: string | null;
}

export interface AuditSentenceInput {
  actorName: string | null;
  countyName: string | null;
  action: string;
  entityType: string;
  before?: unknown;
  after: unknown;
  subject: AuditSubject;
}

/** "Uppsala kommun" → "Uppsala kommuns", "Västerås" → "Västerås" (Swedish genitive). */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

const quoted = (s: string | null): string => (s ? ` ”${s}”` : '');

const questionnaireChanges: Record<string, string> = {
  renamed: 'bytte namn på formuläret',
  'section.added': 'lade till ett avsnitt i formuläret',
  'section.edited': 'ändrade ett avsnitt i formuläret',
  'section.removed': 'tog bort ett avsnitt ur formuläret',
  'section.moved': 'flyttade ett avsnitt i formuläret',
  'question.added': 'lade till en fråga i formuläret',
  'question.edited': 'ändrade en fråga i formuläret',
  'question.removed': 'tog bort en fråga ur formuläret',
  'question.moved': 'flyttade en fråga i formuläret',
};

const field = (v: unknown, key: string): unknown =>
  v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
const textField = (v: unknown, key: string): string | null => {
  const x = field(v, key);
  return typeof x === 'string' && x ? x : null;
};

interface SentenceParts {
  /** the thing's name, or null when it is not known (any more) */
  name: string | null;
  /** the name in the genitive with a space after it, or nothing: "Uppsala kommuns " */
  owner: string;
  before: unknown;
  after: unknown;
}

/**
 * Each event the application records, as a sentence without its actor ("godkände Uppsala kommuns svar").
 * An event recorded without a sentence here is shown by its internal name; the audit test stops that.
 */
export const auditSentences: Readonly<Record<string, (p: SentenceParts) => string>> = {
  // Answers
  'response.saved': ({ owner }) => `sparade ${owner}svar som utkast`,
  'response.submitted': ({ owner }) => `skickade in ${owner}svar`,
  'response.approved': ({ owner }) => `godkände ${owner}svar`,
  'response.returned': ({ owner }) => `återlämnade ${owner}svar för komplettering`,
  'response.reopened': ({ owner }) => `öppnade ${owner}svar igen`,
  // Rounds
  'round.opened': ({ name }) => `öppnade omgången${quoted(name)}`,
  'round.respondents_changed': ({ name }) => `ändrade vilka som svarar i omgången${quoted(name)}`,
  'round.edited': ({ name }) => `ändrade rubriken eller ämnet för omgången${quoted(name)}`,
  'round.occasion_changed': ({ name, after }) =>
    `ändrade ${textField(after, 'occasion') ? `tillfället ”${textField(after, 'occasion')}”` : 'ett tillfälle'} i omgången${quoted(name)}`,
  'round.occasion_added': ({ name, after }) =>
    `lade till ${textField(after, 'occasion') ? `tillfället ”${textField(after, 'occasion')}”` : 'ett tillfälle'} i omgången${quoted(name)}`,
  'round.closed': ({ name }) => `avslutade omgången${quoted(name)} i förtid`,
  'round.cancelled': ({ name, before }) => `ställde in omgången${quoted(name ?? textField(before, 'title'))}`,
  'round.removed': ({ name, before }) => `tog bort omgången${quoted(name ?? textField(before, 'title'))}`,
  // Pictures
  'regional_picture.saved': ({ owner }) => `sparade ${owner}regionala lägesbild`,
  'regional_picture.submitted': ({ owner }) =>
    `skickade ${owner}regionala lägesbild till den nationella samordnaren`,
  'regional_picture.recalled': ({ owner }) =>
    `återkallade ${owner}regionala lägesbild från den nationella samordnaren`,
  'national_picture.saved': ({ name }) => `sparade den nationella lägesbilden${name ? ` för ${name}` : ''}`,
  'national_picture.closed': ({ name }) =>
    `stängde den nationella sammanställningen${name ? ` för ${name}` : ''}`,
  // Questionnaires
  'questionnaire.created': ({ name }) => `skapade formuläret${quoted(name)}`,
  'questionnaire.changed': ({ name, after }) => {
    const change = field(after, 'change');
    const verb = (typeof change === 'string' && questionnaireChanges[change]) || 'ändrade formuläret';
    return `${verb}${quoted(name)}`;
  },
  // People and accounts
  'invitation.created': ({ name }) => `bjöd in ${name ?? 'en person'}`,
  'invitation.accepted': ({ name }) => `tog emot en inbjudan${name ? ` till ${name}` : ''}`,
  'user.created': ({ name }) => `skapade kontot för ${name ?? 'en person'}`,
  'membership.created': ({ name }) => `gav ${name ?? 'en person'} en roll`,
  'password_reset.requested': () => 'bad om en länk för att byta lösenord',
  'password.reset': () => 'bytte lösenord med en återställningslänk',
  'login_link.sent': () => 'bad om en inloggningslänk',
  'login_link.used': () => 'loggade in med en engångslänk',
  // Reference data
  'organisation.created': ({ name }) => `lade till organisationen ${name ?? ''}`.trim(),
  'boundaries.loaded': ({ name }) => `läste in kartans gränser${name ? ` för ${name}` : ''}`,
  'boundaries.imported': ({ name }) => `läste in kartans gränser${name ? ` för ${name}` : ''}`,
  // Events (a registration is named by its event's title: the registrant's name is personal data)
  'event.created': ({ name, after }) => `skapade evenemanget${quoted(name ?? textField(after, 'title'))}`,
  'event.edited': ({ name }) => `ändrade evenemanget${quoted(name)}`,
  'event.published': ({ name }) => `publicerade evenemanget${quoted(name)}`,
  'council.formed': ({ name, after }) => `bildade rådet${quoted(name ?? textField(after, 'name'))}`,
  'council.edited': ({ name }) => `ändrade rådet${quoted(name)}`,
  'council.merged': ({ name, after }) => `slog samman råd till${quoted(name ?? textField(after, 'name'))}`,
  'council.dissolved': ({ name }) => `upplöste rådet${quoted(name)}`,
  'council.members_added': ({ name }) => `lade till medlemmar i rådet${quoted(name)}`,
  'council.member_left': ({ name }) => `noterade att en organisation lämnat rådet${quoted(name)}`,
  'council.body_added': ({ name }) => `lade till en grupp i rådet${quoted(name)}`,
  'council.body_moved': ({ name }) => `flyttade en grupp i rådet${quoted(name)}`,
  'council.representative_added': ({ name }) => `lade till en företrädare i rådet${quoted(name)}`,
  'council.representative_removed': ({ name }) => `tog bort en företrädare i rådet${quoted(name)}`,
  'council.representative_role_changed': ({ name }) => `ändrade en företrädares roll i rådet${quoted(name)}`,
  'council.member_logo_changed': ({ name }) => `gav en medlem i rådet${quoted(name)} en ny logotyp`,
  'council.year_steps_created': ({ name }) => `skapade årets steg i årshjulet för rådet${quoted(name)}`,
  'council.year_step_edited': ({ name }) => `ändrade ett steg i årshjulet för rådet${quoted(name)}`,
  'council.priority_added': ({ name, after }) =>
    `lade till samverkansområdet${quoted(textField(after, 'priority'))} i rådet${quoted(name)}`,
  'council.priority_edited': ({ name, after }) =>
    `ändrade samverkansområdet${quoted(textField(after, 'priority'))} i rådet${quoted(name)}`,
  'council.intervention_area_added': ({ name, after }) =>
    `lade till insatsområdet${quoted(textField(after, 'area'))} i rådet${quoted(name)}`,
  'council.intervention_added': ({ name, after }) =>
    `lade till insatsen${quoted(textField(after, 'intervention'))} i rådet${quoted(name)}`,
  'council.intervention_edited': ({ name, after }) =>
    `ändrade insatsen${quoted(textField(after, 'intervention'))} i rådet${quoted(name)}`,
  'council.financing_added': ({ after }) =>
    `lade till finansiering av insatsen${quoted(textField(after, 'intervention'))}`,
  'council.milestone_added': ({ after }) =>
    `lade till ett delmål i insatsen${quoted(textField(after, 'intervention'))}`,
  'council.financing_removed': ({ before }) =>
    `tog bort finansiering av insatsen${quoted(textField(before, 'intervention'))}`,
  'council.milestone_removed': ({ before }) =>
    `tog bort ett delmål i insatsen${quoted(textField(before, 'intervention'))}`,
  'council.milestone_done': ({ after }) =>
    `markerade ett delmål som klart i insatsen${quoted(textField(after, 'intervention'))}`,
  'council.progress_reported': ({ after }) =>
    `lämnade en lägesrapport för insatsen${quoted(textField(after, 'intervention'))}`,
  'council.progress_replaced': ({ after }) =>
    `ersatte en lägesrapport för insatsen${quoted(textField(after, 'intervention'))}`,
  'council.strategy_added': ({ name, after }) =>
    `lade till strategin${quoted(textField(after, 'strategy'))} i rådet${quoted(name)}`,
  'council.strategy_goal_added': ({ after }) =>
    `lade till en vision eller ett målområde i strategin${quoted(textField(after, 'strategy'))}`,
  'council.intervention_goals_set': ({ after }) =>
    `kopplade insatsen${quoted(textField(after, 'intervention'))} till strategiernas mål`,
  'council.progress_imported': ({ name }) => `läste in lägesrapporter från en CSV-fil i rådet${quoted(name)}`,
  'council.handling_recorded': ({ name, after }) =>
    `angav en organisations hantering av samverkansområdet${quoted(textField(after, 'priority'))} i rådet${quoted(name)}`,
  // A council's meetings, decisions and documents (named by their titles; people never by name)
  'council.meeting_planned': ({ after }) => `planerade mötet${quoted(textField(after, 'meeting'))}`,
  'council.meeting_edited': ({ after }) => `ändrade mötet${quoted(textField(after, 'meeting'))}`,
  'council.meeting_cancelled': ({ after }) => `ställde in mötet${quoted(textField(after, 'meeting'))}`,
  'council.meeting_invited': ({ after }) =>
    `skickade kallelse till mötet${quoted(textField(after, 'meeting'))}`,
  'council.meeting_held': ({ after }) => `markerade mötet${quoted(textField(after, 'meeting'))} som hållet`,
  'council.agenda_item_added': ({ after }) =>
    `lade till en punkt på dagordningen för mötet${quoted(textField(after, 'meeting'))}`,
  'council.agenda_item_moved': ({ after }) =>
    `flyttade en punkt på dagordningen för mötet${quoted(textField(after, 'meeting'))}`,
  'council.agenda_item_edited': ({ after }) =>
    `skrev anteckningar till dagordningen för mötet${quoted(textField(after, 'meeting'))}`,
  'council.minutes_saved': ({ after }) => `skrev protokollet för mötet${quoted(textField(after, 'meeting'))}`,
  'council.attendance_recorded': ({ after }) =>
    `noterade närvaron på mötet${quoted(textField(after, 'meeting'))}`,
  'council.decision_recorded': ({ name }) =>
    `förde in ett beslut i beslutsregistret för rådet${quoted(name)}`,
  'council.document_added': ({ after }) => `lade till dokumentet${quoted(textField(after, 'document'))}`,
  'council.document_edited': ({ after }) => `ändrade dokumentet${quoted(textField(after, 'document'))}`,
  'council.document_version_added': ({ after }) =>
    `lade till en ny version av dokumentet${quoted(textField(after, 'document'))}`,
  'council.document_withdrawn': ({ after }) =>
    `drog tillbaka dokumentet${quoted(textField(after, 'document'))}`,
  'event.cancelled': ({ name }) => `ställde in evenemanget${quoted(name)}`,
  'event.attendance_marked': ({ name }) => `markerade närvaro på evenemanget${quoted(name)}`,
  'event.registrants_messaged': ({ name }) => `skrev till de anmälda till evenemanget${quoted(name)}`,
  'event.registrants_anonymised': ({ name }) =>
    `tog bort de anmäldas personuppgifter för evenemanget${quoted(name)}`,
  'event.evaluation_chosen': ({ name }) => `valde formulär för utvärderingen av evenemanget${quoted(name)}`,
  'event.evaluation_sent': ({ name }) =>
    `skickade utvärderingen av evenemanget${quoted(name)} till deltagarna`,
  'event_series.created': ({ name, after }) => `skapade serien${quoted(name ?? textField(after, 'title'))}`,
  'event_series.edited': ({ name }) => `ändrade serien${quoted(name)}`,
  'registration.created': ({ name }) => `tog emot en anmälan till${quoted(name)}`,
  'registration.changed': ({ name }) => `tog emot en ändring av en anmälan till${quoted(name)}`,
  'registration.withdrawn': ({ name }) => `tog emot en avbokning av en anmälan till${quoted(name)}`,
  'registration.erased': ({ name }) =>
    `tog bort uppgifterna i en anmälan till${quoted(name)} på deltagarens begäran`,
  'registration.offered': ({ name }) => `erbjöd nästa på väntelistan en plats på${quoted(name)}`,
  'registration.offer_accepted': ({ name }) =>
    `tog emot en bekräftelse av en erbjuden plats på${quoted(name)}`,
  'registration.offer_declined': ({ name }) =>
    `tog emot ett nej tack till en erbjuden plats på${quoted(name)}; platsen gick vidare`,
  'registration.offer_expired': ({ name }) =>
    `lät en erbjuden plats på${quoted(name)} gå vidare när tiden att bekräfta gick ut`,
  'registration.added': ({ name }) => `lade till en deltagare på${quoted(name)}`,
  'registration.confirmed_by_organiser': ({ name }) =>
    `gav en deltagare från väntelistan en plats på${quoted(name)}`,
  'registration.cancelled': ({ name }) => `avbokade en deltagare på${quoted(name)}`,
  'page.created': ({ after }) => `skapade sidan${quoted(textField(after, 'title'))}`,
  'page.edited': ({ after }) => `ändrade utkastet till sidan${quoted(textField(after, 'title'))}`,
  'page.review_requested': ({ after }) => `skickade sidan${quoted(textField(after, 'title'))} för granskning`,
  'page.published': ({ after }) => `publicerade sidan${quoted(textField(after, 'title'))}`,
  'page.scheduled': ({ after }) => `planerade publiceringen av sidan${quoted(textField(after, 'title'))}`,
  'page.unpublished': ({ after }) => `avpublicerade sidan${quoted(textField(after, 'title'))}`,
  'page.schedule_cancelled': ({ after }) =>
    `avbröt den planerade publiceringen av sidan${quoted(textField(after, 'title'))}`,
  'page.moved': ({ after }) => `flyttade en sida till adressen${quoted(textField(after, 'path'))}`,
  'page.restored': ({ after }) =>
    `återställde en tidigare version av sidan${quoted(textField(after, 'title'))} som utkast`,
  'page.file_added': ({ after }) => `lade till filen${quoted(textField(after, 'file'))} på en sida`,
  'page.file_removed': ({ after }) => `tog bort filen${quoted(textField(after, 'file'))} från en sida`,
  'contact.created': ({ after }) => `lade till kontakten${quoted(textField(after, 'name'))}`,
  'contact.edited': ({ after }) => `ändrade kontakten${quoted(textField(after, 'name'))}`,
  'contact.replaced': ({ after }) =>
    `ersatte kontakten${quoted(textField(after, 'name'))} med${quoted(textField(after, 'replacedBy'))} på alla sidor`,
  'site.settings_changed': () => 'ändrade inställningarna för länets sidor',
  // Public pages: news and warning banners
  'news.created': ({ name, after }) => `skrev nyheten${quoted(name ?? textField(after, 'title'))}`,
  'news.edited': ({ name, after }) => `ändrade nyheten${quoted(name ?? textField(after, 'title'))}`,
  'news.published': ({ name, after }) => {
    const at = textField(after, 'publishedAt');
    const later = at !== null && new Date(at).getTime() > Date.now();
    return `${later ? 'planerade publiceringen av' : 'publicerade'} nyheten${quoted(name)}`;
  },
  'news.unpublished': ({ name }) => `avpublicerade nyheten${quoted(name)}`,
  'news.deleted': ({ name, before }) =>
    `tog bort utkastet till nyheten${quoted(name ?? textField(before, 'title'))}`,
  'banner.created': ({ name, after }) => `lade upp varningen${quoted(name ?? textField(after, 'message'))}`,
  'banner.edited': ({ name, after }) => `ändrade varningen${quoted(name ?? textField(after, 'message'))}`,
  'banner.ended': ({ name, before }) => `avslutade varningen${quoted(name ?? textField(before, 'message'))}`,
};

/** Events recorded under an earlier name, still read from old rows. */
const formerNames: Record<string, string> = {
  'response.approve': 'response.approved',
  'response.return': 'response.returned',
  'response.reopen': 'response.reopened',
};

/** The event as one sentence without its actor: "godkände Uppsala kommuns svar". */
export function describeAction(row: Omit<AuditSentenceInput, 'actorName'>): string {
  const name = row.subject.name;
  const sentence = auditSentences[formerNames[row.action] ?? row.action];
  if (!sentence) return `gjorde ”${row.action}”${name ? ` på ${name}` : ''}`;
  return sentence({ name, owner: name ? `${genitive(name)} ` : '', before: row.before, after: row.after });
}

export function describeAudit(row: AuditSentenceInput): string {
  return `${row.actorName ?? 'Systemet'} ${describeAction(row)}`;
}

/** The kinds of things in the log, for the filter and the rows, in Swedish. */
export const entityTypeLabels: Record<string, string> = {
  response: 'Svar',
  round: 'Omgång',
  regional_picture: 'Regional lägesbild',
  national_picture: 'Nationell lägesbild',
  questionnaire: 'Formulär',
  invitation: 'Inbjudan',
  user: 'Användare',
  membership: 'Roll',
  organisation: 'Organisation',
  boundaries: 'Kartgränser',
  event: 'Evenemang',
  event_series: 'Evenemangsserie',
  event_registration: 'Anmälan',
  site_page: 'Sida',
  site_contact: 'Kontakt',
  site_settings: 'Sidornas inställningar',
  site_news: 'Nyhet',
  site_banner: 'Varning',
};

export const entityTypeLabel = (type: string): string => entityTypeLabels[type] ?? type;

/**
 * One thing of each kind, with its article (en/ett) as a sentence needs it: "Visar bara händelserna för en
 * organisation", "… för ett formulär". Every kind in `entityTypeLabels` has one; an unknown kind is "ett enda objekt".
 */
export const entityTypeOne: Readonly<Record<string, string>> = {
  response: 'ett svar',
  round: 'en omgång',
  regional_picture: 'en regional lägesbild',
  national_picture: 'en nationell lägesbild',
  questionnaire: 'ett formulär',
  invitation: 'en inbjudan',
  user: 'en användare',
  membership: 'en roll',
  organisation: 'en organisation',
  boundaries: 'en uppsättning kartgränser',
  event: 'ett evenemang',
  event_series: 'en evenemangsserie',
  event_registration: 'en anmälan',
  site_page: 'en sida',
  site_contact: 'en kontakt',
  site_settings: 'ett läns inställningar för sidorna',
  site_news: 'en nyhet',
  site_banner: 'en varning',
};

/** The audit log's line over a list filtered to one thing: "Visar bara händelserna för ett formulär." */
export const oneThingFilterText = (type: string | undefined): string =>
  `Visar bara händelserna för ${type && Object.hasOwn(entityTypeOne, type) ? entityTypeOne[type] : 'ett enda objekt'}.`;

/** A long value's first part, cut at a word where one is near; the whole stays available beside it. */
export function truncate(text: string, max = 120): { short: string; cut: boolean } {
  if (text.length <= max) return { short: text, cut: false };
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return { short: `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()} …`, cut: true };
}

/** One changed value, named: "Status: Inskickat → Godkänt". */
export interface ValueChange {
  place: string;
  before: string;
  after: string;
}

/**
 * Each detail an event stores, by its key: the Swedish label, or null for bookkeeping the sentence already
 * tells (a version number, a timestamp the row has) and internal ids no official reads.
 */
export const detailLabels: Readonly<Record<string, string | null>> = {
  status: 'Status',
  comment: 'Kommentar',
  title: 'Rubrik',
  topic: 'Ämne och syfte',
  summaries: 'Sammanfattning',
  quotes: 'Citat',
  email: 'E-postadress',
  name: 'Namn',
  role: 'Roll',
  type: 'Typ',
  orgNumber: 'Organisationsnummer',
  countyCode: 'Län',
  counties: 'Inskickade län',
  organisationId: 'Organisation',
  userId: 'Person',
  organisationIds: 'Svarande',
  occasions: 'Tillfällen',
  occasion: 'Tillfälle',
  opens: 'Öppnar',
  deadline: 'Sista svarsdag',
  locks: 'Låses',
  reminderDays: 'Påminnelse',
  isTest: 'Testomgång',
  existingAccount: 'Hade redan ett konto',
  submittedAt: 'Skickades',
  count: 'Antal',
  source: 'Källa',
  slug: 'Adress',
  startsAt: 'Börjar',
  endsAt: 'Slutar',
  capacity: 'Platser',
  registrationClosesAt: 'Sista anmälan',
  registrationsCancelled: 'Avbokade anmälningar',
  offerExpiresAt: 'Erbjudandet gäller till',
  beyondCapacity: 'Utöver antalet platser',
  changed: 'Ändrade',
  subject: 'Ämnesrad',
  recipients: 'Mottagare',
  questionnaire: 'Formulär',
  registrations: 'Anmälningar',
  retentionDays: 'Sparades',
  startYear: 'Från år',
  endYear: 'Till år',
  formedOn: 'Bildades',
  endedOn: 'Upplöstes',
  joinedOn: 'Medlem från',
  leftOn: 'Medlem till',
  members: 'Medlemmar',
  memberCount: 'Antal medlemmar',
  mergedCouncils: 'Sammanslagna råd',
  body: 'Grupp',
  bodyKind: 'Sorts grupp',
  reportsTo: 'Rapporterar till',
  councilRole: 'Roll i rådet',
  year: 'År',
  steps: 'Steg',
  startsOn: 'Från',
  endsOn: 'Till',
  stepStatus: 'Läge',
  round: 'Lägesbild',
  event: 'Evenemang',
  priority: 'Samverkansområde',
  validFrom: 'Gäller från',
  validUntil: 'Gäller till',
  agendaTargets: 'Agenda 2030',
  area: 'Insatsområde',
  intervention: 'Insats',
  interventionStatus: 'Status',
  public: 'Publik',
  amountSek: 'Belopp',
  fromOn: 'Från',
  untilOn: 'Till',
  milestone: 'Delmål',
  dueOn: 'Ska vara klart',
  doneOn: 'Klart',
  period: 'Period',
  text: 'Text',
  handling: 'Hantering',
  strategy: 'Strategi',
  fromYear: 'Från år',
  toYear: 'Till år',
  goal: 'Vision eller målområde',
  goals: 'Mål',
  reports: 'Lägesrapporter',
  meeting: 'Möte',
  meetingStatus: 'Mötets status',
  location: 'Plats',
  sequence: 'Kallelsens version',
  agendaItem: 'Punkt på dagordningen',
  position: 'Plats på dagordningen',
  present: 'Närvarande',
  absent: 'Frånvarande',
  excused: 'Anmält förhinder',
  decisionNumber: 'Beslutsnummer',
  decision: 'Beslut',
  decidedOn: 'Beslutsdatum',
  replaces: 'Ersätter beslut',
  document: 'Dokument',
  documentKind: 'Sorts dokument',
  documentVersion: 'Version',
  path: 'Adress',
  revision: 'Version av sidan',
  note: 'Vad som ändrats',
  image: 'Bild',
  scheduledAt: 'Publiceras',
  file: 'Fil',
  phone: 'Telefon',
  replacedBy: 'Ersatt av',
  requiresReview: 'Granskas av en annan redaktör',
  supportEmail: 'Supportens e-postadress',
  supportPhone: 'Supportens telefon',
  eventId: null,
  version: null,
  newVersion: null,
  change: null,
  questionId: null,
  sectionId: null,
  membershipId: null,
  copiedFrom: null,
  scope: null,
  closed: null,
  closedAt: null,
  cancelledAt: null,
  publishedAt: 'Publiceras',
  expiresAt: 'Slutar visas',
  level: 'Nivå',
  message: 'Meddelande',
  endedAt: 'Avslutades',
};

/** Names for the ids an event stores, read with the page (people and organisations). */
export interface AuditNames {
  users: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, string>;
}

/** What the values of one row are read with: its kind of thing, the page's names, its areas' labels. */
export interface ValueContext {
  entityType: string;
  names: AuditNames;
  /** the labels of the areas a picture's summaries are keyed by */
  areaLabels: Readonly<Record<string, string>>;
}

const noNames: AuditNames = { users: new Map(), organisations: new Map() };

/** The ids among an event's details that name people and organisations, for the page to look up. */
export function idsToName(rows: Array<{ before: unknown; after: unknown }>): {
  users: string[];
  organisations: string[];
} {
  const users = new Set<string>();
  const organisations = new Set<string>();
  for (const row of rows)
    for (const v of [row.before, row.after]) {
      const userId = field(v, 'userId');
      if (typeof userId === 'string') users.add(userId);
      const orgId = field(v, 'organisationId');
      if (typeof orgId === 'string') organisations.add(orgId);
      const orgIds = field(v, 'organisationIds');
      if (Array.isArray(orgIds)) for (const id of orgIds) if (typeof id === 'string') organisations.add(id);
    }
  return { users: [...users], organisations: [...organisations] };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function dateWords(v: unknown): string {
  if (typeof v !== 'string') return '';
  if (isoDate.test(v)) return formatDay(v);
  if (isoInstant.test(v)) return formatDateTime(new Date(v));
  return v;
}

const countyName = (code: unknown): string =>
  typeof code === 'string' ? (findCountyByCode(code)?.name ?? 'okänt län') : 'Nationell';

/** One occasion as the log shows it: "Höst 2026 (öppnar 1 oktober 2026, sista svarsdag 18 december 2026)". */
function occasionWords(v: unknown): string {
  const label = textField(v, 'occasion') ?? 'Tillfälle';
  const opens = field(v, 'opens');
  const deadline = field(v, 'deadline');
  const parts = [
    opens ? `öppnar ${dateWords(opens)}` : '',
    deadline ? `sista svarsdag ${dateWords(deadline)}` : '',
  ].filter(Boolean);
  return parts.length ? `${label} (${parts.join(', ')})` : label;
}

function words(key: string, v: unknown, ctx: ValueContext): string {
  if (v === undefined || v === null) {
    if (key === 'countyCode' && v === null) return 'Nationell';
    return key === 'capacity' && v === null ? 'Obegränsat' : '';
  }
  switch (key) {
    case 'status':
      if (typeof v !== 'string') break;
      if (ctx.entityType === 'regional_picture')
        return pictureStatusLabels[v as keyof typeof pictureStatusLabels] ?? v;
      if (ctx.entityType === 'event') return eventStatusLabels[v as keyof typeof eventStatusLabels] ?? v;
      if (ctx.entityType === 'event_registration')
        return registrationStatusLabels[v as keyof typeof registrationStatusLabels] ?? v;
      try {
        return responseStatusText(v as Parameters<typeof responseStatusText>[0]) ?? v;
      } catch {
        return v;
      }
    case 'level':
      return typeof v === 'string' ? (bannerLevelLabels[v as keyof typeof bannerLevelLabels] ?? v) : '';
    case 'role':
      return typeof v === 'string' ? (roleLabels[v as Role]?.sv ?? v) : '';
    case 'type':
      return typeof v === 'string' ? organisationTypeLabel(v) : '';
    case 'countyCode':
      return countyName(v);
    case 'counties':
      return Array.isArray(v) ? (v.length ? v.map(countyName).join(', ') : 'Inga') : '';
    case 'userId':
      return typeof v === 'string' ? (ctx.names.users.get(v) ?? 'en borttagen person') : '';
    case 'organisationId':
      return typeof v === 'string' ? (ctx.names.organisations.get(v) ?? 'en borttagen organisation') : '';
    case 'organisationIds':
      return Array.isArray(v) ? countOf(v.length, 'organisation', 'organisationer') : '';
    case 'occasions':
      if (typeof v === 'number') return countOf(v, 'tillfälle', 'tillfällen');
      if (Array.isArray(v)) return v.map(occasionWords).join('; ');
      break;
    case 'quotes':
      if (typeof v === 'number') return countOf(v, 'citat', 'citat');
      break;
    case 'reminderDays':
      if (typeof v === 'number') return `${countOf(v, 'dag', 'dagar')} före sista svarsdagen`;
      break;
    case 'opens':
    case 'deadline':
    case 'locks':
    case 'submittedAt':
    case 'startsAt':
    case 'endsAt':
    case 'registrationClosesAt':
    case 'offerExpiresAt':
    case 'publishedAt':
    case 'expiresAt':
    case 'endedAt':
      return dateWords(v);
    case 'startYear':
    case 'endYear':
    case 'fromYear':
    case 'toYear':
      return typeof v === 'number' ? String(v) : '';
    case 'formedOn':
    case 'endedOn':
    case 'validFrom':
    case 'fromOn':
    case 'dueOn':
    case 'doneOn':
    case 'joinedOn':
    case 'leftOn':
      return typeof v === 'string' && v ? formatDay(v) : '';
    case 'bodyKind':
      return typeof v === 'string' ? (bodyKindLabels[v as BodyKind] ?? '') : '';
    case 'councilRole':
      return typeof v === 'string' ? (representativeRoleLabels[v as RepresentativeRole] ?? '') : '';
    case 'year':
      return typeof v === 'number' ? String(v) : '';
    case 'startsOn':
    case 'endsOn':
      return typeof v === 'string' && v ? formatDay(v) : 'Inget datum';
    case 'stepStatus':
      return typeof v === 'string' ? (yearStepStatusLabels[v as YearStepStatus] ?? '') : '';
    case 'validUntil':
    case 'untilOn':
      return typeof v === 'string' && v ? formatDay(v) : 'Tills vidare';
    case 'interventionStatus':
      return typeof v === 'string' ? (interventionStatusLabels[v as InterventionStatus] ?? '') : '';
    case 'handling':
      return typeof v === 'string' ? (handlingStateLabels[v as HandlingState] ?? '') : '';
    case 'amountSek':
      return typeof v === 'number' ? `${v.toLocaleString('sv-SE')} kr` : '';
    case 'meetingStatus':
      return typeof v === 'string' ? (meetingStatusLabels[v as MeetingStatus] ?? '') : '';
    case 'documentKind':
      return typeof v === 'string' ? (documentKindLabels[v as DocumentKind] ?? '') : '';
    case 'present':
    case 'absent':
    case 'excused':
      return typeof v === 'number' ? countOf(v, 'person', 'personer') : '';
    case 'decidedOn':
      return typeof v === 'string' && v ? formatDay(v) : '';
    case 'memberCount':
      return typeof v === 'number' ? countOf(v, 'organisation', 'organisationer') : '';
    case 'capacity':
      return typeof v === 'number' ? countOf(v, 'plats', 'platser') : 'Obegränsat';
    case 'retentionDays':
      return typeof v === 'number' ? `${countOf(v, 'dag', 'dagar')} efter evenemanget` : '';
  }
  if (typeof v === 'boolean') return v ? 'Ja' : 'Nej';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'string') return v;
  return typeof v === 'number' ? v.toLocaleString('sv-SE') : JSON.stringify(v);
}

const isTexts = (v: unknown): v is Record<string, unknown> =>
  Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/**
 * The values an event changed, key by key, in words; a record of texts by area (a picture's summaries) is
 * one change per area, and a changed list of respondents says whom it added and removed, by name.
 */
export function valueChanges(
  before: unknown,
  after: unknown,
  ctx: ValueContext = { entityType: '', names: noNames, areaLabels: {} },
): ValueChange[] {
  // The national picture's saves store its summaries by area at the top.
  const whole = (v: unknown): Record<string, unknown> =>
    !isTexts(v)
      ? {}
      : ctx.entityType === 'national_picture' && !Object.keys(v).some((k) => k in detailLabels)
        ? { summaries: v }
        : v;
  const a = whole(before);
  const b = whole(after);
  const out: ValueChange[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    const label = key in detailLabels ? (detailLabels[key] ?? null) : key;
    if (label === null) continue;
    const x = a[key];
    const y = b[key];
    if (key === 'organisationIds' && (Array.isArray(x) || Array.isArray(y))) {
      const was = new Set(Array.isArray(x) ? (x as unknown[]) : []);
      const now = new Set(Array.isArray(y) ? (y as unknown[]) : []);
      const name = (id: unknown) => words('organisationId', id, ctx);
      const added = [...now].filter((id) => !was.has(id)).map(name);
      const removed = [...was].filter((id) => !now.has(id)).map(name);
      if (added.length) out.push({ place: 'Nya svarande', before: '', after: added.join(', ') });
      if (removed.length) out.push({ place: 'Borttagna svarande', before: '', after: removed.join(', ') });
      continue;
    }
    if (isTexts(x) || isTexts(y)) {
      const xs = isTexts(x) ? x : {};
      const ys = isTexts(y) ? y : {};
      for (const k of [...new Set([...Object.keys(xs), ...Object.keys(ys)])]) {
        const [p, q] = [words(k, xs[k], ctx), words(k, ys[k], ctx)];
        if (p !== q)
          out.push({ place: `${label}: ${ctx.areaLabels[k] ?? 'ett område'}`, before: p, after: q });
      }
      continue;
    }
    const [p, q] = [words(key, x, ctx), words(key, y, ctx)];
    // A detail only the state before tells (the title of a round removed, the occasions closed) is a fact
    // about the event, not a value changed to nothing.
    if (!(key in b)) {
      if (p) out.push({ place: label, before: '', after: p });
    } else if (p !== q) out.push({ place: label, before: p, after: q });
  }
  return out;
}
