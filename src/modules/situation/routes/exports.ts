import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { requireCounty } from '../../../platform/http.ts';
import { rowsToCsv } from '../../../platform/exports/csv.ts';
import { rowsToXlsx } from '../../../platform/exports/xlsx.ts';
import { stockholmDate } from '../../../platform/time.ts';
import type { Definition } from '../../forms/index.ts';
import { compileNationalPicture, regionalPictureOf, submittedRegionalPicture } from '../compile.ts';
import { answerRows, nationalPictureToDocx, regionalPictureToDocx } from '../export/index.ts';
import { load } from '../load.ts';
import * as repo from '../repository.ts';
import { countyName, definitionOf } from '../rounds.ts';
import { guard, type Params } from './shared.ts';

/** Downloads: the answers as Excel or CSV, the regional and national pictures as Word. */
export function registerExportRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const answerExport = async (
    occasion: repo.Occasion,
    countyCode: string | undefined,
    definition: Definition,
    onlyCounties?: Set<string>,
  ) => {
    // Beyond the county, only answers that were submitted count: drafts stay with the respondent and county.
    const entries = (await repo.listOccasionResponses(db, occasion.id, occasion.roundId, countyCode)).filter(
      (e) =>
        !onlyCounties ||
        (onlyCounties.has(e.respondent.countyCode) &&
          (e.response?.status === 'submitted' || e.response?.status === 'approved')),
    );
    return answerRows({
      definition,
      responses: entries
        .filter((e) => e.response)
        .map(({ respondent, response }) => ({
          organisationName: respondent.name,
          municipalityCode: respondent.municipalityCode,
          countyName: countyName(respondent.countyCode),
          status: response!.status,
          submittedAt: response!.submittedAt,
          answers: response!.answers,
        })),
    });
  };

  /** The raw answers as Excel or as CSV (UTF-8 with BOM, for Swedish Excel). */
  const sendAnswers = async (reply: FastifyReply, format: 'xlsx' | 'csv', rows: string[][], name: string) =>
    reply.download(format === 'xlsx' ? await rowsToXlsx(rows, 'Svar') : rowsToCsv(rows), {
      filename: `${name}.${format}`,
    });

  for (const format of ['xlsx', 'csv'] as const) {
    app.get<{ Params: Params }>(
      `/:county/lagesbild/:roundId/:occasionId/svar.${format}`,
      guard.countyView,
      async (req, reply) => {
        const county = requireCounty(req);
        const { round, occasion } = await load.occasion(
          db,
          county,
          req.params.roundId,
          req.params.occasionId,
        );
        const rows = await answerExport(occasion, county.code, await definitionOf(db, round));
        return sendAnswers(
          reply,
          format,
          rows,
          `lagesbild-svar-${county.slug}-${stockholmDate(occasion.deadlineAt)}`,
        );
      },
    );

    // The answers beneath the submitted regional pictures, where the round lets the coordinator read them.
    app.get<{ Params: Params }>(
      `/nationellt/lagesbild/:roundId/:occasionId/svar.${format}`,
      guard.national,
      async (req, reply) => {
        const { round, occasion } = await load.nationalOccasion(
          db,
          req.params.roundId,
          req.params.occasionId,
        );
        if (!round.shareAnswersNationally) throw new NotFoundError();
        const submitted = new Set(
          (await repo.listRegionalPictures(db, occasion.id))
            .filter((p) => p.status === 'submitted')
            .map((p) => p.countyCode),
        );
        const rows = await answerExport(occasion, undefined, await definitionOf(db, round), submitted);
        return sendAnswers(
          reply,
          format,
          rows,
          `lagesbild-svar-nationellt-${stockholmDate(occasion.deadlineAt)}`,
        );
      },
    );
  }

  app.get<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning.docx',
    guard.countyView,
    async (req, reply) => {
      const county = requireCounty(req);
      const { occasion } = await load.occasion(db, county, req.params.roundId, req.params.occasionId);
      const p = await regionalPictureOf(db, { occasionId: occasion.id, countyCode: county.code });
      return reply.download(await regionalPictureToDocx(p), {
        filename: `regional-lagesbild-${county.slug}-${stockholmDate(occasion.deadlineAt)}.docx`,
      });
    },
  );

  app.get<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId.docx',
    guard.national,
    async (req, reply) => {
      const { occasion } = await load.nationalOccasion(db, req.params.roundId, req.params.occasionId);
      const p = await compileNationalPicture(db, { occasionId: occasion.id });
      return reply.download(await nationalPictureToDocx(p), {
        filename: `nationell-lagesbild-${stockholmDate(occasion.deadlineAt)}.docx`,
      });
    },
  );

  app.get<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId/lan/:county.docx',
    guard.national,
    async (req, reply) => {
      const { occasion } = await load.nationalOccasion(db, req.params.roundId, req.params.occasionId);
      const county = requireCounty(req);
      const p = await submittedRegionalPicture(db, { occasionId: occasion.id, countyCode: county.code });
      return reply.download(await regionalPictureToDocx(p), {
        filename: `regional-lagesbild-${county.slug}-${stockholmDate(occasion.deadlineAt)}.docx`,
      });
    },
  );
}
