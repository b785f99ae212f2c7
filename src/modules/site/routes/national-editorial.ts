import type { FastifyInstance } from 'fastify';
import { access } from '../../../platform/authz.ts';
import { pageContext } from '../../../platform/http.ts';
import { urls } from '../urls.ts';
import { NationalEditorialPage } from '../views/news-editor.tsx';

/** The coordinator's editorial start: national news and every county's warning banners. */
export function registerNationalEditorialRoutes(app: FastifyInstance): void {
  app.get(
    urls.nationalEditorial(),
    { config: { access: access.global('site.national') } },
    async (req, reply) =>
      reply.html(
        NationalEditorialPage({
          ctx: pageContext(req, reply),
          links: {
            news: urls.nationalNewsList(),
            banners: urls.nationalBanners(),
            publicNews: urls.nationalNews(),
          },
        }),
      ),
  );
}
