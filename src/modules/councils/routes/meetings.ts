import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { contentDisposition } from '../../../platform/exports/download.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { emptyForm, type FormState } from '../../../platform/validation.ts';
import { ICS_CONTENT_TYPE } from '../../events/index.ts';
import * as drepo from '../decisions-repository.ts';
import * as mrepo from '../meetings-repository.ts';
import {
  addAgendaItem,
  cancelMeeting,
  editMeeting,
  markMeetingHeld,
  meetingCalendarFile,
  meetingResourceOf,
  moveAgendaItem,
  planMeeting,
  recordAttendance,
  saveAgendaNotes,
  saveMinutes,
  sendInvitations,
  type MeetingRef,
} from '../meetings.ts';
import { decide } from '../policy.ts';
import * as repo from '../repository.ts';
import type { CouncilRoom } from '../service.ts';
import { urls } from '../urls.ts';
import { bodyOf, councilGuard, roomOf, textOf, type RoomParams } from './common.ts';
import { MeetingsListPage } from '../views/meetings/list.tsx';
import { MeetingPage } from '../views/meetings/meeting.tsx';

type MeetingParams = { Params: { county: string; councilSlug: string; meetingId: string } };
/** a meeting's form, and an agenda item's (with `itemId`) */
type ActionParams = { Params: { county: string; councilSlug: string; meetingId: string; itemId?: string } };

/**
 * The meetings of a council's bodies (Möten): the list, planning one, and each meeting's page with its
 * invitation, agenda, attendance and minutes. A meeting is seen by its body's people and the county's admin
 * (`body.view`); to anyone else it does not exist.
 */
export function registerMeetingRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const meetingOf = async (req: FastifyRequest<MeetingParams>) => {
    const room = await roomOf(db, req);
    const meeting = await mrepo.findMeeting(db, room.council.id, req.params.meetingId);
    if (!meeting || !decide(req.actor, 'body.view', room.bodySeat(meeting.bodyId)).allowed)
      throw new NotFoundError();
    return { room, meeting };
  };
  const refOf = (req: FastifyRequest<MeetingParams>, room: CouncilRoom): MeetingRef => ({
    countyCode: room.council.countyCode,
    councilId: room.council.id,
    meetingId: req.params.meetingId,
  });

  // ---- The list ------------------------------------------------------------------------------------------

  const listPage = async (req: FastifyRequest<RoomParams>, reply: FastifyReply, form: FormState) => {
    const room = await roomOf(db, req);
    const bodies = await repo.listBodies(db, room.council.id);
    const seen = bodies.filter((b) => decide(req.actor, 'body.view', room.bodySeat(b.id)).allowed);
    return MeetingsListPage({
      ctx: pageContext(req, reply),
      data: {
        county: requireCounty(req),
        council: room.council,
        meetings: await mrepo.listMeetings(
          db,
          room.council.id,
          seen.map((b) => b.id),
        ),
        bodies,
        planning: room.manages ? room.editing : { allowed: false, refusal: 'role' },
        now: new Date(),
      },
      form,
    });
  };

  app.get<RoomParams>('/:county/rad/:councilSlug/moten', councilGuard.view, async (req, reply) =>
    reply.html(listPage(req, reply, emptyForm())),
  );

  app.post<RoomParams>('/:county/rad/:councilSlug/moten', councilGuard.manage, async (req, reply) => {
    const room = await roomOf(db, req);
    return handleForm(
      req,
      reply,
      (form) => listPage(req, reply, form),
      async () => {
        const meeting = await planMeeting(
          deps,
          requireUser(req),
          room.council.countyCode,
          room.council.id,
          bodyOf(req),
        );
        reply.setFlash({ kind: 'success', text: `Mötet ”${meeting.title}” är planerat.` });
        const county = requireCounty(req).slug;
        return reply.redirect(urls.meeting(county, room.council.slug, meeting.id), 303);
      },
    );
  });

  // ---- One meeting --------------------------------------------------------------------------------------

  const meetingPage = async (req: FastifyRequest<MeetingParams>, reply: FastifyReply, form: FormState) => {
    const { room, meeting } = await meetingOf(req);
    const [bodies, agenda, attendance, papers, decisions] = await Promise.all([
      repo.listBodies(db, room.council.id),
      mrepo.listAgenda(db, meeting.id),
      mrepo.listAttendance(db, meeting.id),
      mrepo.listMeetingPapers(db, meeting.id),
      drepo.listDecisions(db, room.council.id),
    ]);
    const people = await repo.listRepresentatives(db, [meeting.bodyId]);
    const resource = meetingResourceOf(room.council, meeting);
    const ask = (
      rule: 'meeting.edit' | 'meeting.invite' | 'meeting.agenda' | 'meeting.record' | 'meeting.hold',
    ) => decide(req.actor, rule, resource);
    return MeetingPage({
      ctx: pageContext(req, reply),
      data: {
        county: requireCounty(req),
        council: room.council,
        meeting,
        body: bodies.find((b) => b.id === meeting.bodyId)!,
        bodies,
        agenda,
        people,
        attendance,
        papers,
        decisions: decisions.filter((d) => d.meetingId === meeting.id),
        abilities: {
          edit: ask('meeting.edit'),
          invite: ask('meeting.invite'),
          agenda: ask('meeting.agenda'),
          record: ask('meeting.record'),
          hold: ask('meeting.hold'),
        },
      },
      form,
    });
  };

  app.get<MeetingParams>(
    '/:county/rad/:councilSlug/moten/:meetingId',
    councilGuard.view,
    async (req, reply) => reply.html(meetingPage(req, reply, emptyForm())),
  );

  app.get<MeetingParams>(
    '/:county/rad/:councilSlug/moten/:meetingId/kallelse.ics',
    councilGuard.view,
    async (req, reply) => {
      const { room, meeting } = await meetingOf(req);
      const body = (await repo.listBodies(db, room.council.id)).find((b) => b.id === meeting.bodyId)!;
      const file = await meetingCalendarFile(deps, room.council, body, meeting);
      return reply
        .type(ICS_CONTENT_TYPE)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition('kallelse.ics', 'attachment'))
        .send(file);
    },
  );

  /** A form on the meeting's page: the page again on refusal, else a flash and back to the meeting. */
  const meetingAction = (
    path: string,
    run: (req: FastifyRequest<ActionParams>, ref: MeetingRef) => Promise<string>,
  ) =>
    app.post<ActionParams>(
      `/:county/rad/:councilSlug/moten/:meetingId${path}`,
      councilGuard.manage,
      async (req, reply) => {
        const { room } = await meetingOf(req);
        return handleForm(
          req,
          reply,
          (form) => meetingPage(req, reply, form),
          async () => {
            reply.setFlash({ kind: 'success', text: await run(req, refOf(req, room)) });
            const county = requireCounty(req).slug;
            return reply.redirect(urls.meeting(county, room.council.slug, req.params.meetingId), 303);
          },
        );
      },
    );

  meetingAction('', async (req, ref) => {
    await editMeeting(deps, requireUser(req), ref, bodyOf(req));
    return 'Mötet är ändrat.';
  });
  meetingAction('/kallelse', async (req, ref) => {
    const told = await sendInvitations(deps, requireUser(req), ref);
    return `Kallelsen skickas till ${told === 1 ? 'en person' : `${told} personer`}.`;
  });
  meetingAction('/stall-in', async (req, ref) => {
    const told = await cancelMeeting(deps, requireUser(req), ref);
    return told > 0 ? `Mötet är inställt. ${told} får ett mejl om det.` : 'Mötet är inställt.';
  });
  meetingAction('/hallet', async (req, ref) => {
    await markMeetingHeld(deps, requireUser(req), ref);
    return 'Mötet är markerat som hållet.';
  });
  meetingAction('/dagordning', async (req, ref) => {
    await addAgendaItem(deps, requireUser(req), ref, textOf(bodyOf(req), 'itemTitle'));
    return 'Punkten är tillagd på dagordningen.';
  });
  meetingAction('/dagordning/:itemId', async (req, ref) => {
    const body = bodyOf(req);
    const move = textOf(body, 'move');
    if (move === 'up' || move === 'down') {
      await moveAgendaItem(deps, requireUser(req), ref, req.params.itemId ?? '', move);
      return 'Dagordningen är ändrad.';
    }
    await saveAgendaNotes(
      deps,
      requireUser(req),
      ref,
      req.params.itemId ?? '',
      textOf(body, `notes-${req.params.itemId ?? ''}`),
    );
    return 'Anteckningarna är sparade.';
  });
  meetingAction('/protokoll', async (req, ref) => {
    await saveMinutes(deps, requireUser(req), ref, textOf(bodyOf(req), 'minutes'));
    return 'Protokollet är sparat.';
  });
  meetingAction('/narvaro', async (req, ref) => {
    const body = bodyOf(req);
    const statuses = Object.fromEntries(
      Object.keys(body)
        .filter((k) => k.startsWith('attendance-'))
        .map((k) => [k.slice('attendance-'.length), textOf(body, k)]),
    );
    await recordAttendance(deps, requireUser(req), ref, statuses);
    return 'Närvaron är sparad.';
  });
}
