import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { requireCounty, safeLocalPath, setLocaleCookie } from '../../platform/http.ts';
import { swedishCollator } from '../../platform/i18n.ts';
import { access } from '../../platform/authz.ts';
import { countyBoardName } from '../reference/index.ts';
import { listMunicipalities } from '../reference/index.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { CountyPage, HomePage } from './views/pages.tsx';

const localeSchema = z.object({
  locale: z.enum(['sv', 'en']).catch('sv'),
  next: z.string().optional().catch(undefined),
});

export function registerSiteRoutes(app: FastifyInstance, deps: Deps): void {
  const secure = deps.config.publicUrl.startsWith('https://') ? true : 'auto';

  app.get('/', { config: { access: access.public() } }, async (_req, reply) =>
    reply.publicPage((ctx) => HomePage({ ctx })),
  );

  app.post('/sprak', { config: { access: access.public() } }, async (req, reply) => {
    const { locale, next } = localeSchema.parse(req.body ?? {});
    setLocaleCookie(reply, locale, secure);
    return reply.redirect(safeLocalPath(next), 303);
  });

  app.get('/:county/', { config: { access: access.public() } }, async (req, reply) => {
    const county = requireCounty(req);
    // The county's municipalities are reference data: they change only with a new release.
    return reply.publicPage(async (ctx) => {
      const municipalities = (await listMunicipalities(deps.db, county.code)).sort((a, b) =>
        swedishCollator.compare(a.name, b.name),
      );
      return CountyPage({
        ctx,
        view: {
          slug: county.slug,
          countyName: county.name,
          boardName: countyBoardName(county.name),
          municipalities,
        },
      });
    });
  });
  app.get('/:county', { config: { access: access.public() } }, async (req, reply) => {
    const county = requireCounty(req);
    return reply.redirect(`/${county.slug}/`, 301);
  });

  registerSearchRoutes(app, deps);
}
