import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { boundariesOf } from '../../reference/index.ts';
import { compileNationalPicture, submittedRegionalPicture } from '../compile.ts';
import { load } from '../load.ts';
import { decide, nationalAbilities } from '../policy.ts';
import { closeNationalPicture, saveNationalSummaries } from '../pictures.ts';
import type * as repo from '../repository.ts';
import { definitionOf } from '../rounds.ts';
import { urls } from '../urls.ts';
import { CloseNationalPage, NationalPicturePage, RegionalPicturePage } from '../views/picture.tsx';
import { chartsOf } from './pictures.ts';
import { bodyOf, guard, type Params } from './shared.ts';

/** The national coordinator's picture of an occasion, and each county's submitted regional picture. */
export function registerNationalRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const nationalPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
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
    return NationalPicturePage({
      ctx: pageContext(req, reply),
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
    });
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

  app.get<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId',
    guard.national,
    async (req, reply) => {
      const loaded = await load.nationalOccasion(db, req.params.roundId, req.params.occasionId);
      return reply.html(await nationalPage(req, reply, loaded, emptyForm()));
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
            areas: definition.areas.map((a) => a.key),
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
