import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { isUuid } from '../../platform/validation.ts';
import type { Definition } from './definition.ts';
import { questionnaires, questionnaireVersions } from './tables.ts';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type QuestionnaireVersionRow = typeof questionnaireVersions.$inferSelect;

/**
 * Where a questionnaire belongs: the capability that owns it (a module's name) and one county, or county
 * null for a national questionnaire of that capability.
 */
export interface FormScope {
  owner: string;
  countyCode: string | null;
}

const inScope = (scope: FormScope) =>
  and(
    eq(questionnaires.owner, scope.owner),
    scope.countyCode ? eq(questionnaires.countyCode, scope.countyCode) : isNull(questionnaires.countyCode),
  );

/** The scope's own and, for a county, also its capability's national questionnaires. */
const usableIn = (scope: FormScope) =>
  and(
    eq(questionnaires.owner, scope.owner),
    scope.countyCode
      ? or(isNull(questionnaires.countyCode), eq(questionnaires.countyCode, scope.countyCode))
      : isNull(questionnaires.countyCode),
  );

export interface QuestionnaireSummary {
  id: string;
  title: string;
  countyCode: string | null;
  latestVersion: number;
  latestVersionId: string;
  /** the latest version is in use, so a change makes a new version */
  inUse: boolean;
}

/** A scope's own questionnaires: national ones (county null) or exactly one county's. */
export async function listQuestionnaires(db: Executor, scope: FormScope): Promise<QuestionnaireSummary[]> {
  const rows = await db
    .select({
      id: questionnaires.id,
      title: questionnaires.title,
      countyCode: questionnaires.countyCode,
      versionId: questionnaireVersions.id,
      version: questionnaireVersions.version,
      inUse: questionnaireVersions.inUse,
    })
    .from(questionnaires)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.questionnaireId, questionnaires.id))
    .where(inScope(scope))
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
      inUse: r.inUse,
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
): Promise<{ questionnaire: QuestionnaireRow; versions: QuestionnaireVersionRow[] } | undefined> {
  const questionnaire = await findQuestionnaire(db, id);
  if (!questionnaire) return undefined;
  const versions = await db
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, id))
    .orderBy(desc(questionnaireVersions.version));
  return { questionnaire, versions };
}

/**
 * The newest version. With `lock`, its row is locked too: a capability that starts to use the version
 * (markVersionInUse writes the row) waits for the edit to commit, and an edit waits for that use to commit
 * and then sees it, so a version never changes after it is in use.
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

/**
 * The capability starts to use a version: from now on it is frozen. Call it in the transaction that writes
 * the reference (the round, the form), so the mark and the use commit together.
 */
export async function markVersionInUse(db: Executor, versionId: string): Promise<void> {
  await db
    .update(questionnaireVersions)
    .set({ inUse: true })
    .where(and(eq(questionnaireVersions.id, versionId), eq(questionnaireVersions.inUse, false)));
}

export async function insertVersion(
  db: Executor,
  values: { questionnaireId: string; version: number; definition: Definition; createdBy: string | null },
): Promise<QuestionnaireVersionRow> {
  const [row] = await db.insert(questionnaireVersions).values(values).returning();
  return row!;
}

/**
 * Changes a version's definition in place, only while it is not in use; returns undefined (and writes
 * nothing) when it is.
 */
export async function updateVersionDefinition(
  db: Executor,
  versionId: string,
  definition: Definition,
): Promise<QuestionnaireVersionRow | undefined> {
  const [row] = await db
    .update(questionnaireVersions)
    .set({ definition })
    .where(and(eq(questionnaireVersions.id, versionId), eq(questionnaireVersions.inUse, false)))
    .returning();
  return row;
}

export async function renameQuestionnaire(db: Executor, id: string, title: string): Promise<void> {
  await db.update(questionnaires).set({ title }).where(eq(questionnaires.id, id));
}

/** Whether the scope already has a questionnaire with this title (case-insensitive). */
export async function titleTaken(
  db: Executor,
  scope: FormScope,
  title: string,
  exceptId?: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(and(inScope(scope), sql`lower(${questionnaires.title}) = lower(${title})`));
  return rows.some((r) => r.id !== exceptId);
}

/** A new questionnaire in the scope, with its first version. */
export async function insertQuestionnaire(
  db: Executor,
  values: { scope: FormScope; title: string; createdBy: string | null; definition: Definition },
): Promise<QuestionnaireVersionRow> {
  const [q] = await db
    .insert(questionnaires)
    .values({
      owner: values.scope.owner,
      countyCode: values.scope.countyCode,
      title: values.title,
      createdBy: values.createdBy,
    })
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
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, id));
  return row;
}

/** A version the scope may use (its own or its capability's national questionnaires), or undefined. */
export async function findUsableVersion(
  db: Executor,
  scope: FormScope,
  versionId: string,
): Promise<QuestionnaireVersionRow | undefined> {
  if (!isUuid(versionId)) return undefined;
  const [row] = await db
    .select({ version: questionnaireVersions })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(questionnaireVersions.id, versionId), usableIn(scope)));
  return row?.version;
}

/** The newest version of each questionnaire usable in the scope (a county: national ones and its own). */
export async function listQuestionnaireVersions(
  db: Executor,
  scope: FormScope,
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
    .where(usableIn(scope))
    .orderBy(asc(questionnaires.title), desc(questionnaireVersions.version));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.qid) ? false : (seen.add(r.qid), true)));
}
