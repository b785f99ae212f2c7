/**
 * A synthetic national round for the lägesbild benchmark: one national questionnaire, one round with
 * its occasions, every chosen municipality and region as respondent, and a response per respondent and
 * occasion with plausible answers. Deterministic (seeded), inserted directly with drizzle in batches.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../src/db/client.ts';
import { counties, organisations } from '../src/modules/reference/tables.ts';
import {
  CHANGE_OPTIONS,
  DEFAULT_TEMPLATE_TITLE,
  defaultDefinition,
} from '../src/modules/situation/default-template.ts';
import {
  allQuestions,
  definitionSchema,
  measureStatuses,
  type Answers,
  type Definition,
  type Measure,
  type Question,
  type QuestionType,
} from '../src/modules/forms/definition.ts';
import { questionnaireVersions, questionnaires } from '../src/modules/forms/tables.ts';
import {
  occasions,
  regionalPictures,
  respondents,
  responses,
  rounds,
  type ResponseStatus,
} from '../src/modules/situation/tables.ts';

export interface RoundSize {
  /** how many counties take part (the first by länskod) */
  counties: number;
  /** municipalities answering, the first by kommunkod within those counties */
  municipalities: number;
  /** regions answering, one per county at most */
  regions: number;
  /** questions in the questionnaire: the six risk areas' 24 plus extra scale/single/text questions */
  questions: number;
  occasions: number;
}

export const NATIONAL_ROUND: RoundSize = {
  counties: 21,
  municipalities: 290,
  regions: 21,
  questions: 60,
  occasions: 2,
};

export interface GeneratedRound {
  roundId: string;
  questionnaireVersionId: string;
  /** in sequence order; the last is the current occasion, with a previous one to compare with */
  occasionIds: string[];
  countyCodes: string[];
  definition: Definition;
  respondents: number;
  responses: number;
  /** answered questions over all responses */
  answers: number;
}

const BATCH = 500;
const EXTRA_TYPES: QuestionType[] = ['scale', 'single', 'text'];
const EXTRA_PER_SECTION = 6;

/** mulberry32: small, fast and good enough to make the same data on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The default template's six risk areas (4 questions each) followed by extra sections up to `questions`. */
export function benchDefinition(questions: number): Definition {
  const areaSections = defaultDefinition.sections.filter((s) => s.questions.some((q) => q.area));
  const areaQuestionCount = areaSections.reduce((n, s) => n + s.questions.length, 0);
  const extra = Math.max(0, questions - areaQuestionCount);
  const extraSections = Array.from({ length: Math.ceil(extra / EXTRA_PER_SECTION) }, (_, s) => ({
    id: `extra_${s + 1}`,
    title: `Fördjupning ${s + 1}`,
    questions: Array.from({ length: Math.min(EXTRA_PER_SECTION, extra - s * EXTRA_PER_SECTION) }, (_, i) =>
      extraQuestion(
        `extra_${s + 1}_q${i + 1}`,
        EXTRA_TYPES[(s * EXTRA_PER_SECTION + i) % EXTRA_TYPES.length]!,
      ),
    ),
  }));
  return definitionSchema.parse({
    areas: defaultDefinition.areas,
    sections: [...areaSections, ...extraSections],
  });
}

function extraQuestion(id: string, type: QuestionType): Question {
  const base = { id, type, label: `Fördjupningsfråga ${id}`, required: false, role: 'other' as const };
  if (type === 'scale')
    return { ...base, scale: { max: 5, labels: { '1': 'Låg', '5': 'Hög' }, allowUnknown: false } };
  if (type === 'single') {
    return {
      ...base,
      options: ['a', 'b', 'c', 'd'].map((v) => ({ value: v, label: `Alternativ ${v.toUpperCase()}` })),
    };
  }
  return base;
}

const WORDS = (
  'ökat behov stöd familjer unga boende ekonomisk utsatthet skola socialtjänst samverkan polis region ' +
  'insatser väntetider föreningar trygghet kvinnojour missbruk beroende isolering äldre arbetsmarknad'
).split(' ');

function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]!);
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A respondent's risk level per area: its county's tendency, its own, and a drift between occasions. */
function riskLevel(random: () => number, tendency: number, occasionIndex: number): string {
  if (random() < 0.06) return 'unknown';
  const level = Math.round(tendency + occasionIndex * 0.3 + (random() - 0.5) * 2);
  return String(Math.min(5, Math.max(1, level)));
}

function measures(random: () => number, area: string): Measure[] {
  return Array.from({ length: Math.floor(random() * 3) }, () => ({
    description: sentence(random, 8),
    status: pick(random, measureStatuses),
    targetGroup: pick(random, ['Barn och unga', 'Vuxna', 'Äldre', 'Familjer']),
    responsible: pick(random, ['Socialtjänsten', 'Regionen', 'Polisen', 'Civilsamhället']),
    startDate: `2025-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
  })).map((m) => ({ ...m, description: `${area}: ${m.description}` }));
}

function makeAnswers(
  random: () => number,
  definition: Definition,
  tendencies: Record<string, number>,
  occasionIndex: number,
): Answers {
  const answers: Answers = {};
  for (const q of allQuestions(definition)) {
    if (q.role === 'risk' && q.area) answers[q.id] = riskLevel(random, tendencies[q.area]!, occasionIndex);
    else if (q.role === 'explanation') {
      const level = answers[q.showIf?.questionId ?? ''];
      if (level === '3' || level === '4' || level === '5') answers[q.id] = sentence(random, 30);
    } else if (q.role === 'change') answers[q.id] = pick(random, CHANGE_OPTIONS).value;
    else if (q.role === 'measures' && q.area) answers[q.id] = measures(random, q.area);
    else if (q.type === 'scale') answers[q.id] = String(1 + Math.floor(random() * 5));
    else if (q.type === 'single') answers[q.id] = q.options ? pick(random, q.options).value : 'a';
    else if (q.type === 'text' && random() < 0.6) answers[q.id] = sentence(random, 15);
  }
  return answers;
}

function statusFor(random: () => number, isCurrent: boolean): ResponseStatus {
  const r = random();
  if (isCurrent) return r < 0.5 ? 'approved' : r < 0.85 ? 'submitted' : r < 0.95 ? 'draft' : 'returned';
  return r < 0.7 ? 'approved' : r < 0.95 ? 'submitted' : 'draft';
}

async function insertBatched<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(table).values(rows.slice(i, i + BATCH));
}

/**
 * Inserts a national round of the given size on top of the seeded reference data. Every county's
 * regional picture is submitted for earlier occasions and for most counties on the current one.
 */
export async function generateNationalRound(
  db: Db,
  size: RoundSize = NATIONAL_ROUND,
  seed = 2025,
): Promise<GeneratedRound> {
  const random = seededRandom(seed);
  const definition = benchDefinition(size.questions);
  const countyCodes = (await db.select({ code: counties.code }).from(counties).orderBy(asc(counties.code)))
    .slice(0, size.counties)
    .map((c) => c.code);
  if (countyCodes.length < size.counties)
    throw new Error(`only ${countyCodes.length} counties in the reference data`);

  const orgsOfType = (type: 'municipality' | 'region', limit: number) =>
    db
      .select({ id: organisations.id, countyCode: organisations.countyCode })
      .from(organisations)
      .where(and(eq(organisations.type, type), inArray(organisations.countyCode, countyCodes)))
      .orderBy(asc(organisations.municipalityCode), asc(organisations.countyCode))
      .limit(limit);
  const answering = [
    ...(await orgsOfType('municipality', size.municipalities)),
    ...(await orgsOfType('region', size.regions)),
  ];

  const questionnaireId = randomUUID();
  const questionnaireVersionId = randomUUID();
  const roundId = randomUUID();
  await db
    .insert(questionnaires)
    .values({ id: questionnaireId, owner: 'situation', title: `${DEFAULT_TEMPLATE_TITLE} (mätning)` });
  await db
    .insert(questionnaireVersions)
    .values({ id: questionnaireVersionId, questionnaireId, version: 1, definition, inUse: true });
  await db.insert(rounds).values({
    id: roundId,
    scope: 'national',
    title: 'Nationell lägesbild (mätning)',
    topic: DEFAULT_TEMPLATE_TITLE,
    questionnaireVersionId,
    shareAnswersNationally: true,
  });

  const occasionRows = Array.from({ length: size.occasions }, (_, i) => {
    const opensAt = new Date(Date.UTC(2025, 2 + 6 * i, 1));
    const deadlineAt = new Date(opensAt.getTime() + 60 * 86_400_000 - 1000);
    return {
      id: randomUUID(),
      roundId,
      sequence: i + 1,
      label: `Tillfälle ${i + 1}`,
      opensAt,
      deadlineAt,
      locksAt: new Date(deadlineAt.getTime() + 14 * 86_400_000),
    };
  });
  await insertBatched(db, occasions, occasionRows);

  const respondentRows = answering.map((o) => ({
    id: randomUUID(),
    roundId,
    countyCode: o.countyCode!,
    organisationId: o.id,
  }));
  await insertBatched(db, respondents, respondentRows);

  const countyTendency = new Map(
    countyCodes.map((c) => [
      c,
      Object.fromEntries(definition.areas.map((a) => [a.key, 1.5 + random() * 2.5])),
    ]),
  );
  const responseRows: (typeof responses.$inferInsert)[] = [];
  let answerCount = 0;
  occasionRows.forEach((occasion, index) => {
    const isCurrent = index === occasionRows.length - 1;
    for (const r of respondentRows) {
      const answers = makeAnswers(random, definition, countyTendency.get(r.countyCode)!, index);
      answerCount += Object.keys(answers).length;
      const status = statusFor(random, isCurrent);
      const submittedAt =
        status === 'draft' ? null : new Date(occasion.deadlineAt.getTime() - random() * 20 * 86_400_000);
      responseRows.push({
        occasionId: occasion.id,
        respondentId: r.id,
        countyCode: r.countyCode,
        organisationId: r.organisationId,
        status,
        answers,
        submittedAt,
        approvedAt: status === 'approved' ? occasion.deadlineAt : null,
      });
    }
  });
  await insertBatched(db, responses, responseRows);

  const pictureRows = occasionRows.flatMap((occasion, index) =>
    countyCodes.map((countyCode) => {
      const submitted = index < occasionRows.length - 1 || random() < 0.8;
      return {
        occasionId: occasion.id,
        countyCode,
        status: submitted ? ('submitted' as const) : ('draft' as const),
        summaries: Object.fromEntries(definition.areas.map((a) => [a.key, sentence(random, 40)])),
        submittedAt: submitted ? occasion.locksAt : null,
      };
    }),
  );
  await insertBatched(db, regionalPictures, pictureRows);

  return {
    roundId,
    questionnaireVersionId,
    occasionIds: occasionRows.map((o) => o.id),
    countyCodes,
    definition,
    respondents: respondentRows.length,
    responses: responseRows.length,
    answers: answerCount,
  };
}
