import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import type { CountyRecord } from '../../../platform/tenancy.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { regionalPictureOf } from '../compile.ts';
import { distributionChartSvg } from '../export/index.ts';
import { load } from '../load.ts';
import type { RegionalPicture } from '../picture.ts';
import { pictureAbilities } from '../policy.ts';
import { saveRegionalPicture } from '../pictures.ts';
import type * as repo from '../repository.ts';
import { urls } from '../urls.ts';
import { RegionalPicturePage } from '../views/picture.tsx';
import { bodyOf, guard, type Params } from './shared.ts';

/** Each area's distribution as a chart, for the picture's page. */
export async function chartsOf(p: RegionalPicture): Promise<Record<string, string>> {
  return Object.fromEntries(
    await Promise.all(
      p.areas.map(async (a) => [a.key, await distributionChartSvg(a, p.distribution[a.key]!)] as const),
    ),
  );
}

/** The county's regional picture of an occasion: compiled while a draft, as sent once submitted. */
export function registerPictureRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const regionalPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyRecord,
    { round, occasion }: { round: repo.Round; occasion: repo.Occasion },
    form: FormState,
  ) => {
    const p = await regionalPictureOf(db, { occasionId: occasion.id, countyCode: county.code });
    return RegionalPicturePage({
      ctx: pageContext(req, reply),
      p,
      base: urls.regional(county, round, occasion),
      docx: urls.regionalDocx(county, round, occasion),
      answers: {
        xlsx: urls.answers(county, round, occasion, 'xlsx'),
        csv: urls.answers(county, round, occasion, 'csv'),
      },
      breadcrumbs: [
        { href: urls.rounds(county), label: 'Lägesbild' },
        { href: urls.round(county, round), label: round.title },
      ],
      abilities: pictureAbilities(req.actor, { countyCode: county.code, picture: p }),
      charts: await chartsOf(p),
      form,
    });
  };

  app.get<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning',
    guard.countyView,
    async (req, reply) => {
      const county = requireCounty(req);
      const loaded = await load.occasion(db, county, req.params.roundId, req.params.occasionId);
      return reply.html(await regionalPage(req, reply, county, loaded, emptyForm()));
    },
  );

  app.post<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning',
    guard.pictureSave,
    async (req, reply) => {
      const county = requireCounty(req);
      const loaded = await load.occasion(db, county, req.params.roundId, req.params.occasionId);
      const body = bodyOf(req.body);
      const submit = body.intent === 'submit';
      return handleForm(
        req,
        reply,
        (form) => regionalPage(req, reply, county, loaded, form),
        async () => {
          await saveRegionalPicture(db, requireUser(req), {
            occasionId: loaded.occasion.id,
            countyCode: county.code,
            body,
            submit,
          });
          reply.setFlash({
            kind: 'success',
            text: submit
              ? 'Den regionala lägesbilden är inskickad till den nationella samordnaren.'
              : 'Lägesbilden är sparad.',
          });
          return reply.redirect(urls.regional(county, loaded.round, loaded.occasion), 303);
        },
      );
    },
  );
}
