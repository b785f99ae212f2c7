import type { Executor } from '../../db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { swedishCollator } from '../../platform/i18n.ts';
import { COUNTIES, findCountyByCode } from '../../platform/tenancy.ts';
import {
  allQuestions,
  UNKNOWN,
  type Answers,
  type Definition,
  type Measure,
  type MeasureStatus,
} from '../forms/index.ts';
import type {
  AreaDistribution,
  Completeness,
  Level,
  MeasureRow,
  NationalPicture,
  PictureMeta,
  RegionalPicture,
  RiskRow,
} from './picture.ts';
import * as repo from './repository.ts';
import type { ChosenQuote } from './tables.ts';

const COUNTED: ReadonlySet<string> = new Set(['submitted', 'approved']);
export const LEVEL_KEYS = ['1', '2', '3', '4', '5', UNKNOWN, 'missing'] as const;

/** The answers a compilation reads: risk levels and measures, and (regionally) the free texts to quote. */
function neededKeys(def: Definition, withTexts: boolean): string[] {
  return allQuestions(def)
    .filter(
      (q) => (q.area && (q.role === 'risk' || q.role === 'measures')) || (withTexts && q.type === 'text'),
    )
    .map((q) => q.id);
}

interface AreaQuestions {
  risk: string | undefined;
  explanation: string | undefined;
  measures: string | undefined;
}

function areaQuestions(def: Definition): Record<string, AreaQuestions> {
  const out: Record<string, AreaQuestions> = {};
  for (const a of def.areas) out[a.key] = { risk: undefined, explanation: undefined, measures: undefined };
  for (const q of allQuestions(def)) {
    if (!q.area || !out[q.area]) continue;
    if (q.role === 'risk') out[q.area]!.risk = q.id;
    if (q.role === 'explanation') out[q.area]!.explanation = q.id;
    if (q.role === 'measures') out[q.area]!.measures = q.id;
  }
  return out;
}

const numeric = (l: Level): number | null => (l !== null && /^\d+$/.test(l) ? Number(l) : null);
const mean = (xs: number[]): number | null =>
  xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null;

function emptyDistribution(): AreaDistribution {
  return {
    counts: Object.fromEntries(LEVEL_KEYS.map((k) => [k, 0])),
    mean: null,
    previousMean: null,
    change: { increased: 0, unchanged: 0, decreased: 0 },
  };
}

/** Distribution, means and change per area over a set of rows. */
function distributionOf(areas: string[], rows: RiskRow[]): Record<string, AreaDistribution> {
  const out: Record<string, AreaDistribution> = {};
  for (const area of areas) {
    const d = emptyDistribution();
    const now: number[] = [];
    const before: number[] = [];
    for (const row of rows) {
      const level = row.levels[area] ?? null;
      d.counts[level ?? 'missing'] = (d.counts[level ?? 'missing'] ?? 0) + 1;
      const n = numeric(level);
      const p = numeric(row.previousLevels[area] ?? null);
      if (n !== null) now.push(n);
      if (p !== null) before.push(p);
      if (n !== null && p !== null) {
        if (n > p) d.change.increased++;
        else if (n < p) d.change.decreased++;
        else d.change.unchanged++;
      }
    }
    d.mean = mean(now);
    d.previousMean = mean(before);
    out[area] = d;
  }
  return out;
}

function levelsOf(answers: Answers | undefined, aq: Record<string, AreaQuestions>): Record<string, Level> {
  const out: Record<string, Level> = {};
  for (const [area, q] of Object.entries(aq)) {
    const v = q.risk && answers ? answers[q.risk] : undefined;
    out[area] = typeof v === 'string' ? v : null;
  }
  return out;
}

/** Expected, received, on time and approved, from the respondents of an occasion and their responses. */
export function completenessOf(
  entries: Array<{ response: Pick<repo.ResponseRow, 'status' | 'submittedAt'> | null }>,
  deadlineAt: Date,
): Completeness {
  const received = entries.filter((e) => e.response && COUNTED.has(e.response.status));
  return {
    expected: entries.length,
    received: received.length,
    onTime: received.filter((e) => e.response!.submittedAt && e.response!.submittedAt <= deadlineAt).length,
    approved: received.filter((e) => e.response!.status === 'approved').length,
  };
}

async function loadOccasion(db: Executor, occasionId: string) {
  const context = await repo.findOccasionContext(db, occasionId);
  if (!context) throw new NotFoundError();
  const { occasion, round, definition } = context;
  const previous = context.occasions.filter((o) => o.sequence < occasion.sequence).at(-1) ?? null;
  const meta: PictureMeta = {
    roundId: round.id,
    roundTitle: round.title,
    topic: round.topic,
    occasionId: occasion.id,
    occasionLabel: occasion.label,
    deadlineAt: occasion.deadlineAt,
    previousOccasionLabel: previous?.label ?? null,
  };
  return { occasion, round, previous, definition, meta };
}

const roundLevel = (m: number | null): Level =>
  m === null ? null : String(Math.min(5, Math.max(1, Math.round(m))));

/** Compiles a county's regional picture of one occasion from the submitted and approved responses. */
export async function compileRegionalPicture(
  db: Executor,
  input: { occasionId: string; countyCode: string },
): Promise<RegionalPicture> {
  const { occasion, round, previous, definition, meta } = await loadOccasion(db, input.occasionId);
  if (round.scope === 'county' && round.countyCode !== input.countyCode) throw new NotFoundError();
  const county = findCountyByCode(input.countyCode)!;
  const aq = areaQuestions(definition);
  const areaKeys = definition.areas.map((a) => a.key);
  const respondents = await repo.listRespondents(db, round.id, input.countyCode);
  const [entries, previousEntries, saved] = await Promise.all([
    repo.listOccasionResponses(
      db,
      occasion.id,
      round.id,
      input.countyCode,
      neededKeys(definition, true),
      respondents,
    ),
    previous
      ? repo.listOccasionResponses(
          db,
          previous.id,
          round.id,
          input.countyCode,
          neededKeys(definition, false),
          respondents,
        )
      : Promise.resolve([]),
    repo.findRegionalPicture(db, occasion.id, input.countyCode),
  ]);
  const previousByOrg = new Map(
    previousEntries
      .filter((e) => e.response && COUNTED.has(e.response.status))
      .map((e) => [e.respondent.organisationId, e.response!.answers]),
  );
  const rows: RiskRow[] = entries.map(({ respondent, response }) => ({
    id: respondent.organisationId,
    name: respondent.name,
    code: respondent.municipalityCode,
    levels: levelsOf(response && COUNTED.has(response.status) ? response.answers : undefined, aq),
    previousLevels: levelsOf(previousByOrg.get(respondent.organisationId), aq),
  }));
  const measureCounts: Record<string, Record<MeasureStatus, number>> = {};
  const measures: MeasureRow[] = [];
  const quoteCandidates: ChosenQuote[] = [];
  const textQuestions = allQuestions(definition).filter((q) => q.type === 'text');
  for (const area of areaKeys) measureCounts[area] = { planned: 0, taken: 0 };
  for (const { respondent, response } of entries) {
    if (!response || !COUNTED.has(response.status)) continue;
    for (const area of areaKeys) {
      const qid = aq[area]!.measures;
      const list = qid ? (response.answers[qid] as Measure[] | undefined) : undefined;
      for (const m of list ?? []) {
        measureCounts[area]![m.status]++;
        measures.push({ ...m, area, organisationName: respondent.name });
      }
    }
    for (const q of textQuestions) {
      const text = response.answers[q.id];
      if (typeof text === 'string' && text.trim()) {
        quoteCandidates.push({
          responseId: response.id,
          questionId: q.id,
          text: text.trim(),
          organisationName: respondent.name,
        });
      }
    }
  }
  return {
    meta,
    county: { code: county.code, name: county.name, slug: county.slug },
    status: saved?.status ?? 'draft',
    submittedAt: saved?.submittedAt ?? null,
    areas: definition.areas,
    completeness: completenessOf(entries, occasion.deadlineAt),
    rows,
    distribution: distributionOf(areaKeys, rows),
    measureCounts,
    measures,
    quoteCandidates,
    quotes: saved?.quotes ?? [],
    summaries: saved?.summaries ?? {},
  };
}

/**
 * Compiles the national picture of one occasion: completeness per county, and from the counties whose
 * regional picture is submitted, each county's mean level per area and every municipality's level — read
 * from the submitted pictures' snapshots, so the national picture shows what the counties sent, not what
 * their responses say today. Counties still working are counted by their responses' statuses only.
 */
export async function compileNationalPicture(
  db: Executor,
  input: { occasionId: string },
): Promise<NationalPicture> {
  const { occasion, round, definition, meta } = await loadOccasion(db, input.occasionId);
  if (round.scope !== 'national') throw new NotFoundError();
  const areaKeys = definition.areas.map((a) => a.key);
  const [respondents, statuses, pictures, saved] = await Promise.all([
    repo.listRespondents(db, round.id),
    repo.listResponseStatuses(db, occasion.id),
    submittedPictures(db, occasion.id),
    repo.findNationalPicture(db, occasion.id),
  ]);
  const submitted = new Map(pictures.map((p) => [p.countyCode, p]));
  const statusOf = new Map(statuses.map((r) => [r.respondentId, r]));
  const byCounty = new Map<string, repo.RespondentView[]>();
  for (const r of respondents) byCounty.set(r.countyCode, [...(byCounty.get(r.countyCode) ?? []), r]);

  const municipalityRows: RiskRow[] = [];
  const countyRows: RiskRow[] = [];
  const municipalityLevels: Record<string, Record<string, Level>> = {};
  const municipalities: NationalPicture['municipalities'] = [];
  const measureCounts: Record<string, Record<MeasureStatus, number>> = Object.fromEntries(
    areaKeys.map((a) => [a, { planned: 0, taken: 0 }]),
  );
  for (const c of COUNTIES) {
    const picture = submitted.get(c.code);
    if (!picture) continue;
    const rows = picture.rows;
    municipalityRows.push(...rows);
    for (const r of rows) {
      if (!r.code) continue;
      municipalityLevels[r.code] = r.levels;
      municipalities.push({ code: r.code, name: r.name, countyName: c.name, levels: r.levels });
    }
    const levels: Record<string, Level> = {};
    const previousLevels: Record<string, Level> = {};
    for (const area of areaKeys) {
      levels[area] = roundLevel(
        mean(rows.map((r) => numeric(r.levels[area] ?? null)).filter((x): x is number => x !== null)),
      );
      previousLevels[area] = roundLevel(
        mean(rows.map((r) => numeric(r.previousLevels[area] ?? null)).filter((x): x is number => x !== null)),
      );
    }
    countyRows.push({ id: c.code, name: c.name, code: c.code, levels, previousLevels });
    for (const area of areaKeys) {
      const counts = picture.measureCounts[area];
      if (!counts) continue;
      measureCounts[area]!.planned += counts.planned;
      measureCounts[area]!.taken += counts.taken;
    }
  }

  return {
    meta,
    areas: definition.areas,
    counties: COUNTIES.filter((c) => byCounty.has(c.code)).map((c) => ({
      code: c.code,
      name: c.name,
      slug: c.slug,
      completeness:
        submitted.get(c.code)?.completeness ??
        completenessOf(
          byCounty.get(c.code)!.map((r) => ({ response: statusOf.get(r.id) ?? null })),
          occasion.deadlineAt,
        ),
      regionalSubmitted: submitted.has(c.code),
    })),
    rows: countyRows,
    municipalityLevels,
    municipalities: municipalities.sort((a, b) => swedishCollator.compare(a.name, b.name)),
    closedAt: saved?.closedAt ?? null,
    distribution: distributionOf(areaKeys, municipalityRows),
    measureCounts,
    regionalSummaries: COUNTIES.filter((c) => submitted.has(c.code)).map((c) => ({
      countyName: c.name,
      summaries: submitted.get(c.code)!.summaries,
    })),
    summaries: saved?.summaries ?? {},
  };
}

// ---- Submitted pictures: what was sent, as it was sent -----------------------------------------------

/** What is stored at submit: the picture as sent, without the free texts the county did not quote. */
export const snapshotOf = (p: RegionalPicture): RegionalPicture => ({ ...p, quoteCandidates: [] });

/**
 * A county's regional picture of an occasion: a submitted one as it was sent (its snapshot), a draft
 * compiled from the responses now.
 */
export async function regionalPictureOf(
  db: Executor,
  input: { occasionId: string; countyCode: string },
): Promise<RegionalPicture> {
  const row = await repo.findRegionalPicture(db, input.occasionId, input.countyCode);
  if (row?.status !== 'submitted') return compileRegionalPicture(db, input);
  return (await repo.findRegionalSnapshot(db, row.id)) ?? freezeUnsnapshotted(db, row.id, input);
}

/** A county's submitted regional picture as the national coordinator reads it; a draft is the county's own (404). */
export async function submittedRegionalPicture(
  db: Executor,
  input: { occasionId: string; countyCode: string },
): Promise<RegionalPicture> {
  const row = await repo.findRegionalPicture(db, input.occasionId, input.countyCode);
  if (row?.status !== 'submitted') throw new NotFoundError();
  return regionalPictureOf(db, input);
}

/** A picture submitted before snapshots existed: its responses no longer change, so it is frozen as it is now. */
async function freezeUnsnapshotted(
  db: Executor,
  pictureId: string,
  input: { occasionId: string; countyCode: string },
): Promise<RegionalPicture> {
  const snapshot = snapshotOf(await compileRegionalPicture(db, input));
  await repo.storeMissingSnapshot(db, pictureId, snapshot);
  return (await repo.findRegionalSnapshot(db, pictureId)) ?? snapshot;
}

/** The submitted pictures of an occasion, the parts the national compilation reads of each snapshot. */
async function submittedPictures(db: Executor, occasionId: string): Promise<repo.SubmittedPicture[]> {
  const pictures = await repo.listSubmittedPictures(db, occasionId);
  const missing = pictures.filter((p) => p.rows === null);
  if (missing.length === 0) return pictures as repo.SubmittedPicture[];
  for (const p of missing) await freezeUnsnapshotted(db, p.id, { occasionId, countyCode: p.countyCode });
  return (await repo.listSubmittedPictures(db, occasionId)) as repo.SubmittedPicture[];
}
