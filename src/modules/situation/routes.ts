import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../platform/http.ts';
import { swedishCollator } from '../../platform/i18n.ts';
import { stockholmDate } from '../../platform/time.ts';
import { formValues, parseForm } from '../../platform/validation.ts';
import { access } from '../../platform/authz.ts';
import { emptyForm, type FormState } from '../../ui/components.tsx';
import { listBoundaries, listOrganisations } from '../reference/index.ts';
import { readAnswerForm, fieldName, measureField, diffAnswers, scalarText } from '../forms/index.ts';
import { compileNationalPicture, compileRegionalPicture, completenessOf } from './compile.ts';
import {
  allQuestions,
  listQuestionnaireVersions,
  type Answers,
  type Definition,
  type Measure,
} from '../forms/index.ts';
import {
  answerRows,
  distributionChartSvg,
  nationalPictureToDocx,
  regionalPictureToDocx,
  rowsToCsv,
  rowsToXlsx,
} from './export/index.ts';
import { saveNationalSummaries, saveRegionalPicture } from './pictures.ts';
import { situationGlobalPolicy, situationPolicy } from './policy.ts';
import { QUESTIONNAIRE_OWNER } from './questionnaires.ts';
import * as repo from './repository.ts';
import { parseRoundForm, returnSchema, roundSchema, versionSchema } from './schemas.ts';
import * as situation from './service.ts';
import { AnswerPage, AssignmentsPage } from './views/answer.tsx';
import { CountyRoundsPage, OccasionPage, ResponsePage, RoundPage } from './views/county.tsx';
import { NationalPicturePage, NationalRoundsPage, RegionalPicturePage } from './views/picture.tsx';
import { RoundFormPage } from './views/round-form.tsx';

type Params = {
  county: string;
  roundId: string;
  occasionId: string;
  responseId: string;
  organisationId: string;
};

/** The answers as form values, so the same view renders a saved response and a re-posted form. */
function answersToValues(def: Definition, answers: Answers): Record<string, string> {
  const values: Record<string, string> = {};
  for (const q of allQuestions(def)) {
    const v = answers[q.id];
    if (q.type === 'measures') {
      const list = (v as Measure[] | undefined) ?? [];
      list.forEach((m, i) => {
        for (const part of ['description', 'status', 'targetGroup', 'responsible', 'startDate'] as const)
          values[measureField(q, i, part)] = m[part];
      });
      values[`${fieldName(q)}_rows`] = String(list.length + 1);
    } else if (v !== undefined)
      values[fieldName(q)] = Array.isArray(v) ? (v as string[]).join(',') : scalarText(v);
  }
  return values;
}

/** Re-posted measures keep their rows, plus one empty row (or two after "Lägg till en åtgärd"). */
function withMeasureRows(
  def: Definition,
  body: Record<string, unknown>,
  values: Record<string, string>,
  addFor?: string,
) {
  for (const q of allQuestions(def)) {
    if (q.type !== 'measures') continue;
    let rows = 0;
    while (body[measureField(q, rows, 'description')] !== undefined) rows++;
    values[`${fieldName(q)}_rows`] = String(Math.max(1, rows) + (addFor === q.id ? 1 : 0));
  }
  return values;
}

/** Maps the round form's zod paths (occasions.0.deadline) back to its fields (occasion1_deadline). */
function roundFieldErrors(errors: FieldErrors, indexes: number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = /^occasions\.(\d+)\.(\w+)$/.exec(path);
    if (m)
      out[`occasion${indexes[Number(m[1])] ?? 1}_${m[2] === 'reminderDays' ? 'reminderDays' : m[2]}`] =
        message;
    else out[path === 'occasions' ? 'occasion1_label' : path] = message;
  }
  return out;
}

export function registerSituationRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const countyView = { config: { access: access.county('round.view') } };
  const countyManage = { config: { access: access.county('round.manage') } };
  const pictureEdit = { config: { access: access.county('picture.edit') } };
  const national = { config: { access: access.global('national.coordinate') } };
  const respond = { config: { access: access.global('response.answer') } };

  // ---- The county's rounds --------------------------------------------------------------------

  app.get<{ Params: Params }>('/:county/lagesbild', countyView, async (req, reply) => {
    const county = requireCounty(req);
    const rounds = await repo.listRoundsForCounty(db, county.code);
    const summaries = await Promise.all(
      rounds.map(async (round) => ({ round, occasions: await repo.listOccasions(db, round.id) })),
    );
    return reply.html(
      CountyRoundsPage({
        ctx: pageContext(req, reply),
        countyName: county.name,
        slug: county.slug,
        rounds: summaries,
        canManage: situationPolicy['round.manage'](req.actor, { countyCode: county.code }),
      }),
    );
  });

  const roundForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    scope: 'national' | 'county',
  ) => {
    const county = scope === 'county' ? requireCounty(req) : undefined;
    await situation.ensureDefaultQuestionnaire(db);
    const versions = await listQuestionnaireVersions(db, {
      owner: QUESTIONNAIRE_OWNER,
      countyCode: county?.code ?? null,
    });
    return RoundFormPage({
      ctx: pageContext(req, reply),
      form,
      action: county ? `/${county.slug}/lagesbild/ny` : '/nationellt/lagesbild/ny',
      caption: county?.name ?? 'Nationell samordning',
      national: scope === 'national',
      questionnaires: versions.map((v) => ({
        value: v.versionId,
        label: `${v.title} (version ${v.version})`,
      })),
      back: county
        ? { href: `/${county.slug}/lagesbild`, label: 'Lägesbild' }
        : { href: '/nationellt/lagesbild', label: 'Nationell lägesbild' },
    });
  };

  const defaultRoundValues = () => {
    const today = stockholmDate(new Date());
    const plus = (days: number) => stockholmDate(new Date(Date.now() + days * 86_400_000));
    return {
      occasion1_opens: today,
      occasion1_deadline: plus(30),
      occasion1_locks: plus(45),
      occasion1_reminderDays: '3',
      occasion2_reminderDays: '3',
    };
  };

  const openRoundAction = async (req: FastifyRequest, reply: FastifyReply, scope: 'national' | 'county') => {
    const { raw, indexes } = parseRoundForm((req.body ?? {}) as Record<string, unknown>);
    let input;
    try {
      input = parseForm(roundSchema, raw);
    } catch (err) {
      if (err instanceof ValidationError)
        throw new ValidationError(roundFieldErrors(err.fieldErrors, indexes));
      throw err;
    }
    const actor = requireUser(req);
    const round = await situation.openRound(
      deps,
      actor,
      scope === 'national' ? { kind: 'national' } : { kind: 'county', countyCode: requireCounty(req).code },
      input,
    );
    reply.setFlash({ kind: 'success', text: `Omgången ”${round.title}” är öppnad.` });
    return reply.redirect(
      scope === 'national' ? '/nationellt/lagesbild' : `/${requireCounty(req).slug}/lagesbild/${round.id}`,
      303,
    );
  };

  app.get('/:county/lagesbild/ny', countyManage, async (req, reply) =>
    reply.html(await roundForm(req, reply, emptyForm(defaultRoundValues()), 'county')),
  );
  app.post('/:county/lagesbild/ny', countyManage, async (req, reply) => {
    const page = async (form: FormState) => roundForm(req, reply, form, 'county');
    return handleForm(
      req,
      reply,
      (form) => page(form),
      () => openRoundAction(req, reply, 'county'),
    );
  });

  const roundPage = async (req: FastifyRequest<{ Params: Params }>, reply: FastifyReply, form: FormState) => {
    const county = requireCounty(req);
    const round = await situation.roundInCounty(db, req.params.roundId, county.code);
    const [occasions, respondents, orgs] = await Promise.all([
      repo.listOccasions(db, round.id),
      repo.listRespondents(db, round.id, county.code),
      listOrganisations(db, { countyCode: county.code, includeNational: true }),
    ]);
    // Completeness needs statuses only: no answers are read, and the respondents are read once.
    const summaries = await Promise.all(
      occasions.map(async (occasion) => ({
        occasion,
        completeness: completenessOf(
          await repo.listOccasionResponses(db, occasion.id, round.id, county.code, [], respondents),
          occasion.deadlineAt,
        ),
      })),
    );
    const candidates = orgs
      .filter((o) => o.type !== 'county_board')
      .sort((a, b) => swedishCollator.compare(a.name, b.name))
      .map((o) => ({ id: o.id, name: o.name, type: o.type }));
    return RoundPage({
      ctx: pageContext(req, reply),
      countyName: county.name,
      slug: county.slug,
      round,
      occasions: summaries,
      candidates,
      chosen: new Set(
        form.values.organisationIds !== undefined
          ? form.values.organisationIds.split(',')
          : respondents.map((r) => r.organisationId),
      ),
      canManage: situationPolicy['round.manage'](req.actor, { countyCode: county.code }),
      form,
    });
  };

  app.get<{ Params: Params }>('/:county/lagesbild/:roundId', countyView, async (req, reply) =>
    reply.html(await roundPage(req, reply, emptyForm())),
  );

  app.post<{ Params: Params }>('/:county/lagesbild/:roundId/svarande', countyManage, async (req, reply) => {
    const county = requireCounty(req);
    const round = await situation.roundInCounty(db, req.params.roundId, county.code);
    const ids = ([] as unknown[])
      .concat((req.body as { organisationIds?: unknown })?.organisationIds ?? [])
      .map(String);
    try {
      await situation.setRespondents(deps, requireUser(req), round, county.code, ids);
    } catch (err) {
      if (err instanceof ValidationError)
        return reply.html(
          await roundPage(req, reply, {
            values: { organisationIds: ids.join(',') },
            errors: err.fieldErrors,
          }),
          400,
        );
      throw err;
    }
    reply.setFlash({ kind: 'success', text: 'De svarande är sparade.' });
    return reply.redirect(`/${county.slug}/lagesbild/${round.id}`, 303);
  });

  app.get<{ Params: Params }>('/:county/lagesbild/:roundId/:occasionId', countyView, async (req, reply) => {
    const county = requireCounty(req);
    const round = await situation.roundInCounty(db, req.params.roundId, county.code);
    const occasion = await situation.occasionOfRound(db, round, req.params.occasionId);
    const [entries, picture] = await Promise.all([
      repo.listOccasionResponses(db, occasion.id, round.id, county.code, []),
      repo.findRegionalPicture(db, occasion.id, county.code),
    ]);
    const now = new Date();
    return reply.html(
      OccasionPage({
        canReopen:
          situationPolicy['round.manage'](req.actor, { countyCode: county.code }) &&
          now > occasion.deadlineAt &&
          now <= occasion.locksAt &&
          picture?.status !== 'submitted',
        ctx: pageContext(req, reply),
        countyName: county.name,
        slug: county.slug,
        round,
        occasion,
        completeness: completenessOf(entries, occasion.deadlineAt),
        entries,
      }),
    );
  });

  // Reopening for one respondent after the deadline, whether or not it has started.
  app.post<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/oppna/:organisationId',
    countyManage,
    async (req, reply) => {
      const county = requireCounty(req);
      const round = await situation.roundInCounty(db, req.params.roundId, county.code);
      const occasion = await situation.occasionOfRound(db, round, req.params.occasionId);
      const respondent = (await repo.listRespondents(db, round.id, county.code)).find(
        (r) => r.organisationId === req.params.organisationId,
      );
      if (!respondent) throw new NotFoundError();
      const back = `/${county.slug}/lagesbild/${round.id}/${occasion.id}`;
      try {
        const response = await situation.ensureResponse(db, occasion, respondent);
        await situation.reopenResponse(deps, requireUser(req), response, response.version);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        reply.setFlash({ kind: 'info', text: err.message });
        return reply.redirect(back, 303);
      }
      reply.setFlash({ kind: 'success', text: `${respondent.name} kan svara igen fram till låsdatumet.` });
      return reply.redirect(back, 303);
    },
  );

  // ---- Exports ------------------------------------------------------------------------------

  const answerExport = async (
    occasionId: string,
    roundId: string,
    countyCode: string | undefined,
    definition: Definition,
    onlyCounties?: Set<string>,
  ) => {
    // Beyond the county, only answers that were submitted count: drafts stay with the respondent and county.
    const entries = (await repo.listOccasionResponses(db, occasionId, roundId, countyCode)).filter(
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
          countyName: situation.countyName(respondent.countyCode),
          status: response!.status,
          submittedAt: response!.submittedAt,
          answers: response!.answers,
        })),
    });
  };

  const sendFile = (reply: FastifyReply, body: Buffer, type: string, filename: string) =>
    reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(body);

  /** The raw answers as Excel or as CSV (UTF-8 with BOM, for Swedish Excel). */
  const sendAnswers = async (reply: FastifyReply, format: 'xlsx' | 'csv', rows: string[][], name: string) =>
    format === 'xlsx'
      ? sendFile(
          reply,
          await rowsToXlsx(rows, 'Svar'),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          `${name}.xlsx`,
        )
      : sendFile(reply, rowsToCsv(rows), 'text/csv; charset=utf-8', `${name}.csv`);

  for (const format of ['xlsx', 'csv'] as const) {
    app.get<{ Params: Params }>(
      `/:county/lagesbild/:roundId/:occasionId/svar.${format}`,
      countyView,
      async (req, reply) => {
        const county = requireCounty(req);
        const round = await situation.roundInCounty(db, req.params.roundId, county.code);
        const occasion = await situation.occasionOfRound(db, round, req.params.occasionId);
        const rows = await answerExport(
          occasion.id,
          round.id,
          county.code,
          await situation.definitionOf(db, round),
        );
        const name = `lagesbild-svar-${county.slug}-${stockholmDate(occasion.deadlineAt)}`;
        return sendAnswers(reply, format, rows, name);
      },
    );
  }

  // ---- The regional picture -------------------------------------------------------------------

  const regionalPage = async (
    req: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    form: FormState,
  ) => {
    const county = requireCounty(req);
    const round = await situation.roundInCounty(db, req.params.roundId, county.code);
    const occasion = await situation.occasionOfRound(db, round, req.params.occasionId);
    const p = await compileRegionalPicture(db, { occasionId: occasion.id, countyCode: county.code });
    const charts = Object.fromEntries(
      await Promise.all(
        p.areas.map(async (a) => [a.key, await distributionChartSvg(a, p.distribution[a.key]!)] as const),
      ),
    );
    return RegionalPicturePage({
      ctx: pageContext(req, reply),
      p,
      base: `/${county.slug}/lagesbild/${round.id}/${occasion.id}/sammanstallning`,
      answersBase: `/${county.slug}/lagesbild/${round.id}/${occasion.id}`,
      breadcrumbs: [
        { href: `/${county.slug}/lagesbild`, label: 'Lägesbild' },
        { href: `/${county.slug}/lagesbild/${round.id}`, label: round.title },
      ],
      canEdit: situationPolicy['picture.edit'](req.actor, { countyCode: county.code }),
      canSubmit: situationPolicy['round.manage'](req.actor, { countyCode: county.code }),
      charts,
      form,
    });
  };

  app.get<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning',
    countyView,
    async (req, reply) => reply.html(await regionalPage(req, reply, emptyForm())),
  );

  app.get<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning.docx',
    countyView,
    async (req, reply) => {
      const county = requireCounty(req);
      const round = await situation.roundInCounty(db, req.params.roundId, county.code);
      const occasion = await situation.occasionOfRound(db, round, req.params.occasionId);
      const p = await compileRegionalPicture(db, { occasionId: occasion.id, countyCode: county.code });
      return sendFile(
        reply,
        await regionalPictureToDocx(p),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        `regional-lagesbild-${county.slug}-${stockholmDate(occasion.deadlineAt)}.docx`,
      );
    },
  );

  app.post<{ Params: Params }>(
    '/:county/lagesbild/:roundId/:occasionId/sammanstallning',
    pictureEdit,
    async (req, reply) => {
      const county = requireCounty(req);
      const round = await situation.roundInCounty(db, req.params.roundId, county.code);
      const occasion = await situation.occasionOfRound(db, round, req.params.occasionId);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const submit = body.intent === 'submit';
      try {
        await saveRegionalPicture(db, requireUser(req), {
          occasionId: occasion.id,
          countyCode: county.code,
          body,
          submit,
        });
      } catch (err) {
        if (err instanceof ConflictError)
          return reply.html(
            await regionalPage(req, reply, { values: formValues(body), errors: { _form: err.message } }),
            409,
          );
        throw err;
      }
      reply.setFlash({
        kind: 'success',
        text: submit
          ? 'Den regionala lägesbilden är inskickad till den nationella samordnaren.'
          : 'Lägesbilden är sparad.',
      });
      return reply.redirect(`/${county.slug}/lagesbild/${round.id}/${occasion.id}/sammanstallning`, 303);
    },
  );

  // ---- Review of one response --------------------------------------------------------------------

  const responsePage = async (
    req: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    form: FormState,
  ) => {
    const county = requireCounty(req);
    const { response, occasion, round, definition } = await situation.responseInCounty(
      db,
      req.params.responseId,
      county.code,
    );
    const versions = await repo.listResponseVersions(db, response.id);
    const history = versions.map((v, i) => ({
      version: v.version,
      status: v.status,
      changedAt: v.changedAt,
      changedByName: v.changedByName,
      note: v.note,
      changes: diffAnswers(definition, i > 0 ? versions[i - 1]!.answers : {}, v.answers),
    }));
    const org = (await listOrganisations(db, { countyCode: county.code, includeNational: true })).find(
      (o) => o.id === response.organisationId,
    );
    return ResponsePage({
      ctx: pageContext(req, reply),
      slug: county.slug,
      countyName: county.name,
      round,
      occasion,
      organisationName: org?.name ?? '',
      response,
      definition,
      history: history.reverse(),
      canManage: situationPolicy['round.manage'](req.actor, { countyCode: county.code }),
      form,
      afterDeadline: new Date() > occasion.deadlineAt,
    });
  };

  app.get<{ Params: Params }>('/:county/lagesbild/svar/:responseId', countyView, async (req, reply) =>
    reply.html(await responsePage(req, reply, emptyForm())),
  );

  const reviewAction = (
    path: string,
    run: (req: FastifyRequest<{ Params: Params }>, response: repo.ResponseRow) => Promise<string>,
  ) =>
    app.post<{ Params: Params }>(
      `/:county/lagesbild/svar/:responseId/${path}`,
      countyManage,
      async (req, reply) => {
        const county = requireCounty(req);
        const { response } = await situation.responseInCounty(db, req.params.responseId, county.code);
        try {
          const message = await run(req, response);
          reply.setFlash({ kind: 'success', text: message });
        } catch (err) {
          if (err instanceof ValidationError || err instanceof ConflictError) {
            const errors = err instanceof ValidationError ? err.fieldErrors : { _form: err.message };
            return reply.html(
              await responsePage(req, reply, { values: formValues(req.body), errors }),
              err instanceof ConflictError ? 409 : 400,
            );
          }
          throw err;
        }
        return reply.redirect(`/${county.slug}/lagesbild/svar/${response.id}`, 303);
      },
    );

  // Each review action names the version the reviewer read; a response changed since then is a conflict.
  const readVersion = (req: FastifyRequest) => parseForm(versionSchema, req.body).version;
  reviewAction('godkann', async (req, response) => {
    await situation.approveResponse(deps, requireUser(req), response, readVersion(req));
    return 'Svaret är godkänt och låst.';
  });
  reviewAction('aterlamna', async (req, response) => {
    const { comment } = parseForm(returnSchema, req.body);
    await situation.returnResponse(deps, requireUser(req), response, readVersion(req), comment);
    return 'Svaret är återlämnat och de svarande har fått e-post.';
  });
  reviewAction('oppna', async (req, response) => {
    await situation.reopenResponse(deps, requireUser(req), response, readVersion(req));
    return 'Svaret är öppnat för komplettering efter sista svarsdag.';
  });

  // ---- Answering ---------------------------------------------------------------------------

  app.get('/uppdrag', respond, async (req, reply) => {
    const actor = requireUser(req);
    const orgIds = actor.memberships.filter((m) => m.role === 'reporter').map((m) => m.organisationId);
    const rows = await repo.listAssignments(db, orgIds);
    const now = new Date();
    return reply.html(
      AssignmentsPage({
        ctx: pageContext(req, reply),
        items: rows.map((r) => ({
          ...r,
          status: r.status,
          open: now >= r.opensAt && (now <= r.deadlineAt || Boolean(r.reopened)),
        })),
      }),
    );
  });

  const answerPage = async (
    req: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    a: situation.Assignment,
    form: FormState | undefined,
    conflict?: string,
  ) => {
    const open = situation.isAnsweringOpen(a.occasion, a.response);
    const locked = a.response && (a.response.status === 'submitted' || a.response.status === 'approved');
    const closedReason = locked
      ? a.response!.status === 'approved'
        ? 'Svaret är godkänt av länsstyrelsen och låst.'
        : 'Svaret är inskickat. Länsstyrelsen kan lämna tillbaka det för komplettering.'
      : !open
        ? new Date() < a.occasion.opensAt
          ? 'Rapporteringen har inte öppnat ännu.'
          : 'Sista svarsdag har passerat. Kontakta länsstyrelsen om ni behöver lämna svar.'
        : undefined;
    return AnswerPage({
      ctx: pageContext(req, reply),
      a,
      form: form ?? emptyForm(answersToValues(a.definition, a.response?.answers ?? {})),
      version: Number(form?.values.version ?? a.response?.version ?? 0),
      editable: open && !locked,
      closedReason,
      conflict,
    });
  };

  app.get<{ Params: Params }>('/uppdrag/:occasionId/:organisationId', respond, async (req, reply) => {
    const a = await situation.loadAssignment(
      deps,
      requireUser(req),
      req.params.occasionId,
      req.params.organisationId,
    );
    return reply.html(await answerPage(req, reply, a, undefined));
  });

  app.post<{ Params: Params }>('/uppdrag/:occasionId/:organisationId', respond, async (req, reply) => {
    const actor = requireUser(req);
    const a = await situation.loadAssignment(deps, actor, req.params.occasionId, req.params.organisationId);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const intent = typeof body.intent === 'string' ? body.intent : 'save';
    const json = String(req.headers.accept ?? '').includes('application/json');
    const { answers, errors } = readAnswerForm(a.definition, body);
    const values = withMeasureRows(
      a.definition,
      body,
      formValues(body),
      intent.startsWith('add:') ? intent.slice(4) : undefined,
    );
    const rerender = async (errs: FieldErrors, status: number, conflict?: string) => {
      if (json) return reply.code(status).send({ ok: false, errors: errs, conflict });
      return reply.html(await answerPage(req, reply, a, { values, errors: errs }, conflict), status);
    };
    const parsedVersion = versionSchema.safeParse(body);
    if (!parsedVersion.success)
      return rerender({ _form: 'Formuläret saknar versionsuppgift; ladda om sidan.' }, 400);
    const expectedVersion = parsedVersion.data.version;
    if (Object.keys(errors).length) return rerender(errors, 400);
    try {
      const saved = await situation.saveResponse(deps, actor, a, {
        answers,
        // A new response starts at version 1; the page was built from "version 0", nothing saved yet.
        expectedVersion: a.response ? expectedVersion : 1,
        submit: intent === 'submit',
      });
      if (json)
        return reply.send({ ok: true, version: saved.version, savedAt: saved.updatedAt.toISOString() });
      if (intent.startsWith('add:')) {
        const fresh = await situation.loadAssignment(
          deps,
          actor,
          req.params.occasionId,
          req.params.organisationId,
        );
        return reply.html(
          await answerPage(req, reply, fresh, {
            values: { ...values, version: String(saved.version) },
            errors: {},
          }),
        );
      }
      reply.setFlash({
        kind: 'success',
        text: intent === 'submit' ? 'Tack! Svaret är inskickat till länsstyrelsen.' : 'Utkastet är sparat.',
      });
      return reply.redirect(
        intent === 'submit' ? '/uppdrag' : `/uppdrag/${a.occasion.id}/${a.respondent.organisationId}`,
        303,
      );
    } catch (err) {
      if (err instanceof situation.EditConflictError) return rerender({}, 409, err.message);
      if (err instanceof ValidationError) return rerender(err.fieldErrors, 400);
      if (err instanceof ConflictError) return rerender({ _form: err.message }, 409);
      throw err;
    }
  });

  // ---- National ------------------------------------------------------------------------------

  app.get('/nationellt/lagesbild', national, async (req, reply) => {
    const rounds = await repo.listNationalRounds(db);
    const withOccasions = await Promise.all(
      rounds.map(async (r) => ({ id: r.id, title: r.title, occasions: await repo.listOccasions(db, r.id) })),
    );
    return reply.html(NationalRoundsPage({ ctx: pageContext(req, reply), rounds: withOccasions }));
  });

  app.get('/nationellt/lagesbild/ny', national, async (req, reply) =>
    reply.html(await roundForm(req, reply, emptyForm(defaultRoundValues()), 'national')),
  );
  app.post('/nationellt/lagesbild/ny', national, async (req, reply) =>
    handleForm(
      req,
      reply,
      (form) => roundForm(req, reply, form, 'national'),
      () => openRoundAction(req, reply, 'national'),
    ),
  );

  const nationalOccasion = async (req: FastifyRequest<{ Params: Params }>) => {
    const round = await repo.findRound(db, req.params.roundId);
    if (!round || round.scope !== 'national') throw new NotFoundError();
    const occasion = await situation.occasionOfRound(db, round, req.params.occasionId);
    return { round, occasion };
  };

  const nationalPage = async (
    req: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    form: FormState,
  ) => {
    const { round, occasion } = await nationalOccasion(req);
    const [p, municipalities, counties] = await Promise.all([
      compileNationalPicture(db, { occasionId: occasion.id }),
      listBoundaries(db, 'municipality'),
      listBoundaries(db, 'county'),
    ]);
    const chosen = (req.query as { omrade?: string }).omrade;
    const area = p.areas.find((a) => a.key === chosen) ?? p.areas[0];
    return NationalPicturePage({
      ctx: pageContext(req, reply),
      p,
      answersShared: round.shareAnswersNationally,
      map: municipalities.length && area ? { area, municipalities, counties } : undefined,
      base: `/nationellt/lagesbild/${round.id}/${occasion.id}`,
      canEdit: situationGlobalPolicy['national.coordinate'](req.actor),
      form,
    });
  };

  app.get<{ Params: Params }>('/nationellt/lagesbild/:roundId/:occasionId', national, async (req, reply) =>
    reply.html(await nationalPage(req, reply, emptyForm())),
  );

  app.get<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId.docx',
    national,
    async (req, reply) => {
      const { occasion } = await nationalOccasion(req);
      const p = await compileNationalPicture(db, { occasionId: occasion.id });
      return sendFile(
        reply,
        await nationalPictureToDocx(p),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        `nationell-lagesbild-${stockholmDate(occasion.deadlineAt)}.docx`,
      );
    },
  );

  // A county's submitted regional picture, as the national coordinator reads it (a draft is the county's own).
  const submittedRegional = async (req: FastifyRequest<{ Params: Params }>) => {
    const { round, occasion } = await nationalOccasion(req);
    const county = requireCounty(req);
    const p = await compileRegionalPicture(db, { occasionId: occasion.id, countyCode: county.code });
    if (p.status !== 'submitted') throw new NotFoundError();
    return { round, occasion, county, p };
  };

  app.get<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId/lan/:county',
    national,
    async (req, reply) => {
      const { round, occasion, county, p } = await submittedRegional(req);
      const charts = Object.fromEntries(
        await Promise.all(
          p.areas.map(async (a) => [a.key, await distributionChartSvg(a, p.distribution[a.key]!)] as const),
        ),
      );
      return reply.html(
        RegionalPicturePage({
          ctx: pageContext(req, reply),
          p,
          base: `/nationellt/lagesbild/${round.id}/${occasion.id}/lan/${county.slug}`,
          answersBase: undefined,
          breadcrumbs: [
            { href: '/nationellt/lagesbild', label: 'Nationell lägesbild' },
            { href: `/nationellt/lagesbild/${round.id}/${occasion.id}`, label: occasion.label },
          ],
          canEdit: false,
          canSubmit: false,
          charts,
          form: emptyForm(),
        }),
      );
    },
  );

  app.get<{ Params: Params }>(
    '/nationellt/lagesbild/:roundId/:occasionId/lan/:county.docx',
    national,
    async (req, reply) => {
      const { county, occasion, p } = await submittedRegional(req);
      return sendFile(
        reply,
        await regionalPictureToDocx(p),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        `regional-lagesbild-${county.slug}-${stockholmDate(occasion.deadlineAt)}.docx`,
      );
    },
  );

  // The answers beneath the submitted regional pictures, where the round lets the coordinator read them.
  for (const format of ['xlsx', 'csv'] as const) {
    app.get<{ Params: Params }>(
      `/nationellt/lagesbild/:roundId/:occasionId/svar.${format}`,
      national,
      async (req, reply) => {
        const { round, occasion } = await nationalOccasion(req);
        if (!round.shareAnswersNationally) throw new NotFoundError();
        const submitted = new Set(
          (await repo.listRegionalPictures(db, occasion.id))
            .filter((p) => p.status === 'submitted')
            .map((p) => p.countyCode),
        );
        const rows = await answerExport(
          occasion.id,
          round.id,
          undefined,
          await situation.definitionOf(db, round),
          submitted,
        );
        const name = `lagesbild-svar-nationellt-${stockholmDate(occasion.deadlineAt)}`;
        return sendAnswers(reply, format, rows, name);
      },
    );
  }

  app.post<{ Params: Params }>('/nationellt/lagesbild/:roundId/:occasionId', national, async (req, reply) => {
    const { round, occasion } = await nationalOccasion(req);
    const definition = await situation.definitionOf(db, round);
    await saveNationalSummaries(db, requireUser(req), {
      occasionId: occasion.id,
      areas: definition.areas.map((a) => a.key),
      body: (req.body ?? {}) as Record<string, unknown>,
    });
    reply.setFlash({ kind: 'success', text: 'Den nationella sammanfattningen är sparad.' });
    return reply.redirect(`/nationellt/lagesbild/${round.id}/${occasion.id}`, 303);
  });
}
