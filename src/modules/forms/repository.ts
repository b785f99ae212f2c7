import { isUuid } from '../../platform/validation.ts';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Definition } from './definition.ts';
import { rounds } from '../situation/tables.ts';
import { questionnaires, questionnaireVersions } from './tables.ts';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type QuestionnaireVersionRow = typeof questionnaireVersions.$inferSelect;

export interface QuestionnaireSummary {
  id: string;
  title: string;
  countyCode: string | null;
  latestVersion: number;
  latestVersionId: string;
  /** a round references the latest version, so a change makes a new version */
  inUse: boolean;
}

/** A scope's own questionnaires: national ones (county null) or exactly one county's. */
export async function listQuestionnaires(
  db: Executor,
  countyCode: string | null,
): Promise<QuestionnaireSummary[]> {
  const rows = await db
    .select({
      id: questionnaires.id,
      title: questionnaires.title,
      countyCode: questionnaires.countyCode,
      versionId: questionnaireVersions.id,
      version: questionnaireVersions.version,
      inUse: sql<boolean>`exists (select 1 from ${rounds} where ${rounds.questionnaireVersionId} = ${questionnaireVersions.id})`,
    })
    .from(questionnaires)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.questionnaireId, questionnaires.id))
    .where(countyCode ? eq(questionnaires.countyCode, countyCode) : isNull(questionnaires.countyCode))
    .orderBy(asc(questionnaires.title), asc(questionnaires.id), desc(questionnaireVersions.version));
  const seen = new Set<string>();
  const out: QuestionnaireSummary[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({
      id: r.id,
      title: r.title,
      countyCode: r.countyCode,
      latestVersion: r.version,
      latestVersionId: r.versionId,
      inUse: Boolean(r.inUse),
    });
  }
  return out;
}

export async function findQuestionnaire(db: Executor, id: string): Promise<QuestionnaireRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.id, id));
  return row;
}

/** The questionnaire row locked until the transaction ends, so edits of one questionnaire run one at a time. */
export async function lockQuestionnaire(db: Executor, id: string): Promise<QuestionnaireRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.id, id)).for('update');
  return row;
}

export async function findQuestionnaireWithVersions(
  db: Executor,
  id: string,
): Promise<
  | { questionnaire: QuestionnaireRow; versions: Array<QuestionnaireVersionRow & { inUse: boolean }> }
  | undefined
> {
  const questionnaire = await findQuestionnaire(db, id);
  if (!questionnaire) return undefined;
  const versions = await db
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, id))
    .orderBy(desc(questionnaireVersions.version));
  const used = await versionsInUse(
    db,
    versions.map((v) => v.id),
  );
  return { questionnaire, versions: versions.map((v) => ({ ...v, inUse: used.has(v.id) })) };
}

/**
 * The newest version. With `lock`, its row is locked too: opening a round (which references the row)
 * waits for the edit to commit, so a version never changes after a round has started to use it.
 */
export async function findLatestVersion(
  db: Executor,
  questionnaireId: string,
  opts: { lock?: boolean } = {},
): Promise<QuestionnaireVersionRow | undefined> {
  const query = db
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId))
    .orderBy(desc(questionnaireVersions.version))
    .limit(1);
  const [row] = opts.lock ? await query.for('update') : await query;
  return row;
}

export async function findVersion(
  db: Executor,
  questionnaireId: string,
  version: number,
): Promise<QuestionnaireVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(questionnaireVersions)
    .where(
      and(
        eq(questionnaireVersions.questionnaireId, questionnaireId),
        eq(questionnaireVersions.version, version),
      ),
    );
  return row;
}

export async function isVersionInUse(db: Executor, versionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: rounds.id })
    .from(rounds)
    .where(eq(rounds.questionnaireVersionId, versionId))
    .limit(1);
  return row !== undefined;
}

async function versionsInUse(db: Executor, versionIds: string[]): Promise<Set<string>> {
  if (versionIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: rounds.questionnaireVersionId })
    .from(rounds)
    .where(inArray(rounds.questionnaireVersionId, versionIds));
  return new Set(rows.map((r) => r.id));
}

export async function insertVersion(
  db: Executor,
  values: { questionnaireId: string; version: number; definition: Definition; createdBy: string | null },
): Promise<QuestionnaireVersionRow> {
  const [row] = await db.insert(questionnaireVersions).values(values).returning();
  return row!;
}

/**
 * Changes a version's definition in place, only while no round uses it; returns undefined (and writes
 * nothing) when one does.
 */
export async function updateVersionDefinition(
  db: Executor,
  versionId: string,
  definition: Definition,
): Promise<QuestionnaireVersionRow | undefined> {
  const [row] = await db
    .update(questionnaireVersions)
    .set({ definition })
    .where(
      and(
        eq(questionnaireVersions.id, versionId),
        sql`not exists (select 1 from ${rounds} where ${rounds.questionnaireVersionId} = ${questionnaireVersions.id})`,
      ),
    )
    .returning();
  return row;
}

export async function renameQuestionnaire(db: Executor, id: string, title: string): Promise<void> {
  await db.update(questionnaires).set({ title }).where(eq(questionnaires.id, id));
}

/** Whether the scope already has a questionnaire with this title (case-insensitive). */
export async function titleTaken(
  db: Executor,
  countyCode: string | null,
  title: string,
  exceptId?: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(
      and(
        countyCode ? eq(questionnaires.countyCode, countyCode) : isNull(questionnaires.countyCode),
        sql`lower(${questionnaires.title}) = lower(${title})`,
      ),
    );
  return rows.some((r) => r.id !== exceptId);
}


export async function insertQuestionnaire(
  db: Executor,
  values: { title: string; countyCode: string | null; createdBy: string | null; definition: Definition },
): Promise<QuestionnaireVersionRow> {
  const [q] = await db
    .insert(questionnaires)
    .values({ title: values.title, countyCode: values.countyCode, createdBy: values.createdBy })
    .returning();
  const [v] = await db
    .insert(questionnaireVersions)
    .values({
      questionnaireId: q!.id,
      version: 1,
      definition: values.definition,
      createdBy: values.createdBy,
    })
    .returning();
  return v!;
}

export async function findQuestionnaireVersion(
  db: Executor,
  id: string,
): Promise<QuestionnaireVersionRow | undefined> {
  const [row] = await db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, id));
  return row;
}

/** The newest version of each questionnaire usable in a county (national ones and the county's own). */
export async function listQuestionnaireVersions(
  db: Executor,
  countyCode: string | null,
): Promise<Array<{ versionId: string; title: string; version: number }>> {
  const rows = await db
    .select({
      versionId: questionnaireVersions.id,
      title: questionnaires.title,
      version: questionnaireVersions.version,
      qid: questionnaires.id,
    })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(
      countyCode
        ? or(isNull(questionnaires.countyCode), eq(questionnaires.countyCode, countyCode))
        : isNull(questionnaires.countyCode),
    )
    .orderBy(asc(questionnaires.title), desc(questionnaireVersions.version));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.qid) ? false : (seen.add(r.qid), true)));
}

export async function questionnaireCountyOf(
  db: Executor,
  versionId: string,
): Promise<string | null | undefined> {
  const [row] = await db
    .select({ countyCode: questionnaires.countyCode })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(eq(questionnaireVersions.id, versionId));
  return row ? row.countyCode : undefined;
}
