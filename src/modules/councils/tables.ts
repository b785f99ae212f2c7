import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { files } from '../../platform/tables.ts';
import { counties, organisations } from '../reference/tables.ts';
import { bodyKinds, councilStatuses } from './lifecycle.ts';

export const councilStatus = pgEnum('council_status', councilStatuses);
export const councilBodyKind = pgEnum('council_body_kind', bodyKinds);

/**
 * råd för social hållbarhet: a council of a county, convened by its county board (a county may have more
 * than one). Its public page is /{county}/rad/{slug}. A merged council points to the council it became.
 */
export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** syfte (Markdown, sanitised when shown) */
    purpose: text('purpose').notNull().default(''),
    /** vision (Markdown, sanitised when shown) */
    vision: text('vision').notNull().default(''),
    /** the secretariat's address (kansliet), where the contact form's messages go */
    secretariatEmail: text('secretariat_email'),
    /** the tag the secretariat wants in the subject of messages to it (seed 003: "kansli för social hållbarhet") */
    subjectTag: text('subject_tag').notNull().default(''),
    status: councilStatus('status').notNull().default('active'),
    formedOn: date('formed_on', { mode: 'string' }).notNull(),
    /** when it was merged or dissolved */
    endedOn: date('ended_on', { mode: 'string' }),
    /** the council a merged council became (checked by the service; no foreign key, so a restore's order is free) */
    mergedIntoId: uuid('merged_into_id'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('councils_county_slug_uq').on(t.countyCode, t.slug)],
);

/** A member organisation of a council (any type), from when and until when; the logo in the file store. */
export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    /** the convening organisation (the county board: "sammankallande") */
    convenes: boolean('convenes').notNull().default(false),
    /** the organisation's logo as the council shows it (a PNG or JPEG in the file store, owner 'council_members') */
    logoFileId: uuid('logo_file_id').references(() => files.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('council_members_uq').on(t.councilId, t.organisationId)],
);

/**
 * A body of a council (organ): the council itself, its secretariat group (kansligrupp), coordination group
 * (samordningsgrupp), working groups and networks, each with its commission, reporting to one other body of
 * the same council (lifecycle.bodyMayReportTo keeps it a tree).
 */
export const councilBodies = pgTable(
  'council_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    kind: councilBodyKind('kind').notNull(),
    name: text('name').notNull(),
    /** uppdrag (Markdown, sanitised when shown) */
    commission: text('commission').notNull().default(''),
    /** the body of the same council it reports to (checked by the service under the council's lock) */
    reportsToId: uuid('reports_to_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('council_bodies_council_idx').on(t.councilId)],
);

export const representativeRoles = ['chair', 'vice_chair', 'member', 'deputy', 'secretary'] as const;
export type RepresentativeRole = (typeof representativeRoles)[number];
export const representativeRole = pgEnum('council_representative_role', representativeRoles);

/** A person who represents a member organisation in a body, with a role; an account when they have one. */
export const councilRepresentatives = pgTable(
  'council_representatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => councilBodies.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    email: text('email'),
    role: representativeRole('role').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('council_representatives_body_idx').on(t.bodyId)],
);

// ---- Meetings ---------------------------------------------------------------------------------------------

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatus = pgEnum('council_meeting_status', meetingStatuses);

/**
 * sammanträde: a meeting of one body, at a place or a link; its members get an iCalendar invitation
 * (`sequence` grows with every change, so calendars update the one entry) and the papers.
 */
export const councilMeetings = pgTable(
  'council_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => councilBodies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    onlineUrl: text('online_url'),
    status: meetingStatus('status').notNull().default('planned'),
    /** protokoll (Markdown, sanitised when shown); the signed minutes are a document of kind 'minutes' */
    minutes: text('minutes').notNull().default(''),
    /** iCalendar SEQUENCE: raised by every change sent to the members */
    sequence: integer('sequence').notNull().default(0),
    invitationsSentAt: timestamp('invitations_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('council_meetings_council_idx').on(t.councilId, t.startsAt)],
);

/** dagordningspunkt: an item on a meeting's agenda, in order, with what was said or decided under it. */
export const councilAgendaItems = pgTable(
  'council_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** notes under the item (Markdown) */
    notes: text('notes').notNull().default(''),
    /** the decision taken under this item, when one was */
    decisionId: uuid('decision_id'),
  },
  (t) => [unique('council_agenda_items_position_uq').on(t.meetingId, t.position)],
);

export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceStatus = pgEnum('council_attendance_status', attendanceStatuses);

/** närvaro: who of the body's people came to a meeting. */
export const councilAttendance = pgTable(
  'council_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'cascade' }),
    representativeId: uuid('representative_id')
      .notNull()
      .references(() => councilRepresentatives.id, { onDelete: 'cascade' }),
    status: attendanceStatus('status').notNull(),
  },
  (t) => [unique('council_attendance_uq').on(t.meetingId, t.representativeId)],
);

// ---- Decisions ----------------------------------------------------------------------------------------------

/**
 * beslut: the council's decision register. A decision is in force from its date "until further notice" (no
 * end date) or until `validUntil`; a later decision that replaces it ends it and is named in `replacedById`.
 * Its state (in force, replaced, expired) is derived by decisions' lifecycle, never stored twice.
 */
export const councilDecisions = pgTable(
  'council_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => councilBodies.id, { onDelete: 'cascade' }),
    /** beslutsnummer, e.g. "2025:3": unique within the council, given by the service when left empty */
    number: text('number').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    /** the decision's text (Markdown) */
    text: text('text').notNull().default(''),
    /** null: gäller tills vidare */
    validUntil: date('valid_until', { mode: 'string' }),
    /** the later decision that replaced this one (checked by the service; no foreign key) */
    replacedById: uuid('replaced_by_id'),
    meetingId: uuid('meeting_id'),
    public: boolean('public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    unique('council_decisions_number_uq').on(t.councilId, t.number),
    index('council_decisions_council_idx').on(t.councilId, t.decidedOn),
  ],
);

// ---- Documents ----------------------------------------------------------------------------------------------

export const documentKinds = ['agreement', 'collaboration_plan', 'strategy', 'minutes', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKind = pgEnum('council_document_kind', documentKinds);

export const documentStatuses = ['current', 'withdrawn'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];
export const documentStatus = pgEnum('council_document_status', documentStatuses);

/**
 * A council's document (överenskommelse, samverkansplan, strategi, protokoll …), public or internal to a body,
 * with its versions; the newest version is the one shown.
 */
export const councilDocuments = pgTable(
  'council_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    /** for an internal document: the body whose members see it (null: the council's admins only) */
    bodyId: uuid('body_id').references(() => councilBodies.id, { onDelete: 'set null' }),
    kind: documentKind('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    public: boolean('public').notNull().default(false),
    status: documentStatus('status').notNull().default('current'),
    /** the decision that adopted it */
    decisionId: uuid('decision_id'),
    meetingId: uuid('meeting_id'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('council_documents_council_idx').on(t.councilId)],
);

/** One version of a document: a PDF or Word file in the file store (owner 'council_document_versions'). */
export const councilDocumentVersions = pgTable(
  'council_document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => councilDocuments.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('council_document_versions_uq').on(t.documentId, t.version)],
);

// ---- Priorities and interventions ----------------------------------------------------------------------------

/**
 * samverkansområde (a priority): decided by the council (the decision and its validity), linked to goals of
 * the regional development strategy (RUS) and to Agenda 2030 targets ("10.2", "16.1").
 */
export const councilPriorities = pgTable(
  'council_priorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Markdown */
    description: text('description').notNull().default(''),
    decisionId: uuid('decision_id'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** null: until further notice */
    validUntil: date('valid_until', { mode: 'string' }),
    rusGoals: text('rus_goals')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    agendaTargets: text('agenda_targets')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('council_priorities_council_idx').on(t.councilId)],
);

/** insatsområde: an area of interventions under a priority, with its purpose and target group. */
export const councilInterventionAreas = pgTable(
  'council_intervention_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => councilPriorities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default(''),
    targetGroup: text('target_group').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('council_intervention_areas_priority_idx').on(t.priorityId)],
);

export const interventionStatuses = ['planned', 'ongoing', 'completed', 'paused'] as const;
export type InterventionStatus = (typeof interventionStatuses)[number];
export const interventionStatus = pgEnum('council_intervention_status', interventionStatuses);

/**
 * insats: an intervention in an area, owned by one organisation with others taking part; `public` ones are
 * the examples the council's public page shows. `indicators` are Kolada KPI ids (the indicators capability).
 */
export const councilInterventions = pgTable(
  'council_interventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** denormalised from the area's priority: the council whose lock and county guard it */
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => councilInterventionAreas.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    status: interventionStatus('status').notNull().default('planned'),
    public: boolean('public').notNull().default(true),
    indicators: text('indicators')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('council_interventions_area_idx').on(t.areaId),
    index('council_interventions_council_idx').on(t.councilId),
  ],
);

/** The other organisations taking part in an intervention. */
export const councilInterventionParticipants = pgTable(
  'council_intervention_participants',
  {
    interventionId: uuid('intervention_id')
      .notNull()
      .references(() => councilInterventions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [unique('council_intervention_participants_uq').on(t.interventionId, t.organisationId)],
);

/**
 * finansiering: who pays what for an intervention, from when until when, and who takes over after (seed 001:
 * the centre financed by the county board until September 2027).
 */
export const councilFinancingLines = pgTable(
  'council_financing_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interventionId: uuid('intervention_id')
      .notNull()
      .references(() => councilInterventions.id, { onDelete: 'cascade' }),
    funderOrganisationId: uuid('funder_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** kronor; null when the line is not a sum (staff time, premises) */
    amountSek: bigint('amount_sek', { mode: 'number' }),
    description: text('description').notNull().default(''),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    untilOn: date('until_on', { mode: 'string' }),
    takenOverByOrganisationId: uuid('taken_over_by_organisation_id').references(() => organisations.id),
  },
  (t) => [index('council_financing_lines_intervention_idx').on(t.interventionId)],
);

/** delmål: a milestone of an intervention, due on a date, done on another. */
export const councilMilestones = pgTable(
  'council_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interventionId: uuid('intervention_id')
      .notNull()
      .references(() => councilInterventions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [index('council_milestones_intervention_idx').on(t.interventionId)],
);

/** A figure in a progress report: "deltagare 42 personer". */
export interface ProgressFigure {
  label: string;
  value: number;
  unit: string;
}

/**
 * lägesrapport: an intervention's progress for a period ("2025", "2025-H1", "2025-T3"), text and figures, one
 * per period (a second report for the same period replaces the first; the audit log keeps what it said).
 */
export const councilProgressReports = pgTable(
  'council_progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interventionId: uuid('intervention_id')
      .notNull()
      .references(() => councilInterventions.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    text: text('text').notNull().default(''),
    figures: jsonb('figures').$type<ProgressFigure[]>().notNull().default([]),
    /** the intervention's status as the report left it */
    status: interventionStatus('status').notNull(),
    reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('council_progress_reports_period_uq').on(t.interventionId, t.period)],
);

export const handlingStates = ['decided', 'under_way', 'not_relevant'] as const;
export type HandlingState = (typeof handlingStates)[number];
export const handlingState = pgEnum('council_handling_state', handlingStates);

/**
 * How a member organisation handles a priority in its own governance (seed 003): decided, under way or not
 * relevant, with a comment; one answer per organisation and priority, the latest standing.
 */
export const councilPriorityHandling = pgTable(
  'council_priority_handling',
  {
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => councilPriorities.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    state: handlingState('state').notNull(),
    comment: text('comment').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('council_priority_handling_uq').on(t.priorityId, t.organisationId)],
);

// ---- Strategies ------------------------------------------------------------------------------------------------

/** A council's strategy for a span of years (seed 001: 2024–2030), with visions and goal areas. */
export const councilStrategies = pgTable(
  'council_strategies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    description: text('description').notNull().default(''),
    documentId: uuid('document_id'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('council_strategies_council_idx').on(t.councilId)],
);

export const strategyGoalKinds = ['vision', 'goal_area'] as const;
export type StrategyGoalKind = (typeof strategyGoalKinds)[number];
export const strategyGoalKind = pgEnum('council_strategy_goal_kind', strategyGoalKinds);

/** A vision or a goal area of a strategy, in order. */
export const councilStrategyGoals = pgTable(
  'council_strategy_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => councilStrategies.id, { onDelete: 'cascade' }),
    kind: strategyGoalKind('kind').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('council_strategy_goals_strategy_idx').on(t.strategyId)],
);

/** Which visions and goal areas an intervention serves. */
export const councilInterventionGoals = pgTable(
  'council_intervention_goals',
  {
    interventionId: uuid('intervention_id')
      .notNull()
      .references(() => councilInterventions.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => councilStrategyGoals.id, { onDelete: 'cascade' }),
  },
  (t) => [unique('council_intervention_goals_uq').on(t.interventionId, t.goalId)],
);

// ---- The yearly cycle ------------------------------------------------------------------------------------------

/**
 * The four steps of seed 001's yearly model: a shared situational picture, knowledge dissemination, the
 * reference group, continued and new focus areas.
 */
export const yearStepKinds = ['situational_picture', 'knowledge', 'reference_group', 'focus_areas'] as const;
export type YearStepKind = (typeof yearStepKinds)[number];
export const yearStepKind = pgEnum('council_year_step_kind', yearStepKinds);

export const yearStepStatuses = ['planned', 'ongoing', 'done'] as const;
export type YearStepStatus = (typeof yearStepStatuses)[number];
export const yearStepStatus = pgEnum('council_year_step_status', yearStepStatuses);

/**
 * årshjul: a step of a council's year plan, with its dates and status, and the lägesbild round and the event
 * that carry it (no foreign keys: a restore's order stays free, and the service checks the county).
 */
export const councilYearSteps = pgTable(
  'council_year_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    kind: yearStepKind('kind').notNull(),
    title: text('title').notNull().default(''),
    notes: text('notes').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    status: yearStepStatus('status').notNull().default('planned'),
    roundId: uuid('round_id'),
    eventId: uuid('event_id'),
  },
  (t) => [unique('council_year_steps_uq').on(t.councilId, t.year, t.kind)],
);
