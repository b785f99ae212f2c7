import { countOf } from '../../platform/i18n.ts';
import { roleLabels, type Role } from '../../platform/roles.ts';
import { responseStatusText } from '../situation/index.ts';

/**
 * The audit log in readable Swedish: who did what to which thing ("Anna Andersson godkände Uppsala kommuns
 * svar"), and what changed where (area, measure and field). Pure functions over the rows the repository
 * reads with their names; an action this table does not know yet is still shown, with its name.
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
  after: unknown;
  subject: AuditSubject;
}

/** "Uppsala kommun" → "Uppsala kommuns", "Västerås" → "Västerås" (Swedish genitive). */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

const quoted = (s: string | null, fallback: string): string => (s ? `”${s}”` : fallback);

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

/** The event as one sentence without its actor: "godkände Uppsala kommuns svar". */
export function describeAction(row: Omit<AuditSentenceInput, 'actorName'>): string {
  const name = row.subject.name;
  const owner = name ? `${genitive(name)} ` : '';
  switch (row.action) {
    case 'response.saved':
      return `sparade ${owner}svar som utkast`;
    case 'response.submitted':
      return `skickade in ${owner}svar`;
    case 'response.approve':
    case 'response.approved':
      return `godkände ${owner}svar`;
    case 'response.return':
    case 'response.returned':
      return `återlämnade ${owner}svar för komplettering`;
    case 'response.reopen':
    case 'response.reopened':
      return `öppnade ${owner}svar igen`;
    case 'round.opened':
      return `öppnade omgången ${quoted(name, '')}`.trim();
    case 'round.respondents_changed':
      return `ändrade vilka som svarar i omgången ${quoted(name, '')}`.trim();
    case 'regional_picture.saved':
      return `sparade ${owner}regionala lägesbild`;
    case 'regional_picture.submitted':
      return `skickade ${owner}regionala lägesbild till den nationella samordnaren`;
    case 'national_picture.saved':
      return `sparade den nationella lägesbilden${name ? ` för ${name}` : ''}`;
    case 'questionnaire.created':
      return `skapade formuläret ${quoted(name, '')}`.trim();
    case 'questionnaire.changed': {
      const change = field(row.after, 'change');
      const verb = (typeof change === 'string' && questionnaireChanges[change]) || 'ändrade formuläret';
      return `${verb} ${quoted(name, '')}`.trim();
    }
    case 'invitation.created':
      return `bjöd in ${name ?? 'en person'}`;
    case 'invitation.accepted':
      return `tog emot en inbjudan${name ? ` till ${name}` : ''}`;
    case 'user.created':
      return `skapade kontot för ${name ?? 'en person'}`;
    case 'membership.created':
      return `gav ${name ?? 'en person'} en roll`;
    case 'organisation.created':
      return `lade till organisationen ${name ?? ''}`.trim();
    case 'password.reset':
      return 'bytte lösenord med en återställningslänk';
    case 'login_link.used':
      return 'loggade in med en engångslänk';
    case 'boundaries.imported':
      return 'läste in kartans gränser';
    default:
      return `gjorde ”${row.action}”${name ? ` på ${name}` : ''}`;
  }
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
};

export const entityTypeLabel = (type: string): string => entityTypeLabels[type] ?? type;

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

const keyLabels: Record<string, string> = {
  status: 'Status',
  comment: 'Kommentar',
  title: 'Rubrik',
  summaries: 'Sammanfattning',
  quotes: 'Citat',
  email: 'E-postadress',
  name: 'Namn',
  role: 'Roll',
  organisationIds: 'Svarande',
  occasions: 'Tillfällen',
  count: 'Antal',
};

/** Bookkeeping the sentence already tells, or ids no official reads. */
const quietKeys = new Set([
  'version',
  'newVersion',
  'change',
  'questionId',
  'sectionId',
  'organisationId',
  'membershipId',
  'copiedFrom',
  'scope',
  'existingAccount',
]);

function words(key: string, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (key === 'status' && typeof v === 'string') {
    try {
      return responseStatusText(v as Parameters<typeof responseStatusText>[0]) ?? v;
    } catch {
      return v;
    }
  }
  if (key === 'role' && typeof v === 'string') return roleLabels[v as Role]?.sv ?? v;
  if (key === 'organisationIds' && Array.isArray(v))
    return countOf(v.length, 'organisation', 'organisationer');
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/**
 * The values an event changed, key by key, in words; a record of texts by key (a picture's summaries by
 * area) is one change per key.
 */
export function valueChanges(before: unknown, after: unknown): ValueChange[] {
  const a = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const out: ValueChange[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (quietKeys.has(key)) continue;
    const label = keyLabels[key] ?? key;
    const x = a[key];
    const y = b[key];
    const isTexts = (v: unknown) => v && typeof v === 'object' && !Array.isArray(v);
    if (isTexts(x) || isTexts(y)) {
      const xs = (isTexts(x) ? x : {}) as Record<string, unknown>;
      const ys = (isTexts(y) ? y : {}) as Record<string, unknown>;
      for (const k of [...new Set([...Object.keys(xs), ...Object.keys(ys)])]) {
        const [p, q] = [words(k, xs[k]), words(k, ys[k])];
        if (p !== q) out.push({ place: `${label}: ${k}`, before: p, after: q });
      }
      continue;
    }
    const [p, q] = [words(key, x), words(key, y)];
    if (p !== q) out.push({ place: label, before: p, after: q });
  }
  return out;
}
