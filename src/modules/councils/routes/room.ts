import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { ConflictError, NotFoundError } from '../../../platform/errors.ts';
import { handleForm, pageContext, requireUser } from '../../../platform/http.ts';
import { countOf } from '../../../platform/i18n.ts';
import { emptyForm, isUuid, type FormState } from '../../../platform/validation.ts';
import { listOrganisationsSorted } from '../../reference/index.ts';
import { stageMemberLogo } from '../logos.ts';
import { can } from '../policy.ts';
import * as repo from '../repository.ts';
import {
  addBody,
  addMembers,
  addRepresentative,
  changeRepresentativeRole,
  councilOverview,
  dissolveCouncil,
  editCouncil,
  endMembership,
  moveBody,
  removeRepresentative,
  setMemberLogo,
  type BodyInput,
  type CouncilInput,
  type CouncilRoom,
  type RepresentativeInput,
} from '../service.ts';
import { urls } from '../urls.ts';
import { BodiesPage, BodyPage, type BodiesForm, type BodyForm } from '../views/manage/bodies.tsx';
import { DissolveCouncilPage, EditCouncilPage } from '../views/manage/form.tsx';
import { MemberPage, MembersPage } from '../views/manage/members.tsx';
import { OverviewPage } from '../views/manage/overview.tsx';
import type { CountyOf } from '../views/manage/parts.tsx';
import { bodyOf, councilGuard, countyOf, listOf, roomOf, textOf, today, type RoomParams } from './common.ts';

type CouncilParams = RoomParams;
type MemberParams = { Params: { county: string; councilSlug: string; memberId: string } };
type BodyParams = { Params: { county: string; councilSlug: string; bodyId: string } };
type PersonParams = { Params: { county: string; councilSlug: string; bodyId: string; personId: string } };

/** The most organisations a search offers at once (a narrower search finds the rest). */
const SEARCH_LIMIT = 100;

/** A change the council's state refuses now (it has ended): 409 with the reason; not the admin's: 404. */
function mayChange(room: CouncilRoom, decision = room.editing): void {
  if (!room.manages) throw new NotFoundError();
  if (!decision.allowed)
    throw decision.refusal === 'state' ? new ConflictError(decision.reason) : new NotFoundError();
}

/**
 * A council's work room: the overview, changing and dissolving the council, its members (adding them, a logo
 * each, ending a membership), its bodies as a tree (adding and moving them) and each body's people. Every
 * page finds the council through `councilRoom` (404 unless the viewer keeps it or sits in one of its bodies);
 * every change is a service's, which asks the council's state again under its lock.
 */
export function registerCouncilRoomRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  // ---- The overview, changing and dissolving ------------------------------------------------------------

  app.get<CouncilParams>('/:county/rad/:councilSlug/oversikt', councilGuard.view, async (req, reply) => {
    const county = countyOf(req);
    const room = await roomOf(db, req);
    const { council } = room;
    const [mergedFrom, successor, members, bodies] = await Promise.all([
      repo.listMergedInto(db, council.id),
      council.mergedIntoId ? repo.findCouncil(db, council.mergedIntoId) : Promise.resolve(undefined),
      repo.listMembers(db, council.id),
      repo.listBodies(db, council.id),
    ]);
    const people = await repo.listRepresentatives(
      db,
      bodies.map((b) => b.id),
    );
    return reply.html(
      OverviewPage({
        ctx: pageContext(req, reply),
        data: {
          room,
          county,
          mergedFrom,
          successor,
          counts: { members: members.length, bodies: bodies.length, people: people.length },
          seats: bodies.filter((b) => room.sitsIn.includes(b.id)),
        },
      }),
    );
  });

  const councilValues = (c: CouncilRoom['council']) => ({
    name: c.name,
    slug: c.slug,
    purpose: c.purpose,
    vision: c.vision,
    secretariatEmail: c.secretariatEmail ?? '',
    subjectTag: c.subjectTag,
    formedOn: c.formedOn,
  });

  app.get<CouncilParams>('/:county/rad/:councilSlug/redigera', councilGuard.manage, async (req, reply) => {
    const county = countyOf(req);
    const room = await roomOf(db, req);
    mayChange(room);
    const form = emptyForm(councilValues(room.council));
    return reply.html(EditCouncilPage({ ctx: pageContext(req, reply), county, council: room.council, form }));
  });

  app.post<CouncilParams>('/:county/rad/:councilSlug/redigera', councilGuard.manage, async (req, reply) => {
    const county = countyOf(req);
    const room = await roomOf(db, req);
    return handleForm(
      req,
      reply,
      (form) => EditCouncilPage({ ctx: pageContext(req, reply), county, council: room.council, form }),
      async () => {
        mayChange(room);
        const council = await editCouncil(
          db,
          requireUser(req),
          county.code,
          room.council.id,
          bodyOf(req) as CouncilInput,
        );
        reply.setFlash({ kind: 'success', text: 'Ändringarna är sparade.' });
        return reply.redirect(urls.overview(county.slug, council.slug), 303);
      },
    );
  });

  app.get<CouncilParams>('/:county/rad/:councilSlug/upplos', councilGuard.manage, async (req, reply) => {
    const county = countyOf(req);
    const room = await roomOf(db, req);
    mayChange(room, room.dissolving);
    return reply.html(
      DissolveCouncilPage({ ctx: pageContext(req, reply), county, council: room.council, form: emptyForm() }),
    );
  });

  app.post<CouncilParams>('/:county/rad/:councilSlug/upplos', councilGuard.manage, async (req, reply) => {
    const county = countyOf(req);
    const room = await roomOf(db, req);
    return handleForm(
      req,
      reply,
      (form) => DissolveCouncilPage({ ctx: pageContext(req, reply), county, council: room.council, form }),
      async () => {
        mayChange(room, room.dissolving);
        const council = await dissolveCouncil(
          db,
          requireUser(req),
          county.code,
          room.council.id,
          textOf(bodyOf(req), 'date'),
        );
        reply.setFlash({ kind: 'success', text: `${council.name} är upplöst.` });
        return reply.redirect(urls.overview(county.slug, council.slug), 303);
      },
    );
  });

  // ---- Members ---------------------------------------------------------------------------------------------

  /** The organisations the add form offers: a search over all, or the county's own and the national ones. */
  const candidatesFor = async (county: CountyOf, memberIds: Set<string>, search: string) => {
    const needle = search.trim().toLocaleLowerCase('sv');
    const all = needle
      ? (await listOrganisationsSorted(db)).filter((o) => o.name.toLocaleLowerCase('sv').includes(needle))
      : await listOrganisationsSorted(db, { countyCode: county.code, includeNational: true });
    return all.filter((o) => !memberIds.has(o.id)).slice(0, needle ? SEARCH_LIMIT : undefined);
  };

  const membersPage = async (
    req: FastifyRequest<CouncilParams>,
    reply: FastifyReply,
    county: CountyOf,
    room: CouncilRoom,
    form: FormState,
    search: string,
  ) => {
    const { members } = await councilOverview(db, county.code, room.council.id);
    const current = new Set(members.filter((m) => m.leftOn === null).map((m) => m.organisationId));
    return MembersPage({
      ctx: pageContext(req, reply),
      data: {
        room,
        county,
        members,
        candidates: room.manages ? await candidatesFor(county, current, search) : [],
        search,
      },
      form,
    });
  };

  app.get<CouncilParams & { Querystring: { sok?: unknown } }>(
    '/:county/rad/:councilSlug/medlemmar',
    councilGuard.view,
    async (req, reply) => {
      const county = countyOf(req);
      const room = await roomOf(db, req);
      const search = typeof req.query.sok === 'string' ? req.query.sok.slice(0, 200) : '';
      return reply.html(membersPage(req, reply, county, room, emptyForm({ date: today() }), search));
    },
  );

  app.post<CouncilParams>('/:county/rad/:councilSlug/medlemmar', councilGuard.manage, async (req, reply) => {
    const county = countyOf(req);
    const room = await roomOf(db, req);
    const body = bodyOf(req);
    return handleForm(
      req,
      reply,
      (form) => membersPage(req, reply, county, room, form, textOf(body, 'sok').slice(0, 200)),
      async () => {
        mayChange(room);
        const added = await addMembers(
          db,
          requireUser(req),
          county.code,
          room.council.id,
          listOf(body, 'organisationIds'),
          textOf(body, 'date'),
        );
        reply.setFlash({
          kind: 'success',
          text: `${countOf(added, 'organisation', 'organisationer')} lades till som ${added === 1 ? 'medlem' : 'medlemmar'}.`,
        });
        return reply.redirect(urls.members(county.slug, room.council.slug), 303);
      },
    );
  });

  /** The room and one of its memberships (another council's or none: 404). */
  const memberOf = async (req: FastifyRequest<MemberParams>, county: CountyOf) => {
    const room = await roomOf(db, req);
    if (!room.manages || !isUuid(req.params.memberId)) throw new NotFoundError();
    const { members } = await councilOverview(db, county.code, room.council.id);
    const member = members.find((m) => m.id === req.params.memberId);
    if (!member) throw new NotFoundError();
    return { room, member };
  };

  const memberPage = async (
    req: FastifyRequest<MemberParams>,
    reply: FastifyReply,
    county: CountyOf,
    form: FormState,
  ) => {
    const { room, member } = await memberOf(req, county);
    return MemberPage({ ctx: pageContext(req, reply), room, county, member, form });
  };

  app.get<MemberParams>(
    '/:county/rad/:councilSlug/medlemmar/:memberId',
    councilGuard.manage,
    async (req, reply) => reply.html(memberPage(req, reply, countyOf(req), emptyForm({ date: today() }))),
  );

  app.post<MemberParams>(
    '/:county/rad/:councilSlug/medlemmar/:memberId/logotyp',
    { config: { ...councilGuard.manage.config, uploads: true } },
    async (req, reply) => {
      const county = countyOf(req);
      const { room, member } = await memberOf(req, county);
      return handleForm(
        req,
        reply,
        (form) => memberPage(req, reply, county, form),
        async () => {
          mayChange(room);
          const actor = requireUser(req);
          const logo = await stageMemberLogo(deps.files, req, actor, county.code);
          await setMemberLogo(db, actor, county.code, room.council.id, member.id, logo.id);
          reply.setFlash({ kind: 'success', text: `Logotypen för ${member.name} är sparad.` });
          return reply.redirect(urls.member(county.slug, room.council.slug, member.id), 303);
        },
      );
    },
  );

  app.post<MemberParams>(
    '/:county/rad/:councilSlug/medlemmar/:memberId/avsluta',
    councilGuard.manage,
    async (req, reply) => {
      const county = countyOf(req);
      const { room, member } = await memberOf(req, county);
      return handleForm(
        req,
        reply,
        (form) => memberPage(req, reply, county, form),
        async () => {
          mayChange(room);
          await endMembership(
            db,
            requireUser(req),
            county.code,
            room.council.id,
            member.organisationId,
            textOf(bodyOf(req), 'date'),
          );
          reply.setFlash({ kind: 'success', text: `${member.name} är inte längre medlem.` });
          return reply.redirect(urls.members(county.slug, room.council.slug), 303);
        },
      );
    },
  );

  // ---- Bodies and their people ---------------------------------------------------------------------------

  const bodiesPage = async (
    req: FastifyRequest<CouncilParams>,
    reply: FastifyReply,
    county: CountyOf,
    room: CouncilRoom,
    posted: BodiesForm,
  ) => {
    const [{ tree }, bodies] = await Promise.all([
      councilOverview(db, county.code, room.council.id),
      repo.listBodies(db, room.council.id),
    ]);
    return BodiesPage({ ctx: pageContext(req, reply), data: { room, county, tree, bodies }, posted });
  };

  app.get<CouncilParams>('/:county/rad/:councilSlug/organ', councilGuard.view, async (req, reply) => {
    const county = countyOf(req);
    const room = await roomOf(db, req);
    return reply.html(bodiesPage(req, reply, county, room, { form: emptyForm() }));
  });

  app.post<CouncilParams>('/:county/rad/:councilSlug/organ', councilGuard.manage, async (req, reply) => {
    const county = countyOf(req);
    const room = await roomOf(db, req);
    return handleForm(
      req,
      reply,
      (form) => bodiesPage(req, reply, county, room, { form }),
      async () => {
        mayChange(room);
        const body = await addBody(
          db,
          requireUser(req),
          county.code,
          room.council.id,
          bodyOf(req) as BodyInput,
        );
        reply.setFlash({ kind: 'success', text: `${body.name} är tillagd.` });
        return reply.redirect(urls.body(county.slug, room.council.slug, body.id), 303);
      },
    );
  });

  app.post<BodyParams>(
    '/:county/rad/:councilSlug/organ/:bodyId/flytta',
    councilGuard.manage,
    async (req, reply) => {
      const county = countyOf(req);
      const room = await roomOf(db, req);
      return handleForm(
        req,
        reply,
        (form) => bodiesPage(req, reply, county, room, { form, movedId: req.params.bodyId }),
        async () => {
          mayChange(room);
          const moved = await moveBody(
            db,
            requireUser(req),
            county.code,
            room.council.id,
            isUuid(req.params.bodyId) ? req.params.bodyId : '',
            textOf(bodyOf(req), 'reportsToId'),
          );
          reply.setFlash({ kind: 'success', text: `${moved.name} är flyttad.` });
          return reply.redirect(urls.bodies(county.slug, room.council.slug), 303);
        },
      );
    },
  );

  /** One body of the council with its people, as the viewer may see it. */
  const bodyPage = async (
    req: FastifyRequest<BodyParams>,
    reply: FastifyReply,
    county: CountyOf,
    posted: BodyForm,
  ) => {
    const room = await roomOf(db, req);
    const bodies = await repo.listBodies(db, room.council.id);
    const body = bodies.find((b) => b.id === req.params.bodyId);
    if (!body) throw new NotFoundError();
    const [people, members] = await Promise.all([
      repo.listRepresentatives(db, [body.id]),
      repo.listMembers(db, room.council.id),
    ]);
    return BodyPage({
      ctx: pageContext(req, reply),
      data: {
        room,
        county,
        body,
        reportsTo: bodies.find((b) => b.id === body.reportsToId),
        people,
        members,
        internal: can(req.actor, 'body.view', room.bodySeat(body.id)),
      },
      posted,
    });
  };

  app.get<BodyParams>('/:county/rad/:councilSlug/organ/:bodyId', councilGuard.view, async (req, reply) =>
    reply.html(bodyPage(req, reply, countyOf(req), { form: emptyForm() })),
  );

  app.post<BodyParams>(
    '/:county/rad/:councilSlug/organ/:bodyId/personer',
    councilGuard.manage,
    async (req, reply) => {
      const county = countyOf(req);
      const room = await roomOf(db, req);
      return handleForm(
        req,
        reply,
        (form) => bodyPage(req, reply, county, { form }),
        async () => {
          mayChange(room);
          const person = await addRepresentative(
            db,
            requireUser(req),
            county.code,
            room.council.id,
            isUuid(req.params.bodyId) ? req.params.bodyId : '',
            bodyOf(req) as RepresentativeInput,
          );
          reply.setFlash({ kind: 'success', text: `${person.name} är tillagd.` });
          return reply.redirect(urls.body(county.slug, room.council.slug, person.bodyId), 303);
        },
      );
    },
  );

  app.post<PersonParams>(
    '/:county/rad/:councilSlug/organ/:bodyId/personer/:personId/ta-bort',
    councilGuard.manage,
    async (req, reply) => {
      const county = countyOf(req);
      const room = await roomOf(db, req);
      return handleForm(
        req,
        reply,
        (form) => bodyPage(req, reply, county, { form }),
        async () => {
          mayChange(room);
          const person = await removeRepresentative(
            db,
            requireUser(req),
            county.code,
            room.council.id,
            isUuid(req.params.bodyId) ? req.params.bodyId : '',
            req.params.personId,
          );
          reply.setFlash({ kind: 'success', text: `${person.name} är borttagen ur gruppen.` });
          return reply.redirect(urls.body(county.slug, room.council.slug, person.bodyId), 303);
        },
      );
    },
  );

  app.post<PersonParams>(
    '/:county/rad/:councilSlug/organ/:bodyId/personer/:personId/roll',
    councilGuard.manage,
    async (req, reply) => {
      const county = countyOf(req);
      const room = await roomOf(db, req);
      return handleForm(
        req,
        reply,
        (form) => bodyPage(req, reply, county, { form, personId: req.params.personId }),
        async () => {
          mayChange(room);
          const person = await changeRepresentativeRole(
            db,
            requireUser(req),
            county.code,
            room.council.id,
            isUuid(req.params.bodyId) ? req.params.bodyId : '',
            req.params.personId,
            { role: textOf(bodyOf(req), 'role') },
          );
          reply.setFlash({ kind: 'success', text: `${person.name} har fått en ny roll.` });
          return reply.redirect(urls.body(county.slug, room.council.slug, person.bodyId), 303);
        },
      );
    },
  );
}
