import type { FastifyInstance } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { requireCounty } from '../../../platform/http.ts';
import { identityOf } from '../../../platform/kept-renders.ts';
import { publicCouncil } from '../service.ts';
import { CouncilPublicPage } from '../views/public-page.tsx';

/** A council's public page, for everyone: another county's council, or none by that address, is 404. */
export function registerPublicCouncilRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { county: string; councilSlug: string } }>(
    '/:county/rad/:councilSlug',
    { config: { access: access.public() } },
    async (req, reply) => {
      const county = requireCounty(req);
      const page = await publicCouncil(deps.db, county.code, req.params.councilSlug);
      if (!page) throw new NotFoundError();
      // Rendered once for visitors while what it shows is kept (the same object: its identity is its version).
      return reply.publicPage((ctx) => CouncilPublicPage({ ctx, county, page }), {
        version: String(identityOf(page)),
      });
    },
  );
}
