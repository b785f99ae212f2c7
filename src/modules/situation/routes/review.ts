import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { KeptRenders, KeptValues } from '../../../platform/kept-renders.ts';
import type { CountyRecord } from '../../../platform/tenancy.ts';
import { parseForm } from '../../../platform/validation.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { diffAnswers } from '../../forms/index.ts';
import { completenessOf } from '../compile.ts';
import { load, roundVisibleTo, type LoadedResponse } from '../load.ts';
import { authorize, responseAbilities } from '../policy.ts';
import * as repo from '../repository.ts';
import { approveResponse, reopenForRespondent, reopenResponse, returnResponse } from '../review.ts';
import { returnSchema, versionSchema } from '../schemas.ts';
import { urls } from '../urls.ts';
import {
  OccasionContent,
  occasionHeading,
  OccasionPage,
  ResponseContent,
  responseHeading,
  ResponsePage,
} from '../views/county.tsx';
import { ReturnConfirmPage } from '../views/review-confirm.tsx';
import { bodyOf, guard, sendKept, type Params } from './shared.ts';

/** Review: an occasion's responses in the county, one response with its history, return, approve, reopen. */
export function registerReviewRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  /** What an occasion's page shows, read from the database: the same for every viewer in the county. */
  const loadOccasionPage = async (
    county: CountyRecord,
    loaded: { round: repo.Round; occasion: repo.Occasion },
  ) => {
    const [entries, picture] = await Promise.all([
      repo.listOccasionResponses(db, loaded.occasion.id, loaded.round.id, county.code, []),
      repo.findRegionalPicture(db, loaded.occasion.id, county.code),
    ]);
    return { ...loaded, entries, picture };
  };
  type OccasionPageData = Awaited<ReturnType<typeof loadOccasionPage>>;

  /** The occasion page's content for this viewer: the kept data with what the viewer may do with each answer. */
  const occasionProps = (
    req: FastifyRequest,
    county: CountyRecord,
    { round, occasion, entries, picture }: OccasionPageData,
  ) => ({
    county,
    round,
    occasion,
    completeness: completenessOf(entries, occasion.deadlineAt),
    entries: entries.map((e) => ({
      ...e,
      abilities: responseAbilities(req.actor, {
        countyCode: county.code,
        organisationId: e.respondent.organisationId,
        response: e.response,
        occasion,
        picture,
      }),
    })),
  });

  const occasionPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyRecord,
    data: OccasionPageData,
    form: FormState,
  ) => OccasionPage({ ctx: pageContext(req, reply), ...occasionProps(req, county, data), form });

  // What the page shows is read once per version of what it is made from (the occasion's fingerprint in the
  // county, which the regional picture uses too) and kept; its content is rendered once per version and per
  // what the viewer may do (their abilities, which the time decides too), and each view renders only its shell.
  const keptOccasions = new KeptValues<OccasionPageData>(256);
  const keptOccasionPages = new KeptRenders<undefined>(32 * 2 ** 20);

  app.get<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId',
    guard.countyView,
    async (req, reply) => {
      const county = requireCounty(req);
      const { roundId, occasionId } = req.params;
      const version = await repo.pictureVersion(db, roundId, occasionId, county.code);
      if (!version || !roundVisibleTo(version.round, county)) throw new NotFoundError();
      const base = [occasionId, county.code, version.fingerprint].join('\0');
      const data = await keptOccasions.get(base, async () =>
        loadOccasionPage(county, await load.occasion(db, county, roundId, occasionId)),
      );
      const props = occasionProps(req, county, data);
      const key = [base, JSON.stringify(props.entries.map((e) => e.abilities))].join('\0');
      return sendKept(reply, keptOccasionPages, key, occasionHeading(props), (csrfToken) =>
        OccasionContent({ ...props, form: emptyForm(), csrfToken }),
      );
    },
  );

  // Reopening for one respondent after the deadline, whether or not it has started.
  app.post<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/oppna/:organisationId',
    guard.reopen,
    async (req, reply) => {
      const county = requireCounty(req);
      const loaded = await load.occasion(db, county, req.params.roundId, req.params.occasionId);
      const respondent = await load.respondent(db, county, loaded.round, req.params.organisationId);
      return handleForm(
        req,
        reply,
        async (form) => occasionPage(req, reply, county, await loadOccasionPage(county, loaded), form),
        async () => {
          await reopenForRespondent(deps, requireUser(req), loaded.occasion, respondent);
          reply.setFlash({
            kind: 'success',
            text: `${respondent.name} kan svara igen fram till låsdatumet.`,
          });
          return reply.redirect(urls.occasion(county, loaded.round, loaded.occasion), 303);
        },
      );
    },
  );

  // ---- One response ----------------------------------------------------------------------------------

  /** What a response's page shows, read from the database: the same for every viewer in the county. */
  const loadResponsePage = async (loaded: LoadedResponse) => {
    const [versions, picture] = await Promise.all([
      repo.listResponseVersions(db, loaded.response.id),
      repo.findRegionalPicture(db, loaded.occasion.id, loaded.response.countyCode),
    ]);
    const history = versions.map((v, i) => ({
      version: v.version,
      status: v.status,
      changedAt: v.changedAt,
      changedByName: v.changedByName,
      note: v.note,
      changes: diffAnswers(loaded.definition, i > 0 ? versions[i - 1]!.answers : {}, v.answers),
    }));
    return { loaded, history: history.reverse(), picture };
  };
  type ResponsePageData = Awaited<ReturnType<typeof loadResponsePage>>;

  /** The response page's content for this viewer: the kept data with what the viewer may do with it. */
  const responseProps = (
    req: FastifyRequest,
    county: CountyRecord,
    { loaded, history, picture }: ResponsePageData,
  ) => {
    const { response, occasion, round, definition, organisationName } = loaded;
    return {
      county,
      round,
      occasion,
      organisationName,
      response,
      definition,
      history,
      abilities: responseAbilities(req.actor, {
        countyCode: county.code,
        organisationId: response.organisationId,
        response,
        occasion,
        picture,
      }),
    };
  };

  const responsePage = (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyRecord,
    data: ResponsePageData,
    form: FormState,
  ) => ResponsePage({ ctx: pageContext(req, reply), ...responseProps(req, county, data), form });

  // Read once per version of what it shows (`responsePageVersion`) and kept; its content rendered once per
  // version and per what the viewer may do, each view rendering only its shell.
  const keptResponses = new KeptValues<ResponsePageData>(512);
  const keptResponsePages = new KeptRenders<undefined>(32 * 2 ** 20);

  app.get<{ Params: Params }>('/:county/lagesbild/svar/:responseId', guard.countyView, async (req, reply) => {
    const county = requireCounty(req);
    const { responseId } = req.params;
    const version = await repo.responsePageVersion(db, responseId);
    if (!version || version.countyCode !== county.code || !roundVisibleTo(version.round, county))
      throw new NotFoundError();
    const base = [responseId, county.code, version.fingerprint].join('\0');
    const data = await keptResponses.get(base, async () =>
      loadResponsePage(await load.response(db, county, responseId)),
    );
    const props = responseProps(req, county, data);
    return sendKept(
      reply,
      keptResponsePages,
      [base, JSON.stringify(props.abilities)].join('\0'),
      responseHeading(props),
      (csrfToken) => ResponseContent({ ...props, form: emptyForm(), csrfToken }),
    );
  });

  /** A review action: one scoped load, one service call, flash and redirect; a refusal shows the page again. */
  const reviewAction = (
    path: string,
    gate: (typeof guard)['approve' | 'reopen'],
    run: (req: FastifyRequest, response: repo.ResponseRow, version: number) => Promise<string>,
  ) =>
    app.post<{ Params: Params }>(`/:county/lagesbild/svar/:responseId/${path}`, gate, async (req, reply) => {
      const county = requireCounty(req);
      const loaded = await load.response(db, county, req.params.responseId);
      return handleForm(
        req,
        reply,
        // Shown again as it is now: whatever refused the action may have changed it.
        async (form) =>
          responsePage(
            req,
            reply,
            county,
            await loadResponsePage(await load.response(db, county, loaded.response.id)),
            form,
          ),
        async () => {
          // Each action names the version the reviewer read; a response changed since then is a conflict.
          const { version } = parseForm(versionSchema, req.body);
          reply.setFlash({ kind: 'success', text: await run(req, loaded.response, version) });
          return reply.redirect(urls.response(county, loaded.response), 303);
        },
      );
    });

  reviewAction('godkann', guard.approve, async (req, response, version) => {
    await approveResponse(deps, requireUser(req), response, version);
    return 'Svaret är godkänt och låst.';
  });
  // Returning goes through a confirmation step: the response page's form posts the comment here, and this
  // page (nothing changed yet) shows whom it goes to before the confirmed post returns it.
  app.post<{ Params: Params }>(
    '/:county/lagesbild/svar/:responseId/aterlamna',
    guard.return,
    async (req, reply) => {
      const county = requireCounty(req);
      const loaded = await load.response(db, county, req.params.responseId);
      const responseUrl = urls.response(county, loaded.response);
      const confirmed = bodyOf(req.body).bekraftat === 'ja';
      return handleForm(
        req,
        reply,
        async (form) =>
          confirmed
            ? returnConfirmPage(
                req,
                reply,
                county,
                loaded,
                Number(form.values.version ?? loaded.response.version),
                form,
              )
            : responsePage(
                req,
                reply,
                county,
                await loadResponsePage(await load.response(db, county, loaded.response.id)),
                form,
              ),
        async () => {
          const { version } = parseForm(versionSchema, req.body);
          const { comment } = parseForm(returnSchema, req.body);
          if (!confirmed) {
            // Nothing to confirm where the rules would refuse it anyway: say why at once.
            const picture = await repo.findRegionalPicture(db, loaded.occasion.id, county.code);
            authorize(requireUser(req), 'response.return', {
              countyCode: county.code,
              organisationId: loaded.response.organisationId,
              response: loaded.response,
              occasion: loaded.occasion,
              picture,
            });
            const form = emptyForm({ comment });
            return reply.html(await returnConfirmPage(req, reply, county, loaded, version, form));
          }
          await returnResponse(deps, requireUser(req), loaded.response, version, comment);
          reply.setFlash({ kind: 'success', text: 'Svaret är återlämnat och de svarande har fått e-post.' });
          return reply.redirect(responseUrl, 303);
        },
      );
    },
  );

  const returnConfirmPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyRecord,
    { response, occasion, round, organisationName }: LoadedResponse,
    version: number,
    form: FormState,
  ) => {
    const recipients = await repo.reporterEmails(db, response.organisationId);
    return ReturnConfirmPage({
      ctx: pageContext(req, reply),
      organisationName,
      action: urls.giveBack(county, response),
      back: urls.response(county, response),
      version,
      comment: form.values.comment ?? '',
      recipients: recipients.length,
      locksAt: occasion.locksAt,
      breadcrumbs: [
        { href: urls.rounds(county), label: 'Lägesbild' },
        { href: urls.round(county, round), label: round.title },
        { href: urls.occasion(county, round, occasion), label: occasion.label },
        { href: urls.response(county, response), label: 'Svaret' },
      ],
      form,
    });
  };
  reviewAction('oppna', guard.reopen, async (req, response, version) => {
    await reopenResponse(deps, requireUser(req), response, version);
    return 'Svaret är öppnat för komplettering efter sista svarsdag.';
  });
}
