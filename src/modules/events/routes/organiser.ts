import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, type Actor } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { rowsToCsv } from '../../../platform/exports/csv.ts';
import { rowsToXlsx } from '../../../platform/exports/xlsx.ts';
import {
  allowedInCounty,
  handleForm,
  pageContext,
  requireCounty,
  requireUser,
} from '../../../platform/http.ts';
import { swedishCollator } from '../../../platform/i18n.ts';
import { type FormBody, textOf, bodyOf } from '../../../platform/input.ts';
import { stockholmDate } from '../../../platform/time.ts';
import { emptyForm, tooLongMessage, type FormState, type FormValues } from '../../../platform/validation.ts';
import { allQuestions, definitionOfVersion, formatAnswer, type Definition } from '../../forms/index.ts';
import {
  listMunicipalities,
  listOrganisations,
  organisationTypeLabels,
  organisationTypes,
} from '../../reference/index.ts';
import { eventImagePreview, readEventImage } from '../files.ts';
import { attendanceText, clockText, registrationStatusLabels } from '../labels.ts';
import { eventHasEnded, eventHasStarted, eventMayMarkAttendance, registrationMayMove } from '../lifecycle.ts';
import { decide, eventAbilities, registrationAbilities } from '../policy.ts';
import { questionnaireOptions } from '../questions.ts';
import * as repo from '../repository.ts';
import { EVENT_LIMITS } from '../schemas.ts';
import {
  addRegistrant,
  cancelEvent,
  cancelRegistrationByOrganiser,
  confirmBeyondCapacity,
  createEvent,
  createSeries,
  eventResourceOf,
  loadEvent,
  markAttendance,
  messageRegistrants,
  publishEvent,
  updateEvent,
  updateSeries,
  type EventRef,
} from '../service.ts';
import { urls } from '../urls.ts';
import { EventPage, CancelEventPage, type EventPageData } from '../views/organiser/event.tsx';
import { EventFormPage } from '../views/organiser/form.tsx';
import { EventsListPage } from '../views/organiser/list.tsx';
import type { CountyOf, FiguresView } from '../views/organiser/parts.tsx';
import {
  AddRegistrantPage,
  MessagePage,
  RegistrantsPage,
  RegistrationChangePage,
  type RegistrantView,
} from '../views/organiser/registrants.tsx';
import { SeriesFormPage, SeriesPage } from '../views/organiser/series.tsx';
import {
  allFormErrors,
  applyRowIntent,
  eventInputOf,
  eventValues,
  formErrorsOf,
  keptFieldsOf,
  newEventValues,
  readEventForm,
  rowIntentOf,
  valuesOfBody,
  type ReadEventForm,
} from './organiser-form.ts';

/** Who may call each route: every route declares one of these. */
const guard = {
  view: { config: { access: access.county('event.view') } },
  create: { config: { access: access.county('event.create') } },
  edit: { config: { access: access.county('event.edit') } },
  /** the event form's posts: a multipart form, since it carries the image */
  createForm: { config: { access: access.county('event.create'), uploads: true } },
  editForm: { config: { access: access.county('event.edit'), uploads: true } },
  publish: { config: { access: access.county('event.publish') } },
  cancel: { config: { access: access.county('event.cancel') } },
  registrants: { config: { access: access.county('event.registrants') } },
};

type EventParams = { Params: { county: string; eventId: string } };
type RegistrationParams = { Params: { county: string; eventId: string; registrationId: string } };
type SeriesParams = { Params: { county: string; seriesId: string } };

const listOf = (body: FormBody, key: string): string[] => {
  const v = body[key];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};

const countyOf = (req: FastifyRequest): CountyOf => {
  const c = requireCounty(req);
  return { code: c.code, name: c.name, slug: c.slug };
};

const NOT_GIVEN = 'Inte angiven';

/**
 * The organiser's pages: the county's events and series, creating and changing an event with its programme,
 * publishing and cancelling it, its registrants (list, exports, a message to them all, attendance, someone
 * added beyond the capacity, a registration cancelled) and the figures per event and series. Thin handlers:
 * the services do every change under the event's lock; what a page offers is asked from the same policy.
 */
export function registerOrganiserRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  const refOf = (county: CountyOf, eventId: string): EventRef => ({ countyCode: county.code, eventId });
  const eventOf = (req: FastifyRequest<EventParams>, county: CountyOf) =>
    loadEvent(db, req.actor, refOf(county, req.params.eventId));

  // ---- The county's events ---------------------------------------------------------------------------

  app.get('/:county/evenemang', guard.view, async (req, reply) => {
    const county = countyOf(req);
    const now = new Date();
    const [events, series] = await Promise.all([
      repo.listEvents(db, { countyCode: county.code }),
      repo.listSeries(db, county.code),
    ]);
    const counts = await repo.seatCountsOf(
      db,
      events.map((e) => e.id),
    );
    const published = events.filter((e) => e.status === 'published');
    return reply.html(
      EventsListPage({
        ctx: pageContext(req, reply),
        county,
        groups: {
          upcoming: published.filter((e) => !eventHasEnded(e, now)),
          drafts: events.filter((e) => e.status === 'draft'),
          past: published.filter((e) => eventHasEnded(e, now)).reverse(),
          cancelled: events.filter((e) => e.status === 'cancelled').reverse(),
        },
        counts,
        series,
        canCreate: allowedInCounty(req, 'event.create'),
      }),
    );
  });

  // ---- Creating and changing an event ------------------------------------------------------------------

  /** The county's organisations (the county board and the region first) and series, as the form offers them. */
  const formOptions = async (county: CountyOf) => {
    const order = ['county_board', 'region', 'municipality'];
    const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
    const [orgs, series] = await Promise.all([
      listOrganisations(db, { countyCode: county.code }),
      repo.listSeries(db, county.code),
    ]);
    return {
      organisations: orgs
        .sort((a, b) => rank(a.type) - rank(b.type) || swedishCollator.compare(a.name, b.name))
        .map((o) => ({ value: o.id, label: o.name })),
      series: series.map((s) => ({
        value: s.id,
        label: `${s.title} (${s.startYear === s.endYear ? s.startYear : `${s.startYear}–${s.endYear}`})`,
      })),
      countyBoard: orgs.find((o) => o.type === 'county_board')?.id,
    };
  };

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyOf,
    form: FormState,
    focus: string | undefined,
    event?: repo.EventRow,
  ) => {
    const options = await formOptions(county);
    const list = { href: urls.manage(county.slug), label: 'Evenemang' };
    return EventFormPage({
      ctx: pageContext(req, reply),
      county,
      form,
      focus,
      organisations: options.organisations,
      series: options.series,
      questionnaires: await questionnaireOptions(db, county.code, form.values.questionnaireVersionId),
      image: {
        preview: await eventImagePreview(db, form.values.imageRef, {
          eventId: event?.id,
          actorId: requireUser(req).id,
        }),
        maxMegabytes: deps.config.maxUploadBytes / 1024 / 1024,
      },
      ...(event
        ? {
            action: urls.organiser.edit(county.slug, event.id),
            title: 'Ändra evenemanget',
            back: [list, { href: urls.manageEvent(county.slug, event.id), label: event.title }],
            submitText: 'Spara ändringarna',
          }
        : {
            action: urls.organiser.newEvent(county.slug),
            title: 'Skapa evenemang',
            back: [list],
            submitText: 'Spara som utkast',
          }),
    });
  };

  /** The services' messages beside the form's fields. */
  const besideFields = (read: ReadEventForm) => (err: unknown) => {
    if (err instanceof ValidationError) throw new ValidationError(formErrorsOf(err.fieldErrors, read.rows));
    throw err;
  };

  /**
   * A posted event form: a row added or removed comes back at once (200, nothing saved); a save is checked
   * whole (400 with every message beside its field and the input kept) and then handed to the service.
   */
  const postEventForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyOf,
    save: (read: ReadEventForm) => Promise<FastifyReply>,
    event?: repo.EventRow,
  ) => {
    // The image first: a file chosen is staged at once, so the form keeps it whatever comes back.
    const image = await readEventImage(deps.files, req, requireUser(req), county.code);
    const body: FormBody = { ...bodyOf(req), imageRef: image.imageRef ?? '', removeImage: '' };
    const rowIntent = rowIntentOf(textOf(body, 'intent'));
    if (rowIntent) {
      const { values, focus } = applyRowIntent(valuesOfBody(body), rowIntent);
      return reply.html(formPage(req, reply, county, { values, errors: {} }, focus, event));
    }
    const read = readEventForm(body, {
      ...(event ? keptFieldsOf(event) : {}),
      imageRef: image.imageRef,
      imageAlt: image.imageAlt,
    });
    return handleForm(
      req,
      reply,
      (form) => formPage(req, reply, county, { values: read.values, errors: form.errors }, undefined, event),
      async () => {
        const errors = { ...allFormErrors(read), ...image.errors };
        if (Object.keys(errors).length) throw new ValidationError(errors);
        return save(read);
      },
    );
  };

  app.get('/:county/evenemang/nytt', guard.create, async (req, reply) => {
    const county = countyOf(req);
    const { countyBoard } = await formOptions(county);
    return reply.html(
      formPage(req, reply, county, emptyForm(newEventValues(countyBoard ? [countyBoard] : [])), undefined),
    );
  });

  app.post('/:county/evenemang/nytt', guard.createForm, async (req, reply) => {
    const county = countyOf(req);
    return postEventForm(req, reply, county, async (read) => {
      const event = await createEvent(deps, requireUser(req), county.code, read.input).catch(
        besideFields(read),
      );
      reply.setFlash({
        kind: 'success',
        text: `Utkastet ”${event.title}” är sparat. Publicera det när det är klart.`,
      });
      return reply.redirect(urls.manageEvent(county.slug, event.id), 303);
    });
  });

  /** The event, if its state lets the actor change it; else the state's reason as a conflict (409). */
  async function editable(req: FastifyRequest<EventParams>, county: CountyOf) {
    const event = await eventOf(req, county);
    const d = decide(req.actor, 'event.edit', eventResourceOf(event));
    if (!d.allowed) throw d.refusal === 'role' ? new NotFoundError() : new ConflictError(d.reason);
    return event;
  }

  app.get<EventParams>('/:county/evenemang/:eventId/andra', guard.edit, async (req, reply) => {
    const county = countyOf(req);
    const event = await editable(req, county);
    const [programme, organisers] = await Promise.all([
      repo.listProgramme(db, event.id),
      repo.listOrganisers(db, [event.id]),
    ]);
    const values = eventValues(event, programme, organisers.get(event.id) ?? []);
    return reply.html(formPage(req, reply, county, emptyForm(values), undefined, event));
  });

  app.post<EventParams>('/:county/evenemang/:eventId/andra', guard.editForm, async (req, reply) => {
    const county = countyOf(req);
    const event = await eventOf(req, county);
    return postEventForm(
      req,
      reply,
      county,
      async (read) => {
        const version = Number(textOf(bodyOf(req), 'version'));
        const saved = await updateEvent(deps, requireUser(req), refOf(county, event.id), read.input, {
          ...(Number.isInteger(version) && version > 0 ? { expectedVersion: version } : {}),
        }).catch(besideFields(read));
        reply.setFlash({ kind: 'success', text: 'Ändringarna är sparade.' });
        return reply.redirect(urls.manageEvent(county.slug, saved.id), 303);
      },
      event,
    );
  });

  // ---- One event: its page, publishing, the recording, cancelling --------------------------------------

  const figuresView = async (figures: repo.Figures): Promise<FiguresView> => {
    const counties = [
      ...new Set(
        figures.byMunicipality.flatMap((m) => (m.municipalityCode ? [m.municipalityCode.slice(0, 2)] : [])),
      ),
    ];
    const names = new Map<string, string>();
    for (const code of counties)
      for (const m of await listMunicipalities(db, code)) names.set(m.code, m.name);
    return { figures, municipalityNames: names };
  };

  const eventPageData = async (
    actor: Actor,
    county: CountyOf,
    event: repo.EventRow,
  ): Promise<EventPageData> => {
    const now = new Date();
    const [programme, organisers, counts, figures, series] = await Promise.all([
      repo.listProgramme(db, event.id),
      repo.listOrganisers(db, [event.id]),
      repo.seatCounts(db, event.id),
      repo.figuresOf(db, event.id),
      event.seriesId ? repo.findSeries(db, county.code, event.seriesId) : Promise.resolve(undefined),
    ]);
    return {
      county,
      event,
      programme,
      organisers: organisers.get(event.id) ?? [],
      series,
      counts,
      abilities: eventAbilities(actor, eventResourceOf(event), now),
      figures: await figuresView(figures),
      started: eventHasStarted(event, now),
    };
  };

  /** The event's page as it is now, with a refused action's message or the recording's form as typed. */
  const eventPage = async (
    req: FastifyRequest<EventParams>,
    reply: FastifyReply,
    county: CountyOf,
    form: FormState,
  ) =>
    EventPage({
      ctx: pageContext(req, reply),
      data: await eventPageData(req.actor, county, await eventOf(req, county)),
      form,
    });

  app.get<EventParams>('/:county/evenemang/:eventId', guard.view, async (req, reply) =>
    reply.html(eventPage(req, reply, countyOf(req), emptyForm())),
  );

  app.post<EventParams>('/:county/evenemang/:eventId/publicera', guard.publish, async (req, reply) => {
    const county = countyOf(req);
    const event = await eventOf(req, county);
    return handleForm(
      req,
      reply,
      (form) => eventPage(req, reply, county, form),
      async () => {
        await publishEvent(deps, requireUser(req), refOf(county, event.id));
        reply.setFlash({ kind: 'success', text: `”${event.title}” är publicerat i länets kalender.` });
        return reply.redirect(urls.manageEvent(county.slug, event.id), 303);
      },
    );
  });

  app.post<EventParams>('/:county/evenemang/:eventId/inspelning', guard.edit, async (req, reply) => {
    const county = countyOf(req);
    const event = await eventOf(req, county);
    const body = bodyOf(req);
    return handleForm(
      req,
      reply,
      (form) =>
        eventPage(req, reply, county, {
          values: { recordingUrl: textOf(body, 'recordingUrl') },
          errors: form.errors,
        }),
      async () => {
        const [programme, organisers] = await Promise.all([
          repo.listProgramme(db, event.id),
          repo.listOrganisers(db, [event.id]),
        ]);
        const version = Number(textOf(body, 'version'));
        const recordingUrl = textOf(body, 'recordingUrl').trim();
        const input = eventInputOf(event, programme, organisers.get(event.id) ?? [], { recordingUrl });
        await updateEvent(deps, requireUser(req), refOf(county, event.id), input, {
          ...(Number.isInteger(version) && version > 0 ? { expectedVersion: version } : {}),
        }).catch((err: unknown) => {
          // Only the link is on this form: another field's message (the event changed meanwhile) is the page's.
          if (err instanceof ValidationError)
            throw new ValidationError(
              err.fieldErrors.recordingUrl
                ? { recordingUrl: err.fieldErrors.recordingUrl }
                : { _form: 'Evenemanget behöver rättas innan länken kan sparas: öppna Ändra evenemanget.' },
            );
          throw err;
        });
        reply.setFlash({
          kind: 'success',
          text: recordingUrl
            ? 'Länken till inspelningen är sparad.'
            : 'Länken till inspelningen är borttagen.',
        });
        return reply.redirect(urls.manageEvent(county.slug, event.id), 303);
      },
    );
  });

  const cancelPage = async (
    req: FastifyRequest<EventParams>,
    reply: FastifyReply,
    county: CountyOf,
    form: FormState,
  ) => {
    const event = await eventOf(req, county);
    const d = decide(req.actor, 'event.cancel', eventResourceOf(event));
    const counts = await repo.seatCounts(db, event.id);
    return CancelEventPage({
      ctx: pageContext(req, reply),
      county,
      event,
      registrants: counts.taken + counts.waiting,
      refusal: d.allowed ? undefined : d.refusal === 'state' ? d.reason : 'Du får inte ställa in det.',
      form,
    });
  };

  app.get<EventParams>('/:county/evenemang/:eventId/stall-in', guard.cancel, async (req, reply) =>
    reply.html(cancelPage(req, reply, countyOf(req), emptyForm())),
  );

  app.post<EventParams>('/:county/evenemang/:eventId/stall-in', guard.cancel, async (req, reply) => {
    const county = countyOf(req);
    const event = await eventOf(req, county);
    const note = textOf(bodyOf(req), 'note').trim();
    return handleForm(
      req,
      reply,
      (form) => cancelPage(req, reply, county, form),
      async () => {
        if (note.length > EVENT_LIMITS.cancellationNote)
          throw new ValidationError({
            note: tooLongMessage('Meddelandet', EVENT_LIMITS.cancellationNote, note.length),
          });
        const { told } = await cancelEvent(deps, requireUser(req), refOf(county, event.id), note);
        reply.setFlash({
          kind: 'success',
          text: `”${event.title}” är inställt. ${told === 0 ? 'Ingen var anmäld.' : `${told} anmälda får ett mejl om det.`}`,
        });
        return reply.redirect(urls.manageEvent(county.slug, event.id), 303);
      },
    );
  });

  // ---- Registrants ---------------------------------------------------------------------------------------

  /** The answers to the event's own questions, in words, per registration (none while it has no questions). */
  const answersOf = async (registrations: repo.RegistrationRow[]) => {
    const definitions = new Map<string, Definition>();
    for (const id of new Set(
      registrations.flatMap((r) => (r.questionnaireVersionId ? [r.questionnaireVersionId] : [])),
    ))
      definitions.set(id, await definitionOfVersion(db, id));
    return (r: repo.RegistrationRow) => {
      const def = r.questionnaireVersionId ? definitions.get(r.questionnaireVersionId) : undefined;
      if (!def) return [];
      return allQuestions(def).flatMap((q) => {
        const answer = formatAnswer(q, r.answers[q.id]);
        return answer ? [{ question: q.label, answer }] : [];
      });
    };
  };

  const registrantViews = async (actor: Actor, event: repo.EventRow): Promise<RegistrantView[]> => {
    const now = new Date();
    const registrations = await repo.listRegistrations(db, event.id);
    const answers = await answersOf(registrations);
    const canAdd = eventAbilities(actor, eventResourceOf(event), now).canAddRegistrant;
    let position = 0;
    return registrations.map((r) => ({
      registration: r,
      answers: answers(r),
      abilities: registrationAbilities(actor, { countyCode: event.countyCode, event, registration: r }, now),
      canGivePlace: canAdd && !r.anonymisedAt && registrationMayMove(r.status, 'confirmed'),
      position: r.status === 'waiting' ? ++position : undefined,
    }));
  };

  const registrantsPage = async (
    req: FastifyRequest<EventParams>,
    reply: FastifyReply,
    county: CountyOf,
    form: FormState,
  ) => {
    const event = await eventOf(req, county);
    const [registrants, counts] = await Promise.all([
      registrantViews(req.actor, event),
      repo.seatCounts(db, event.id),
    ]);
    return RegistrantsPage({
      ctx: pageContext(req, reply),
      county,
      event,
      registrants,
      counts,
      abilities: eventAbilities(req.actor, eventResourceOf(event)),
      form,
    });
  };

  app.get<EventParams>('/:county/evenemang/:eventId/anmalda', guard.registrants, async (req, reply) =>
    reply.html(registrantsPage(req, reply, countyOf(req), emptyForm())),
  );

  /**
   * The registrants as rows for a spreadsheet: every column of the list, the answers one column a question.
   * Registrants who answered an earlier version of the questions keep their answers: the columns are the
   * current questions, then those only earlier versions asked; each answer is read with the question of the
   * version it was given to.
   */
  const exportRows = async (event: repo.EventRow): Promise<string[][]> => {
    const registrations = await repo.listRegistrations(db, event.id);
    const versionIds = [
      ...new Set(
        [event.questionnaireVersionId, ...registrations.map((r) => r.questionnaireVersionId)].filter(
          (id): id is string => !!id,
        ),
      ),
    ];
    const questionsOf = new Map(
      await Promise.all(
        versionIds.map(
          async (id) =>
            [id, new Map(allQuestions(await definitionOfVersion(db, id)).map((q) => [q.id, q]))] as const,
        ),
      ),
    );
    // The current version's questions first, in its order; then those only earlier versions asked.
    const questions = new Map<string, { label: string }>();
    for (const id of versionIds)
      for (const q of questionsOf.get(id)!.values()) if (!questions.has(q.id)) questions.set(q.id, q);
    const names = new Map<string, string>();
    for (const code of new Set(
      registrations.flatMap((r) => (r.municipalityCode ? [r.municipalityCode.slice(0, 2)] : [])),
    ))
      for (const m of await listMunicipalities(db, code)) names.set(m.code, m.name);
    const when = (d: Date) => `${stockholmDate(d)} ${clockText(d)}`;
    return [
      [
        'Namn',
        'E-postadress',
        'Organisation',
        'Typ av organisation',
        'Kommun',
        'Status',
        'Utöver antalet platser',
        'Närvaro',
        'Anmäld',
        ...[...questions.values()].map((q) => q.label),
      ],
      ...registrations.map((r) => [
        r.name ?? 'Borttagen',
        r.email ?? '',
        r.organisationName ?? '',
        r.organisationType ? organisationTypeLabels[r.organisationType] : NOT_GIVEN,
        r.municipalityCode ? (names.get(r.municipalityCode) ?? r.municipalityCode) : NOT_GIVEN,
        registrationStatusLabels[r.status],
        r.beyondCapacity ? 'Ja' : '',
        r.status === 'confirmed' ? attendanceText(r.attended) : '',
        when(r.createdAt),
        ...[...questions.keys()].map((id) => {
          const asked = r.questionnaireVersionId
            ? questionsOf.get(r.questionnaireVersionId)?.get(id)
            : undefined;
          return asked ? formatAnswer(asked, r.answers[id]) : '';
        }),
      ]),
    ];
  };

  for (const format of ['xlsx', 'csv'] as const) {
    app.get<EventParams>(
      `/:county/evenemang/:eventId/anmalda.${format}`,
      guard.registrants,
      async (req, reply) => {
        const county = countyOf(req);
        const event = await eventOf(req, county);
        const rows = await exportRows(event);
        return reply.download(format === 'xlsx' ? await rowsToXlsx(rows, 'Anmälda') : rowsToCsv(rows), {
          filename: `anmalda-${event.slug}.${format}`,
        });
      },
    );
  }

  app.post<EventParams>('/:county/evenemang/:eventId/narvaro', guard.registrants, async (req, reply) => {
    const county = countyOf(req);
    const event = await eventOf(req, county);
    const body = bodyOf(req);
    const attended = new Set(listOf(body, 'attended'));
    const marks = [...new Set(listOf(body, 'shown'))].map((registrationId) => ({
      registrationId,
      attended: attended.has(registrationId),
    }));
    return handleForm(
      req,
      reply,
      (form) => registrantsPage(req, reply, county, form),
      async () => {
        // Nothing to mark is still asked whether marking is possible now (the service asks per registration).
        const verdict = eventMayMarkAttendance(event, new Date());
        if (marks.length === 0 && verdict !== true) throw new ConflictError(verdict);
        const changed = marks.length
          ? await markAttendance(deps, requireUser(req), refOf(county, event.id), marks)
          : 0;
        reply.setFlash({
          kind: 'success',
          text:
            changed === 0
              ? 'Närvaron är sparad. Inget ändrades.'
              : `Närvaron är sparad (${changed} ändrade).`,
        });
        return reply.redirect(urls.registrants(county.slug, event.id), 303);
      },
    );
  });

  // Writing to every registrant.
  const messagePage = async (
    req: FastifyRequest<EventParams>,
    reply: FastifyReply,
    county: CountyOf,
    form: FormState,
  ) => {
    const event = await eventOf(req, county);
    const d = decide(req.actor, 'event.message', eventResourceOf(event));
    return MessagePage({
      ctx: pageContext(req, reply),
      county,
      event,
      form,
      refusal: d.allowed ? undefined : d.refusal === 'state' ? d.reason : 'Du får inte skriva till dem.',
    });
  };

  app.get<EventParams>('/:county/evenemang/:eventId/meddelande', guard.registrants, async (req, reply) =>
    reply.html(messagePage(req, reply, countyOf(req), emptyForm({ to: 'confirmed' }))),
  );

  app.post<EventParams>('/:county/evenemang/:eventId/meddelande', guard.registrants, async (req, reply) => {
    const county = countyOf(req);
    const event = await eventOf(req, county);
    const body = bodyOf(req);
    return handleForm(
      req,
      reply,
      (form) => messagePage(req, reply, county, form),
      async () => {
        const to = textOf(body, 'to');
        const sent = await messageRegistrants(deps, requireUser(req), refOf(county, event.id), {
          subject: textOf(body, 'subject'),
          text: textOf(body, 'text'),
          to: to === 'all' ? 'all' : 'confirmed',
        });
        reply.setFlash({
          kind: 'success',
          text: sent === 0 ? 'Det fanns ingen att skicka till.' : `Meddelandet skickas till ${sent} anmälda.`,
        });
        return reply.redirect(urls.registrants(county.slug, event.id), 303);
      },
    );
  });

  // Adding someone deliberately, beyond the capacity if it is full.
  const addPage = async (
    req: FastifyRequest<EventParams>,
    reply: FastifyReply,
    county: CountyOf,
    form: FormState,
  ) => {
    const event = await eventOf(req, county);
    const d = decide(req.actor, 'event.addRegistrant', eventResourceOf(event));
    const counts = await repo.seatCounts(db, event.id);
    const municipalities = await listMunicipalities(db, county.code);
    return AddRegistrantPage({
      ctx: pageContext(req, reply),
      county,
      event,
      form,
      full: event.capacity !== null && counts.taken >= event.capacity,
      refusal: d.allowed ? undefined : d.refusal === 'state' ? d.reason : 'Du får inte lägga till deltagare.',
      organisationTypes: organisationTypes.map((t) => ({ value: t, label: organisationTypeLabels[t] })),
      municipalities: municipalities
        .sort((a, b) => swedishCollator.compare(a.name, b.name))
        .map((m) => ({ value: m.code, label: m.name })),
    });
  };

  app.get<EventParams>('/:county/evenemang/:eventId/anmalda/ny', guard.registrants, async (req, reply) =>
    reply.html(addPage(req, reply, countyOf(req), emptyForm())),
  );

  app.post<EventParams>('/:county/evenemang/:eventId/anmalda/ny', guard.registrants, async (req, reply) => {
    const county = countyOf(req);
    const event = await eventOf(req, county);
    const body = bodyOf(req);
    return handleForm(
      req,
      reply,
      (form) => addPage(req, reply, county, form),
      async () => {
        const type = textOf(body, 'organisationType');
        const added = await addRegistrant(deps, requireUser(req), refOf(county, event.id), {
          name: textOf(body, 'name'),
          email: textOf(body, 'email'),
          organisationName: textOf(body, 'organisationName'),
          organisationType: type || null,
          municipalityCode: textOf(body, 'municipalityCode') || null,
        });
        reply.setFlash({
          kind: 'success',
          text: `${added.name ?? ''} är tillagd${added.beyondCapacity ? ' utöver antalet platser' : ''} och får en bekräftelse med e-post.`,
        });
        return reply.redirect(urls.registrants(county.slug, event.id), 303);
      },
    );
  });

  // One registration: cancelled by the organiser, or given a place beyond the capacity. Each asks first.
  const registrationChange = (change: 'cancel' | 'give-place') => {
    const pathOf = change === 'cancel' ? 'avboka' : 'ge-plats';
    const route = `/:county/evenemang/:eventId/anmalda/:registrationId/${pathOf}`;
    const actionUrl = change === 'cancel' ? urls.organiser.cancelRegistration : urls.organiser.givePlace;

    const load = async (req: FastifyRequest<RegistrationParams>, county: CountyOf) => {
      const event = await eventOf(req, county);
      const registration = await repo.findRegistration(db, event.id, req.params.registrationId);
      if (!registration) throw new NotFoundError();
      return { event, registration };
    };
    const page = async (
      req: FastifyRequest<RegistrationParams>,
      reply: FastifyReply,
      county: CountyOf,
      form: FormState,
    ) => {
      const { event, registration } = await load(req, county);
      let refusal: string | undefined;
      if (change === 'cancel') {
        const d = decide(req.actor, 'registration.cancel', {
          countyCode: event.countyCode,
          event,
          registration,
        });
        refusal = d.allowed ? undefined : d.refusal === 'state' ? d.reason : 'Du får inte avboka den.';
      } else {
        const d = decide(req.actor, 'event.addRegistrant', eventResourceOf(event));
        refusal = !d.allowed
          ? d.refusal === 'state'
            ? d.reason
            : 'Du får inte ge platser.'
          : registration.anonymisedAt || !registrationMayMove(registration.status, 'confirmed')
            ? 'Bara den som står på väntelistan eller har erbjudits en plats kan få en plats.'
            : undefined;
      }
      return RegistrationChangePage({
        ctx: pageContext(req, reply),
        county,
        event,
        registration,
        change,
        action: actionUrl(county.slug, event.id, registration.id),
        refusal,
        form,
      });
    };

    app.get<RegistrationParams>(route, guard.registrants, async (req, reply) =>
      reply.html(page(req, reply, countyOf(req), emptyForm())),
    );
    app.post<RegistrationParams>(route, guard.registrants, async (req, reply) => {
      const county = countyOf(req);
      const { event, registration } = await load(req, county);
      return handleForm(
        req,
        reply,
        (form) => page(req, reply, county, form),
        async () => {
          const user = requireUser(req);
          const ref = refOf(county, event.id);
          const r =
            change === 'cancel'
              ? await cancelRegistrationByOrganiser(deps, user, ref, registration.id)
              : await confirmBeyondCapacity(deps, user, ref, registration.id);
          reply.setFlash({
            kind: 'success',
            text:
              change === 'cancel'
                ? `Anmälan från ${r.name ?? 'deltagaren'} är avbokad.`
                : `${r.name ?? 'Deltagaren'} har fått en plats.`,
          });
          return reply.redirect(urls.registrants(county.slug, event.id), 303);
        },
      );
    });
  };
  registrationChange('cancel');
  registrationChange('give-place');

  // ---- Series ------------------------------------------------------------------------------------------

  const seriesInput = (body: FormBody) => {
    const year = (k: string) => {
      const v = textOf(body, k).trim();
      return /^\d{4}$/.test(v) ? Number(v) : Number.NaN;
    };
    return {
      title: textOf(body, 'title'),
      description: textOf(body, 'description'),
      startYear: year('startYear'),
      endYear: year('endYear'),
    };
  };

  const seriesFormPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyOf,
    form: FormState,
    series?: repo.SeriesRow,
  ) => {
    const list = { href: urls.manage(county.slug), label: 'Evenemang' };
    return SeriesFormPage({
      ctx: pageContext(req, reply),
      county,
      form,
      ...(series
        ? {
            action: urls.organiser.editSeries(county.slug, series.id),
            title: 'Ändra föreläsningsserien',
            back: [list, { href: urls.organiser.series(county.slug, series.id), label: series.title }],
            submitText: 'Spara ändringarna',
          }
        : {
            action: urls.organiser.newSeries(county.slug),
            title: 'Skapa föreläsningsserie',
            back: [list],
            submitText: 'Skapa serien',
          }),
    });
  };

  const seriesOf = async (county: CountyOf, seriesId: string) => {
    const series = await repo.findSeries(db, county.code, seriesId);
    if (!series) throw new NotFoundError();
    return series;
  };

  app.get('/:county/evenemang/serier/ny', guard.create, async (req, reply) => {
    const year = String(new Date().getFullYear());
    return reply.html(
      seriesFormPage(req, reply, countyOf(req), emptyForm({ startYear: year, endYear: year })),
    );
  });

  app.post('/:county/evenemang/serier/ny', guard.create, async (req, reply) => {
    const county = countyOf(req);
    return handleForm(
      req,
      reply,
      (form) => seriesFormPage(req, reply, county, form),
      async () => {
        const series = await createSeries(deps, requireUser(req), county.code, seriesInput(bodyOf(req)));
        reply.setFlash({ kind: 'success', text: `Serien ”${series.title}” är skapad.` });
        return reply.redirect(urls.organiser.series(county.slug, series.id), 303);
      },
    );
  });

  app.get<SeriesParams>('/:county/evenemang/serier/:seriesId', guard.view, async (req, reply) => {
    const county = countyOf(req);
    const series = await seriesOf(county, req.params.seriesId);
    const events = await repo.listEvents(db, { countyCode: county.code, seriesId: series.id });
    const perEvent = await Promise.all(
      events.map(async (event) => ({ event, figures: await repo.figuresOf(db, event.id) })),
    );
    return reply.html(
      SeriesPage({
        ctx: pageContext(req, reply),
        county,
        series,
        events: perEvent,
        figures: await figuresView(sumFigures(perEvent.map((e) => e.figures))),
        canEdit: allowedInCounty(req, 'event.edit'),
        canCreate: allowedInCounty(req, 'event.create'),
      }),
    );
  });

  app.get<SeriesParams>('/:county/evenemang/serier/:seriesId/andra', guard.edit, async (req, reply) => {
    const county = countyOf(req);
    const series = await seriesOf(county, req.params.seriesId);
    const values: FormValues = {
      title: series.title,
      description: series.description,
      startYear: String(series.startYear),
      endYear: String(series.endYear),
    };
    return reply.html(seriesFormPage(req, reply, county, emptyForm(values), series));
  });

  app.post<SeriesParams>('/:county/evenemang/serier/:seriesId/andra', guard.edit, async (req, reply) => {
    const county = countyOf(req);
    const series = await seriesOf(county, req.params.seriesId);
    return handleForm(
      req,
      reply,
      (form) => seriesFormPage(req, reply, county, form, series),
      async () => {
        await updateSeries(deps, requireUser(req), county.code, series.id, seriesInput(bodyOf(req)));
        reply.setFlash({ kind: 'success', text: 'Ändringarna är sparade.' });
        return reply.redirect(urls.organiser.series(county.slug, series.id), 303);
      },
    );
  });
}

/** The figures of several events together (a series): counts added, the breakdowns merged by their key. */
export function sumFigures(list: repo.Figures[]): repo.Figures {
  const merge = <K extends 'organisationType' | 'municipalityCode'>(
    key: K,
    parts: Array<Array<Record<K, string | null> & { confirmed: number; attended: number }>>,
  ) => {
    const by = new Map<string | null, { confirmed: number; attended: number }>();
    for (const rows of parts)
      for (const r of rows) {
        const sum = by.get(r[key]) ?? { confirmed: 0, attended: 0 };
        by.set(r[key], { confirmed: sum.confirmed + r.confirmed, attended: sum.attended + r.attended });
      }
    return [...by]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map(
        ([k, v]) =>
          ({ [key]: k, ...v }) as Record<K, string | null> & { confirmed: number; attended: number },
      );
  };
  const total = (
    k:
      | 'registered'
      | 'confirmed'
      | 'waiting'
      | 'offered'
      | 'cancelled'
      | 'attended'
      | 'noShows'
      | 'beyondCapacity',
  ) => list.reduce((s, f) => s + f[k], 0);
  return {
    registered: total('registered'),
    confirmed: total('confirmed'),
    waiting: total('waiting'),
    offered: total('offered'),
    cancelled: total('cancelled'),
    attended: total('attended'),
    noShows: total('noShows'),
    beyondCapacity: total('beyondCapacity'),
    byOrganisationType: merge(
      'organisationType',
      list.map((f) => f.byOrganisationType),
    ),
    byMunicipality: merge(
      'municipalityCode',
      list.map((f) => f.byMunicipality),
    ),
  };
}
