import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { requireCounty, safeLocalPath, setLocaleCookie } from '../../platform/http.ts';
import { access } from '../../platform/authz.ts';
import { identityOf } from '../../platform/kept-renders.ts';
import { COUNTIES } from '../../platform/tenancy.ts';
import { councilUrls } from '../councils/index.ts';
import { countySlugOf, urls as eventUrls, whenOfEvent } from '../events/index.ts';
import { countyBoardName } from '../reference/index.ts';
import { registerEditorialContactRoutes } from './routes/editorial-contacts.ts';
import { registerEditorialPageRoutes } from './routes/editorial-pages.ts';
import { registerPublicPageRoutes } from './routes/public-pages.ts';
import { registerSettingsRoutes } from './routes/settings.ts';
import { registerBannerRoutes } from './routes/banners.ts';
import { registerNationalEditorialRoutes } from './routes/national-editorial.ts';
import { registerNewsRoutes } from './routes/news.ts';
import { registerFrameRoutes } from './routes/frame.ts';
import { countyStart, nationalStart } from './start-pages.ts';
import { urls } from './urls.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerIndexingRoutes } from './routes/indexing.ts';
import { CountyPage, HomePage } from './views/pages.tsx';

const localeSchema = z.object({
  locale: z.enum(['sv', 'en']).catch('sv'),
  next: z.string().optional().catch(undefined),
});

const COUNTY_CHOICES = COUNTIES.map((c) => ({ code: c.code, slug: c.slug, name: c.name }));

export function registerSiteRoutes(app: FastifyInstance, deps: Deps): void {
  const secure = deps.config.publicUrl.startsWith('https://') ? true : 'auto';

  // Rendered once per version of what they show (kept reads: their identity is the version).
  app.get('/', { config: { access: access.public() } }, async (_req, reply) => {
    const start = await nationalStart(deps.db);
    return reply.publicPage(
      (ctx) =>
        HomePage({
          ctx,
          view: {
            counties: COUNTY_CHOICES,
            news: start.news.map((n) => ({
              href: urls.nationalNewsItem(n.slug),
              title: n.title,
              summary: n.summary,
              publishedAt: n.publishedAt!,
            })),
          },
        }),
      { version: String(identityOf(start)) },
    );
  });

  app.post('/sprak', { config: { access: access.public() } }, async (req, reply) => {
    const { locale, next } = localeSchema.parse(req.body ?? {});
    setLocaleCookie(reply, locale, secure);
    return reply.redirect(safeLocalPath(next), 303);
  });

  app.get('/:county/', { config: { access: access.public() } }, async (req, reply) => {
    const county = requireCounty(req);
    const start = await countyStart(deps.db, county.code);
    return reply.publicPage(
      (ctx) =>
        CountyPage({
          ctx,
          view: {
            slug: county.slug,
            countyName: county.name,
            boardName: countyBoardName(county.name),
            intro: start.intro,
            themes: start.themes.map((p) => ({
              href: urls.page(county.slug, p.path),
              title: p.title,
              summary: p.summary,
            })),
            news: start.news.map((n) => ({
              href: urls.countyNewsItem(county.slug, n.slug),
              title: n.title,
              summary: n.summary,
              publishedAt: n.publishedAt!,
            })),
            events: start.events.map((e) => ({
              href: eventUrls.event(countySlugOf(e.countyCode), e.slug),
              title: e.title,
              when: whenOfEvent(e.startsAt, e.endsAt),
            })),
            councils: start.councils.map((c) => ({
              href: councilUrls.publicPage(county.slug, c.slug),
              name: c.name,
            })),
            contacts: start.contacts,
          },
        }),
      { version: String(identityOf(start)) },
    );
  });
  app.get('/:county', { config: { access: access.public() } }, async (req, reply) => {
    const county = requireCounty(req);
    return reply.redirect(`/${county.slug}/`, 301);
  });
  registerEditorialPageRoutes(app, deps);
  registerEditorialContactRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerPublicPageRoutes(app, deps);

  registerNewsRoutes(app, deps);
  registerBannerRoutes(app, deps);
  registerNationalEditorialRoutes(app);

  registerFrameRoutes(app, deps);

  registerSearchRoutes(app, deps);
  registerIndexingRoutes(app, deps);
}
