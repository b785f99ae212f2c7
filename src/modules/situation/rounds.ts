import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import * as forms from '../forms/index.ts';
import type { Definition } from '../forms/index.ts';
import { listOrganisations } from '../reference/index.ts';
import { defaultDefinition, DEFAULT_TEMPLATE_TITLE } from './default-template.ts';
import { respondentsMayChange } from './lifecycle.ts';
import { situationGlobalPolicy, situationPolicy } from './policy.ts';
import { QUESTIONNAIRE_OWNER } from './questionnaires.ts';
import * as repo from './repository.ts';
import type { RoundInput } from './schemas.ts';

/** The default questionnaire's newest version, created on first use. */
export function ensureDefaultQuestionnaire(db: Executor): Promise<string> {
  return forms.ensureQuestionnaire(db, QUESTIONNAIRE_OWNER, DEFAULT_TEMPLATE_TITLE, defaultDefinition);
}

export function definitionOf(db: Executor, round: repo.Round): Promise<Definition> {
  return forms.definitionOfVersion(db, round.questionnaireVersionId);
}

export const countyName = (code: string): string => findCountyByCode(code)?.name ?? code;

/**
 * Opens a round: national (by the national coordinator; every county takes part) or a county's own.
 * Each taking-part county starts with all its municipalities as respondents; the county adjusts the list.
 */
export async function openRound(
  deps: Deps,
  actor: UserActor,
  scope: { kind: 'national' } | { kind: 'county'; countyCode: string },
  input: RoundInput,
): Promise<repo.Round> {
  const allowed =
    scope.kind === 'national'
      ? situationGlobalPolicy['national.coordinate'](actor)
      : situationPolicy['round.manage'](actor, { countyCode: scope.countyCode });
  if (!allowed) throw new NotFoundError();
  // National rounds use national templates; a county's round national ones or the county's own.
  const version = await forms.findUsableVersion(
    deps.db,
    { owner: QUESTIONNAIRE_OWNER, countyCode: scope.kind === 'county' ? scope.countyCode : null },
    input.questionnaireVersionId,
  );
  if (!version) throw new ValidationError({ questionnaireVersionId: 'Välj ett formulär' });
  const municipalities = await listOrganisations(deps.db, {
    type: 'municipality',
    ...(scope.kind === 'county' ? { countyCode: scope.countyCode } : {}),
  });
  return deps.db.transaction(async (tx) => {
    const round = await repo.insertRound(tx, {
      scope: scope.kind,
      countyCode: scope.kind === 'county' ? scope.countyCode : null,
      title: input.title,
      topic: input.topic,
      questionnaireVersionId: version.id,
      shareAnswersNationally: scope.kind === 'national' && input.shareAnswersNationally,
      createdBy: actor.id,
    });
    await repo.insertOccasions(
      tx,
      input.occasions.map((o, i) => ({ roundId: round.id, sequence: i + 1, ...o })),
    );
    await repo.insertRespondents(
      tx,
      municipalities.map((m) => ({ roundId: round.id, countyCode: m.countyCode!, organisationId: m.id })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: round.countyCode,
      action: 'round.opened',
      entityType: 'round',
      entityId: round.id,
      after: { title: round.title, scope: round.scope, occasions: input.occasions.length },
    });
    return round;
  });
}

/**
 * The county chooses who answers: its municipalities by default, the region and other organisations. The
 * county's regional pictures of the round are locked first: the respondents do not change under a submit.
 */
export async function setRespondents(
  deps: Deps,
  actor: UserActor,
  round: repo.Round,
  countyCode: string,
  organisationIds: string[],
): Promise<void> {
  if (!situationPolicy['round.manage'](actor, { countyCode })) throw new NotFoundError();
  const eligible = await listOrganisations(deps.db, { countyCode, includeNational: true });
  const eligibleIds = new Set(eligible.filter((o) => o.type !== 'county_board').map((o) => o.id));
  const chosen = [...new Set(organisationIds)].filter((id) => eligibleIds.has(id));
  if (chosen.length === 0)
    throw new ValidationError({ organisationIds: 'Välj minst en organisation som ska svara' });
  const names = new Map(eligible.map((o) => [o.id, o.name]));
  await deps.db.transaction(async (tx) => {
    const pictures = [];
    for (const occasion of await repo.listOccasions(tx, round.id))
      pictures.push(await repo.lockRegionalPicture(tx, occasion.id, countyCode));
    const frozen = respondentsMayChange(pictures);
    if (frozen !== true) throw new ValidationError({ organisationIds: frozen });
    const current = await repo.listRespondents(tx, round.id, countyCode);
    const currentIds = new Set(current.map((r) => r.organisationId));
    const removed = current.filter((r) => !chosen.includes(r.organisationId)).map((r) => r.organisationId);
    const added = chosen.filter((id) => !currentIds.has(id));
    const answered = await repo.respondentsWithResponses(tx, round.id);
    const keep = removed.filter((id) => answered.has(id));
    if (keep.length) {
      throw new ValidationError({
        organisationIds: `${keep.map((id) => names.get(id)).join(', ')} har redan börjat svara och kan inte tas bort.`,
      });
    }
    const taken = new Set(
      (await repo.respondentsOfOtherCounties(tx, round.id, countyCode)).map((r) => r.organisationId),
    );
    const clash = added.filter((id) => taken.has(id));
    if (clash.length) {
      throw new ValidationError({
        organisationIds: `${clash.map((id) => names.get(id)).join(', ')} svarar redan för ett annat län i den här omgången.`,
      });
    }
    await repo.deleteRespondents(tx, round.id, removed);
    await repo.insertRespondents(
      tx,
      added.map((organisationId) => ({ roundId: round.id, countyCode, organisationId })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'round.respondents_changed',
      entityType: 'round',
      entityId: round.id,
      before: { organisationIds: [...currentIds] },
      after: { organisationIds: chosen },
    });
  });
}
