import type { FastifyInstance } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { requireCounty } from '../../../platform/http.ts';
import { identityOf } from '../../../platform/kept-renders.ts';
import { loadPageContent } from '../pages.ts';
import { findRedirect } from '../pages-repository.ts';
import { ancestorsOf, siteTree } from '../site-tree.ts';
import { urls } from '../urls.ts';
import { PublicSitePage } from '../views/public-page.tsx';

/** A slug path under the county: lower-case segments; anything else can name no page. */
const PATH = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*){0,15}$/;

/**
 * A county's public page by its path (`/{county}/integration/nyanlanda`): the page the public sees now, else
 * an old address of a moved page (301 to where it is now), else 404. The start page (`/{county}/`) is not
 * this route's.
 */
export function registerPublicPageRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { county: string; '*': string } }>(
    '/:county/*',
    { config: { access: access.public() } },
    async (req, reply) => {
      const county = requireCounty(req);
      const path = (req.params['*'] ?? '').replace(/\/+$/, '');
      if (!PATH.test(path)) throw new NotFoundError();
      const tree = await siteTree(deps.db, county.code);
      const page = tree.publicByPath.get(path);
      if (!page || page.kind === 'start') {
        const redirect = await findRedirect(deps.db, county.code, path);
        const target = redirect ? tree.byId.get(redirect.pageId) : undefined;
        if (target?.isPublic) return reply.redirect(urls.page(county.slug, target.path), 301);
        throw new NotFoundError();
      }
      const content = await loadPageContent(deps.db, county.code, page.id);
      if (!content) throw new NotFoundError();
      const breadcrumbs = [
        { href: urls.countyHome(county.slug), label: tree.start?.isPublic ? tree.start.title : county.name },
        ...ancestorsOf(tree, page).map((p) => ({ href: urls.page(county.slug, p.path), label: p.title })),
      ];
      // The tree (the breadcrumbs) and the content are kept per process until the site changes: their
      // identities name the rendering (a new value read is a new identity), at no cost per request.
      const version = `${identityOf(tree)}\0${identityOf(content)}`;
      return reply.publicPage((ctx) => PublicSitePage({ ctx, breadcrumbs, content }), { version });
    },
  );
}
