import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../../platform/authz.ts';
import type { Deps } from '../../../platform/deps.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { KeptRenders, KeptValues } from '../../../platform/kept-renders.ts';
import { ConflictError, NotFoundError } from '../../../platform/errors.ts';
import { countOf, swedishCollator } from '../../../platform/i18n.ts';
import { stockholmDate } from '../../../platform/time.ts';
import type { CountyRecord } from '../../../platform/tenancy.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { listQuestionnaireVersions } from '../../forms/index.ts';
import { listOrganisations } from '../../reference/index.ts';
import { completenessOf } from '../compile.ts';
import { load, roundVisibleTo } from '../load.ts';
import { occasionMayMove } from '../lifecycle.ts';
import { countyAbilities, decide, roundAbilities } from '../policy.ts';
import { QUESTIONNAIRE_OWNER } from '../questionnaires.ts';
import * as repo from '../repository.ts';
import {
  cancelRound,
  closeRound,
  editRound,
  ensureDefaultQuestionnaire,
  openRound,
  removeRound,
  RemovalNeedsConfirmation,
  roundResourceOf,
  setRespondents,
} from '../rounds.ts';
import { readRoundEditForm, readRoundForm, roundFormDefaults } from '../schemas.ts';
import { urls } from '../urls.ts';
import { CountyRoundsPage, RoundContent, roundHeading, RoundPage } from '../views/county.tsx';
import { NationalRoundsPage } from '../views/picture.tsx';
import { ConfirmRespondentsPage, NationalRoundPage, RoundConfirmPage } from '../views/round-admin.tsx';
import { RoundEditPage, RoundFormPage } from '../views/round-form.tsx';
import { bodyOf, guard, sendKept, type Params } from './shared.ts';

/** Rounds: the county's list, opening a round (county or national), a round's page and its respondents. */
export function registerRoundRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  app.get('/:county/lagesbild', guard.countyView, async (req, reply) => {
    const county = requireCounty(req);
    return reply.html(
      CountyRoundsPage({
        ctx: pageContext(req, reply),
        county,
        rounds: await repo.listRoundsWithOccasionsForCounty(db, county.code),
        abilities: countyAbilities(req.actor, { countyCode: county.code }),
      }),
    );
  });

  app.get('/nationellt/lagesbild', guard.national, async (req, reply) => {
    const rounds = await repo.listNationalRounds(db);
    const occasions = await repo.listOccasionsOfRounds(
      db,
      rounds.map((r) => r.id),
    );
    return reply.html(
      NationalRoundsPage({
        ctx: pageContext(req, reply),
        rounds: rounds.map((r) => ({ id: r.id, title: r.title, occasions: occasions.get(r.id)! })),
      }),
    );
  });

  // ---- Opening a round: a county's own, or a national one by the coordinator ----------------------

  const roundForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    county?: CountyRecord,
  ) => {
    await ensureDefaultQuestionnaire(db);
    const versions = await listQuestionnaireVersions(db, {
      owner: QUESTIONNAIRE_OWNER,
      countyCode: county?.code ?? null,
    });
    return RoundFormPage({
      ctx: pageContext(req, reply),
      form,
      action: county ? urls.newRound(county) : urls.newNationalRound(),
      caption: county?.name ?? 'Nationell samordning',
      national: !county,
      questionnaires: versions.map((v) => ({
        value: v.versionId,
        label: `${v.title} (version ${v.version})`,
      })),
      back: county
        ? { href: urls.rounds(county), label: 'Lägesbild' }
        : { href: urls.nationalRounds(), label: 'Nationell lägesbild' },
    });
  };

  const open = (req: FastifyRequest, reply: FastifyReply, county?: CountyRecord) =>
    handleForm(
      req,
      reply,
      (form) => roundForm(req, reply, form, county),
      async () => {
        const input = readRoundForm(req.body);
        const scope = county
          ? { kind: 'county' as const, countyCode: county.code }
          : { kind: 'national' as const };
        const round = await openRound(deps, requireUser(req), scope, input);
        reply.setFlash({ kind: 'success', text: `Omgången ”${round.title}” är öppnad.` });
        return reply.redirect(county ? urls.round(county, round) : urls.nationalRounds(), 303);
      },
    );

  app.get('/:county/lagesbild/ny', guard.countyManage, async (req, reply) =>
    reply.html(await roundForm(req, reply, emptyForm(roundFormDefaults()), requireCounty(req))),
  );
  app.post('/:county/lagesbild/ny', guard.countyManage, (req, reply) => open(req, reply, requireCounty(req)));
  app.get('/nationellt/lagesbild/ny', guard.national, async (req, reply) =>
    reply.html(await roundForm(req, reply, emptyForm(roundFormDefaults()))),
  );
  app.post('/nationellt/lagesbild/ny', guard.national, (req, reply) => open(req, reply));

  // ---- A round in the county: its occasions' completeness and its respondents ------------------------

  /** What a round's page shows, read from the database: the same for every viewer in the county. */
  const loadRoundPage = async (county: CountyRecord, round: repo.Round) => {
    const [occasions, respondents, orgs] = await Promise.all([
      repo.listOccasions(db, round.id),
      repo.listRespondents(db, round.id, county.code),
      listOrganisations(db, { countyCode: county.code, includeNational: true }),
    ]);
    // Completeness needs statuses only: no answers are read, every occasion's in one query.
    const [states, resource, history] = await Promise.all([
      repo.listRoundResponseStates(db, round.id, county.code, occasions, respondents),
      roundResourceOf(db, round, county, occasions),
      repo.listRoundHistory(db, round.id),
    ]);
    const candidates = orgs
      .filter((o) => o.type !== 'county_board')
      .sort((a, b) => swedishCollator.compare(a.name, b.name))
      .map((o) => ({ id: o.id, name: o.name, type: o.type }));
    return { round, occasions, respondents, states, resource, history, candidates };
  };
  type RoundPageData = Awaited<ReturnType<typeof loadRoundPage>>;

  /** The round page's content for this viewer and form: the kept data with what the viewer may do. */
  const roundProps = (req: FastifyRequest, county: CountyRecord, data: RoundPageData, form: FormState) => {
    const { round, occasions, respondents, states, resource, history, candidates } = data;
    const summaries = occasions.map((occasion) => ({
      occasion,
      completeness: completenessOf(states.get(occasion.id) ?? [], occasion.deadlineAt),
    }));
    return {
      county,
      round,
      occasions: summaries,
      candidates,
      // A re-shown form keeps what the user chose, even nothing.
      chosen: new Set(
        form.values.organisationIds !== undefined || Object.keys(form.errors).length > 0
          ? (form.values.organisationIds ?? '').split(',')
          : respondents.map((r) => r.organisationId),
      ),
      abilities: countyAbilities(req.actor, { countyCode: county.code }),
      roundAbilities: roundAbilities(req.actor, resource),
      history,
      form,
    };
  };

  const roundPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyRecord,
    data: RoundPageData,
    form: FormState,
  ) => RoundPage({ ctx: pageContext(req, reply), ...roundProps(req, county, data, form) });

  // What the page shows is read once per version of what it is made from (`roundPageVersion`, one statement
  // besides the session) and kept; its content is rendered once per version and per what the viewer may do
  // (their abilities, which the time decides too), and each view renders only its shell.
  const keptRounds = new KeptValues<RoundPageData>(256);
  const keptRoundPages = new KeptRenders<undefined>(32 * 2 ** 20);

  app.get<{ Params: Params }>('/:county/lagesbild/:roundId', guard.countyView, async (req, reply) => {
    const county = requireCounty(req);
    const { roundId } = req.params;
    const version = await repo.roundPageVersion(db, roundId, county.code);
    if (!version || !roundVisibleTo(version.round, county)) throw new NotFoundError();
    const base = [roundId, county.code, version.fingerprint].join('\0');
    const data = await keptRounds.get(base, async () =>
      loadRoundPage(county, await load.round(db, county, roundId)),
    );
    const props = roundProps(req, county, data, emptyForm());
    const key = [base, JSON.stringify([props.abilities, props.roundAbilities])].join('\0');
    return sendKept(reply, keptRoundPages, key, roundHeading(props), (csrfToken) =>
      RoundContent({ ...props, csrfToken }),
    );
  });

  app.post<{ Params: Params }>(
    '/:county/lagesbild/:roundId/svarande',
    guard.countyManage,
    async (req, reply) => {
      const county = requireCounty(req);
      const round = await load.round(db, county, req.params.roundId);
      return handleForm(
        req,
        reply,
        async (form) => roundPage(req, reply, county, await loadRoundPage(county, round), form),
        async () => {
          const body = bodyOf(req.body);
          const ids = ([] as unknown[]).concat(body.organisationIds ?? []).map(String);
          try {
            await setRespondents(deps, requireUser(req), round, county.code, ids, {
              confirmed: body.confirm === 'yes',
            });
          } catch (err) {
            if (!(err instanceof RemovalNeedsConfirmation)) throw err;
            // A removal that may be made is confirmed first: who, and what it means.
            return reply.html(
              ConfirmRespondentsPage({
                ctx: pageContext(req, reply),
                caption: county.name,
                round,
                removed: err.removed,
                organisationIds: ids,
                action: urls.respondents(county, round),
                back: { href: urls.round(county, round), label: round.title },
              }),
            );
          }
          reply.setFlash({ kind: 'success', text: 'De svarande är sparade.' });
          return reply.redirect(urls.round(county, round), 303);
        },
      );
    },
  );

  registerRoundChangeRoutes(app, deps);
}

/**
 * Changing a round: its own county's admins change a county round on the county's pages, the national
 * coordinator a national round on the national pages. Each change has a page (the form, or what the change
 * means and a button) and a POST; the same rules decide what the round page offers, what the page shows and
 * what the service does under the round's lock.
 */
function registerRoundChangeRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  type Place = CountyRecord | null;

  const placeOf = (req: FastifyRequest, national: boolean): Place => (national ? null : requireCounty(req));
  const roundIn = (place: Place, roundId: string) =>
    place ? load.round(db, place, roundId) : load.nationalRound(db, roundId);
  const roundPageOf = (place: Place, round: repo.Round) =>
    place
      ? { href: urls.round(place, round), label: round.title }
      : { href: urls.nationalRound(round), label: round.title };
  const captionOf = (place: Place) => place?.name ?? 'Nationell samordning';

  /** The round, if the actor owns it (else 404), with the verdict of the action's state rule. */
  async function owned(
    req: FastifyRequest<{ Params: Params }>,
    place: Place,
    action: 'round.edit' | 'round.close' | 'round.cancel' | 'round.remove',
  ) {
    const round = await roundIn(place, req.params.roundId);
    const resource = await roundResourceOf(db, round, place);
    const d = decide(req.actor, action, resource);
    if (!d.allowed && d.refusal === 'role') throw new NotFoundError();
    return { round, resource, refusal: d.allowed ? undefined : d.reason };
  }

  // ---- The national round's page --------------------------------------------------------------------

  app.get<{ Params: Params }>('/nationellt/lagesbild/:roundId', guard.national, async (req, reply) => {
    const round = await load.nationalRound(db, req.params.roundId);
    const resource = await roundResourceOf(db, round, null);
    return reply.html(
      NationalRoundPage({
        ctx: pageContext(req, reply),
        round,
        occasions: await repo.listOccasions(db, round.id),
        abilities: roundAbilities(req.actor, resource),
        history: await repo.listRoundHistory(db, round.id),
      }),
    );
  });

  // ---- Editing: texts, dates, another occasion --------------------------------------------------------

  const valuesOf = (round: repo.Round, occasions: repo.Occasion[]): Record<string, string> => {
    const values: Record<string, string> = { title: round.title, topic: round.topic };
    for (const o of occasions) {
      values[`occasion${o.sequence}_label`] = o.label;
      values[`occasion${o.sequence}_opens`] = stockholmDate(o.opensAt);
      values[`occasion${o.sequence}_deadline`] = stockholmDate(o.deadlineAt);
      values[`occasion${o.sequence}_locks`] = stockholmDate(o.locksAt);
      values[`occasion${o.sequence}_reminderDays`] = String(o.reminderDaysBefore);
    }
    const next = Math.max(0, ...occasions.map((o) => o.sequence)) + 1;
    values[`occasion${next}_reminderDays`] = '3';
    return values;
  };

  async function editPage(
    req: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    place: Place,
    form?: FormState,
  ) {
    const { round, resource, refusal } = await owned(req, place, 'round.edit');
    const occasions = await repo.listOccasions(db, round.id);
    const now = new Date();
    return RoundEditPage({
      ctx: pageContext(req, reply),
      form: form ?? emptyForm(valuesOf(round, occasions)),
      action: urls.roundChange(place, round, 'andra'),
      caption: captionOf(place),
      round,
      occasions: occasions.map((occasion) => ({
        occasion,
        movable: refusal ?? occasionMayMove(round, occasion, now),
        opened: occasion.opensAt <= now,
      })),
      nextSequence: Math.max(0, ...occasions.map((o) => o.sequence)) + 1,
      canAddOccasion: roundAbilities(req.actor, resource, now).canAddOccasion,
      back: roundPageOf(place, round),
    });
  }

  // ---- Closing early, cancelling, removing: a page saying what it means, then the POST -----------------

  const confirmations = {
    avsluta: {
      action: 'round.close',
      title: 'Avsluta omgången i förtid',
      button: 'Avsluta omgången nu',
      explanation: [
        'Svar tas inte längre emot: sista svarsdag för tillfällen som ännu pågår blir i dag, och tillfällen som inte har öppnat öppnar aldrig för svar.',
        'Det som redan är inskickat finns kvar. Länsstyrelserna kan granska svaren och sammanställa lägesbilden fram till låsdatum.',
      ],
      run: closeRound,
      flash: (r: repo.Round) => `Omgången ”${r.title}” är avslutad.`,
    },
    'stall-in': {
      action: 'round.cancel',
      title: 'Ställ in omgången',
      button: 'Ställ in omgången',
      explanation: [
        'Ingen har börjat svara. Omgången försvinner från de svarandes uppdrag, och de som fått e-post om den får veta att den är inställd.',
        'Omgången finns kvar i listan, markerad som inställd, med sin historik.',
      ],
      run: cancelRound,
      flash: (r: repo.Round) => `Omgången ”${r.title}” är inställd.`,
    },
    'ta-bort': {
      action: 'round.remove',
      title: 'Ta bort testomgången',
      button: 'Ta bort testomgången',
      explanation: [
        'Testomgången tas bort helt, med sina tillfällen och svarande. Ingen har börjat svara. Det går inte att ångra; borttagningen syns i granskningsloggen.',
      ],
      run: removeRound,
      flash: (r: repo.Round) => `Testomgången ”${r.title}” är borttagen.`,
    },
  } as const;

  for (const national of [false, true]) {
    const base = national ? '/nationellt/lagesbild/:roundId' : '/:county/lagesbild/:roundId';
    const guardOf = (action: 'round.edit' | 'round.close' | 'round.cancel' | 'round.remove') =>
      national ? guard.national : { config: { access: access.county(action) } };

    app.get<{ Params: Params }>(`${base}/andra`, guardOf('round.edit'), async (req, reply) => {
      const place = placeOf(req, national);
      const { refusal } = await owned(req, place, 'round.edit');
      if (refusal) throw new ConflictError(refusal);
      return reply.html(await editPage(req, reply, place));
    });

    app.post<{ Params: Params }>(`${base}/andra`, guardOf('round.edit'), async (req, reply) => {
      const place = placeOf(req, national);
      const { round } = await owned(req, place, 'round.edit');
      const occasions = await repo.listOccasions(db, round.id);
      const now = new Date();
      return handleForm(
        req,
        reply,
        async (form) => editPage(req, reply, place, form),
        async () => {
          const movable = occasions
            .filter((o) => occasionMayMove(round, o, now) === true)
            .map((o) => ({ sequence: o.sequence, opens: stockholmDate(o.opensAt) }));
          const next = Math.max(0, ...occasions.map((o) => o.sequence)) + 1;
          const input = readRoundEditForm(req.body, movable, next);
          const outcome = await editRound(deps, requireUser(req), round.id, place, input, now);
          const told = outcome.told
            ? ` ${countOf(outcome.told, 'e-postmeddelande', 'e-postmeddelanden')} om nya datum skickas till de svarande.`
            : '';
          reply.setFlash({ kind: 'success', text: `Ändringarna är sparade.${told}` });
          return reply.redirect(roundPageOf(place, round).href, 303);
        },
      );
    });

    for (const [change, c] of Object.entries(confirmations) as Array<
      [keyof typeof confirmations, (typeof confirmations)[keyof typeof confirmations]]
    >) {
      const page = (
        req: FastifyRequest<{ Params: Params }>,
        reply: FastifyReply,
        place: Place,
        round: repo.Round,
        refusal: string | undefined,
      ) =>
        RoundConfirmPage({
          ctx: pageContext(req, reply),
          caption: captionOf(place),
          title: c.title,
          round,
          explanation: [...c.explanation],
          button: c.button,
          action: urls.roundChange(place, round, change),
          back: roundPageOf(place, round),
          refusal,
        });

      app.get<{ Params: Params }>(`${base}/${change}`, guardOf(c.action), async (req, reply) => {
        const place = placeOf(req, national);
        const { round, refusal } = await owned(req, place, c.action);
        return reply.html(page(req, reply, place, round, refusal));
      });

      app.post<{ Params: Params }>(`${base}/${change}`, guardOf(c.action), async (req, reply) => {
        const place = placeOf(req, national);
        const { round } = await owned(req, place, c.action);
        return handleForm(
          req,
          reply,
          (form) => page(req, reply, place, round, form.errors._form),
          async () => {
            const done = await c.run(deps, requireUser(req), round.id, place);
            reply.setFlash({ kind: 'success', text: c.flash(done) });
            const list = place ? urls.rounds(place) : urls.nationalRounds();
            return reply.redirect(change === 'ta-bort' ? list : roundPageOf(place, round).href, 303);
          },
        );
      });
    }
  }
}
