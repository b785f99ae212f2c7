import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, factories, type TestUser } from './factories.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { pageProblems, TestClient } from './helpers/client.ts';
import { queryRows } from '../src/db/client.ts';
import { loadPolicies } from '../src/modules.ts';
import { recordAudit, type AuditEntry } from '../src/platform/audit.ts';
import { auditSentences, detailLabels } from '../src/modules/admin/audit-text.ts';
import { formCouncil } from '../src/modules/councils/index.ts';
import { createEvent, createSeries, register } from '../src/modules/events/index.ts';
import { findCountyBoard } from '../src/modules/reference/index.ts';
import { createBanner } from '../src/modules/site/banners.ts';
import { createNews } from '../src/modules/site/news.ts';

/*
 * Every event the application records reads as Swedish on the audit page: a sentence for each action, a
 * label for each detail, values in words (organisation types, counties, people, roles, statuses), and no
 * internal id outside a link. The actions are read from the source, so a new kind of event without a
 * sentence fails here.
 */

const src = path.resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/**
 * The action names the code records: the string literals where an action, an event or an audit name is
 * given (`action: 'x.y'`, `action: a ? 'x.y' : 'x.z'`, `event: 'x.y'`, `audit: 'x.y'`, `audit('x.y'`) in every
 * source file (a module may record through a helper of its own, as the councils' `auditCouncil`), less the
 * policy vocabulary (`round.edit` is asked, `round.edited` recorded).
 */
async function recordedActions(): Promise<Set<string>> {
  const policies = await loadPolicies();
  const asked = new Set([...policies.countyActions(), ...policies.globalActions()]);
  const found = new Set<string>();
  for (const file of sourceFiles(src)) {
    const text = fs.readFileSync(file, 'utf8');
    if (file.endsWith(path.join('platform', 'audit.ts'))) continue;
    const places = [
      ...text.matchAll(/\b(?:action|event|audit)\s*:\s*([^\n]*)/g),
      ...text.matchAll(/\baudit\(\s*('[^']*')/g),
    ];
    for (const [, rest] of places)
      for (const [, name] of (rest ?? '').matchAll(/'([a-z_]+\.[a-z_]+)'/g))
        if (!asked.has(name!)) found.add(name!);
  }
  return found;
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** An internal name: snake_case, camelCase or a dotted action name. */
const rawName = /\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z_]+\.[a-z_]+\b/;

describe('admin: every event the application records reads as Swedish', () => {
  let t: TestApp;
  let sys: TestClient;
  let anna: TestUser;
  const events: Array<Omit<AuditEntry, 'actorId'>> = [];

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const make = factories(t.app);
    const admin = await createTestUser(db, 'system_admin');
    anna = await createTestUser(db, 'county_admin', { countyCode: '03' });
    sys = new TestClient(t.app);
    await sys.login(admin.email, admin.password);

    // Real things to name: a submitted answer in a round, the county's sent picture, an invitation.
    const made = await make.response({ county: '03', municipality: '0380', status: 'submitted' });
    await make.regionalPicture({ occasionId: made.occasion.id, county: '03', submitted: true });
    const invited = await make.invitation({ county: '03' });
    const questionnaire = await make.questionnaire({ county: '03' });
    const [picture] = await queryRows<{ id: string }>(
      db,
      sql`select id::text as id from regional_pictures where occasion_id = ${made.occasion.id} and county_code = '03'`,
    );
    const [invitation] = await queryRows<{ id: string }>(
      db,
      sql`select id::text as id from invitations where email = ${invited.email}`,
    );
    const [membership] = await queryRows<{ id: string }>(
      db,
      sql`select id::text as id from memberships where user_id = ${anna.id}`,
    );
    const [other] = await queryRows<{ id: string }>(
      db,
      sql`select id::text as id from organisations where municipality_code = '0381'`,
    );
    const org = made.organisation.id;
    const round = made.round.id;
    const occasion = made.occasion.id;
    const response = made.response.id;
    const removedRound = randomUUID();
    // An event with a series and a registration, to be named by their titles.
    const startsAt = new Date('2030-06-15T10:30:00Z');
    const series = await createSeries(t.app.deps, anna.actor, '03', {
      title: 'Föreläsningsserie om social hållbarhet',
      startYear: 2030,
      endYear: 2031,
    });
    const event = await createEvent(t.app.deps, anna.actor, '03', {
      title: 'Perspektivgemenskap',
      startsAt,
      endsAt: new Date('2030-06-15T13:45:00Z'),
      placeKind: 'digital',
      capacity: 100,
      registrationClosesAt: new Date('2030-06-10T21:59:59Z'),
      organisationIds: [(await findCountyBoard(db, '03'))!.id],
      seriesId: series.id,
    });
    await t.app.deps.db.execute(sql`update events set status = 'published' where id = ${event.id}`);
    const registration = (
      await register(
        t.app.deps,
        { countyCode: '03', eventId: event.id },
        {
          name: 'Deltagare Ett',
          email: 'deltagare.ett@test.example',
          organisationName: 'Knivsta kommun',
          consent: true,
        },
        new Date('2030-06-01T08:00:00Z'),
      )
    ).registration.id;
    const eventFacts = {
      title: event.title,
      slug: event.slug,
      status: 'draft',
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      capacity: 100,
      registrationClosesAt: event.registrationClosesAt.toISOString(),
    };
    const dates = { opens: '2026-10-01', deadline: '2026-12-18', locks: '2027-01-15', reminderDays: 3 };
    // A council, to be named by its name.
    const council = await formCouncil(
      db,
      anna.actor,
      '03',
      { name: `Råd för social hållbarhet ${randomUUID().slice(0, 8)}`, formedOn: '2024-01-01' },
      { conveningOrganisationId: (await findCountyBoard(db, '03'))!.id },
    );
    const cc = (action: string, e: Pick<AuditEntry, 'before' | 'after'>) =>
      county({ action, entityType: 'council', entityId: council.id, ...e });

    const county = (e: Omit<AuditEntry, 'actorId' | 'countyCode'>) => ({ ...e, countyCode: '03' });
    events.push(
      county({
        action: 'response.saved',
        entityType: 'response',
        entityId: response,
        before: { status: 'draft', version: 1 },
        after: { status: 'draft', version: 1 },
      }),
      county({
        action: 'response.submitted',
        entityType: 'response',
        entityId: response,
        before: { status: 'draft', version: 1 },
        after: { status: 'submitted', version: 1 },
      }),
      county({
        action: 'response.approved',
        entityType: 'response',
        entityId: response,
        before: { status: 'submitted' },
        after: { status: 'approved' },
      }),
      county({
        action: 'response.returned',
        entityType: 'response',
        entityId: response,
        before: { status: 'submitted' },
        after: { status: 'returned', comment: 'Komplettera, tack.' },
      }),
      county({
        action: 'response.reopened',
        entityType: 'response',
        entityId: response,
        before: { status: 'returned' },
        after: { status: 'returned' },
      }),
      county({
        action: 'round.opened',
        entityType: 'round',
        entityId: round,
        after: { title: made.round.title, scope: 'county', occasions: 2, isTest: true },
      }),
      county({
        action: 'round.respondents_changed',
        entityType: 'round',
        entityId: round,
        before: { organisationIds: [org] },
        after: { organisationIds: [other!.id] },
      }),
      county({
        action: 'round.edited',
        entityType: 'round',
        entityId: round,
        before: { title: 'Gammal rubrik', topic: 'Gammalt ämne' },
        after: { title: made.round.title, topic: 'Nytt ämne' },
      }),
      county({
        action: 'round.occasion_changed',
        entityType: 'round',
        entityId: round,
        before: { occasion: 'Höst 2026', ...dates },
        after: { occasion: 'Höst 2026', ...dates, deadline: '2026-12-20', reminderDays: 5 },
      }),
      county({
        action: 'round.occasion_added',
        entityType: 'round',
        entityId: round,
        before: null,
        after: { occasion: 'Vår 2027', ...dates },
      }),
      county({
        action: 'round.closed',
        entityType: 'round',
        entityId: round,
        before: { occasions: [{ occasion: 'Höst 2026', ...dates }] },
        after: { closedAt: new Date().toISOString() },
      }),
      county({
        action: 'round.cancelled',
        entityType: 'round',
        entityId: round,
        before: { title: made.round.title },
        after: { cancelledAt: new Date().toISOString() },
      }),
      county({
        action: 'round.removed',
        entityType: 'round',
        entityId: removedRound,
        before: { title: 'Testomgång som togs bort', scope: 'county', isTest: true },
      }),
      county({
        action: 'regional_picture.saved',
        entityType: 'regional_picture',
        entityId: picture!.id,
        before: { summaries: {}, quotes: 0 },
        after: { summaries: { violence: 'Läget är oroande.' }, quotes: 2 },
      }),
      county({
        action: 'regional_picture.submitted',
        entityType: 'regional_picture',
        entityId: picture!.id,
        before: { summaries: { violence: 'Läget är oroande.' }, quotes: 2 },
        after: { summaries: { violence: 'Läget är oroande.' }, quotes: 1 },
      }),
      county({
        action: 'regional_picture.recalled',
        entityType: 'regional_picture',
        entityId: picture!.id,
        before: { status: 'submitted', submittedAt: new Date().toISOString() },
        after: { status: 'draft' },
      }),
      {
        action: 'national_picture.saved',
        entityType: 'national_picture',
        entityId: occasion,
        before: {},
        after: { violence: 'Nationellt läge.' },
      },
      {
        action: 'national_picture.closed',
        entityType: 'national_picture',
        entityId: occasion,
        before: { closed: false },
        after: { closed: true, counties: ['03', '22'] },
      },
      county({
        action: 'questionnaire.created',
        entityType: 'questionnaire',
        entityId: questionnaire.id,
        after: { title: 'Formulär', version: 1, copiedFrom: randomUUID() },
      }),
      county({
        action: 'questionnaire.changed',
        entityType: 'questionnaire',
        entityId: questionnaire.id,
        before: { version: 1 },
        after: {
          version: 2,
          newVersion: true,
          change: 'question.added',
          questionId: 'q_new',
          sectionId: questionnaire.sectionId,
        },
      }),
      county({
        action: 'questionnaire.changed',
        entityType: 'questionnaire',
        entityId: questionnaire.id,
        before: { title: 'Formulär', version: 2 },
        after: { title: 'Nytt namn', version: 2, change: 'renamed' },
      }),
      county({
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: invitation!.id,
        after: { email: invited.email, organisationId: org, role: 'reporter', existingAccount: false },
      }),
      county({
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: invitation!.id,
        after: { membershipId: membership!.id, role: 'reporter', organisationId: org, existingAccount: true },
      }),
      county({
        action: 'user.created',
        entityType: 'user',
        entityId: anna.id,
        after: { email: anna.email, name: anna.actor.name },
      }),
      county({
        action: 'membership.created',
        entityType: 'membership',
        entityId: membership!.id,
        after: { userId: anna.id, organisationId: org, role: 'county_admin' },
      }),
      { action: 'password_reset.requested', entityType: 'user', entityId: anna.id },
      { action: 'password.reset', entityType: 'user', entityId: anna.id },
      { action: 'login_link.sent', entityType: 'user', entityId: anna.id },
      { action: 'login_link.used', entityType: 'user', entityId: anna.id },
      county({
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: other!.id,
        after: {
          name: 'Brottsofferjouren',
          type: 'civil_society',
          orgNumber: '202100-2411',
          countyCode: '03',
        },
      }),
      {
        action: 'boundaries.loaded',
        entityType: 'boundaries',
        entityId: 'county',
        after: { count: 21, source: 'SCB' },
      },
      {
        action: 'boundaries.imported',
        entityType: 'boundaries',
        entityId: 'municipality',
        after: { count: 290 },
      },
    );
    const ev = (action: string, extra: Partial<AuditEntry> = {}) =>
      county({ action, entityType: 'event', entityId: event.id, ...extra });
    const reg = (action: string, extra: Partial<AuditEntry> = {}) =>
      county({ action, entityType: 'event_registration', entityId: registration, ...extra });
    events.push(
      ev('event.created', { after: eventFacts }),
      ev('event.edited', { before: eventFacts, after: { ...eventFacts, capacity: null } }),
      ev('event.published', { before: { status: 'draft' }, after: { status: 'published' } }),
      ev('event.cancelled', {
        before: { status: 'published' },
        after: { status: 'cancelled', registrationsCancelled: 12 },
      }),
      ev('event.attendance_marked', { after: { changed: 3 } }),
      ev('event.registrants_messaged', { after: { subject: 'Ny länk till mötet', recipients: 40 } }),
      ev('event.registrants_anonymised', { after: { registrations: 52, retentionDays: 90 } }),
      ev('event.evaluation_chosen', {
        before: { questionnaire: null },
        after: { questionnaire: 'Utvärdering efter evenemang (version 1)' },
      }),
      ev('event.evaluation_sent', { after: { recipients: 38 } }),
      county({
        action: 'event_series.created',
        entityType: 'event_series',
        entityId: series.id,
        after: { title: series.title, startYear: 2030, endYear: 2031 },
      }),
      county({
        action: 'event_series.edited',
        entityType: 'event_series',
        entityId: series.id,
        before: { title: series.title, startYear: 2030, endYear: 2031 },
        after: { title: series.title, startYear: 2030, endYear: 2032 },
      }),
      cc('council.formed', { after: { name: council.name, slug: council.slug, formedOn: '2024-01-01' } }),
      cc('council.edited', {
        before: { name: 'Integrationsrådet', slug: 'integrationsradet' },
        after: { name: council.name, slug: council.slug },
      }),
      cc('council.merged', {
        before: { mergedCouncils: ['Integrationsrådet', 'Jämställdhetsrådet'] },
        after: { name: council.name, slug: council.slug, formedOn: '2024-10-01', memberCount: 19 },
      }),
      cc('council.dissolved', { after: { endedOn: '2030-12-31' } }),
      cc('council.members_added', {
        after: { members: ['Region Uppsala', 'Polisen'], joinedOn: '2024-01-01' },
      }),
      cc('council.member_left', { after: { organisationId: org, leftOn: '2025-06-30' } }),
      cc('council.body_added', {
        after: { body: 'Kansligruppen', bodyKind: 'secretariat', reportsTo: 'Rådet' },
      }),
      cc('council.body_moved', {
        before: { body: 'Arbetsgrupp trygghet', reportsTo: 'Kansligruppen' },
        after: { body: 'Arbetsgrupp trygghet', reportsTo: 'Samordningsgruppen' },
      }),
      cc('council.representative_added', {
        after: { body: 'Rådet', organisationId: org, councilRole: 'vice_chair' },
      }),
      cc('council.representative_removed', {
        before: { body: 'Kansligruppen', organisationId: org, councilRole: 'member' },
      }),
      cc('council.representative_role_changed', {
        before: { body: 'Rådet', organisationId: org, councilRole: 'member' },
        after: { body: 'Rådet', organisationId: org, councilRole: 'chair' },
      }),
      cc('council.member_logo_changed', { after: { organisationId: org } }),
      cc('council.year_steps_created', {
        after: { year: 2026, steps: ['Gemensam lägesbild', 'Kunskapsspridning'] },
      }),
      cc('council.year_step_edited', {
        before: {
          year: 2026,
          title: 'Gemensam lägesbild',
          startsOn: '2026-01-15',
          endsOn: '2026-04-30',
          stepStatus: 'planned',
          round: '',
          event: '',
        },
        after: {
          year: 2026,
          title: 'Samlad nulägesbild',
          startsOn: '2026-02-01',
          endsOn: '',
          stepStatus: 'ongoing',
          round: 'Lägesbild 2026',
          event: 'Kunskapsdag',
        },
      }),
      cc('council.priority_added', {
        after: {
          priority: 'Mäns våld mot kvinnor',
          validFrom: '2024-03-01',
          validUntil: null,
          agendaTargets: ['5.2', '16.1'],
        },
      }),
      cc('council.priority_edited', {
        before: { priority: 'Mäns våld', validFrom: '2024-03-01', validUntil: null, agendaTargets: [] },
        after: {
          priority: 'Mäns våld mot kvinnor',
          validFrom: '2024-03-01',
          validUntil: '2030-12-31',
          agendaTargets: ['5.2'],
        },
      }),
      cc('council.intervention_area_added', {
        after: { priority: 'Mäns våld mot kvinnor', area: 'Kunskap om våld' },
      }),
      cc('council.intervention_added', {
        after: {
          intervention: 'Webbkurs om våld',
          organisationId: org,
          interventionStatus: 'ongoing',
          public: true,
          area: 'Kunskap om våld',
        },
      }),
      cc('council.intervention_edited', {
        before: {
          intervention: 'Webbkurs',
          organisationId: org,
          interventionStatus: 'planned',
          public: false,
        },
        after: {
          intervention: 'Webbkurs om våld',
          organisationId: org,
          interventionStatus: 'ongoing',
          public: true,
        },
      }),
      cc('council.financing_added', {
        after: {
          intervention: 'Centrum mot hedersrelaterat våld och förtryck',
          organisationId: org,
          amountSek: 1200000,
          fromOn: '2024-01-01',
          untilOn: '2027-09-30',
        },
      }),
      cc('council.milestone_added', {
        after: { intervention: 'Webbkurs om våld', milestone: 'Kursen lanserad', dueOn: '2025-06-30' },
      }),
      cc('council.financing_removed', {
        before: {
          intervention: 'Centrum mot hedersrelaterat våld och förtryck',
          organisationId: org,
          amountSek: 1200000,
          fromOn: '2024-01-01',
          untilOn: null,
        },
      }),
      cc('council.milestone_removed', {
        before: { intervention: 'Webbkurs om våld', milestone: 'Kursen lanserad', dueOn: '2025-06-30' },
      }),
      cc('council.milestone_done', {
        after: { intervention: 'Webbkurs om våld', milestone: 'Kursen lanserad', doneOn: '2025-06-01' },
      }),
      cc('council.progress_reported', {
        after: {
          intervention: 'Webbkurs om våld',
          period: '2025-H1',
          text: 'Kursen har lanserats.',
          interventionStatus: 'ongoing',
        },
      }),
      cc('council.progress_replaced', {
        before: { text: 'Kursen lanseras snart.', interventionStatus: 'planned' },
        after: {
          intervention: 'Webbkurs om våld',
          period: '2025-H1',
          text: 'Kursen har lanserats.',
          interventionStatus: 'ongoing',
        },
      }),
      cc('council.strategy_added', {
        after: {
          strategy: 'Strategi för ett jämställt och jämlikt Uppsala län',
          fromYear: 2024,
          toYear: 2030,
        },
      }),
      cc('council.strategy_goal_added', {
        after: {
          strategy: 'Strategi för ett jämställt och jämlikt Uppsala län',
          goal: 'Ett län fritt från våld',
        },
      }),
      cc('council.intervention_goals_set', {
        after: { intervention: 'Webbkurs om våld', goals: ['Ett län fritt från våld'] },
      }),
      cc('council.progress_imported', { after: { reports: 3 } }),
      cc('council.handling_recorded', {
        before: { handling: 'under_way', comment: '' },
        after: {
          priority: 'Trygghet',
          organisationId: org,
          handling: 'not_relevant',
          comment: 'Ingår i annan plan.',
        },
      }),
      cc('council.meeting_planned', {
        after: {
          meeting: 'Rådsmöte',
          body: 'Rådet',
          startsAt: '2030-03-15T12:00:00.000Z',
          endsAt: '2030-03-15T14:00:00.000Z',
        },
      }),
      cc('council.meeting_edited', {
        before: { meeting: 'Rådsmöte', startsAt: '2030-03-15T12:00:00.000Z', location: 'Sal 1' },
        after: {
          meeting: 'Rådsmöte',
          body: 'Rådet',
          startsAt: '2030-03-15T13:00:00.000Z',
          location: 'Sal 2',
          recipients: 12,
        },
      }),
      cc('council.meeting_cancelled', {
        before: { meetingStatus: 'planned' },
        after: { meeting: 'Rådsmöte', meetingStatus: 'cancelled', recipients: 12 },
      }),
      cc('council.meeting_invited', {
        after: { meeting: 'Rådsmöte', body: 'Rådet', recipients: 12, sequence: 1 },
      }),
      cc('council.meeting_held', {
        before: { meetingStatus: 'planned' },
        after: { meeting: 'Rådsmöte', meetingStatus: 'held' },
      }),
      cc('council.agenda_item_added', { after: { meeting: 'Rådsmöte', agendaItem: 'Lägesbild' } }),
      cc('council.agenda_item_moved', {
        after: { meeting: 'Rådsmöte', agendaItem: 'Lägesbild', position: 1 },
      }),
      cc('council.agenda_item_edited', { after: { meeting: 'Rådsmöte', agendaItem: 'Lägesbild' } }),
      cc('council.minutes_saved', { after: { meeting: 'Rådsmöte' } }),
      cc('council.attendance_recorded', {
        after: { meeting: 'Rådsmöte', present: 14, absent: 3, excused: 2 },
      }),
      cc('council.decision_recorded', {
        after: {
          decisionNumber: '2025:3',
          decision: 'Samverkansplan 2025–2027',
          body: 'Rådet',
          decidedOn: '2025-03-15',
          validUntil: null,
          replaces: '2023:2',
        },
      }),
      cc('council.document_added', {
        after: {
          document: 'Samverkansplan',
          documentKind: 'collaboration_plan',
          public: true,
          documentVersion: 1,
        },
      }),
      cc('council.document_edited', {
        before: { document: 'Samverkansplan', documentKind: 'collaboration_plan', public: false },
        after: { document: 'Samverkansplan', documentKind: 'collaboration_plan', public: true },
      }),
      cc('council.document_version_added', { after: { document: 'Samverkansplan', documentVersion: 2 } }),
      cc('council.document_withdrawn', { after: { document: 'Samverkansplan' } }),
      reg('registration.created', { after: { eventId: event.id, status: 'waiting' } }),
      reg('registration.changed'),
      reg('registration.withdrawn', { before: { status: 'confirmed' }, after: { status: 'cancelled' } }),
      reg('registration.erased', { before: { status: 'cancelled' } }),
      reg('registration.offered', {
        after: { eventId: event.id, offerExpiresAt: '2030-06-03T08:00:00.000Z' },
      }),
      reg('registration.offer_accepted', { before: { status: 'offered' }, after: { status: 'confirmed' } }),
      reg('registration.offer_declined', { before: { status: 'offered' }, after: { status: 'cancelled' } }),
      reg('registration.offer_expired', { before: { status: 'offered' }, after: { status: 'cancelled' } }),
      reg('registration.added', { after: { eventId: event.id, status: 'confirmed', beyondCapacity: true } }),
      reg('registration.confirmed_by_organiser', {
        before: { status: 'waiting' },
        after: { status: 'confirmed', beyondCapacity: true },
      }),
      reg('registration.cancelled', { before: { status: 'confirmed' }, after: { status: 'cancelled' } }),
    );
    const pageId = randomUUID();
    const pg = (action: string, e: Pick<AuditEntry, 'before' | 'after'>) =>
      county({ action, entityType: 'site_page', entityId: pageId, ...e });
    const contactId = randomUUID();
    const ct = (action: string, e: Pick<AuditEntry, 'before' | 'after'>) =>
      county({ action, entityType: 'site_contact', entityId: contactId, ...e });
    events.push(
      pg('page.created', { after: { title: 'Krismaterial', path: 'krismaterial' } }),
      pg('page.edited', { after: { title: 'Krismaterial', revision: 2, note: 'Nya länkar', image: true } }),
      pg('page.review_requested', { after: { title: 'Krismaterial', revision: 2 } }),
      pg('page.published', { after: { title: 'Krismaterial', revision: 2 } }),
      pg('page.scheduled', {
        after: { title: 'Krismaterial', revision: 3, scheduledAt: '2030-03-15T09:00:00.000Z' },
      }),
      pg('page.unpublished', { after: { title: 'Krismaterial' } }),
      pg('page.schedule_cancelled', {
        after: { title: 'Krismaterial', scheduledAt: '2030-03-15T09:00:00.000Z' },
      }),
      pg('page.moved', { before: { path: 'krismaterial' }, after: { path: 'kris/material' } }),
      pg('page.restored', { after: { title: 'Krismaterial', revision: 1 } }),
      pg('page.file_added', { after: { file: 'Krisplan 2026' } }),
      pg('page.file_removed', { after: { file: 'Krisplan 2026' } }),
      ct('contact.created', {
        after: { name: 'Eva Ek', role: 'Samordnare', email: 'eva@example.se', phone: '0611-34 90 00' },
      }),
      ct('contact.edited', {
        before: { name: 'Eva Ek', role: 'Samordnare', email: 'eva@example.se', phone: null },
        after: { name: 'Eva Ek', role: 'Handläggare', email: 'eva@example.se', phone: '0611-34 90 00' },
      }),
      ct('contact.replaced', { after: { name: 'Eva Ek', replacedBy: 'Olle Ås' } }),
      county({
        action: 'site.settings_changed',
        entityType: 'site_settings',
        entityId: '03',
        before: { requiresReview: false, supportEmail: null, supportPhone: null },
        after: { requiresReview: true, supportEmail: 'stod@example.se', supportPhone: '010-223 00 00' },
      }),
    );
    // A news item and a warning banner of Uppsala's public pages, named by their title and message.
    const news = await createNews(t.app.deps.db, anna.actor, '03', {
      title: 'Ny handlingsplan mot våld',
      slug: '',
      summary: '',
      body: '',
      themeKeys: ['violence'],
      imageFileId: null,
      imageAlt: '',
      publish: { mode: 'draft' },
      expiresAt: null,
    });
    const banner = await createBanner(t.app.deps.db, anna.actor, '03', {
      level: 'critical',
      message: 'Storm i länet: undvik onödiga resor',
      linkUrl: null,
      linkText: null,
      startsAt: new Date('2030-01-01T08:00:00Z'),
      endsAt: new Date('2030-01-02T08:00:00Z'),
      countyCode: '03',
    });
    const newsFacts = { title: news.title, slug: news.slug, publishedAt: null, expiresAt: null };
    const bannerFacts = {
      level: 'critical',
      message: banner.message,
      countyCode: '03',
      startsAt: banner.startsAt.toISOString(),
      endsAt: banner.endsAt.toISOString(),
    };
    const site = (
      action: string,
      entityType: string,
      entityId: string,
      e: Pick<AuditEntry, 'before' | 'after'>,
    ) => county({ action, entityType, entityId, ...e });
    events.push(
      site('news.created', 'site_news', news.id, { after: newsFacts }),
      site('news.edited', 'site_news', news.id, {
        before: newsFacts,
        after: { ...newsFacts, title: 'Ny rubrik' },
      }),
      site('news.published', 'site_news', news.id, {
        before: { publishedAt: null },
        after: { publishedAt: '2030-05-04T07:00:00.000Z', expiresAt: '2030-06-04T07:00:00.000Z' },
      }),
      site('news.unpublished', 'site_news', news.id, {
        before: { publishedAt: '2026-05-04T07:00:00.000Z' },
        after: { publishedAt: null },
      }),
      site('news.deleted', 'site_news', randomUUID(), { before: { ...newsFacts, title: 'Borttagen nyhet' } }),
      site('banner.created', 'site_banner', banner.id, { after: bannerFacts }),
      site('banner.edited', 'site_banner', banner.id, {
        before: bannerFacts,
        after: { ...bannerFacts, level: 'warning', countyCode: null },
      }),
      site('banner.ended', 'site_banner', banner.id, {
        before: bannerFacts,
        after: { endedAt: '2030-01-01T12:00:00.000Z' },
      }),
    );
    for (const e of events) await recordAudit(db, { ...e, actorId: anna.id });
  });
  afterAll(() => t.close());

  it('has a sentence for every action the code records, and this test records each', async () => {
    const recorded = await recordedActions();
    // The scan finds the actions where they are written (a sanity check that it reads the code at all).
    expect(recorded).toContain('round.opened');
    expect(recorded).toContain('password_reset.requested');
    expect([...recorded].filter((a) => !(a in auditSentences))).toEqual([]);
    const tested = new Set(events.map((e) => e.action));
    expect(Object.keys(auditSentences).filter((a) => !tested.has(a))).toEqual([]);
    // Each detail the events above store has a label or is deliberately left out.
    const keys = new Set(
      events.flatMap((e) =>
        [e.before, e.after].flatMap((v) => (v && typeof v === 'object' ? Object.keys(v) : [])),
      ),
    );
    expect([...keys].filter((k) => !(k in detailLabels) && k !== 'violence')).toEqual([]);
  });

  it('shows each event as Swedish words: no internal name, no id outside a link', async () => {
    const names = (await queryRows<{ name: string }>(t.database.db, sql`select name from users`)).map(
      (u) => u.name,
    );
    const things = [...new Set(events.map((e) => `${e.entityType}\n${e.entityId}`))];
    let rows = 0;
    for (const thing of things) {
      const [type, id] = thing.split('\n') as [string, string];
      const page = await sys.get(`/admin/granskningslogg?objekt=${type}&id=${encodeURIComponent(id)}`);
      expect(page.status).toBe(200);
      expect(pageProblems(page.doc)).toEqual([]);
      for (const row of page.doc.querySelectorAll('main tbody tr')) {
        rows++;
        // People's names and addresses are data, whatever they look like; the rest must be words.
        // Each element's text apart (tags and their attributes, links' addresses among them, dropped).
        let text = row.innerHTML.replace(/<[^>]*>/g, ' ').replace(/\S+@\S+/g, ' ');
        for (const name of names) text = text.split(name).join(' ');
        expect(text, `${type}: ${row.text}`).not.toMatch(uuid);
        expect(text, `${type}: ${row.text}`).not.toMatch(rawName);
        expect(text).not.toContain('gjorde ”');
      }
    }
    expect(rows).toBeGreaterThanOrEqual(events.length);

    // Values in words: the organisation's type and county, the person, the role, the status, the area.
    const all = async (type: string, id: string) =>
      (await sys.get(`/admin/granskningslogg?objekt=${type}&id=${encodeURIComponent(id)}`)).doc.querySelector(
        'main table',
      )!.text;
    const organisation = await all(
      'organisation',
      events.find((e) => e.action === 'organisation.created')!.entityId,
    );
    expect(organisation).toContain('lade till organisationen');
    expect(organisation).toContain('Civilsamhälle');
    expect(organisation).toContain('Uppsala län');
    const membership = await all(
      'membership',
      events.find((e) => e.action === 'membership.created')!.entityId,
    );
    expect(membership).toContain(`Test county_admin gav Test county_admin en roll`);
    expect(membership).toContain('Länsadministratör');
    const boundaries = await all('boundaries', 'county');
    expect(boundaries).toContain('Test county_admin läste in kartans gränser för länen');
    expect(boundaries).toContain('Källa');
    const picture = await all(
      'regional_picture',
      events.find((e) => e.entityType === 'regional_picture')!.entityId,
    );
    expect(picture).toContain('återkallade Uppsala läns regionala lägesbild');
    expect(picture).toContain('Sammanfattning: Våld i nära relationer');
    expect(picture).toContain('Inskickad');
    const national = await all(
      'national_picture',
      events.find((e) => e.entityType === 'national_picture')!.entityId,
    );
    expect(national).toContain('Inskickade län');
    expect(national).toContain('Uppsala län, Västernorrlands län');
    const round = await all('round', events.find((e) => e.action === 'round.opened')!.entityId);
    expect(round).toContain('Nya svarande');
    expect(round).toContain('Sista svarsdag');
    expect(round).toContain('18 december 2026');
    // The occasions a round closed are told as they were, not as changed to nothing.
    expect(round).toContain('Höst 2026 (öppnar 1 oktober 2026, sista svarsdag 18 december 2026)');
    expect(round).not.toContain('(tomt)');
    const event = await all('event', events.find((e) => e.action === 'event.created')!.entityId);
    expect(event).toContain('skapade evenemanget ”Perspektivgemenskap”');
    expect(event).toContain('Publicerat');
    expect(event).toContain('100 platser');
    expect(event).toContain('Obegränsat');
    const registration = await all(
      'event_registration',
      events.find((e) => e.action === 'registration.created')!.entityId,
    );
    expect(registration).toContain('tog emot en anmälan till ”Perspektivgemenskap”');
    expect(registration).toContain('På väntelistan');
    expect(registration).not.toContain('Deltagare Ett');
    const removed = await all('round', events.find((e) => e.action === 'round.removed')!.entityId);
    expect(removed).toContain('tog bort omgången ”Testomgång som togs bort”');
  });
});
