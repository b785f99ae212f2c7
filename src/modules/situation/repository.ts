import { isUuid } from '../../platform/validation.ts';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../../db/client.ts';
import { prepared, preparedSql } from '../../db/prepared.ts';
import { keptUntilChanged } from '../../db/change-feed.ts';
import { memberships, users } from '../accounts/index.ts';
import { organisations } from '../reference/index.ts';
import {
  markVersionInUse,
  questionnaireVersions,
  type Answers,
  type Definition,
  type MeasureStatus,
} from '../forms/index.ts';
import type { Completeness, RegionalPicture, RiskRow, StoredRegionalPicture } from './picture.ts';
import { auditLog } from '../../platform/tables.ts';
import {
  nationalPictures,
  occasionNotices,
  occasions,
  regionalPictures,
  regionalPictureSubmissions,
  respondents,
  responses,
  responseVersions,
  rounds,
  type ChosenQuote,
  type ResponseStatus,
} from './tables.ts';

export type Round = typeof rounds.$inferSelect;
export type Occasion = typeof occasions.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;
export type RespondentRow = typeof respondents.$inferSelect;
/** A regional picture's row without its snapshot (read only where the submitted picture is shown). */
export type RegionalPictureRow = Omit<typeof regionalPictures.$inferSelect, 'snapshot'>;

// Rounds, occasions, respondents

/** A new round; its questionnaire version is marked in use in the same statement's transaction, so it never changes. */
export async function insertRound(db: Executor, values: typeof rounds.$inferInsert): Promise<Round> {
  const [row] = await db.insert(rounds).values(values).returning();
  await markVersionInUse(db, values.questionnaireVersionId);
  return row!;
}

export async function insertOccasions(
  db: Executor,
  values: Array<typeof occasions.$inferInsert>,
): Promise<Occasion[]> {
  return db.insert(occasions).values(values).returning();
}

// The look-ups every lägesbild page makes are prepared once (see db/prepared.ts).
const roundById = prepared('situation_round_by_id', (db) =>
  db
    .select()
    .from(rounds)
    .where(eq(rounds.id, sql.placeholder('id'))),
);
const occasionById = prepared('situation_occasion_by_id', (db) =>
  db
    .select()
    .from(occasions)
    .where(eq(occasions.id, sql.placeholder('id'))),
);
const occasionsOfRound = prepared('situation_occasions_of_round', (db) =>
  db
    .select()
    .from(occasions)
    .where(eq(occasions.roundId, sql.placeholder('roundId')))
    .orderBy(asc(occasions.sequence)),
);
const roundsForCounty = prepared('situation_rounds_for_county', (db) =>
  db
    .select()
    .from(rounds)
    .where(or(eq(rounds.scope, 'national'), eq(rounds.countyCode, sql.placeholder('countyCode'))))
    .orderBy(desc(rounds.createdAt)),
);
const responseById = prepared('situation_response_by_id', (db) =>
  db
    .select()
    .from(responses)
    .where(eq(responses.id, sql.placeholder('id'))),
);
const nationalPictureOf = prepared('situation_national_picture', (db) =>
  db
    .select()
    .from(nationalPictures)
    .where(eq(nationalPictures.occasionId, sql.placeholder('occasionId'))),
);

export async function findRound(db: Executor, id: string): Promise<Round | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await roundById(db, { id });
  return row;
}

/** National rounds and the county's own rounds, newest first. */
export function listRoundsForCounty(db: Executor, countyCode: string): Promise<Round[]> {
  return roundsForCounty(db, { countyCode });
}

export function listNationalRounds(db: Executor): Promise<Round[]> {
  return db.select().from(rounds).where(eq(rounds.scope, 'national')).orderBy(desc(rounds.createdAt));
}

export function listOccasions(db: Executor, roundId: string): Promise<Occasion[]> {
  return occasionsOfRound(db, { roundId });
}

/** National rounds and the county's own, newest first, each with its occasions in order: one query (a join). */
/**
 * The rounds a county sees (its own and the national ones), newest first, each with its occasions in order:
 * the county's list of rounds, kept until a round or an occasion changes (see keptUntilChanged). Read it,
 * never change it.
 */
export const listRoundsWithOccasionsForCounty = keptUntilChanged(
  ['rounds', 'occasions'],
  readRoundsWithOccasionsForCounty,
  (countyCode) => countyCode,
  { maxEntries: 64 },
);

async function readRoundsWithOccasionsForCounty(
  db: Executor,
  countyCode: string,
): Promise<Array<{ round: Round; occasions: Occasion[] }>> {
  const rows = await roundsWithOccasionsForCounty(db, { countyCode });
  const out: Array<{ round: Round; occasions: Occasion[] }> = [];
  for (const row of rows) {
    const last = out.at(-1);
    const entry = last?.round.id === row.round.id ? last : { round: row.round, occasions: [] };
    if (entry !== last) out.push(entry);
    if (row.occasion) entry.occasions.push(row.occasion);
  }
  return out;
}

const roundsWithOccasionsForCounty = prepared('situation_rounds_with_occasions_for_county', (db) =>
  db
    .select({ round: rounds, occasion: occasions })
    .from(rounds)
    .leftJoin(occasions, eq(occasions.roundId, rounds.id))
    .where(or(eq(rounds.scope, 'national'), eq(rounds.countyCode, sql.placeholder('countyCode'))))
    .orderBy(desc(rounds.createdAt), asc(rounds.id), asc(occasions.sequence)),
);

/** The occasions of many rounds in one query (a list of rounds), each round's in order; every round has a list. */
export async function listOccasionsOfRounds(
  db: Executor,
  roundIds: string[],
): Promise<Map<string, Occasion[]>> {
  const byRound = new Map<string, Occasion[]>(roundIds.map((id) => [id, []]));
  if (roundIds.length === 0) return byRound;
  const rows = await db
    .select()
    .from(occasions)
    .where(inArray(occasions.roundId, roundIds))
    .orderBy(asc(occasions.roundId), asc(occasions.sequence));
  for (const o of rows) byRound.get(o.roundId)?.push(o);
  return byRound;
}

const occasionWithRound = prepared('situation_occasion_with_round', (db) =>
  db
    .select({ occasion: occasions, round: rounds })
    .from(occasions)
    .innerJoin(rounds, eq(rounds.id, occasions.roundId))
    .where(and(eq(occasions.id, sql.placeholder('occasionId')), eq(rounds.id, sql.placeholder('roundId')))),
);

/** The occasion and its round in one statement; undefined unless the occasion is that round's. */
export async function findOccasionInRound(
  db: Executor,
  roundId: string,
  occasionId: string,
): Promise<{ round: Round; occasion: Occasion } | undefined> {
  if (!isUuid(roundId) || !isUuid(occasionId)) return undefined;
  const [row] = await occasionWithRound(db, { roundId, occasionId });
  return row;
}

export async function findOccasion(db: Executor, id: string): Promise<Occasion | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await occasionById(db, { id });
  return row;
}

export async function insertRespondents(
  db: Executor,
  rows: Array<{ roundId: string; countyCode: string; organisationId: string }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(respondents)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
}

export async function deleteRespondents(
  db: Executor,
  roundId: string,
  organisationIds: string[],
): Promise<void> {
  if (organisationIds.length === 0) return;
  await db
    .delete(respondents)
    .where(and(eq(respondents.roundId, roundId), inArray(respondents.organisationId, organisationIds)));
}

export interface RespondentView {
  id: string;
  organisationId: string;
  name: string;
  type: string;
  municipalityCode: string | null;
  countyCode: string;
}

export function listRespondents(
  db: Executor,
  roundId: string,
  countyCode?: string,
): Promise<RespondentView[]> {
  return db
    .select({
      id: respondents.id,
      organisationId: respondents.organisationId,
      name: organisations.name,
      type: organisations.type,
      municipalityCode: organisations.municipalityCode,
      countyCode: respondents.countyCode,
    })
    .from(respondents)
    .innerJoin(organisations, eq(organisations.id, respondents.organisationId))
    .where(
      countyCode
        ? and(eq(respondents.roundId, roundId), eq(respondents.countyCode, countyCode))
        : eq(respondents.roundId, roundId),
    )
    .orderBy(asc(organisations.municipalityCode), asc(organisations.name));
}

export async function findRespondent(
  db: Executor,
  roundId: string,
  organisationId: string,
): Promise<RespondentRow | undefined> {
  const [row] = await db
    .select()
    .from(respondents)
    .where(and(eq(respondents.roundId, roundId), eq(respondents.organisationId, organisationId)));
  return row;
}

// Responses

export async function findResponse(
  db: Executor,
  occasionId: string,
  respondentId: string,
): Promise<ResponseRow | undefined> {
  const [row] = await db
    .select()
    .from(responses)
    .where(and(eq(responses.occasionId, occasionId), eq(responses.respondentId, respondentId)));
  return row;
}

export async function findResponseById(db: Executor, id: string): Promise<ResponseRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await responseById(db, { id });
  return row;
}

/** A response with its occasion, its round and its organisation's name: what a response page starts from. */
export interface ResponseInPlace {
  response: ResponseRow;
  occasion: Occasion;
  round: Round;
  organisationName: string;
}

const responseInPlace = prepared('situation_response_in_place', (db) =>
  db
    .select({ response: responses, occasion: occasions, round: rounds, organisationName: organisations.name })
    .from(responses)
    .innerJoin(occasions, eq(occasions.id, responses.occasionId))
    .innerJoin(rounds, eq(rounds.id, occasions.roundId))
    .innerJoin(organisations, eq(organisations.id, responses.organisationId))
    .where(eq(responses.id, sql.placeholder('id'))),
);

/** The response, its occasion, round and organisation in one statement; undefined if unknown. */
export async function findResponseInPlace(db: Executor, id: string): Promise<ResponseInPlace | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await responseInPlace(db, { id });
  return row;
}

export async function insertResponse(
  db: Executor,
  values: typeof responses.$inferInsert,
): Promise<ResponseRow> {
  const [row] = await db.insert(responses).values(values).onConflictDoNothing().returning();
  if (row) return row;
  const existing = await findResponse(db, values.occasionId, values.respondentId);
  return existing!;
}

/**
 * The response of a respondent at an occasion, locked for the rest of the transaction (FOR UPDATE); an empty
 * draft is made first where none exists, so a first save and a county's reopening lock the same row.
 */
export async function lockOrCreateResponse(
  tx: Executor,
  values: {
    occasionId: string;
    respondentId: string;
    countyCode: string;
    organisationId: string;
    updatedBy?: string;
  },
): Promise<ResponseRow> {
  await tx.insert(responses).values(values).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(responses)
    .where(and(eq(responses.occasionId, values.occasionId), eq(responses.respondentId, values.respondentId)))
    .for('update');
  return row!;
}

/** Writes a new state only if nobody saved since `expectedVersion` was read; undefined means a conflict. */
export async function updateResponse(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<
    Pick<
      ResponseRow,
      'answers' | 'invalidInput' | 'status' | 'submittedAt' | 'approvedAt' | 'returnComment' | 'reopened'
    >
  > & {
    updatedBy: string | null;
  },
  /** write only while the response is in one of these states (a respondent writes drafts and returned ones) */
  statusIn?: ResponseStatus[],
): Promise<ResponseRow | undefined> {
  const [row] = await db
    .update(responses)
    .set({ ...values, version: sql`${responses.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(responses.id, id),
        eq(responses.version, expectedVersion),
        statusIn ? inArray(responses.status, statusIn) : undefined,
      ),
    )
    .returning();
  return row;
}

/** Organisations of a round that have a response to any of its occasions (they cannot be removed). */
export async function respondentsWithResponses(db: Executor, roundId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ organisationId: responses.organisationId })
    .from(responses)
    .innerJoin(occasions, eq(occasions.id, responses.occasionId))
    .where(eq(occasions.roundId, roundId));
  return new Set(rows.map((r) => r.organisationId));
}

/** Organisations already answering the round for another county (a national partner answers once). */
export async function respondentsOfOtherCounties(db: Executor, roundId: string, countyCode: string) {
  return db
    .select({ organisationId: respondents.organisationId, countyCode: respondents.countyCode })
    .from(respondents)
    .where(and(eq(respondents.roundId, roundId), sql`${respondents.countyCode} <> ${countyCode}`));
}

/** The owning scope of a questionnaire version: null for a national template, else the county. */
export async function insertResponseVersion(
  db: Executor,
  values: {
    responseId: string;
    version: number;
    status: ResponseStatus;
    answers: Answers;
    note: string | null;
    changedBy: string | null;
    /** when (default now; the demo data places its history in the past) */
    changedAt?: Date;
  },
): Promise<void> {
  await db.insert(responseVersions).values(values);
}

export async function listResponseVersions(db: Executor, responseId: string) {
  return db
    .select({
      version: responseVersions.version,
      status: responseVersions.status,
      answers: responseVersions.answers,
      note: responseVersions.note,
      changedAt: responseVersions.changedAt,
      changedByName: users.name,
    })
    .from(responseVersions)
    .leftJoin(users, eq(users.id, responseVersions.changedBy))
    .where(eq(responseVersions.responseId, responseId))
    .orderBy(asc(responseVersions.version));
}

export interface ResponseWithOrg extends ResponseRow {
  organisationName: string;
  municipalityCode: string | null;
}

/**
 * Every respondent of an occasion in one county (or all counties) with its response, if any. With
 * `answerKeys`, only those answers are read (the compilation needs a few of a questionnaire's questions).
 */
export async function listOccasionResponses(
  db: Executor,
  occasionId: string,
  roundId: string,
  countyCode?: string,
  answerKeys?: string[],
  knownRespondents?: RespondentView[],
): Promise<Array<{ respondent: RespondentView; response: ResponseRow | null }>> {
  const [resp, rows] = await Promise.all([
    knownRespondents ?? listRespondents(db, roundId, countyCode),
    selectResponses(db, answerKeys).where(
      countyCode
        ? and(eq(responses.occasionId, occasionId), eq(responses.countyCode, countyCode))
        : eq(responses.occasionId, occasionId),
    ),
  ]);
  const byRespondent = new Map(rows.map((r) => [r.respondentId, r]));
  return resp.map((respondent) => ({ respondent, response: byRespondent.get(respondent.id) ?? null }));
}

/**
 * The same as `listOccasionResponses` for every occasion of the round at once (one query, not one per
 * occasion), without answers: what a round's page needs to show each occasion's completeness.
 */
export async function listRoundResponseStates(
  db: Executor,
  roundId: string,
  countyCode: string,
  roundOccasions: Occasion[],
  respondents: RespondentView[],
): Promise<Map<string, Array<{ respondent: RespondentView; response: ResponseRow | null }>>> {
  const rows = await selectResponses(db, [])
    .innerJoin(occasions, eq(occasions.id, responses.occasionId))
    .where(and(eq(occasions.roundId, roundId), eq(responses.countyCode, countyCode)));
  const byOccasion = new Map<string, Map<string, ResponseRow>>();
  for (const r of rows) {
    const of = byOccasion.get(r.occasionId) ?? new Map<string, ResponseRow>();
    of.set(r.respondentId, r);
    byOccasion.set(r.occasionId, of);
  }
  return new Map(
    roundOccasions.map((o) => [
      o.id,
      respondents.map((respondent) => ({
        respondent,
        response: byOccasion.get(o.id)?.get(respondent.id) ?? null,
      })),
    ]),
  );
}

/** Responses with all answers, or (with `answerKeys`) only those; `[]` reads none. */
function selectResponses(db: Executor, answerKeys: string[] | undefined) {
  // Direct key look-ups (answers -> 'key') are far cheaper than expanding every answer of every row.
  const answers =
    answerKeys === undefined
      ? responses.answers
      : answerKeys.length === 0
        ? sql<Answers>`'{}'::jsonb`
        : sql<Answers>`jsonb_strip_nulls(jsonb_build_object(${sql.join(
            answerKeys.map((k) => sql`${k}::text, ${responses.answers} -> ${k}::text`),
            sql`, `,
          )}))`;
  return db
    .select({
      id: responses.id,
      occasionId: responses.occasionId,
      respondentId: responses.respondentId,
      countyCode: responses.countyCode,
      organisationId: responses.organisationId,
      status: responses.status,
      answers,
      version: responses.version,
      reopened: responses.reopened,
      invalidInput: responses.invalidInput,
      returnComment: responses.returnComment,
      submittedAt: responses.submittedAt,
      approvedAt: responses.approvedAt,
      updatedBy: responses.updatedBy,
      updatedAt: responses.updatedAt,
    })
    .from(responses)
    .$dynamic();
}

/** Open assignments of the given organisations: occasions they are respondents for, newest first. */
export async function listAssignments(db: Executor, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      occasionId: occasions.id,
      occasionLabel: occasions.label,
      opensAt: occasions.opensAt,
      deadlineAt: occasions.deadlineAt,
      locksAt: occasions.locksAt,
      roundId: rounds.id,
      roundTitle: rounds.title,
      organisationId: respondents.organisationId,
      organisationName: organisations.name,
      respondentId: respondents.id,
      status: responses.status,
      reopened: responses.reopened,
    })
    .from(respondents)
    .innerJoin(rounds, eq(rounds.id, respondents.roundId))
    .innerJoin(occasions, eq(occasions.roundId, rounds.id))
    .innerJoin(organisations, eq(organisations.id, respondents.organisationId))
    .leftJoin(
      responses,
      and(eq(responses.occasionId, occasions.id), eq(responses.respondentId, respondents.id)),
    )
    .where(and(inArray(respondents.organisationId, organisationIds), isNull(rounds.cancelledAt)))
    .orderBy(desc(occasions.deadlineAt));
}

/** E-mail addresses of the reporters of an organisation (for returns and reminders). */
export async function reporterEmails(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, 'reporter'),
        isNull(users.disabledAt),
      ),
    );
  return rows.map((r) => r.email);
}

/** Occasions whose reminder is due: the deadline is within its reminder days and no reminder has gone out. */
export function listOccasionsDueForReminder(db: Executor): Promise<Occasion[]> {
  return db
    .select()
    .from(occasions)
    .where(
      and(
        isNull(occasions.remindedAt),
        // a cancelled round, or one closed early, reminds nobody
        sql`not exists (select 1 from rounds r where r.id = ${occasions.roundId}
              and (r.cancelled_at is not null or r.closed_at is not null))`,
        sql`${occasions.opensAt} <= now()`,
        sql`${occasions.deadlineAt} > now()`,
        sql`${occasions.deadlineAt} - make_interval(days => ${occasions.reminderDaysBefore}) <= now()`,
      ),
    );
}

export async function markReminded(db: Executor, occasionId: string): Promise<boolean> {
  const rows = await db
    .update(occasions)
    .set({ remindedAt: new Date() })
    .where(and(eq(occasions.id, occasionId), isNull(occasions.remindedAt)))
    .returning({ id: occasions.id });
  return rows.length === 1;
}

// Pictures

/** Every column but the snapshot: the state and the analyst's texts. */
const pictureColumns = {
  id: regionalPictures.id,
  occasionId: regionalPictures.occasionId,
  countyCode: regionalPictures.countyCode,
  status: regionalPictures.status,
  summaries: regionalPictures.summaries,
  quotes: regionalPictures.quotes,
  submittedAt: regionalPictures.submittedAt,
  updatedBy: regionalPictures.updatedBy,
  updatedAt: regionalPictures.updatedAt,
};

export async function findRegionalPicture(
  db: Executor,
  occasionId: string,
  countyCode: string,
): Promise<RegionalPictureRow | undefined> {
  const [row] = await db
    .select(pictureColumns)
    .from(regionalPictures)
    .where(and(eq(regionalPictures.occasionId, occasionId), eq(regionalPictures.countyCode, countyCode)));
  return row;
}

export function listRegionalPictures(db: Executor, occasionId: string): Promise<RegionalPictureRow[]> {
  return db.select(pictureColumns).from(regionalPictures).where(eq(regionalPictures.occasionId, occasionId));
}

/**
 * The county's regional picture of an occasion, locked for the rest of the transaction (FOR UPDATE); a draft
 * row is made first where none exists. Every change of a response and of the picture takes this lock first,
 * so a picture's submit and a response's change never overlap.
 */
export async function lockRegionalPicture(
  tx: Executor,
  occasionId: string,
  countyCode: string,
): Promise<RegionalPictureRow> {
  await tx.insert(regionalPictures).values({ occasionId, countyCode }).onConflictDoNothing();
  const [row] = await tx
    .select(pictureColumns)
    .from(regionalPictures)
    .where(and(eq(regionalPictures.occasionId, occasionId), eq(regionalPictures.countyCode, countyCode)))
    .for('update');
  return row!;
}

/** The analyst's texts of a draft picture (the caller holds the lock and has asked the lifecycle). */
export async function updateRegionalPicture(
  tx: Executor,
  id: string,
  values: { summaries: Record<string, string>; quotes: ChosenQuote[]; updatedBy: string | null },
): Promise<void> {
  await tx
    .update(regionalPictures)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(regionalPictures.id, id), eq(regionalPictures.status, 'draft')));
}

/**
 * Submits a draft picture with what it sends, and keeps what was sent in the picture's history of sendings;
 * false when it was already submitted (nothing changes).
 */
export async function markRegionalPictureSubmitted(
  tx: Executor,
  id: string,
  snapshot: RegionalPicture,
  at = new Date(),
  submittedBy: string | null = null,
): Promise<boolean> {
  const stored = storedPicture(snapshot);
  const rows = await tx
    .update(regionalPictures)
    .set({ status: 'submitted', submittedAt: at, snapshot: stored })
    .where(and(eq(regionalPictures.id, id), eq(regionalPictures.status, 'draft')))
    .returning({ id: regionalPictures.id, countyCode: regionalPictures.countyCode });
  const [row] = rows;
  if (!row) return false;
  await tx.insert(regionalPictureSubmissions).values({
    pictureId: row.id,
    countyCode: row.countyCode,
    snapshot: stored,
    submittedAt: at,
    submittedBy,
  });
  return true;
}

/**
 * Takes a sent picture back to a draft (the caller holds the lock and has asked the lifecycle): the picture
 * is compiled live again, and its latest sending in the history is marked recalled — what was sent stays.
 */
export async function markRegionalPictureRecalled(
  tx: Executor,
  id: string,
  recalledBy: string,
  at = new Date(),
): Promise<boolean> {
  const rows = await tx
    .update(regionalPictures)
    .set({ status: 'draft', submittedAt: null, snapshot: null, updatedBy: recalledBy, updatedAt: at })
    .where(and(eq(regionalPictures.id, id), eq(regionalPictures.status, 'submitted')))
    .returning({ id: regionalPictures.id });
  if (rows.length !== 1) return false;
  await tx
    .update(regionalPictureSubmissions)
    .set({ recalledAt: at, recalledBy })
    .where(and(eq(regionalPictureSubmissions.pictureId, id), isNull(regionalPictureSubmissions.recalledAt)));
  return true;
}

/** One sending of a regional picture: when, by whom, and whether and when it was recalled. */
export interface PictureSending {
  id: string;
  submittedAt: Date;
  submittedByName: string | null;
  recalledAt: Date | null;
  recalledByName: string | null;
}

/** A picture's sendings, the latest first (without their snapshots). */
export async function listPictureSendings(db: Executor, pictureId: string): Promise<PictureSending[]> {
  const rows = await queryRows<{
    id: string;
    submitted_at: Date | string;
    submitted_by_name: string | null;
    recalled_at: Date | string | null;
    recalled_by_name: string | null;
  }>(
    db,
    sql`select s.id, s.submitted_at, su.name as submitted_by_name, s.recalled_at, ru.name as recalled_by_name
        from regional_picture_submissions s
        left join users su on su.id = s.submitted_by
        left join users ru on ru.id = s.recalled_by
        where s.picture_id = ${pictureId}
        order by s.submitted_at desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    submittedAt: new Date(r.submitted_at),
    submittedByName: r.submitted_by_name,
    recalledAt: r.recalled_at === null ? null : new Date(r.recalled_at),
    recalledByName: r.recalled_by_name,
  }));
}

/** What one sending sent, as it was sent. */
export async function findSendingSnapshot(
  db: Executor,
  pictureId: string,
  sendingId: string,
): Promise<RegionalPicture | undefined> {
  if (!isUuid(sendingId)) return undefined;
  const [row] = await db
    .select({ snapshot: regionalPictureSubmissions.snapshot })
    .from(regionalPictureSubmissions)
    .where(
      and(eq(regionalPictureSubmissions.id, sendingId), eq(regionalPictureSubmissions.pictureId, pictureId)),
    );
  return row ? revivedPicture(row.snapshot) : undefined;
}

/** A snapshot for a picture submitted before snapshots existed (a first reader makes it). */
export async function storeMissingSnapshot(
  db: Executor,
  id: string,
  snapshot: RegionalPicture,
): Promise<void> {
  await db
    .update(regionalPictures)
    .set({ snapshot: storedPicture(snapshot) })
    .where(
      and(
        eq(regionalPictures.id, id),
        eq(regionalPictures.status, 'submitted'),
        isNull(regionalPictures.snapshot),
      ),
    );
}

const storedPicture = (p: RegionalPicture): StoredRegionalPicture =>
  JSON.parse(JSON.stringify(p)) as StoredRegionalPicture;

/** jsonb keeps dates as strings: the picture's two dates become Dates again. */
const revivedPicture = (p: StoredRegionalPicture): RegionalPicture => ({
  ...p,
  meta: { ...p.meta, deadlineAt: new Date(p.meta.deadlineAt) },
  submittedAt: p.submittedAt === null ? null : new Date(p.submittedAt),
});

export async function findRegionalSnapshot(db: Executor, id: string): Promise<RegionalPicture | undefined> {
  const [row] = await db
    .select({ snapshot: regionalPictures.snapshot })
    .from(regionalPictures)
    .where(eq(regionalPictures.id, id));
  return row?.snapshot ? revivedPicture(row.snapshot) : undefined;
}

/** What the national compilation reads of a submitted picture's snapshot (null: submitted without one). */
export interface SubmittedPicture {
  id: string;
  countyCode: string;
  summaries: Record<string, string>;
  rows: RiskRow[];
  measureCounts: Record<string, Record<MeasureStatus, number>>;
  completeness: Completeness;
}

/** As read: a picture submitted before snapshots existed has none of the snapshot's parts. */
export type SubmittedPictureRow = Pick<SubmittedPicture, 'id' | 'countyCode' | 'summaries'> & {
  [K in 'rows' | 'measureCounts' | 'completeness']: SubmittedPicture[K] | null;
};

/** The submitted pictures of an occasion: only the parts of each snapshot the national picture shows. */
export function listSubmittedPictures(db: Executor, occasionId: string): Promise<SubmittedPictureRow[]> {
  return db
    .select({
      id: regionalPictures.id,
      countyCode: regionalPictures.countyCode,
      summaries: regionalPictures.summaries,
      rows: sql<RiskRow[] | null>`${regionalPictures.snapshot} -> 'rows'`,
      measureCounts: sql<
        SubmittedPicture['measureCounts'] | null
      >`${regionalPictures.snapshot} -> 'measureCounts'`,
      completeness: sql<Completeness | null>`${regionalPictures.snapshot} -> 'completeness'`,
    })
    .from(regionalPictures)
    .where(and(eq(regionalPictures.occasionId, occasionId), eq(regionalPictures.status, 'submitted')));
}

/**
 * The national compilation of an occasion, locked for the rest of the transaction (a row is made first where
 * none exists). Its close and a county's recall or sending take this lock, the county's after its own
 * picture's: whichever comes second sees the other's result.
 */
export async function lockNationalPicture(tx: Executor, occasionId: string) {
  await tx.insert(nationalPictures).values({ occasionId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(nationalPictures)
    .where(eq(nationalPictures.occasionId, occasionId))
    .for('update');
  return row!;
}

export async function closeNationalPicture(
  tx: Executor,
  occasionId: string,
  closedBy: string,
  at = new Date(),
): Promise<void> {
  await tx
    .update(nationalPictures)
    .set({ closedAt: at, closedBy })
    .where(and(eq(nationalPictures.occasionId, occasionId), isNull(nationalPictures.closedAt)));
}

/** E-mail addresses of the national coordinators (told when a county recalls its picture). */
export async function coordinatorEmails(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, 'national_coordinator'), isNull(users.disabledAt)));
  return rows.map((r) => r.email);
}

export async function findNationalPicture(db: Executor, occasionId: string) {
  const [row] = await nationalPictureOf(db, { occasionId });
  return row;
}

export async function upsertNationalPicture(
  db: Executor,
  values: { occasionId: string; summaries: Record<string, string>; updatedBy: string | null },
): Promise<void> {
  await db
    .insert(nationalPictures)
    .values(values)
    .onConflictDoUpdate({
      target: nationalPictures.occasionId,
      set: { summaries: values.summaries, updatedBy: values.updatedBy, updatedAt: new Date() },
    });
}

/** Raw aggregate for the benchmark's baseline and a cross-check: respondents per area question × level. */
export function aggregateLevels(db: Executor, occasionId: string, questionIds: string[]) {
  return queryRows<{ question_id: string; level: string; n: number }>(
    db,
    sql`select a.key as question_id, a.value as level, count(*)::int as n
        from responses r, jsonb_each_text(r.answers) a
        where r.occasion_id = ${occasionId} and r.status in ('submitted', 'approved')
          and a.key in (${sql.join(
            questionIds.map((q) => sql`${q}`),
            sql`, `,
          )})
        group by 1, 2`,
  );
}

/** Each response's status at an occasion, for completeness without reading any answers. */
export function listResponseStatuses(
  db: Executor,
  occasionId: string,
): Promise<Array<{ respondentId: string; status: ResponseStatus; submittedAt: Date | null }>> {
  return db
    .select({
      respondentId: responses.respondentId,
      status: responses.status,
      submittedAt: responses.submittedAt,
    })
    .from(responses)
    .where(eq(responses.occasionId, occasionId));
}

/** An occasion with its round, the round's questionnaire and all the round's occasions: one round trip. */
export async function findOccasionContext(
  db: Executor,
  occasionId: string,
): Promise<{ occasion: Occasion; round: Round; definition: Definition; occasions: Occasion[] } | undefined> {
  if (!isUuid(occasionId)) return undefined;
  const sameRound = sql`(select o2.round_id from occasions o2 where o2.id = ${occasionId})`;
  const [[row], all] = await Promise.all([
    db
      .select({ occasion: occasions, round: rounds, definition: questionnaireVersions.definition })
      .from(occasions)
      .innerJoin(rounds, eq(rounds.id, occasions.roundId))
      .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, rounds.questionnaireVersionId))
      .where(eq(occasions.id, occasionId)),
    db
      .select()
      .from(occasions)
      .where(sql`${occasions.roundId} = ${sameRound}`)
      .orderBy(asc(occasions.sequence)),
  ]);
  return row ? { ...row, occasions: all } : undefined;
}

// Changing a round: its lock, its occasions' dates, its history; telling respondents an occasion is open

/** The round, locked for the rest of the transaction: every change of a round or its dates takes it first. */
export async function lockRound(tx: Executor, id: string): Promise<Round | undefined> {
  const [row] = await tx.select().from(rounds).where(eq(rounds.id, id)).for('update');
  return row;
}

/**
 * The round, share-locked: an answer takes this before it writes, so that it and a cancel or a change of
 * dates (which take the round FOR UPDATE) happen one after the other, each seeing the other's result.
 */
export async function shareLockRound(tx: Executor, id: string): Promise<Round | undefined> {
  const [row] = await tx.select().from(rounds).where(eq(rounds.id, id)).for('share');
  return row;
}

/** Whether anyone has started answering the round (a response to any of its occasions exists). */
export async function roundHasResponses(db: Executor, roundId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: responses.id })
    .from(responses)
    .innerJoin(occasions, eq(occasions.id, responses.occasionId))
    .where(eq(occasions.roundId, roundId))
    .limit(1);
  return row !== undefined;
}

export async function updateRound(
  tx: Executor,
  id: string,
  values: Partial<Pick<Round, 'title' | 'topic' | 'closedAt' | 'cancelledAt'>>,
): Promise<void> {
  await tx.update(rounds).set(values).where(eq(rounds.id, id));
}

export async function updateOccasion(
  tx: Executor,
  id: string,
  values: Partial<
    Pick<Occasion, 'label' | 'opensAt' | 'deadlineAt' | 'locksAt' | 'reminderDaysBefore' | 'remindedAt'>
  >,
): Promise<void> {
  await tx.update(occasions).set(values).where(eq(occasions.id, id));
}

/** Removes a round with its occasions and respondents (the caller has checked nobody answered). */
export async function deleteRound(tx: Executor, id: string): Promise<void> {
  await tx.delete(respondents).where(eq(respondents.roundId, id));
  await tx.delete(rounds).where(eq(rounds.id, id));
}

/** Occasions open for answers now in rounds that take answers, with their round: whom to tell. */
export function listOpenOccasions(db: Executor, roundId?: string) {
  return db
    .select({ occasion: occasions, round: rounds })
    .from(occasions)
    .innerJoin(rounds, eq(rounds.id, occasions.roundId))
    .where(
      and(
        sql`${occasions.opensAt} <= now()`,
        sql`${occasions.deadlineAt} > now()`,
        isNull(rounds.cancelledAt),
        isNull(rounds.closedAt),
        eq(rounds.isTest, false),
        roundId ? eq(rounds.id, roundId) : undefined,
      ),
    );
}

/**
 * The occasion's respondents not yet told that it is open, each with its reporters' addresses (one row per
 * reporter; a respondent without reporters has none, and is told when it has one).
 */
export function listUntoldReporters(db: Executor, occasionId: string, roundId: string) {
  return db
    .select({
      respondentId: respondents.id,
      organisationId: respondents.organisationId,
      name: organisations.name,
      countyCode: respondents.countyCode,
      email: users.email,
    })
    .from(respondents)
    .innerJoin(organisations, eq(organisations.id, respondents.organisationId))
    .innerJoin(
      memberships,
      and(eq(memberships.organisationId, respondents.organisationId), eq(memberships.role, 'reporter')),
    )
    .innerJoin(users, and(eq(users.id, memberships.userId), isNull(users.disabledAt)))
    .leftJoin(
      occasionNotices,
      and(eq(occasionNotices.respondentId, respondents.id), eq(occasionNotices.occasionId, occasionId)),
    )
    .where(and(eq(respondents.roundId, roundId), isNull(occasionNotices.occasionId)))
    .orderBy(asc(respondents.id), asc(users.email));
}

/** The round's respondents told that one of its occasions was open. */
export function listToldRespondents(db: Executor, roundId: string) {
  return db
    .selectDistinct({ organisationId: respondents.organisationId, name: organisations.name })
    .from(respondents)
    .innerJoin(organisations, eq(organisations.id, respondents.organisationId))
    .innerJoin(occasionNotices, eq(occasionNotices.respondentId, respondents.id))
    .where(eq(respondents.roundId, roundId));
}

/** Records that a respondent was told; false when someone else recorded it first (then nothing is sent). */
export async function recordNotice(tx: Executor, occasionId: string, respondentId: string): Promise<boolean> {
  const rows = await tx
    .insert(occasionNotices)
    .values({ occasionId, respondentId })
    .onConflictDoNothing()
    .returning({ occasionId: occasionNotices.occasionId });
  return rows.length === 1;
}

export interface Contact {
  name: string;
  email: string;
}

/** Whom a respondent contacts about a task: the county's admins, by name. */
export async function countyContacts(db: Executor, countyCode: string): Promise<Contact[]> {
  const rows = await db
    .selectDistinct({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.role, 'county_admin'),
        eq(memberships.countyCode, countyCode),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.name));
  return rows;
}

export interface RoundHistoryEntry {
  occurredAt: Date;
  action: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

/** The round's changes, newest first: its audit entries and its occasions'. */
export function listRoundHistory(db: Executor, roundId: string): Promise<RoundHistoryEntry[]> {
  return db
    .select({
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      actorName: users.name,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, 'round'), eq(auditLog.entityId, roundId)))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id));
}

/**
 * A fingerprint of every row a compiled picture of the occasion is made from: the round and its occasions,
 * respondents (with their organisations' names), responses, regional pictures and their sendings, the
 * national compilation, and the map's boundaries. PostgreSQL gives every new row version a new transaction
 * id (`xmin`), so any insert, update or delete among them changes the fingerprint, whichever process made
 * it; a vacuum that freezes old rows may change it too (one needless new rendering, never a stale one).
 * With a county, only that county's respondents, responses and picture count.
 */
export async function occasionFingerprint(
  db: Db,
  occasionId: string,
  countyCode: string | null,
): Promise<string> {
  if (!isUuid(occasionId)) return '';
  const [row] = await fingerprintOf(db, [occasionId, countyCode]);
  return row?.v ?? '';
}

/** `$1` the occasion, `$2` the county or null: the fingerprint as one text `v`. */
const FINGERPRINT = `with o as (select round_id from occasions where id = $1),
  sums(part, n, s, m) as (
    select 'occasions', count(*), sum(x.xmin::text::bigint), max(x.xmin::text::bigint)
      from occasions x where x.round_id = (select round_id from o)
    union all select 'rounds', count(*), sum(x.xmin::text::bigint), max(x.xmin::text::bigint)
      from rounds x where x.id = (select round_id from o)
    union all select 'respondents', count(*), sum(x.xmin::text::bigint + g.xmin::text::bigint), max(x.xmin::text::bigint)
      from respondents x join organisations g on g.id = x.organisation_id
      where x.round_id = (select round_id from o) and ($2::text is null or x.county_code = $2::text)
    union all select 'responses', count(*), sum(x.xmin::text::bigint), max(x.xmin::text::bigint)
      from responses x join occasions y on y.id = x.occasion_id
      where y.round_id = (select round_id from o) and ($2::text is null or x.county_code = $2::text)
    union all select 'pictures', count(*), sum(x.xmin::text::bigint), max(x.xmin::text::bigint)
      from regional_pictures x join occasions y on y.id = x.occasion_id
      where y.round_id = (select round_id from o) and ($2::text is null or x.county_code = $2::text)
    union all select 'sendings', count(*), sum(s.xmin::text::bigint), max(s.xmin::text::bigint)
      from regional_picture_submissions s join regional_pictures x on x.id = s.picture_id
      where x.occasion_id = $1 and ($2::text is null or x.county_code = $2::text)
    union all select 'national', count(*), sum(x.xmin::text::bigint), max(x.xmin::text::bigint)
      from national_pictures x where x.occasion_id = $1
    union all select 'boundaries', count(*), sum(x.xmin::text::bigint), max(x.xmin::text::bigint)
      from boundaries x
  )
  select string_agg(part || ':' || n || ':' || coalesce(s, 0) || ':' || coalesce(m, 0), '|' order by part) as v
  from sums`;

const fingerprintOf = preparedSql<{ v: string | null }>('situation_occasion_fingerprint', FINGERPRINT);

/** What a page kept per version must know before it can use what it kept: whose round it is, and its version. */
export interface RoundPageVersion {
  round: Pick<Round, 'scope' | 'countyCode'>;
  fingerprint: string;
}

/**
 * A round's page in a county, as one fingerprint with the round's owner, in one statement: the round and its
 * occasions, the county's respondents (with their organisations), the county's responses, whether anyone in
 * the round has answered, the organisations the county may choose from, and the round's history (with its
 * actors). As `occasionFingerprint`: any insert, update or delete among them changes it. Undefined when there
 * is no such round.
 */
async function readRoundPageVersion(
  db: Db,
  roundId: string,
  countyCode: string,
): Promise<RoundPageVersion | undefined> {
  if (!isUuid(roundId)) return undefined;
  const [row] = await roundPageVersionOf(db, [roundId, countyCode]);
  return row && { round: { scope: row.scope, countyCode: row.county_code }, fingerprint: row.v ?? '' };
}

/** roundPageVersion kept until one of the tables it fingerprints changes (see keptUntilChanged). */
export const roundPageVersion = keptUntilChanged(
  ['rounds', 'occasions', 'respondents', 'organisations', 'responses', 'audit_log', 'users'],
  readRoundPageVersion,
  (roundId, countyCode) => `${roundId}\0${countyCode}`,
);

const roundPageVersionOf = preparedSql<{
  scope: Round['scope'];
  county_code: string | null;
  v: string | null;
}>(
  'situation_round_page_version',
  `with sums(part, n, s, m) as (
     select 'rounds', count(*), sum(x.xmin::text::bigint), max(x.xmin::text::bigint)
       from rounds x where x.id = $1::uuid
     union all select 'occasions', count(*), sum(x.xmin::text::bigint), max(x.xmin::text::bigint)
       from occasions x where x.round_id = $1::uuid
     union all select 'respondents', count(*), sum(x.xmin::text::bigint + g.xmin::text::bigint), max(x.xmin::text::bigint)
       from respondents x join organisations g on g.id = x.organisation_id
      where x.round_id = $1::uuid and x.county_code = $2::text
     union all select 'responses', count(*), sum(x.xmin::text::bigint), max(x.xmin::text::bigint)
       from responses x join occasions y on y.id = x.occasion_id
      where y.round_id = $1::uuid and x.county_code = $2::text
     union all select 'answered', count(*), 0, 0
       from (select 1 from responses x join occasions y on y.id = x.occasion_id
              where y.round_id = $1::uuid limit 1) a
     union all select 'organisations', count(*), sum(g.xmin::text::bigint), max(g.xmin::text::bigint)
       from organisations g where g.county_code = $2::text or g.county_code is null
     union all select 'history', count(*), sum(a.id + coalesce(u.xmin::text::bigint, 0)), max(a.id)
       from audit_log a left join users u on u.id = a.actor_id
      where a.entity_type = 'round' and a.entity_id = $1::text
   )
   select r.scope, r.county_code,
          (select string_agg(part || ':' || n || ':' || coalesce(s, 0) || ':' || coalesce(m, 0), '|' order by part)
             from sums) as v
     from rounds r where r.id = $1::uuid`,
);

/** What a response's page must know before it can use what it kept: whose response and round, and its version. */
export interface ResponsePageVersion {
  round: Pick<Round, 'scope' | 'countyCode'>;
  /** the county the response belongs to */
  countyCode: string;
  fingerprint: string;
}

/**
 * A response's page as one fingerprint with the response's county and its round's owner, in one statement:
 * the response, its occasion and round, its organisation, its versions (with the names of who made them) and
 * the county's regional picture of the occasion (which decides what may still be done). As
 * `occasionFingerprint`: any insert, update or delete among them changes it. Undefined for no such response.
 */
async function readResponsePageVersion(db: Db, responseId: string): Promise<ResponsePageVersion | undefined> {
  if (!isUuid(responseId)) return undefined;
  const [row] = await responsePageVersionOf(db, [responseId]);
  return (
    row && {
      round: { scope: row.scope, countyCode: row.round_county_code },
      countyCode: row.county_code,
      fingerprint: row.v ?? '',
    }
  );
}

/** responsePageVersion kept until one of the tables it fingerprints changes (see keptUntilChanged). */
export const responsePageVersion = keptUntilChanged(
  ['responses', 'occasions', 'rounds', 'organisations', 'response_versions', 'users', 'regional_pictures'],
  readResponsePageVersion,
  (responseId) => responseId,
);

const responsePageVersionOf = preparedSql<{
  scope: Round['scope'];
  round_county_code: string | null;
  county_code: string;
  v: string | null;
}>(
  'situation_response_page_version',
  `select rd.scope, rd.county_code as round_county_code, x.county_code,
          concat_ws(':', x.xmin::text, oc.xmin::text, rd.xmin::text, g.xmin::text,
            (select count(*) || '/' || coalesce(sum(v.xmin::text::bigint + coalesce(u.xmin::text::bigint, 0)), 0)
               from response_versions v left join users u on u.id = v.changed_by
              where v.response_id = x.id),
            (select coalesce(max(p.xmin::text), '-') from regional_pictures p
              where p.occasion_id = x.occasion_id and p.county_code = x.county_code)) as v
     from responses x
     join occasions oc on oc.id = x.occasion_id
     join rounds rd on rd.id = oc.round_id
     join organisations g on g.id = x.organisation_id
    where x.id = $1::uuid`,
);

/** What a picture page must know before it can use what it kept: whose round it is, and its version. */
export interface PictureVersion {
  round: Pick<Round, 'scope' | 'countyCode'>;
  fingerprint: string;
}

/**
 * The occasion's round (to decide who may see it) and its fingerprint, in one statement: everything a kept
 * picture page asks the database besides the session. Undefined when the occasion is not the round's.
 */
async function readPictureVersion(
  db: Db,
  roundId: string,
  occasionId: string,
  countyCode: string | null,
): Promise<PictureVersion | undefined> {
  if (!isUuid(roundId) || !isUuid(occasionId)) return undefined;
  const [row] = await pictureVersionOf(db, [occasionId, countyCode, roundId]);
  return row && { round: { scope: row.scope, countyCode: row.county_code }, fingerprint: row.v ?? '' };
}

/** pictureVersion kept until one of the tables it fingerprints changes (see keptUntilChanged). */
export const pictureVersion = keptUntilChanged(
  [
    'occasions',
    'rounds',
    'respondents',
    'organisations',
    'responses',
    'regional_pictures',
    'regional_picture_submissions',
    'national_pictures',
    'boundaries',
  ],
  readPictureVersion,
  (roundId, occasionId, countyCode) => `${roundId}\0${occasionId}\0${countyCode ?? ''}`,
);

const pictureVersionOf = preparedSql<{ scope: Round['scope']; county_code: string | null; v: string | null }>(
  'situation_picture_version',
  `with fingerprint as (${FINGERPRINT})
  select r.scope, r.county_code, (select v from fingerprint) as v
  from occasions oc join rounds r on r.id = oc.round_id
  where oc.id = $1 and oc.round_id = $3`,
);
