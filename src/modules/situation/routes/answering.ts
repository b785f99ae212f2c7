import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireUser } from '../../../platform/http.ts';
import { formValues } from '../../../platform/validation.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import {
  allQuestions,
  fieldName,
  measureField,
  readAnswerForm,
  scalarText,
  type Answers,
  type Definition,
  type Measure,
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
import { AnswerPage, AssignmentsPage } from '../views/answer.tsx';
import { bodyOf, guard, type Params } from './shared.ts';

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

/** Answering: the reporter's assignments and the answer form (saved as a draft, by autosave, or submitted). */
export function registerAnsweringRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  app.get('/uppdrag', guard.respond, async (req, reply) =>
    reply.html(
      AssignmentsPage({ ctx: pageContext(req, reply), items: await listAssignments(db, requireUser(req)) }),
    ),
  );

  const answerPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    a: Assignment,
    form: FormState | undefined,
    conflict?: string,
  ) =>
    AnswerPage({
      ctx: pageContext(req, reply),
      a,
      form: form ?? emptyForm(answersToValues(a.definition, a.response?.answers ?? {})),
      version: Number(form?.values.version ?? a.response?.version ?? 0),
      abilities: answeringAbilities(req.actor, {
        countyCode: a.respondent.countyCode,
        organisationId: a.respondent.organisationId,
        response: a.response,
        occasion: a.occasion,
        picture: a.picture,
      }),
      conflict,
    });

  const assignmentOf = (req: FastifyRequest<{ Params: Params }>) =>
    loadAssignment(deps, requireUser(req), req.params.occasionId, req.params.organisationId);

  app.get<{ Params: Params }>('/uppdrag/:occasionId/:organisationId', guard.respond, async (req, reply) =>
    reply.html(await answerPage(req, reply, await assignmentOf(req), undefined)),
  );

  app.post<{ Params: Params }>('/uppdrag/:occasionId/:organisationId', guard.respond, async (req, reply) => {
    const a = await assignmentOf(req);
    const body = bodyOf(req.body);
    const intent = typeof body.intent === 'string' ? body.intent : 'save';
    const addFor = intent.startsWith('add:') ? intent.slice(4) : undefined;
    const values = withMeasureRows(a.definition, body, formValues(body), addFor);

    /** Reads the form and saves it; a save that lost to someone else's comes back as that error. */
    const save = async () => {
      const { answers, errors } = readAnswerForm(a.definition, body);
      const version = versionSchema.safeParse(body);
      if (!version.success)
        throw new ValidationError({ _form: 'Formuläret saknar versionsuppgift; ladda om sidan.' });
      if (Object.keys(errors).length) throw new ValidationError(errors);
      return saveResponse(deps, requireUser(req), a, {
        answers,
        // A new response starts at version 1; the page was built from "version 0", nothing saved yet.
        expectedVersion: a.response ? version.data.version : 1,
        submit: intent === 'submit',
      }).catch((err: unknown) => {
        if (err instanceof EditConflictError) return err;
        throw err;
      });
    };

    // The autosave asks for JSON: the new version, or the conflict (other refusals: the error handler's JSON).
    if (String(req.headers.accept ?? '').includes('application/json')) {
      const saved = await save();
      if (saved instanceof EditConflictError)
        return reply.code(409).send({ ok: false, errors: {}, conflict: saved.message });
      return reply.send({ ok: true, version: saved.version, savedAt: saved.updatedAt.toISOString() });
    }

    return handleForm(
      req,
      reply,
      // Shown again as it is now (a refusal may come from a change since the page was read), with the input.
      async (form) => answerPage(req, reply, await assignmentOf(req), { values, errors: form.errors }),
      async () => {
        const saved = await save();
        // Someone saved in between: nothing was written; the user's input is shown beside a warning.
        if (saved instanceof EditConflictError)
          return reply.html(await answerPage(req, reply, a, { values, errors: {} }, saved.message), 409);
        if (addFor) {
          const fresh = await assignmentOf(req);
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
          intent === 'submit'
            ? urls.assignments()
            : urls.assignment(a.occasion.id, a.respondent.organisationId),
          303,
        );
      },
    );
  });
}
