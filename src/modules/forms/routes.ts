import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteAccess } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { handleForm, pageContext, requireUser } from '../../platform/http.ts';
import type { FormBody } from '../../platform/input.ts';
import { formValues, parseForm } from '../../platform/validation.ts';
import { emptyForm, type FormState } from '../../ui/components.tsx';
import { allQuestions, type Definition } from './definition.ts';
import { applyFormStep, readQuestionForm, type QuestionInput } from './question-form.ts';
import * as qrepo from './repository.ts';
import * as builder from './service.ts';
import {
  addQuestionFormKey,
  ConfirmRemovalPage,
  NewQuestionnairePage,
  newSectionFormKey,
  QuestionnaireEditorPage,
  QuestionnaireListPage,
  QuestionnairePreviewPage,
  questionFormKey,
  sectionFormKey,
  templatesFormKey,
  titleFormKey,
  type EditorState,
  type RemovalView,
  type QuestionnaireScopeView,
  type UseWords,
} from './views/builder.tsx';

type Params = {
  county: string;
  questionnaireId: string;
  sectionId: string;
  questionId: string;
  version: string;
};
type Req = FastifyRequest<{ Params: Params }>;

/** Where one scope's builder lives, as the owning capability places it. */
export interface BuilderPlace extends Omit<QuestionnaireScopeView, 'usedIn'> {
  /** the scope's county, or null for the capability's national questionnaires */
  countyCode: string | null;
}

/** How a capability offers the builder for its own questionnaires. */
export interface BuilderOptions {
  /** the owning capability (its module name): its questionnaires are kept apart from everyone else's */
  owner: string;
  /** who may build and change the capability's questionnaires in a scope; everyone else gets 404 */
  mayEdit: builder.MayEdit;
  /** one entry per kind of scope: the route prefix, its access declaration and the place of a request */
  places: Array<{ prefix: string; access: RouteAccess; place: (req: FastifyRequest) => BuilderPlace }>;
  /** what the capability calls a use of a questionnaire, in its pages and messages: "en omgång", "omgångar" */
  usedIn: UseWords;
  /** a national questionnaire that always exists (made on first use) and that a new one starts as a copy of */
  defaultTemplate?: { title: string; definition: Definition };
  /** ready-made questions the editor offers to add with one click (events: dietary and accessibility needs) */
  questionTemplates?: builder.QuestionTemplates;
  /** whether sections may be risk areas and questions have roles in them (lägesbild's); default true */
  riskAreas?: boolean;
}

/** The question form's input; bad rows and fields all at once, beside each. */
function questionInput(body: unknown): QuestionInput {
  const { input, errors } = readQuestionForm((body ?? {}) as FormBody);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return input;
}

/** The step a question form's smaller button asks for (add an option row …), if the post is one. */
const stepOf = (body: unknown): string | undefined => {
  const step = (body as FormBody | undefined)?.step;
  return typeof step === 'string' ? step : undefined;
};

const savedText = (r: builder.SaveResult, done: string, usedIn: UseWords): string =>
  !r.changed
    ? 'Inget behövde ändras.'
    : r.newVersion
      ? `Formuläret används i ${usedIn.one}, så ändringen sparades som version ${r.version}.`
      : done;

/**
 * The questionnaire builder's pages for one capability, under the addresses and access declarations it
 * gives. The builder asks the capability's `mayEdit` on every load and every change; it knows nothing else
 * of the capability.
 */
export function registerQuestionnaireBuilder(
  app: FastifyInstance,
  deps: Deps,
  options: BuilderOptions,
): void {
  const { db } = deps;
  const { owner, mayEdit, defaultTemplate, usedIn, questionTemplates } = options;
  const riskAreas = options.riskAreas ?? true;
  const viewer = (req: FastifyRequest): builder.Editor<typeof req.actor> => ({
    actor: req.actor,
    owner,
    mayEdit,
  });
  const editor = (req: FastifyRequest): builder.Editor => ({ actor: requireUser(req), owner, mayEdit });
  const ensureDefault = () =>
    defaultTemplate
      ? builder.ensureQuestionnaire(db, owner, defaultTemplate.title, defaultTemplate.definition)
      : Promise.resolve(undefined);

  for (const { prefix, access: routeAccess, place: placeOf } of options.places) {
    const place = (req: FastifyRequest) => ({
      ...placeOf(req),
      usedIn,
      riskAreas,
      ...(questionTemplates ? { questionTemplates } : {}),
    });
    const opts = { config: { access: routeAccess } };

    app.get(prefix, opts, async (req, reply) => {
      const p = place(req);
      await ensureDefault();
      const [own, national] = await Promise.all([
        qrepo.listQuestionnaires(db, { owner, countyCode: p.countyCode }),
        p.countyCode ? qrepo.listQuestionnaires(db, { owner, countyCode: null }) : Promise.resolve(undefined),
      ]);
      return reply.html(QuestionnaireListPage({ ctx: pageContext(req, reply), scope: p, own, national }));
    });

    const newPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState) => {
      const p = place(req);
      const sources = await qrepo.listQuestionnaireVersions(db, { owner, countyCode: p.countyCode });
      return NewQuestionnairePage({
        ctx: pageContext(req, reply),
        scope: p,
        form,
        sources: sources.map((v) => ({ value: v.versionId, label: `${v.title} (version ${v.version})` })),
      });
    };

    app.get(`${prefix}/nytt`, opts, async (req, reply) => {
      const defaultVersionId = await ensureDefault();
      return reply.html(await newPage(req, reply, emptyForm({ copyFrom: defaultVersionId ?? '' })));
    });

    app.post(`${prefix}/nytt`, opts, async (req, reply) =>
      handleForm(
        req,
        reply,
        (form) => newPage(req, reply, form),
        async () => {
          const p = place(req);
          const input = parseForm(builder.newQuestionnaireSchema, req.body);
          const q = await builder.createQuestionnaire(db, editor(req), p.countyCode, input);
          reply.setFlash({ kind: 'success', text: `Formuläret ”${q.title}” är skapat.` });
          return reply.redirect(`${p.base}/${q.id}`, 303);
        },
      ),
    );

    const editorPage = async (req: Req, reply: FastifyReply, state: EditorState) => {
      const p = place(req);
      const { questionnaire, versions, latest } = await builder.loadQuestionnaireWithVersions(
        db,
        viewer(req),
        p.countyCode,
        req.params.questionnaireId,
      );
      return QuestionnaireEditorPage({
        ctx: pageContext(req, reply),
        scope: p,
        questionnaire,
        latest,
        versions,
        state,
      });
    };

    app.get<{ Params: Params }>(`${prefix}/:questionnaireId`, opts, async (req, reply) =>
      reply.html(await editorPage(req, reply, { formKey: undefined, form: emptyForm() })),
    );

    app.get<{ Params: Params }>(`${prefix}/:questionnaireId/version/:version`, opts, async (req, reply) => {
      const p = place(req);
      const { questionnaire, version, editable } = await builder.loadVersionForPreview(
        db,
        viewer(req),
        p.countyCode,
        req.params.questionnaireId,
        /^\d{1,6}$/.test(req.params.version) ? Number(req.params.version) : NaN,
      );
      const latest = await qrepo.findLatestVersion(db, questionnaire.id);
      return reply.html(
        QuestionnairePreviewPage({
          ctx: pageContext(req, reply),
          scope: p,
          title: questionnaire.title,
          version,
          latestVersion: latest?.version,
          editorHref: editable ? `${p.base}/${questionnaire.id}` : undefined,
        }),
      );
    });

    /**
     * Removing asks first: a page that says what goes (a section with its questions, the questions whose
     * condition refers to what goes) and posts the removal; "Avbryt" leads back unchanged.
     */
    const confirmRemoval = (path: string, what: (req: Req, def: Definition) => RemovalView | undefined) =>
      app.get<{ Params: Params }>(`${prefix}/:questionnaireId${path}`, opts, async (req, reply) => {
        const p = place(req);
        const { questionnaire, latest } = await builder.loadQuestionnaireWithVersions(
          db,
          viewer(req),
          p.countyCode,
          req.params.questionnaireId,
        );
        const removal = what(req, latest.definition);
        if (!removal) throw new NotFoundError();
        return reply.html(
          ConfirmRemovalPage({
            ctx: pageContext(req, reply),
            scope: p,
            questionnaire,
            inUse: latest.inUse,
            removal,
          }),
        );
      });

    confirmRemoval('/avsnitt/:sectionId/ta-bort', (req, def) => {
      const section = def.sections.find((s) => s.id === req.params.sectionId);
      if (!section) return undefined;
      const going = new Set(section.questions.map((q) => q.id));
      return {
        kind: 'section',
        title: section.title,
        questions: section.questions.map((q) => q.label),
        dependents: dependentsOf(def, going),
        action: `/avsnitt/${section.id}/ta-bort`,
        back: `avsnitt-${section.id}`,
      };
    });

    confirmRemoval('/fragor/:questionId/ta-bort', (req, def) => {
      const question = allQuestions(def).find((q) => q.id === req.params.questionId);
      if (!question) return undefined;
      return {
        kind: 'question',
        title: question.label,
        questions: [],
        dependents: dependentsOf(def, new Set([question.id])),
        action: `/fragor/${question.id}/ta-bort`,
        back: `fraga-${question.id}`,
      };
    });

    /**
     * One editing action: the questionnaire is loaded within the scope (foreign → 404), the action runs,
     * and on invalid input the editor is shown again with the posted form (by its key) open.
     */
    const edit = (
      path: string,
      formKey: (params: Params) => string,
      run: (req: Req, questionnaireId: string) => Promise<{ text: string; anchor?: string }>,
      { steps = false }: { steps?: boolean } = {},
    ) =>
      app.post<{ Params: Params }>(`${prefix}/:questionnaireId${path}`, opts, async (req, reply) => {
        const p = place(req);
        const q = await builder.loadQuestionnaire(db, viewer(req), p.countyCode, req.params.questionnaireId);
        // A step of the form (without JavaScript): the page again with the form changed, nothing saved.
        const stepped = steps ? applyFormStep(formValues(req.body), stepOf(req.body)) : undefined;
        if (stepped)
          return reply.html(
            await editorPage(req, reply, {
              formKey: formKey(req.params),
              form: { values: stepped, errors: {} },
              open: true,
            }),
          );
        return handleForm(
          req,
          reply,
          (form) => editorPage(req, reply, { formKey: formKey(req.params), form }),
          async () => {
            const { text, anchor } = await run(req, q.id);
            reply.setFlash({ kind: 'success', text });
            return reply.redirect(`${p.base}/${q.id}${anchor ? `#${anchor}` : ''}`, 303);
          },
        );
      });

    edit(
      '/rubrik',
      () => titleFormKey,
      async (req, id) => {
        const { title } = parseForm(builder.questionnaireTitleSchema, req.body);
        await builder.renameQuestionnaire(db, editor(req), id, title);
        return { text: 'Rubriken är ändrad.' };
      },
    );

    edit(
      '/avsnitt',
      () => newSectionFormKey,
      async (req, id) => {
        const input = parseForm(builder.sectionFormSchema, req.body);
        const r = await builder.addSection(db, editor(req), id, input);
        return { text: savedText(r, `Avsnittet ”${input.title}” är tillagt.`, usedIn) };
      },
    );

    edit(
      '/avsnitt/:sectionId',
      (params) => sectionFormKey(params.sectionId),
      async (req, id) => {
        const input = parseForm(builder.sectionFormSchema, req.body);
        const r = await builder.editSection(db, editor(req), id, req.params.sectionId, input);
        return {
          text: savedText(r, 'Avsnittet är sparat.', usedIn),
          anchor: `avsnitt-${req.params.sectionId}`,
        };
      },
    );

    edit(
      '/avsnitt/:sectionId/ta-bort',
      (params) => sectionFormKey(params.sectionId),
      async (req, id) => {
        const r = await builder.removeSection(db, editor(req), id, req.params.sectionId);
        return { text: savedText(r, 'Avsnittet är borttaget.', usedIn) };
      },
    );

    edit(
      '/avsnitt/:sectionId/flytta',
      (params) => sectionFormKey(params.sectionId),
      async (req, id) => {
        const { direction } = parseForm(builder.moveSchema, req.body);
        const r = await builder.moveSection(db, editor(req), id, req.params.sectionId, direction);
        return {
          text: savedText(r, 'Avsnittet är flyttat.', usedIn),
          anchor: `avsnitt-${req.params.sectionId}`,
        };
      },
    );

    edit(
      '/avsnitt/:sectionId/fragor',
      (params) => addQuestionFormKey(params.sectionId),
      async (req, id) => {
        const input = questionInput(req.body);
        const r = await builder.addQuestion(db, editor(req), id, req.params.sectionId, input);
        return {
          text: savedText(r, 'Frågan är tillagd.', usedIn),
          anchor: `avsnitt-${req.params.sectionId}`,
        };
      },
      { steps: true },
    );

    if (questionTemplates)
      edit(
        '/fardiga-fragor',
        () => templatesFormKey,
        async (req, id) => {
          const key = (req.body as FormBody | undefined)?.template;
          const template = questionTemplates.templates.find((t) => t.key === key);
          if (!template) throw new ValidationError({ template: 'Välj en av de färdiga frågorna' });
          const r = await builder.addTemplateQuestions(
            db,
            editor(req),
            id,
            template,
            questionTemplates.sectionTitle,
          );
          return {
            text: savedText(r, `Frågan om ${template.name} är tillagd.`, usedIn),
            anchor: `fraga-${template.key}`,
          };
        },
      );

    edit(
      '/fragor/:questionId',
      (params) => questionFormKey(params.questionId),
      async (req, id) => {
        const input = questionInput(req.body);
        const r = await builder.editQuestion(db, editor(req), id, req.params.questionId, input);
        return { text: savedText(r, 'Frågan är sparad.', usedIn), anchor: `fraga-${req.params.questionId}` };
      },
      { steps: true },
    );

    edit(
      '/fragor/:questionId/ta-bort',
      (params) => questionFormKey(params.questionId),
      async (req, id) => {
        const r = await builder.removeQuestion(db, editor(req), id, req.params.questionId);
        return { text: savedText(r, 'Frågan är borttagen.', usedIn) };
      },
    );

    edit(
      '/fragor/:questionId/flytta',
      (params) => questionFormKey(params.questionId),
      async (req, id) => {
        const { direction } = parseForm(builder.moveSchema, req.body);
        const r = await builder.moveQuestion(db, editor(req), id, req.params.questionId, direction);
        return { text: savedText(r, 'Frågan är flyttad.', usedIn), anchor: `fraga-${req.params.questionId}` };
      },
    );
  }
}

/** The questions outside `going` whose condition refers to a question in it. */
function dependentsOf(def: Definition, going: Set<string>): string[] {
  return allQuestions(def)
    .filter((q) => !going.has(q.id) && q.showIf && going.has(q.showIf.questionId))
    .map((q) => q.label);
}
