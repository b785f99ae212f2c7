import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireUser } from '../../../platform/http.ts';
import { normaliseBody } from '../../../platform/input.ts';
import { takeKeptForm } from '../../../platform/kept-forms.ts';
import { formValues } from '../../../platform/validation.ts';
import {
  answerFormValues,
  fieldName,
  invalidInputProblems,
  measureField,
  measureRowCounts,
  postedQuestions,
  readAnswerForm,
  withoutMeasureRow,
  type Section,
} from '../../forms/index.ts';
import {
  EditConflictError,
  listAssignments,
  loadAssignment,
  saveResponse,
  type Assignment,
} from '../answering.ts';
import { answeringAbilities } from '../policy.ts';
import { versionSchema } from '../schemas.ts';
import { urls } from '../urls.ts';
import { AssignmentsPage } from '../views/answer.tsx';
import { CheckAnswersPage, SectionPage, TaskListPage, type AnswerPageBase } from '../views/answer-pages.tsx';
import { bodyOf, guard, type Params } from './shared.ts';

type SectionParams = Params & { sectionId: string };

/** Where a measures question gets an extra empty row ("Lägg till en åtgärd", without JavaScript). */
const NEW_MEASURE = 'ny-atgard';

/** The answer form's posts: text typed when the session ended is kept and saved on return (no JavaScript). */
const keepsText = { config: { ...guard.respond.config, keepOnSessionEnd: true } };

/**
 * Answering: the reporter's assignments, and each answer form as a task list — an overview with each area's
 * progress, one area per page, and a check-your-answers page before submitting. Every page posts to the
 * assignment's address; a draft keeps everything typed, and only submitting is validated strictly.
 */
export function registerAnsweringRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  app.get('/uppdrag', guard.respond, async (req, reply) =>
    reply.html(
      AssignmentsPage({ ctx: pageContext(req, reply), items: await listAssignments(db, requireUser(req)) }),
    ),
  );

  const assignmentOf = (req: FastifyRequest<{ Params: Params }>) =>
    loadAssignment(deps, requireUser(req), req.params.occasionId, req.params.organisationId);

  /** What every answering page shows: the assignment, the stored state and whether it may still change. */
  const base = (req: FastifyRequest, reply: FastifyReply, a: Assignment): AnswerPageBase => ({
    ctx: pageContext(req, reply),
    a,
    state: { answers: a.response?.answers ?? {}, invalidInput: a.response?.invalidInput ?? {} },
    abilities: answeringAbilities(req.actor, {
      countyCode: a.respondent.countyCode,
      organisationId: a.respondent.organisationId,
      response: a.response,
      occasion: a.occasion,
      picture: a.picture,
      round: a.round,
    }),
  });

  const sectionOf = (a: Assignment, sectionId: unknown): Section | undefined =>
    a.definition.sections.find((s) => s.id === sectionId);

  /** One area's page: from the stored state, or with the user's input and why it was not saved. */
  const sectionPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    a: Assignment,
    section: Section,
    failed?: { values: Record<string, string>; errors: FieldErrors; version: number },
  ) => {
    const b = base(req, reply, a);
    const extraRowFor = (req.query as Record<string, string | undefined>)[NEW_MEASURE];
    return SectionPage({
      ...b,
      section,
      values: failed?.values ?? answerFormValues(a.definition, b.state, extraRowFor),
      version: failed?.version ?? a.response?.version ?? 0,
      flags: failed ? {} : invalidInputProblems(a.definition, b.state.invalidInput),
      notSaved: failed?.errors,
    });
  };

  /** What one page of the form posted, read and saved (or submitted) by the service, as any post is. */
  const saveFrom = async (
    req: FastifyRequest<{ Params: Params }>,
    a: Assignment,
    body: Record<string, unknown>,
    section: Section | undefined,
    submit: boolean,
  ) => {
    const version = versionSchema.safeParse(body);
    if (!version.success)
      throw new ValidationError({ _form: 'Formuläret saknar versionsuppgift; ladda om sidan.' });
    const questions = postedQuestions(a.definition, body, section?.id);
    const read = readAnswerForm(a.definition, body, questions);
    const response = await saveResponse(deps, requireUser(req), a, {
      answers: read.answers,
      invalidInput: read.invalidInput,
      questions,
      // A new response starts at version 1; the page was built from "version 0", nothing saved yet.
      expectedVersion: a.response ? version.data.version : 1,
      submit,
    });
    return { response, problems: invalidInputProblems(a.definition, response.invalidInput) };
  };

  /**
   * Saved on return: what this browser posted when its session had ended (kept by the platform until the
   * user signed in again) is saved as a draft by this user, as their own post would be — the same reading,
   * authorization and state rules; a refusal shows the page with the kept text and the reason. Undefined when
   * nothing was kept for this page.
   */
  const savedOnReturn = async (
    req: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    a: Assignment,
  ): Promise<FastifyReply | undefined> => {
    const kept = await takeKeptForm(req, reply, urls.assignment(a.occasion.id, a.respondent.organisationId));
    if (!kept) return undefined;
    const body = bodyOf(normaliseBody(kept));
    const section = sectionOf(a, body.section);
    try {
      await saveFrom(req, a, body, section, false);
    } catch (err) {
      if (!(err instanceof ValidationError) && !(err instanceof ConflictError)) throw err;
      const fresh = await assignmentOf(req);
      const errors = err instanceof ValidationError ? err.fieldErrors : { _form: err.message };
      const values = { ...formValues(body), ...measureRowCounts(a.definition, body) };
      const page = section
        ? sectionPage(req, reply, fresh, section, { values, errors, version: fresh.response?.version ?? 0 })
        : CheckAnswersPage({ ...base(req, reply, fresh), errors });
      return reply.html(page, err instanceof ValidationError ? 400 : 409);
    }
    reply.setFlash({ kind: 'success', text: 'Det du skrev innan du loggades ut är sparat som utkast.' });
    // Back to the area it was typed on (a browser that sends no Referer signed in to the overview).
    const typedOn = section
      ? urls.assignmentSection(a.occasion.id, a.respondent.organisationId, section.id)
      : req.url;
    return reply.redirect(typedOn, 303);
  };

  app.get<{ Params: Params }>('/uppdrag/:occasionId/:organisationId', guard.respond, async (req, reply) => {
    const a = await assignmentOf(req);
    return (await savedOnReturn(req, reply, a)) ?? reply.html(TaskListPage(base(req, reply, a)));
  });

  app.get<{ Params: SectionParams }>(
    '/uppdrag/:occasionId/:organisationId/avsnitt/:sectionId',
    guard.respond,
    async (req, reply) => {
      const a = await assignmentOf(req);
      const section = sectionOf(a, req.params.sectionId);
      if (!section) throw new NotFoundError();
      return (await savedOnReturn(req, reply, a)) ?? reply.html(sectionPage(req, reply, a, section));
    },
  );

  app.get<{ Params: Params }>(
    '/uppdrag/:occasionId/:organisationId/kontrollera',
    guard.respond,
    async (req, reply) => {
      const a = await assignmentOf(req);
      return (await savedOnReturn(req, reply, a)) ?? reply.html(CheckAnswersPage({ ...base(req, reply, a) }));
    },
  );

  app.post<{ Params: Params }>('/uppdrag/:occasionId/:organisationId', keepsText, async (req, reply) => {
    const a = await assignmentOf(req);
    let body = bodyOf(req.body);
    const intent = typeof body.intent === 'string' ? body.intent : 'save';
    const section = sectionOf(a, body.section);
    const [, addFor] = /^add:(\w+)$/.exec(intent) ?? [];
    const removal = /^remove:(\w+):(\d+)$/.exec(intent);
    if (removal) body = withoutMeasureRow(a.definition, body, removal[1]!, Number(removal[2]));
    const submit = intent === 'submit';
    const wantsJson = String(req.headers.accept ?? '').includes('application/json');

    const save = () => saveFrom(req, a, body, section, submit);

    // The autosave asks for JSON: the new version and what to flag, or why nothing was saved.
    if (wantsJson) {
      try {
        const { response, problems } = await save();
        return await reply.send({
          ok: true,
          version: response.version,
          savedAt: response.updatedAt.toISOString(),
          problems,
        });
      } catch (err) {
        if (err instanceof EditConflictError)
          return reply.code(409).send({ ok: false, errors: {}, conflict: err.message });
        if (err instanceof ConflictError)
          return reply.code(409).send({ ok: false, errors: { _form: err.message } });
        if (err instanceof ValidationError)
          return reply.code(400).send({ ok: false, errors: err.fieldErrors });
        throw err;
      }
    }

    const values = { ...formValues(body), ...measureRowCounts(a.definition, body) };
    return handleForm(
      req,
      reply,
      // Shown again as it is now (a refusal may come from a change since the page was read), with the input.
      async (form) => {
        const fresh = await assignmentOf(req);
        // A refused submission is shown where every area's answers are: the check page.
        if (section && !submit)
          return sectionPage(req, reply, fresh, section, {
            values,
            errors: form.errors,
            version: Number(body.version ?? 0),
          });
        return CheckAnswersPage({ ...base(req, reply, fresh), errors: form.errors });
      },
      async () => {
        let saved;
        try {
          saved = await save();
        } catch (err) {
          if (!(err instanceof EditConflictError)) throw err;
          // Someone saved in between: nothing was written; the user's input is shown beside a warning, on
          // the newest version, so saving again deliberately keeps what is shown.
          const fresh = await assignmentOf(req);
          const page = section
            ? sectionPage(req, reply, fresh, section, {
                values,
                errors: { _form: err.message },
                version: fresh.response?.version ?? 0,
              })
            : CheckAnswersPage({ ...base(req, reply, fresh), errors: { _form: err.message } });
          return reply.html(page, 409);
        }
        const here = section
          ? urls.assignmentSection(a.occasion.id, a.respondent.organisationId, section.id)
          : urls.assignment(a.occasion.id, a.respondent.organisationId);
        if (submit) {
          reply.setFlash({ kind: 'success', text: 'Tack! Svaret är inskickat till länsstyrelsen.' });
          return reply.redirect(urls.assignments(), 303);
        }
        if (addFor) {
          // The new row's place: after the rows now stored (at least the one empty row the form shows).
          const q = { id: addFor };
          const rows = Number(answerFormValues(a.definition, saved.response, addFor)[`${fieldName(q)}_rows`]);
          const anchor = measureField(q, rows - 1, 'description');
          return reply.redirect(`${here}?${NEW_MEASURE}=${addFor}#${anchor}`, 303);
        }
        if (removal) {
          reply.setFlash({ kind: 'info', text: `Åtgärd ${Number(removal[2]) + 1} är borttagen.` });
          return reply.redirect(`${here}#${fieldName({ id: removal[1]! })}`, 303);
        }
        const flagged = Object.keys(saved.problems).length;
        if (intent === 'next' && section) {
          const i = a.definition.sections.indexOf(section);
          const next = a.definition.sections[i + 1];
          return reply.redirect(
            next
              ? urls.assignmentSection(a.occasion.id, a.respondent.organisationId, next.id)
              : urls.assignmentCheck(a.occasion.id, a.respondent.organisationId),
            303,
          );
        }
        reply.setFlash({
          kind: flagged ? 'info' : 'success',
          text: flagged
            ? `Utkastet är sparat, med allt du skrivit. ${flagged === 1 ? 'Ett svar behöver' : `${flagged} svar behöver`} rättas innan du skickar in.`
            : 'Utkastet är sparat.',
        });
        return reply.redirect(here, 303);
      },
    );
  });
}
