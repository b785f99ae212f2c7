import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import type { CountyRecord } from '../../../platform/tenancy.ts';
import { CONTENT_SLOT, KeptRenders, KeptValues } from '../../../platform/kept-renders.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { regionalPictureOf } from '../compile.ts';
import { distributionChartSvg } from '../export/index.ts';
import { load, roundVisibleTo } from '../load.ts';
import type { RegionalPicture } from '../picture.ts';
import { decide, pictureAbilities } from '../policy.ts';
import { recallRegionalPicture, saveRegionalPicture } from '../pictures.ts';
import * as repo from '../repository.ts';
import { urls } from '../urls.ts';
import {
  KeptContentPage,
  RegionalPictureContent,
  regionalPictureHeading,
  RegionalPicturePage,
  SubmitPicturePage,
  type PageHeading,
} from '../views/picture.tsx';
import { bodyOf, guard, type Params } from './shared.ts';

/** Each area's distribution as a chart, for the picture's page. */
export async function chartsOf(p: RegionalPicture): Promise<Record<string, string>> {
  return Object.fromEntries(
    await Promise.all(
      p.areas.map(async (a) => [a.key, await distributionChartSvg(a, p.distribution[a.key]!)] as const),
    ),
  );
}

type Loaded = { round: repo.Round; occasion: repo.Occasion };

/** The picture's row and the national compilation it goes to (a national round's), for the rules. */
type PictureState = Awaited<ReturnType<typeof pictureState>>;

async function pictureState(db: Deps['db'], county: CountyRecord, { round, occasion }: Loaded) {
  const [picture, national] = await Promise.all([
    repo.findRegionalPicture(db, occasion.id, county.code),
    round.scope === 'national' ? repo.findNationalPicture(db, occasion.id) : Promise.resolve(undefined),
  ]);
  const sendings = picture ? await repo.listPictureSendings(db, picture.id) : [];
  return { resource: { countyCode: county.code, picture, national }, sendings };
}

/**
 * The county's regional picture of an occasion: compiled while a draft, as sent once submitted. Sending goes
 * through a page that says what is missing; a sent picture can be recalled until the national compilation
 * is closed.
 */
export function registerPictureRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const regionalPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyRecord,
    loaded: Loaded,
    form: FormState,
  ) => {
    const state = await pictureState(db, county, loaded);
    return RegionalPicturePage({
      ctx: pageContext(req, reply),
      breadcrumbs: breadcrumbsOf(county, loaded),
      ...(await regionalProps(req, county, loaded, state, form)),
    });
  };

  const breadcrumbsOf = (county: CountyRecord, { round }: Loaded) => [
    { href: urls.rounds(county), label: 'Lägesbild' },
    { href: urls.round(county, round), label: round.title },
  ];

  const regionalProps = async (
    req: FastifyRequest,
    county: CountyRecord,
    loaded: Loaded,
    state: PictureState,
    form: FormState,
  ) => {
    const { round, occasion } = loaded;
    const p = await regionalPictureOf(db, { occasionId: occasion.id, countyCode: county.code });
    return {
      p,
      base: urls.regional(county, round, occasion),
      docx: urls.regionalDocx(county, round, occasion),
      recall: urls.recallRegional(county, round, occasion),
      answers: {
        xlsx: urls.answers(county, round, occasion, 'xlsx'),
        csv: urls.answers(county, round, occasion, 'csv'),
      },
      abilities: pictureAbilities(req.actor, state.resource),
      sendings: state.sendings,
      charts: await chartsOf(p),
      form,
    };
  };

  // The picture is compiled and rendered once per version of what it is made from (and per what the viewer
  // may do); every view in between reuses it inside the viewer's own page shell. A view asks the database
  // one thing besides the session: the round's owner and the version (`pictureVersion`).
  const kept = new KeptRenders<PageHeading>(64 * 2 ** 20);
  const keptState = new KeptValues<{ loaded: Loaded; state: PictureState }>(256);

  app.get<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning',
    guard.countyView,
    async (req, reply) => {
      const county = requireCounty(req);
      const { roundId, occasionId } = req.params;
      const version = await repo.pictureVersion(db, roundId, occasionId, county.code);
      if (!version || !roundVisibleTo(version.round, county)) throw new NotFoundError();
      const base = [occasionId, county.code, version.fingerprint].join('\0');
      const { loaded, state } = await keptState.get(base, async () => {
        const loaded = await load.occasion(db, county, roundId, occasionId);
        return { loaded, state: await pictureState(db, county, loaded) };
      });
      const abilities = pictureAbilities(req.actor, state.resource);
      const key = [base, JSON.stringify(abilities)].join('\0');
      const page = await kept.get(key, async (csrfToken) => {
        const props = await regionalProps(req, county, loaded, state, emptyForm());
        return {
          meta: regionalPictureHeading(props.p),
          html: await RegionalPictureContent({ ...props, csrfToken }),
        };
      });
      return reply.keptHtml(
        (ctx) =>
          KeptContentPage({
            ctx,
            heading: page.meta,
            breadcrumbs: breadcrumbsOf(county, loaded),
            html: CONTENT_SLOT,
          }),
        page,
      );
    },
  );

  // Saves the texts; "Skicka" saves them too and goes on to the confirmation page, which does the sending.
  app.post<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning',
    guard.pictureSave,
    async (req, reply) => {
      const county = requireCounty(req);
      const loaded = await load.occasion(db, county, req.params.roundId, req.params.occasionId);
      const body = bodyOf(req.body);
      const toSubmit = body.intent === 'submit';
      return handleForm(
        req,
        reply,
        (form) => regionalPage(req, reply, county, loaded, form),
        async () => {
          await saveRegionalPicture(db, requireUser(req), {
            occasionId: loaded.occasion.id,
            countyCode: county.code,
            body,
            submit: false,
          });
          if (toSubmit)
            return reply.redirect(urls.submitRegional(county, loaded.round, loaded.occasion), 303);
          reply.setFlash({ kind: 'success', text: 'Lägesbilden är sparad.' });
          return reply.redirect(urls.regional(county, loaded.round, loaded.occasion), 303);
        },
      );
    },
  );

  const submitPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyRecord,
    loaded: Loaded,
    form: FormState,
  ) => {
    const { round, occasion } = loaded;
    const [p, state, entries] = await Promise.all([
      regionalPictureOf(db, { occasionId: occasion.id, countyCode: county.code }),
      pictureState(db, county, loaded),
      repo.listOccasionResponses(db, occasion.id, round.id, county.code, []),
    ]);
    const d = decide(req.actor, 'picture.submit', state.resource);
    return SubmitPicturePage({
      ctx: pageContext(req, reply),
      p,
      action: urls.submitRegional(county, round, occasion),
      back: urls.regional(county, round, occasion),
      breadcrumbs: [
        ...breadcrumbsOf(county, loaded),
        { href: urls.regional(county, round, occasion), label: `Regional lägesbild: ${occasion.label}` },
      ],
      entries,
      refusal: d.allowed ? undefined : d.refusal === 'state' ? d.reason : undefined,
      national: round.scope === 'national',
      form,
    });
  };

  app.get<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning/skicka',
    guard.pictureSubmit,
    async (req, reply) => {
      const county = requireCounty(req);
      const loaded = await load.occasion(db, county, req.params.roundId, req.params.occasionId);
      return reply.html(await submitPage(req, reply, county, loaded, emptyForm()));
    },
  );

  app.post<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning/skicka',
    guard.pictureSubmit,
    async (req, reply) => {
      const county = requireCounty(req);
      const loaded = await load.occasion(db, county, req.params.roundId, req.params.occasionId);
      return handleForm(
        req,
        reply,
        (form) => submitPage(req, reply, county, loaded, form),
        async () => {
          await saveRegionalPicture(db, requireUser(req), {
            occasionId: loaded.occasion.id,
            countyCode: county.code,
            submit: true,
          });
          reply.setFlash({
            kind: 'success',
            text: 'Den regionala lägesbilden är inskickad till den nationella samordnaren. Du kan återkalla den tills samordnaren har stängt den nationella sammanställningen.',
          });
          return reply.redirect(urls.regional(county, loaded.round, loaded.occasion), 303);
        },
      );
    },
  );

  app.post<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning/aterkalla',
    guard.pictureRecall,
    async (req, reply) => {
      const county = requireCounty(req);
      const loaded = await load.occasion(db, county, req.params.roundId, req.params.occasionId);
      return handleForm(
        req,
        reply,
        (form) => regionalPage(req, reply, county, loaded, form),
        async () => {
          await recallRegionalPicture(deps, requireUser(req), {
            occasionId: loaded.occasion.id,
            countyCode: county.code,
          });
          reply.setFlash({
            kind: 'success',
            text:
              loaded.round.scope === 'national'
                ? 'Lägesbilden är återkallad och den nationella samordnaren har fått e-post. Det som skickades finns kvar i historiken; ändra och skicka igen när ni är klara.'
                : 'Lägesbilden är återkallad. Det som skickades finns kvar i historiken; ändra och skicka igen när ni är klara.',
          });
          return reply.redirect(urls.regional(county, loaded.round, loaded.occasion), 303);
        },
      );
    },
  );
}
