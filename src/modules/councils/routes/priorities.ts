import type { FastifyReply, FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { isEmptyUpload } from '../../../platform/files.ts';
import { uploadOf } from '../../../platform/uploads.ts';
import { emptyForm, type FormState } from '../../../platform/validation.ts';
import {
  addFinancingLine,
  addIntervention,
  addMilestone,
  editIntervention,
  interventionDetails,
  markMilestoneDone,
  removeFinancingLine,
  removeMilestone,
  reportProgress,
} from '../interventions.ts';
import { can } from '../policy.ts';
import * as prepo from '../priorities-repository.ts';
import {
  addInterventionArea,
  addPriority,
  editPriority,
  handlingMatrix,
  prioritiesOf,
  recordHandling,
} from '../priorities.ts';
import * as repo from '../repository.ts';
import { resourceOf, type CouncilRoom } from '../service.ts';
import { addStrategy, addStrategyGoal, setInterventionGoals, strategiesOf } from '../strategies.ts';
import {
  csvText,
  importProgress,
  previewProgressImport,
  ProgressImportError,
  progressTemplate,
  type ImportProblem,
} from '../progress-import.ts';
import { urls } from '../urls.ts';
import { bodyOf, councilGuard, roomOf as roomFor, today, type RoomParams } from './common.ts';
import { ProgressImportPage, type ImportPreview } from '../views/priorities/import.tsx';
import { StrategiesPage, type StrategyForm } from '../views/priorities/strategies.tsx';
import { HandlingPage } from '../views/priorities/handling.tsx';
import { InterventionPage, type InterventionForm } from '../views/priorities/intervention.tsx';
import type { RoomPage } from '../views/priorities/parts.tsx';
import { PrioritiesPage, PriorityPage, type PriorityForm } from '../views/priorities/priorities.tsx';

type PriorityParams = { Params: { county: string; councilSlug: string; priorityId: string } };
type StrategyParams = { Params: { county: string; councilSlug: string; strategyId: string } };
type InterventionParams = { Params: { county: string; councilSlug: string; interventionId: string } };
type FinancingLineParams = { Params: InterventionParams['Params'] & { lineId: string } };
type MilestoneParams = { Params: InterventionParams['Params'] & { milestoneId: string } };

/**
 * A council's priorities, intervention areas and interventions in its work room, and how the members handle
 * the priorities. Thin handlers: the room decides who sees the council (404 for everyone else), the services
 * change under the council's lock and ask its rules there.
 */
export function registerPriorityRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const roomOf = async (req: FastifyRequest<RoomParams>) => ({
    county: requireCounty(req),
    room: await roomFor(db, req),
  });
  const pageOf = (
    req: FastifyRequest,
    reply: FastifyReply,
    county: { name: string; slug: string },
    room: CouncilRoom,
  ): RoomPage => ({
    ctx: pageContext(req, reply),
    county: { name: county.name, slug: county.slug },
    council: room.council,
    manages: room.manages,
    editing: room.editing,
  });

  // ---- Priorities ------------------------------------------------------------------------------------

  const prioritiesPage = async (req: FastifyRequest<RoomParams>, reply: FastifyReply, form: FormState) => {
    const { county, room } = await roomOf(req);
    const [priorities, decisions] = await Promise.all([
      prioritiesOf(db, room.council.id),
      prepo.listDecisionChoices(db, room.council.id),
    ]);
    return PrioritiesPage({ ...pageOf(req, reply, county, room), priorities, decisions, form });
  };

  app.get<RoomParams>('/:county/rad/:councilSlug/prioriteringar', councilGuard.view, async (req, reply) =>
    reply.html(prioritiesPage(req, reply, emptyForm())),
  );

  app.post<RoomParams>(
    '/:county/rad/:councilSlug/prioriteringar',
    councilGuard.manage,
    async (req, reply) => {
      const { county, room } = await roomOf(req);
      return handleForm(
        req,
        reply,
        (form) => prioritiesPage(req, reply, form),
        async () => {
          const priority = await addPriority(db, requireUser(req), county.code, room.council.id, bodyOf(req));
          reply.setFlash({ kind: 'success', text: `Samverkansområdet ”${priority.name}” är tillagt.` });
          return reply.redirect(urls.priority(county.slug, room.council.slug, priority.id), 303);
        },
      );
    },
  );

  const priorityPage = async (
    req: FastifyRequest<PriorityParams>,
    reply: FastifyReply,
    posted: PriorityForm | undefined,
    form: FormState,
  ) => {
    const { county, room } = await roomOf(req);
    const priority = await prepo.findPriority(db, room.council.id, req.params.priorityId);
    if (!priority) throw new NotFoundError();
    const [all, decisions, members] = await Promise.all([
      prioritiesOf(db, room.council.id),
      prepo.listDecisionChoices(db, room.council.id),
      repo.listMembers(db, room.council.id),
    ]);
    const areas = all.find((p) => p.priority.id === priority.id)?.areas ?? [];
    return PriorityPage({
      ...pageOf(req, reply, county, room),
      priority,
      areas,
      decisions,
      members,
      posted,
      form,
    });
  };

  const priorityPath = '/:county/rad/:councilSlug/prioriteringar/:priorityId';

  app.get<PriorityParams>(priorityPath, councilGuard.view, async (req, reply) =>
    reply.html(priorityPage(req, reply, undefined, emptyForm())),
  );

  /** A form on a priority's page: its service's change, then back to the page with a message. */
  const priorityPost =
    (
      posted: PriorityForm,
      change: (req: FastifyRequest<PriorityParams>, countyCode: string, councilId: string) => Promise<string>,
    ) =>
    async (req: FastifyRequest<PriorityParams>, reply: FastifyReply) => {
      const { county, room } = await roomOf(req);
      return handleForm(
        req,
        reply,
        (form) => priorityPage(req, reply, posted, form),
        async () => {
          const text = await change(req, county.code, room.council.id);
          reply.setFlash({ kind: 'success', text });
          return reply.redirect(urls.priority(county.slug, room.council.slug, req.params.priorityId), 303);
        },
      );
    };

  app.post<PriorityParams>(
    priorityPath,
    councilGuard.manage,
    priorityPost('edit', async (req, countyCode, councilId) => {
      await editPriority(db, requireUser(req), countyCode, councilId, req.params.priorityId, bodyOf(req));
      return 'Ändringarna är sparade.';
    }),
  );

  app.post<PriorityParams>(
    `${priorityPath}/insatsomraden`,
    councilGuard.manage,
    priorityPost('area', async (req, countyCode, councilId) => {
      const area = await addInterventionArea(
        db,
        requireUser(req),
        countyCode,
        councilId,
        req.params.priorityId,
        bodyOf(req),
      );
      return `Insatsområdet ”${area.name}” är tillagt.`;
    }),
  );

  app.post<PriorityParams>(
    `${priorityPath}/insatser`,
    councilGuard.manage,
    priorityPost('intervention', async (req, countyCode, councilId) => {
      if (!(await prepo.findPriority(db, councilId, req.params.priorityId))) throw new NotFoundError();
      const intervention = await addIntervention(db, requireUser(req), countyCode, councilId, bodyOf(req));
      return `Insatsen ”${intervention.name}” är tillagd.`;
    }),
  );

  // ---- Interventions -----------------------------------------------------------------------------------

  const interventionPage = async (
    req: FastifyRequest<InterventionParams>,
    reply: FastifyReply,
    posted: InterventionForm | undefined,
    form: FormState,
  ) => {
    const { county, room } = await roomOf(req);
    const details = await interventionDetails(db, room.council.id, req.params.interventionId);
    if (!details) throw new NotFoundError();
    return InterventionPage({
      ...pageOf(req, reply, county, room),
      ...details,
      mayReport: can(req.actor, 'council.answer', {
        ...resourceOf(room.council),
        organisationId: details.intervention.ownerOrganisationId,
      }),
      today: today(),
      posted,
      form,
    });
  };

  const interventionPath = '/:county/rad/:councilSlug/insatser/:interventionId';

  app.get<InterventionParams>(interventionPath, councilGuard.view, async (req, reply) =>
    reply.html(interventionPage(req, reply, undefined, emptyForm())),
  );

  const interventionPost =
    (
      posted: InterventionForm,
      change: (
        req: FastifyRequest<InterventionParams>,
        countyCode: string,
        councilId: string,
      ) => Promise<string>,
    ) =>
    async (req: FastifyRequest<InterventionParams>, reply: FastifyReply) => {
      const { county, room } = await roomOf(req);
      return handleForm(
        req,
        reply,
        (form) => interventionPage(req, reply, posted, form),
        async () => {
          const text = await change(req, county.code, room.council.id);
          reply.setFlash({ kind: 'success', text });
          return reply.redirect(
            urls.intervention(county.slug, room.council.slug, req.params.interventionId),
            303,
          );
        },
      );
    };

  app.post<InterventionParams>(
    interventionPath,
    councilGuard.manage,
    interventionPost('edit', async (req, countyCode, councilId) => {
      await editIntervention(
        db,
        requireUser(req),
        countyCode,
        councilId,
        req.params.interventionId,
        bodyOf(req),
      );
      return 'Ändringarna är sparade.';
    }),
  );

  app.post<InterventionParams>(
    `${interventionPath}/finansiering`,
    councilGuard.manage,
    interventionPost('financing', async (req, countyCode, councilId) => {
      await addFinancingLine(
        db,
        requireUser(req),
        countyCode,
        councilId,
        req.params.interventionId,
        bodyOf(req),
      );
      return 'Finansieringen är tillagd.';
    }),
  );

  app.post<InterventionParams>(
    `${interventionPath}/delmal`,
    councilGuard.manage,
    interventionPost('milestone', async (req, countyCode, councilId) => {
      await addMilestone(db, requireUser(req), countyCode, councilId, req.params.interventionId, bodyOf(req));
      return 'Delmålet är tillagt.';
    }),
  );

  app.post<FinancingLineParams>(
    `${interventionPath}/finansiering/:lineId/ta-bort`,
    councilGuard.manage,
    (req, reply) =>
      interventionPost('financing', async (_req, countyCode, councilId) => {
        await removeFinancingLine(
          db,
          requireUser(req),
          countyCode,
          councilId,
          req.params.interventionId,
          req.params.lineId,
        );
        return 'Finansieringen är borttagen.';
      })(req, reply),
  );

  app.post<MilestoneParams>(
    `${interventionPath}/delmal/:milestoneId/ta-bort`,
    councilGuard.manage,
    (req, reply) =>
      interventionPost('milestone', async (_req, countyCode, councilId) => {
        const milestone = await removeMilestone(
          db,
          requireUser(req),
          countyCode,
          councilId,
          req.params.interventionId,
          req.params.milestoneId,
        );
        return `Delmålet ”${milestone.title}” är borttaget.`;
      })(req, reply),
  );

  app.post<InterventionParams>(
    `${interventionPath}/delmal/klart`,
    councilGuard.view,
    interventionPost('done', async (req, countyCode, councilId) => {
      await markMilestoneDone(
        db,
        requireUser(req),
        countyCode,
        councilId,
        req.params.interventionId,
        bodyOf(req),
      );
      return 'Delmålet är markerat som klart.';
    }),
  );

  app.post<InterventionParams>(
    `${interventionPath}/lagesrapport`,
    councilGuard.view,
    interventionPost('progress', async (req, countyCode, councilId) => {
      await reportProgress(
        db,
        requireUser(req),
        countyCode,
        councilId,
        req.params.interventionId,
        bodyOf(req),
      );
      return 'Lägesrapporten är sparad.';
    }),
  );

  app.post<InterventionParams>(
    `${interventionPath}/mal`,
    councilGuard.manage,
    interventionPost('goals', async (req, countyCode, councilId) => {
      await setInterventionGoals(
        db,
        requireUser(req),
        countyCode,
        councilId,
        req.params.interventionId,
        bodyOf(req),
      );
      return 'Kopplingarna till strategiernas mål är sparade.';
    }),
  );

  // ---- Progress from a CSV file -----------------------------------------------------------------------------

  const importPath = '/:county/rad/:councilSlug/insatser/import';

  const importPage = async (
    req: FastifyRequest<RoomParams>,
    reply: FastifyReply,
    state: { form: FormState; problems: ImportProblem[]; preview: ImportPreview | undefined },
  ) => {
    const { county, room } = await roomOf(req);
    return ProgressImportPage({
      ...pageOf(req, reply, county, room),
      ...state,
      templateHref: urls.progressTemplate(county.slug, room.council.slug),
    });
  };

  app.get<RoomParams>(importPath, councilGuard.manage, async (req, reply) =>
    reply.html(importPage(req, reply, { form: emptyForm(), problems: [], preview: undefined })),
  );

  app.get<RoomParams>(`${importPath}/mall.csv`, councilGuard.manage, async (req, reply) => {
    const { room } = await roomOf(req);
    const year = today().slice(0, 4);
    return reply.download(await progressTemplate(db, room.council.id, year), {
      filename: `lagesrapporter-${room.council.slug}.csv`,
    });
  });

  /**
   * The uploaded file is checked and shown as it would be read (nothing applied); the confirming form sends the
   * same text back to be applied. A file with problems lists them all, by line and column (400).
   */
  app.post<RoomParams>(importPath, councilGuard.manageUploads, async (req, reply) => {
    const { county, room } = await roomOf(req);
    const actor = requireUser(req);
    const body = bodyOf(req);
    const upload = uploadOf(req, 'file');
    const text =
      upload && !isEmptyUpload(upload)
        ? upload.truncated
          ? { line: 1, column: '', message: 'Filen är för stor.' }
          : csvText(upload.bytes)
        : typeof body.csv === 'string'
          ? body.csv
          : undefined;
    const again = (state: Partial<Parameters<typeof importPage>[2]>, status: number) =>
      reply.html(
        importPage(req, reply, { form: emptyForm(), problems: [], preview: undefined, ...state }),
        status,
      );
    if (text === undefined || text === '')
      return again({ form: { values: {}, errors: { file: 'Välj en CSV-fil' } } }, 400);
    if (typeof text !== 'string') return again({ problems: [text] }, 400);
    return handleForm(
      req,
      reply,
      (form) => importPage(req, reply, { form, problems: [], preview: undefined }),
      async () => {
        if (body.intent === 'apply') {
          try {
            const count = await importProgress(db, actor, county.code, room.council.id, text);
            reply.setFlash({ kind: 'success', text: `${count} lägesrapporter är inlästa.` });
            return reply.redirect(urls.priorities(county.slug, room.council.slug), 303);
          } catch (err) {
            if (err instanceof ProgressImportError) return again({ problems: err.problems }, 400);
            throw err;
          }
        }
        const checked = await previewProgressImport(db, actor, county.code, room.council.id, text);
        if (checked.problems.length > 0) return again({ problems: checked.problems }, 400);
        return again({ preview: { text, rows: checked.rows } }, 200);
      },
    );
  });

  // ---- Strategies ------------------------------------------------------------------------------------------

  const strategiesPage = async (
    req: FastifyRequest<RoomParams>,
    reply: FastifyReply,
    posted: StrategyForm | undefined,
    form: FormState,
  ) => {
    const { county, room } = await roomOf(req);
    return StrategiesPage({
      ...pageOf(req, reply, county, room),
      strategies: await strategiesOf(db, room.council.id),
      posted,
      form,
    });
  };

  app.get<RoomParams>('/:county/rad/:councilSlug/strategier', councilGuard.view, async (req, reply) =>
    reply.html(strategiesPage(req, reply, undefined, emptyForm())),
  );

  app.post<RoomParams>('/:county/rad/:councilSlug/strategier', councilGuard.manage, async (req, reply) => {
    const { county, room } = await roomOf(req);
    return handleForm(
      req,
      reply,
      (form) => strategiesPage(req, reply, { kind: 'strategy' }, form),
      async () => {
        const strategy = await addStrategy(db, requireUser(req), county.code, room.council.id, bodyOf(req));
        reply.setFlash({ kind: 'success', text: `Strategin ”${strategy.name}” är tillagd.` });
        return reply.redirect(urls.strategies(county.slug, room.council.slug), 303);
      },
    );
  });

  app.post<StrategyParams>(
    '/:county/rad/:councilSlug/strategier/:strategyId/mal',
    councilGuard.manage,
    async (req, reply) => {
      const { county, room } = await roomOf(req);
      return handleForm(
        req,
        reply,
        (form) => strategiesPage(req, reply, { kind: 'goal', strategyId: req.params.strategyId }, form),
        async () => {
          const goal = await addStrategyGoal(
            db,
            requireUser(req),
            county.code,
            room.council.id,
            req.params.strategyId,
            bodyOf(req),
          );
          reply.setFlash({ kind: 'success', text: `”${goal.title}” är tillagd.` });
          return reply.redirect(urls.strategies(county.slug, room.council.slug), 303);
        },
      );
    },
  );

  // ---- The members' handling of the priorities -----------------------------------------------------------

  const handlingPage = async (req: FastifyRequest<RoomParams>, reply: FastifyReply, form: FormState) => {
    const { county, room } = await roomOf(req);
    const matrix = await handlingMatrix(db, room.council.id);
    const resource = resourceOf(room.council);
    return HandlingPage({
      ...pageOf(req, reply, county, room),
      matrix,
      answerFor: matrix.members
        .map((m) => m.organisationId)
        .filter((organisationId) => can(req.actor, 'council.answer', { ...resource, organisationId })),
      form,
    });
  };

  app.get<RoomParams>('/:county/rad/:councilSlug/hantering', councilGuard.view, async (req, reply) =>
    reply.html(handlingPage(req, reply, emptyForm())),
  );

  app.post<RoomParams>('/:county/rad/:councilSlug/hantering', councilGuard.view, async (req, reply) => {
    const { county, room } = await roomOf(req);
    return handleForm(
      req,
      reply,
      (form) => handlingPage(req, reply, form),
      async () => {
        await recordHandling(db, requireUser(req), county.code, room.council.id, bodyOf(req));
        reply.setFlash({ kind: 'success', text: 'Hanteringen är sparad.' });
        return reply.redirect(urls.handling(county.slug, room.council.slug), 303);
      },
    );
  });
}
