import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import type { FormBody } from '../../../platform/input.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { registerQuestionnaireBuilder } from '../../forms/index.ts';
import {
  answerEvaluation,
  chooseEvaluation,
  evaluationOverview,
  loadEvaluationByToken,
} from '../evaluation.ts';
import { decide } from '../policy.ts';
import { eventsQuestionnaireBuilder, questionnaireOptions } from '../questions.ts';
import { eventResourceOf, loadEvent } from '../service.ts';
import { urls } from '../urls.ts';
import { EvaluationAnswerPage, EvaluationNotFoundPage, EvaluationPage } from '../views/evaluation/pages.tsx';

type EventParams = { Params: { county: string; eventId: string } };
type TokenParams = { Params: { token: string } };

/**
 * The questions and the evaluation of events: the county's questionnaire builder (/{län}/evenemang/formular,
 * for registration questions and evaluations alike), the organiser's evaluation page of an event (choose its
 * questionnaire, see when it goes out and the answers summarised) and the attendee's page for the evaluation
 * mail's link (public: the token is the permission; one answer per link).
 */
export function registerEvaluationRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  registerQuestionnaireBuilder(app, deps, eventsQuestionnaireBuilder);

  // ---- The organiser's page ------------------------------------------------------------------------

  const view = { config: { access: access.county('event.view') } };
  const edit = { config: { access: access.county('event.edit') } };

  const evaluationPage = async (req: FastifyRequest<EventParams>, reply: FastifyReply, form: FormState) => {
    const county = requireCounty(req);
    const event = await loadEvent(db, req.actor, { countyCode: county.code, eventId: req.params.eventId });
    const overview = await evaluationOverview(db, event);
    const d = decide(req.actor, 'event.edit', eventResourceOf(event));
    const choice =
      !d.allowed && d.refusal === 'role'
        ? undefined
        : !d.allowed
          ? d.reason
          : overview.mayChoose === true
            ? true
            : overview.mayChoose;
    const chosen = overview.evaluation?.questionnaireVersionId;
    const questionnaires = await questionnaireOptions(db, county.code, chosen);
    return EvaluationPage({
      ctx: pageContext(req, reply),
      data: { county: { name: county.name, slug: county.slug }, event, overview, questionnaires, choice },
      form: { values: { questionnaireVersionId: chosen ?? '', ...form.values }, errors: form.errors },
    });
  };

  app.get<EventParams>('/:county/evenemang/:eventId/utvardering', view, async (req, reply) =>
    reply.html(evaluationPage(req, reply, emptyForm())),
  );

  app.post<EventParams>('/:county/evenemang/:eventId/utvardering', edit, async (req, reply) => {
    const county = requireCounty(req);
    const event = await loadEvent(db, req.actor, { countyCode: county.code, eventId: req.params.eventId });
    const raw = ((req.body ?? {}) as FormBody).questionnaireVersionId;
    const versionId = typeof raw === 'string' ? raw.trim() : '';
    return handleForm(
      req,
      reply,
      (form) =>
        evaluationPage(req, reply, { values: { questionnaireVersionId: versionId }, errors: form.errors }),
      async () => {
        const saved = await chooseEvaluation(
          deps,
          requireUser(req),
          { countyCode: county.code, eventId: event.id },
          versionId || null,
        );
        reply.setFlash({
          kind: 'success',
          text: saved ? 'Formuläret för utvärderingen är sparat.' : 'Evenemanget har ingen utvärdering.',
        });
        return reply.redirect(urls.organiser.evaluation(county.slug, event.id), 303);
      },
    );
  });

  // ---- The attendee's page, by the mail's link ------------------------------------------------------

  const pub = { config: { access: access.public() } };
  const notFound = (req: FastifyRequest, reply: FastifyReply) =>
    reply.html(EvaluationNotFoundPage({ ctx: pageContext(req, reply) }), 404);

  app.get<TokenParams>('/utvardering/:token', pub, async (req, reply) => {
    const v = await loadEvaluationByToken(db, req.params.token);
    if (!v) return notFound(req, reply);
    const path = urls.evaluation(req.params.token);
    return reply
      .header('referrer-policy', 'no-referrer')
      .html(EvaluationAnswerPage({ ctx: pageContext(req, reply), v, path, form: emptyForm() }));
  });

  app.post<TokenParams>('/utvardering/:token', pub, async (req, reply) => {
    const v = await loadEvaluationByToken(db, req.params.token);
    if (!v) return notFound(req, reply);
    const path = urls.evaluation(req.params.token);
    reply.header('referrer-policy', 'no-referrer');
    return handleForm(
      req,
      reply,
      // Refused: the page as it stands now (answered meanwhile: the thank-you), with the input kept.
      async (form) =>
        EvaluationAnswerPage({
          ctx: pageContext(req, reply),
          v: (await loadEvaluationByToken(db, req.params.token)) ?? v,
          path,
          form,
        }),
      async () => {
        await answerEvaluation(deps, req.params.token, (req.body ?? {}) as Record<string, unknown>);
        reply.setFlash({ kind: 'success', text: 'Tack! Dina svar är sparade.' });
        return reply.redirect(path, 303);
      },
    );
  });
}
