import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { pageContext, requireCounty } from '../../../platform/http.ts';
import { followUpToDocx } from '../export/follow-up-docx.ts';
import { followUpReport } from '../follow-up.ts';
import { FollowUpPage } from '../views/follow-up.tsx';
import { YEAR_MAX, YEAR_MIN } from '../year-plan.ts';
import { councilGuard, roomOf } from './common.ts';

type YearParams = { Params: { county: string; councilSlug: string; year: string } };

/**
 * The yearly follow-up report of a council, as a printable page and as a Word file: one model
 * (followUpReport), two renderers. A year that is not one is 404, as is a council the viewer may not enter.
 */
export function registerFollowUpRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  async function reportOf(req: FastifyRequest<YearParams>) {
    const year = /^\d{4}$/.test(req.params.year) ? Number(req.params.year) : NaN;
    if (!(year >= YEAR_MIN && year <= YEAR_MAX)) throw new NotFoundError();
    // The room: the county's admins and the people of the council's bodies (internal, never public).
    const room = await roomOf(db, req);
    return { room, report: await followUpReport(db, room.council, year) };
  }

  app.get<YearParams>(
    '/:county/rad/:councilSlug/uppfoljning/:year.html',
    councilGuard.view,
    async (req, reply) => {
      const { room, report } = await reportOf(req);
      return reply.html(
        FollowUpPage({
          ctx: pageContext(req, reply),
          county: requireCounty(req),
          council: room.council,
          report,
        }),
      );
    },
  );

  app.get<YearParams>(
    '/:county/rad/:councilSlug/uppfoljning/:year.docx',
    councilGuard.view,
    async (req, reply) => {
      const { room, report } = await reportOf(req);
      return reply.download(await followUpToDocx(report), {
        filename: `uppfoljning-${room.council.slug}-${report.year}.docx`,
      });
    },
  );
}
