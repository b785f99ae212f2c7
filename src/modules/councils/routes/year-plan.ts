import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { emptyForm, formValues, type FormState } from '../../../platform/validation.ts';
import type { CouncilRoom } from '../service.ts';
import { urls } from '../urls.ts';
import { councilGuard, roomOf, type RoomParams } from './common.ts';
import { YearPlanPage, YearStepFormPage, yearStepValues } from '../views/year-plan.tsx';
import {
  createYearSteps,
  editYearStep,
  yearOf,
  yearPlan,
  yearStepChoices,
  yearStepOf,
  type YearStepInput,
  type YearStepView,
} from '../year-plan.ts';

type StepParams = { Params: { county: string; councilSlug: string; stepId: string } };

/** A council's year plan (årshjul): the year's steps, the admin's "create the year's steps" and step form. */
export function registerYearPlanRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  /** The step of the room's council, for its admin (another council's step, or a member, is 404). */
  async function stepOf(req: FastifyRequest<StepParams>): Promise<{ room: CouncilRoom; step: YearStepView }> {
    const room = await roomOf(db, req);
    if (!room.manages) throw new NotFoundError();
    const step = await yearStepOf(db, room.council, req.params.stepId);
    if (!step) throw new NotFoundError();
    return { room, step };
  }

  async function stepPage(
    req: FastifyRequest<StepParams>,
    reply: FastifyReply,
    { room, step }: { room: CouncilRoom; step: YearStepView },
    form: FormState = emptyForm(yearStepValues(step)),
  ) {
    const county = requireCounty(req);
    return YearStepFormPage({
      ctx: pageContext(req, reply),
      county,
      council: room.council,
      step,
      form,
      choices: await yearStepChoices(db, county.code, step.year),
    });
  }

  app.get<RoomParams & { Querystring: { ar?: string } }>(
    '/:county/rad/:councilSlug/arshjul',
    councilGuard.view,
    async (req, reply) => {
      const room = await roomOf(db, req);
      const year = yearOf(req.query.ar);
      return reply.html(
        YearPlanPage({
          ctx: pageContext(req, reply),
          county: requireCounty(req),
          council: room.council,
          year,
          steps: await yearPlan(db, room.council, year),
          manages: room.manages,
          editing: room.editing,
        }),
      );
    },
  );

  app.post<RoomParams>('/:county/rad/:councilSlug/arshjul', councilGuard.manage, async (req, reply) => {
    const county = requireCounty(req);
    const room = await roomOf(db, req);
    const year = yearOf(formValues(req.body).ar);
    const created = await createYearSteps(db, requireUser(req), county.code, room.council.id, year);
    reply.setFlash({
      kind: created.length > 0 ? 'success' : 'info',
      text: created.length > 0 ? `Årets steg för ${year} är skapade.` : `Årets steg för ${year} fanns redan.`,
    });
    return reply.redirect(urls.yearPlan(county.slug, room.council.slug, year), 303);
  });

  app.get<StepParams>(
    '/:county/rad/:councilSlug/arshjul/:stepId',
    councilGuard.manage,
    async (req, reply) => {
      return reply.html(await stepPage(req, reply, await stepOf(req)));
    },
  );

  app.post<StepParams>(
    '/:county/rad/:councilSlug/arshjul/:stepId',
    councilGuard.manage,
    async (req, reply) => {
      const county = requireCounty(req);
      const found = await stepOf(req);
      const { room } = found;
      return handleForm(
        req,
        reply,
        (form) => stepPage(req, reply, found, form),
        async () => {
          const step = await editYearStep(
            db,
            requireUser(req),
            county.code,
            room.council.id,
            found.step.id,
            req.body as YearStepInput,
          );
          reply.setFlash({ kind: 'success', text: `”${step.title}” är sparat.` });
          return reply.redirect(urls.yearPlan(county.slug, room.council.slug, step.year), 303);
        },
      );
    },
  );
}
