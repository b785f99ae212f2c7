import type { FastifyInstance } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { everyCountySupport } from '../frame.ts';
import { urls } from '../urls.ts';
import { AccessibilityPage, CookiesPage, PrivacyPage, SupportPage } from '../views/frame.tsx';

/** The public-sector frame's pages, the same for every visitor: linked from every page's footer. */
export function registerFrameRoutes(app: FastifyInstance, deps: Deps): void {
  const pub = { config: { access: access.public() } };
  const { publicUrl, eventRetentionDays } = deps.config;

  app.get(urls.accessibility(), pub, async (_req, reply) =>
    reply.publicPage((ctx) => AccessibilityPage({ ctx, publicUrl })),
  );
  app.get(urls.privacy(), pub, async (_req, reply) =>
    reply.publicPage((ctx) => PrivacyPage({ ctx, eventRetentionDays })),
  );
  app.get(urls.cookies(), pub, async (_req, reply) => reply.publicPage((ctx) => CookiesPage({ ctx })));
  app.get(urls.support(), pub, async (_req, reply) => {
    const counties = await everyCountySupport(deps.db);
    return reply.publicPage((ctx) => SupportPage({ ctx, counties }), {
      version: counties.map((c) => c.version).join('\u0002'),
    });
  });
}
