import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { emptyForm, type FormState } from '../../../platform/validation.ts';
import { decisionPage, recordDecision, withState, type DecisionInput } from '../decisions.ts';
import * as drepo from '../decisions-repository.ts';
import { decide } from '../policy.ts';
import * as repo from '../repository.ts';
import { urls } from '../urls.ts';
import { DecisionPage } from '../views/decisions/decision.tsx';
import { DecisionsListPage } from '../views/decisions/list.tsx';
import { councilGuard, roomOf, today } from './common.ts';

type RoomParams = { Params: { county: string; councilSlug: string }; Querystring: { ersatter?: string } };
type DecisionParams = { Params: { county: string; councilSlug: string; decisionId: string } };

/**
 * The decision register (Beslut) in the council's work room: everyone in the room reads it, the county's
 * admin records decisions (a later one replacing an earlier).
 */
export function registerDecisionRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const listPage = async (req: FastifyRequest<RoomParams>, reply: FastifyReply, form: FormState) => {
    const room = await roomOf(db, req);
    const [decisions, bodies, agenda] = await Promise.all([
      drepo.listDecisions(db, room.council.id),
      repo.listBodies(db, room.council.id),
      drepo.listAgendaChoices(db, room.council.id),
    ]);
    return DecisionsListPage({
      ctx: pageContext(req, reply),
      data: {
        county: requireCounty(req),
        council: room.council,
        decisions: withState(decisions),
        bodies,
        agendaChoices: agenda.filter((i) => i.decisionId === null),
        recording: room.manages ? room.editing : { allowed: false, refusal: 'role' },
      },
      form,
    });
  };

  app.get<RoomParams>('/:county/rad/:councilSlug/beslut', councilGuard.view, async (req, reply) => {
    const replaces = typeof req.query.ersatter === 'string' ? req.query.ersatter : '';
    return reply.html(
      listPage(
        req,
        reply,
        emptyForm({
          validity: 'until_further_notice',
          decidedOn: today(),
          replacesId: replaces,
        }),
      ),
    );
  });

  app.post<RoomParams>('/:county/rad/:councilSlug/beslut', councilGuard.manage, async (req, reply) => {
    const room = await roomOf(db, req);
    return handleForm(
      req,
      reply,
      (form) => listPage(req, reply, form),
      async () => {
        const decision = await recordDecision(
          db,
          requireUser(req),
          room.council.countyCode,
          room.council.id,
          (req.body ?? {}) as DecisionInput,
        );
        reply.setFlash({ kind: 'success', text: `Beslut ${decision.number} är infört i beslutsregistret.` });
        return reply.redirect(urls.decision(requireCounty(req).slug, room.council.slug, decision.id), 303);
      },
    );
  });

  app.get<DecisionParams>(
    '/:county/rad/:councilSlug/beslut/:decisionId',
    councilGuard.view,
    async (req, reply) => {
      const room = await roomOf(db, req);
      const page = await decisionPage(db, room.council.id, req.params.decisionId);
      const bodies = await repo.listBodies(db, room.council.id);
      const item = page.agendaItem;
      return reply.html(
        DecisionPage({
          ctx: pageContext(req, reply),
          data: {
            county: requireCounty(req),
            council: room.council,
            ...page,
            body: bodies.find((b) => b.id === page.decision.bodyId),
            agendaItem: item && {
              ...item,
              visible: decide(req.actor, 'body.view', room.bodySeat(item.bodyId)).allowed,
            },
            mayReplace: decide(req.actor, 'decision.replace', {
              countyCode: room.council.countyCode,
              council: room.council,
              decision: page.decision,
              by: { decidedOn: today() },
            }).allowed,
          },
        }),
      );
    },
  );
}
