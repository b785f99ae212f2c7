import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireUser } from '../../../platform/http.ts';
import { emptyForm, isUuid } from '../../../platform/validation.ts';
import { countyBoardName, findCountyBoard } from '../../reference/index.ts';
import { countyCouncils, formCouncil, mergeCouncils, type CouncilInput } from '../service.ts';
import * as repo from '../repository.ts';
import { urls } from '../urls.ts';
import { bodyOf, councilGuard, countyOf, listOf, today } from './common.ts';
import { MergeCouncilsPage, NewCouncilPage } from '../views/manage/form.tsx';
import { CouncilsPage } from '../views/manage/list.tsx';
import type { CountyOf } from '../views/manage/parts.tsx';

/**
 * The county's councils: the list (each viewer sees what they may), forming a council convened by the county
 * board, and merging councils into a new one. Thin handlers: the services decide under the councils' locks.
 */
export function registerCouncilManageRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  app.get('/:county/rad', councilGuard.view, async (req, reply) => {
    const county = countyOf(req);
    const { manages, councils } = await countyCouncils(db, requireUser(req), county.code);
    return reply.html(CouncilsPage({ ctx: pageContext(req, reply), county, councils, manages }));
  });

  const newPage =
    (req: FastifyRequest, reply: Parameters<typeof pageContext>[1], county: CountyOf) =>
    (form: ReturnType<typeof emptyForm>) =>
      NewCouncilPage({ ctx: pageContext(req, reply), county, form, boardName: countyBoardName(county.name) });

  app.get('/:county/rad/nytt', councilGuard.manage, async (req, reply) => {
    const county = countyOf(req);
    return reply.html(newPage(req, reply, county)(emptyForm({ formedOn: today() })));
  });

  app.post('/:county/rad/nytt', councilGuard.manage, async (req, reply) => {
    const county = countyOf(req);
    return handleForm(req, reply, newPage(req, reply, county), async () => {
      const board = await findCountyBoard(db, county.code);
      if (!board) throw new NotFoundError();
      const council = await formCouncil(db, requireUser(req), county.code, bodyOf(req) as CouncilInput, {
        conveningOrganisationId: board.id,
      });
      reply.setFlash({ kind: 'success', text: `${council.name} är bildat.` });
      return reply.redirect(urls.overview(county.slug, council.slug), 303);
    });
  });

  const mergePage = async (
    req: FastifyRequest,
    reply: Parameters<typeof pageContext>[1],
    county: CountyOf,
    form: ReturnType<typeof emptyForm>,
  ) =>
    MergeCouncilsPage({
      ctx: pageContext(req, reply),
      county,
      form,
      councils: (await repo.listCouncils(db, county.code)).filter((c) => c.status === 'active'),
    });

  app.get('/:county/rad/sammanslagning', councilGuard.manage, async (req, reply) => {
    const county = countyOf(req);
    return reply.html(mergePage(req, reply, county, emptyForm({ formedOn: today() })));
  });

  app.post('/:county/rad/sammanslagning', councilGuard.manage, async (req, reply) => {
    const county = countyOf(req);
    const body = bodyOf(req);
    return handleForm(
      req,
      reply,
      (form) => mergePage(req, reply, county, form),
      async () => {
        const ids = listOf(body, 'councilIds');
        if (ids.length < 2 || !ids.every(isUuid))
          throw new ValidationError({ councilIds: 'Välj minst två råd att slå samman' });
        const council = await mergeCouncils(db, requireUser(req), county.code, ids, body as CouncilInput);
        reply.setFlash({ kind: 'success', text: `Råden är sammanslagna i ${council.name}.` });
        return reply.redirect(urls.overview(county.slug, council.slug), 303);
      },
    );
  });
}
