import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access } from '../../../platform/authz.ts';
import { pageContext, requireCounty } from '../../../platform/http.ts';
import { readSearchParams, searchPageView } from '../search-page.ts';
import { SearchPage } from '../views/search.tsx';

/**
 * Search, nationally and in a county. Each question's page is made for it (not kept as a public page: there is
 * one per question), and the question is never logged (the log names the route, not the address).
 */
export function registerSearchRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/sok', { config: { access: access.public() } }, async (req, reply) => {
    const view = await searchPageView(deps.db, undefined, readSearchParams(req.query), new Date());
    return reply.html(SearchPage({ ctx: pageContext(req, reply), view }));
  });

  app.get('/:county/sok', { config: { access: access.public() } }, async (req, reply) => {
    const county = requireCounty(req);
    const view = await searchPageView(deps.db, county, readSearchParams(req.query), new Date());
    return reply.html(SearchPage({ ctx: pageContext(req, reply), view }));
  });
}
