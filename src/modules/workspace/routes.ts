import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { allowedInCounty, pageContext, requireCounty, requireUser } from '../../platform/http.ts';
import { access } from '../../platform/authz.ts';
import { findOrganisation } from '../reference/index.ts';
import { countyBoardName } from '../reference/index.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import { listAssignments } from '../situation/index.ts';
import * as repo from './service.ts';
import { openTasks } from './service.ts';
import { identityOf, KeptRenders } from '../../platform/kept-renders.ts';
import {
  CountyWorkspaceContent,
  CountyWorkspaceShell,
  MyOrganisationPage,
  NationalPage,
} from './views/pages.tsx';

export function registerWorkspaceRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/nationellt', { config: { access: access.global('national.view') } }, async (req, reply) =>
    reply.html(
      NationalPage({ ctx: pageContext(req, reply), counties: await repo.nationalOverview(deps.db) }),
    ),
  );

  // The work room's content is rendered once per version of the roster it shows (the same object while the
  // roster is kept) and per what the viewer may do; each view renders only its own page shell around it.
  const keptRooms = new KeptRenders(4 * 2 ** 20);
  app.get('/:county/admin', { config: { access: access.county('workspace.view') } }, async (req, reply) => {
    const county = requireCounty(req);
    const room = await repo.countyWorkroom(deps.db, county.code);
    const canManagePeople = allowedInCounty(req, 'people.invite');
    const boardName = countyBoardName(county.name);
    return reply.keptPage(
      keptRooms,
      `${county.code}\0${canManagePeople}\0${identityOf(room)}`,
      (ctx) => CountyWorkspaceShell({ ctx, boardName }),
      () =>
        CountyWorkspaceContent({
          view: { countyName: county.name, countySlug: county.slug, boardName, ...room, canManagePeople },
        }),
    );
  });

  app.get(
    '/min-organisation',
    { config: { access: access.global('organisation.view') } },
    async (req, reply) => {
      const actor = requireUser(req);
      const own = actor.memberships.filter((m) => m.role === 'reporter');
      const tasks = openTasks(await listAssignments(deps.db, actor));
      const organisations = await Promise.all(
        own.map(async (membership) => {
          const [org, people] = await Promise.all([
            findOrganisation(deps.db, membership.organisationId),
            repo.organisationPeople(deps.db, membership.organisationId),
          ]);
          return {
            membership,
            countyName: findCountyByCode(membership.countyCode)?.name ?? null,
            orgNumber: org?.orgNumber ?? null,
            people,
          };
        }),
      );
      return reply.html(MyOrganisationPage({ ctx: pageContext(req, reply), organisations, tasks }));
    },
  );
}
