import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { CONTENT_SLOT, KeptRenders, KeptValues } from '../../../platform/kept-renders.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { boundariesOf } from '../../reference/index.ts';
import { compileNationalPicture, submittedRegionalPicture } from '../compile.ts';
import { load } from '../load.ts';
import { decide, nationalAbilities } from '../policy.ts';
import { closeNationalPicture, saveNationalSummaries } from '../pictures.ts';
import { findNationalPicture, pictureVersion } from '../repository.ts';
import type * as repo from '../repository.ts';
import { definitionOf } from '../rounds.ts';
import { urls } from '../urls.ts';
import {
  CloseNationalPage,
  KeptContentPage,
  NationalPictureContent,
  nationalPictureBreadcrumbs,
  nationalPictureHeading,
  NationalPicturePage,
  RegionalPicturePage,
  type PageHeading,
} from '../views/picture.tsx';
import { chartsOf } from './pictures.ts';
import { bodyOf, guard, type Params } from './shared.ts';

/** The national coordinator's picture of an occasion, and each county's submitted regional picture. */
export function registerNationalRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const nationalPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    loaded: { round: repo.Round; occasion: repo.Occasion },
    form: FormState,
  ) => NationalPicturePage({ ctx: pageContext(req, reply), ...(await nationalProps(req, loaded, form)) });

  const nationalProps = async (
    req: FastifyRequest,
    { round, occasion }: { round: repo.Round; occasion: repo.Occasion },
    form: FormState,
  ) => {
    const [p, municipalities, counties] = await Promise.all([
      compileNationalPicture(db, { occasionId: occasion.id }),
      boundariesOf(db, 'municipality'),
      boundariesOf(db, 'county'),
    ]);
    const chosen = (req.query as { omrade?: string }).omrade;
    const area = p.areas.find((a) => a.key === chosen) ?? p.areas[0];
    return {
      p,
      map: municipalities.length && area ? { area, municipalities, counties } : undefined,
      base: urls.national(round, occasion),
      docx: urls.nationalDocx(round, occasion),
      close: urls.closeNational(round, occasion),
      answers: round.shareAnswersNationally
        ? {
            xlsx: urls.nationalAnswers(round, occasion, 'xlsx'),
            csv: urls.nationalAnswers(round, occasion, 'csv'),
          }
        : undefined,
      abilities: nationalAbilities(req.actor, { national: p }),
      form,
    };
  };

  const closePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    { round, occasion }: { round: repo.Round; occasion: repo.Occasion },
    form: FormState,
  ) => {
    const p = await compileNationalPicture(db, { occasionId: occasion.id });
    const d = decide(req.actor, 'national.close', { national: p });
    return CloseNationalPage({
      ctx: pageContext(req, reply),
      p,
      action: urls.closeNational(round, occasion),
      back: urls.national(round, occasion),
      refusal: !d.allowed && d.refusal === 'state' ? d.reason : undefined,
      form,
    });
  };

  app.get<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId/stang',
    guard.nationalClose,
    async (req, reply) => {
      const loaded = await load.nationalOccasion(db, req.params.roundId, req.params.occasionId);
      return reply.html(await closePage(req, reply, loaded, emptyForm()));
    },
  );

  app.post<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId/stang',
    guard.nationalClose,
    async (req, reply) => {
      const loaded = await load.nationalOccasion(db, req.params.roundId, req.params.occasionId);
      return handleForm(
        req,
        reply,
        (form) => closePage(req, reply, loaded, form),
        async () => {
          await closeNationalPicture(db, requireUser(req), loaded.occasion.id);
          reply.setFlash({
            kind: 'success',
            text: 'Sammanställningen är stängd. Länens lägesbilder kan inte längre återkallas.',
          });
          return reply.redirect(urls.national(loaded.round, loaded.occasion), 303);
        },
      );
    },
  );

  // The national picture is compiled and rendered once per version of what it is made from (and per map
  // area and what the viewer may do); every view in between reuses it with the viewer's own page shell.
  const kept = new KeptRenders<PageHeading>(64 * 2 ** 20);
  const keptState = new KeptValues<{
    loaded: Awaited<ReturnType<typeof load.nationalOccasion>>;
    national: Awaited<ReturnType<typeof findNationalPicture>>;
  }>(64);
  app.get<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId',
    guard.national,
    async (req, reply) => {
      const { roundId, occasionId } = req.params;
      const version = await pictureVersion(db, roundId, occasionId, null);
      if (!version || version.round.scope !== 'national') throw new NotFoundError();
      const base = [occasionId, version.fingerprint].join('\0');
      const { loaded, national } = await keptState.get(base, async () => {
        const loaded = await load.nationalOccasion(db, roundId, occasionId);
        return { loaded, national: await findNationalPicture(db, loaded.occasion.id) };
      });
      const abilities = nationalAbilities(req.actor, { national });
      const chosen = String((req.query as { omrade?: string }).omrade ?? '');
      const area = /^[\w-]{1,60}$/.test(chosen) ? chosen : '';
      const key = [base, area, JSON.stringify(abilities)].join('\0');
      const page = await kept.get(key, async (csrfToken) => {
        const props = await nationalProps(req, loaded, emptyForm());
        return {
          meta: nationalPictureHeading(props.p),
          html: await NationalPictureContent({ ...props, csrfToken }),
        };
      });
      return reply.keptHtml(
        (ctx) =>
          KeptContentPage({
            ctx,
            heading: page.meta,
            breadcrumbs: nationalPictureBreadcrumbs(),
            html: CONTENT_SLOT,
          }),
        page,
      );
    },
  );

  app.post<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId',
    guard.national,
    async (req, reply) => {
      const loaded = await load.nationalOccasion(db, req.params.roundId, req.params.occasionId);
      return handleForm(
        req,
        reply,
        (form) => nationalPage(req, reply, loaded, form),
        async () => {
          const definition = await definitionOf(db, loaded.round);
          await saveNationalSummaries(db, requireUser(req), {
            occasionId: loaded.occasion.id,
            areas: definition.areas,
            body: bodyOf(req.body),
          });
          reply.setFlash({ kind: 'success', text: 'Den nationella sammanfattningen är sparad.' });
          return reply.redirect(urls.national(loaded.round, loaded.occasion), 303);
        },
      );
    },
  );

  // A county's submitted regional picture as it was sent; a county's draft stays the county's own (404).
  app.get<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId/lan/:county',
    guard.national,
    async (req, reply) => {
      const { round, occasion } = await load.nationalOccasion(db, req.params.roundId, req.params.occasionId);
      const county = requireCounty(req);
      const p = await submittedRegionalPicture(db, { occasionId: occasion.id, countyCode: county.code });
      return reply.html(
        RegionalPicturePage({
          ctx: pageContext(req, reply),
          p,
          base: urls.nationalRegional(round, occasion, county),
          docx: urls.nationalRegionalDocx(round, occasion, county),
          answers: undefined,
          breadcrumbs: [
            { href: urls.nationalRounds(), label: 'Nationell lägesbild' },
            { href: urls.national(round, occasion), label: occasion.label },
          ],
          abilities: { canEdit: false, canSubmit: false, canRecall: false },
          charts: await chartsOf(p),
          form: emptyForm(),
        }),
      );
    },
  );
}
