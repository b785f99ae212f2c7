import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { handleForm, pageContext, requireCounty, requireUser } from '../../../platform/http.ts';
import { swedishCollator } from '../../../platform/i18n.ts';
import type { CountyRecord } from '../../../platform/tenancy.ts';
import { emptyForm, type FormState } from '../../../ui/components.tsx';
import { listQuestionnaireVersions } from '../../forms/index.ts';
import { listOrganisations } from '../../reference/index.ts';
import { completenessOf } from '../compile.ts';
import { load } from '../load.ts';
import { countyAbilities } from '../policy.ts';
import { QUESTIONNAIRE_OWNER } from '../questionnaires.ts';
import * as repo from '../repository.ts';
import { ensureDefaultQuestionnaire, openRound, setRespondents } from '../rounds.ts';
import { readRoundForm, roundFormDefaults } from '../schemas.ts';
import { urls } from '../urls.ts';
import { CountyRoundsPage, RoundPage } from '../views/county.tsx';
import { NationalRoundsPage } from '../views/picture.tsx';
import { RoundFormPage } from '../views/round-form.tsx';
import { bodyOf, guard, type Params } from './shared.ts';

/** Rounds: the county's list, opening a round (county or national), a round's page and its respondents. */
export function registerRoundRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  app.get('/:county/lagesbild', guard.countyView, async (req, reply) => {
    const county = requireCounty(req);
    const rounds = await repo.listRoundsForCounty(db, county.code);
    return reply.html(
      CountyRoundsPage({
        ctx: pageContext(req, reply),
        county,
        rounds: await Promise.all(
          rounds.map(async (round) => ({ round, occasions: await repo.listOccasions(db, round.id) })),
        ),
        abilities: countyAbilities(req.actor, { countyCode: county.code }),
      }),
    );
  });

  app.get('/nationellt/lagesbild', guard.national, async (req, reply) => {
    const rounds = await repo.listNationalRounds(db);
    return reply.html(
      NationalRoundsPage({
        ctx: pageContext(req, reply),
        rounds: await Promise.all(
          rounds.map(async (r) => ({
            id: r.id,
            title: r.title,
            occasions: await repo.listOccasions(db, r.id),
          })),
        ),
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

  const roundPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    county: CountyRecord,
    round: repo.Round,
    form: FormState,
  ) => {
    const [occasions, respondents, orgs] = await Promise.all([
      repo.listOccasions(db, round.id),
      repo.listRespondents(db, round.id, county.code),
      listOrganisations(db, { countyCode: county.code, includeNational: true }),
    ]);
    // Completeness needs statuses only: no answers are read, and the respondents are read once.
    const summaries = await Promise.all(
      occasions.map(async (occasion) => ({
        occasion,
        completeness: completenessOf(
          await repo.listOccasionResponses(db, occasion.id, round.id, county.code, [], respondents),
          occasion.deadlineAt,
        ),
      })),
    );
    return RoundPage({
      ctx: pageContext(req, reply),
      county,
      round,
      occasions: summaries,
      candidates: orgs
        .filter((o) => o.type !== 'county_board')
        .sort((a, b) => swedishCollator.compare(a.name, b.name))
        .map((o) => ({ id: o.id, name: o.name, type: o.type })),
      // A re-shown form keeps what the user chose, even nothing.
      chosen: new Set(
        form.values.organisationIds !== undefined || Object.keys(form.errors).length > 0
          ? (form.values.organisationIds ?? '').split(',')
          : respondents.map((r) => r.organisationId),
      ),
      abilities: countyAbilities(req.actor, { countyCode: county.code }),
      form,
    });
  };

  app.get<{ Params: Params }>('/:county/lagesbild/:roundId', guard.countyView, async (req, reply) => {
    const county = requireCounty(req);
    const round = await load.round(db, county, req.params.roundId);
    return reply.html(await roundPage(req, reply, county, round, emptyForm()));
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
        (form) => roundPage(req, reply, county, round, form),
        async () => {
          const ids = ([] as unknown[]).concat(bodyOf(req.body).organisationIds ?? []).map(String);
          await setRespondents(deps, requireUser(req), round, county.code, ids);
          reply.setFlash({ kind: 'success', text: 'De svarande är sparade.' });
          return reply.redirect(urls.round(county, round), 303);
        },
      );
    },
  );
}
