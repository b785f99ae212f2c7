/**
 * "lagesbild": compiling the regional and the national picture of a full national round (21 counties,
 * 290 municipalities, 21 regions, 60 questions, 2 occasions) against the raw database doing the same
 * aggregate: one query counting answers per area × risk level over `responses` with jsonb_each_text.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../src/db/client.ts';
import { compileNationalPicture, compileRegionalPicture } from '../src/modules/situation/compile.ts';
import { allQuestions } from '../src/modules/forms/definition.ts';
import { generateNationalRound, NATIONAL_ROUND, type GeneratedRound } from './national-round.ts';
import { elapsedMs, result, round, timeMedian, type BenchContext, type Result } from './types.ts';

export const name = 'lagesbild';

const REGIONAL_COUNTY = '03';
const RUNS = 5;

/** Counts submitted answers per (county,) area and level: what a picture's distribution table needs. */
function rawAggregate(db: Db, data: GeneratedRound, occasionId: string, countyCode?: string) {
  const riskQuestions = allQuestions(data.definition).filter((q) => q.role === 'risk' && q.area);
  const areaOf = sql.join(
    riskQuestions.map((q) => sql`(${q.id}, ${q.area!})`),
    sql`, `,
  );
  const county: SQL = countyCode ? sql`and r.county_code = ${countyCode}` : sql``;
  return queryRows<{ county_code: string; area: string; level: string; n: number }>(
    db,
    sql`select r.county_code, q.area, a.value as level, count(*)::int as n
        from responses r
        cross join lateral jsonb_each_text(r.answers) as a(key, value)
        join (values ${areaOf}) as q(question_id, area) on q.question_id = a.key
        where r.occasion_id = ${occasionId} and r.status in ('submitted', 'approved') ${county}
        group by r.county_code, q.area, a.value`,
  );
}

/** A few numbers from a compiled picture, to show it compiled the data and not an empty occasion. */
function describe(picture: {
  rows: unknown[];
  measures?: unknown[];
  counties?: unknown[];
}): Record<string, number> {
  return {
    rows: picture.rows.length,
    ...(picture.measures ? { measures: picture.measures.length } : {}),
    ...(picture.counties ? { counties: picture.counties.length } : {}),
  };
}

export async function run(ctx: BenchContext): Promise<Result[]> {
  const { db } = ctx.database;
  const began = process.hrtime.bigint();
  const data = await generateNationalRound(db, NATIONAL_ROUND);
  const generateMs = elapsedMs(began);
  ctx.log(
    `lagesbild: ${data.respondents} respondents, ${data.responses} responses, ${data.answers} answers ` +
      `generated in ${(generateMs / 1000).toFixed(1)} s`,
  );
  const occasionId = data.occasionIds.at(-1)!;
  const counts = { respondents: data.respondents, responses: data.responses, answers: data.answers };

  const rawRegional = await timeMedian(() => rawAggregate(db, data, occasionId, REGIONAL_COUNTY), {
    runs: RUNS,
  });
  const rawNational = await timeMedian(() => rawAggregate(db, data, occasionId), { runs: RUNS });
  ctx.log(
    `lagesbild: raw aggregate ${rawRegional.medianMs.toFixed(1)} ms for county ${REGIONAL_COUNTY} ` +
      `(${rawRegional.last.length} groups), ${rawNational.medianMs.toFixed(1)} ms nationally ` +
      `(${rawNational.last.length} groups)`,
  );

  const regional = await timeMedian(
    () => compileRegionalPicture(db, { occasionId, countyCode: REGIONAL_COUNTY }),
    { runs: RUNS },
  );
  const national = await timeMedian(() => compileNationalPicture(db, { occasionId }), { runs: RUNS });
  return [
    result('regional_picture_ms', regional.medianMs, 'ms', rawRegional.medianMs, 'lower', {
      county: REGIONAL_COUNTY,
      runs_ms: regional.timesMs.join(' '),
      baseline_groups: rawRegional.last.length,
      ...describe(regional.last),
    }),
    result('national_picture_ms', national.medianMs, 'ms', rawNational.medianMs, 'lower', {
      runs_ms: national.timesMs.join(' '),
      baseline_groups: rawNational.last.length,
      ...describe(national.last),
      ...counts,
      generate_ms: round(generateMs),
    }),
  ];
}
