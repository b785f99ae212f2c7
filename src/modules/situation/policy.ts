import {
  hasAnyRole,
  hasRole,
  isSystemAdmin,
  stateRule,
  stateRulesOf,
  type Actor,
  type CountyResource,
  type Decision,
  type Predicate,
  type ResourceOfRule,
} from '../../platform/authz.ts';
import * as lifecycle from './lifecycle.ts';

/**
 * Lägesbild. A respondent sees only its own organisation's answers; a county its own respondents; the
 * national coordinator the submitted regional pictures and, where the round allows, the answers beneath.
 *
 * One vocabulary, two questions. The county and global rules below say who may take an action in a county at
 * all: the route declarations, the navigation and the platform's vocabulary ask them with a county only.
 * For an action on a resource (`response.approve`, `picture.submit`, …) `decide`/`authorize` ask the same
 * role rule and then the lifecycle rule with the resource's state: the services under a lock, the pages for
 * their buttons.
 */
const viewsRounds = ((actor: Actor, r: CountyResource) =>
  isSystemAdmin(actor) ||
  hasAnyRole(actor, ['county_admin', 'county_editor'], r.countyCode)) satisfies Predicate<CountyResource>;
const manages = ((actor: Actor, r: CountyResource) =>
  isSystemAdmin(actor) || hasRole(actor, 'county_admin', r.countyCode)) satisfies Predicate<CountyResource>;

export const situationPolicy = {
  /** the county's rounds, completeness and responses */
  'round.view': viewsRounds,
  /** open a county round, choose its respondents, keep the county's questionnaires */
  'round.manage': manages,
  /** change a county round's title and texts, move its occasions' dates, add an occasion */
  'round.edit': manages,
  /** end answering in a county round before its last deadline */
  'round.close': manages,
  /** cancel a county round nobody has answered */
  'round.cancel': manages,
  /** remove a county's test round nobody has answered */
  'round.remove': manages,
  /** approve a submitted response (its state: see response.approve below) */
  'response.approve': manages,
  /** return a submitted response for completion */
  'response.return': manages,
  /** open answering again after the deadline for one respondent */
  'response.reopen': manages,
  /** write the regional picture's summaries and choose quotes */
  'picture.save': viewsRounds,
  /** send the regional picture to the national coordinator */
  'picture.submit': manages,
  /** take back a sent regional picture until the national compilation is closed */
  'picture.recall': manages,
} as const;

const coordinates = (actor: Actor) => isSystemAdmin(actor) || hasRole(actor, 'national_coordinator');

export const situationGlobalPolicy = {
  /** open national rounds, follow counties, compile the national picture */
  'national.coordinate': coordinates,
  /** close the national compilation of an occasion: the counties' pictures can no longer be recalled */
  'national.close': coordinates,
  /** answer for one's own organisation */
  'response.answer': (actor: Actor) => hasRole(actor, 'reporter'),
} as const;

/** Whether the actor may answer for this organisation: a reporter of that very organisation. */
export const mayRespondFor = (actor: Actor, organisationId: string): boolean =>
  actor.kind === 'user' &&
  actor.memberships.some((m) => m.role === 'reporter' && m.organisationId === organisationId);

// ---- Actions on a resource in its state ------------------------------------------------------------

/** A response (null: not started) of an organisation, in its occasion, under its county's regional picture. */
export interface ResponseResource extends CountyResource, lifecycle.ResponseContext {
  organisationId: string;
}

/** A county's regional picture of an occasion (null: nothing saved yet). */
export interface PictureResource extends CountyResource {
  picture: lifecycle.PictureState | null | undefined;
  /** the national compilation the picture is sent to (a national round's occasion; else none) */
  national?: lifecycle.NationalState | null | undefined;
}

/** The national compilation of an occasion (null: nothing saved yet). */
export interface NationalResource {
  national: lifecycle.NationalState | null | undefined;
}

/**
 * A round, with its occasions' dates and whether anyone has answered. A national round is changed by the
 * national coordinator, a county's round by that county's admins: `countyCode` is the county whose pages the
 * change is asked from (null: the national pages).
 */
export interface RoundResource extends lifecycle.RoundContext {
  round: lifecycle.RoundState & { scope: 'national' | 'county'; countyCode: string | null };
  countyCode: string | null;
}

/** The round's owner: the coordinator for a national round (on the national pages), else the county's admin. */
const ownsRound =
  (action: 'round.edit' | 'round.close' | 'round.cancel' | 'round.remove') =>
  (actor: Actor, r: RoundResource): boolean =>
    r.round.scope === 'national'
      ? r.countyCode === null && situationGlobalPolicy['national.coordinate'](actor)
      : r.countyCode !== null &&
        r.round.countyCode === r.countyCode &&
        situationPolicy[action](actor, { countyCode: r.countyCode });

const rule = stateRule;

const answersFor = (actor: Actor, r: ResponseResource) => mayRespondFor(actor, r.organisationId);

const stateRules = {
  'round.edit': rule<RoundResource>({ who: ownsRound('round.edit'), state: lifecycle.roundMayEdit }),
  'round.close': rule<RoundResource>({ who: ownsRound('round.close'), state: lifecycle.roundMayClose }),
  'round.cancel': rule<RoundResource>({ who: ownsRound('round.cancel'), state: lifecycle.roundMayCancel }),
  'round.remove': rule<RoundResource>({ who: ownsRound('round.remove'), state: lifecycle.roundMayRemove }),
  'response.save': rule<ResponseResource>({ who: answersFor, state: lifecycle.responseMaySave }),
  'response.submit': rule<ResponseResource>({ who: answersFor, state: lifecycle.responseMaySave }),
  'response.approve': rule<ResponseResource>({
    who: situationPolicy['response.approve'],
    state: lifecycle.responseMayApprove,
  }),
  'response.return': rule<ResponseResource>({
    who: situationPolicy['response.return'],
    state: lifecycle.responseMayReturn,
  }),
  'response.reopen': rule<ResponseResource>({
    who: situationPolicy['response.reopen'],
    state: lifecycle.responseMayReopen,
  }),
  'picture.save': rule<PictureResource>({
    who: situationPolicy['picture.save'],
    state: (r) => lifecycle.pictureMayEdit(r.picture),
  }),
  'picture.submit': rule<PictureResource>({
    who: situationPolicy['picture.submit'],
    state: (r) => lifecycle.pictureMaySubmit(r.picture, r.national),
  }),
  'picture.recall': rule<PictureResource>({
    who: situationPolicy['picture.recall'],
    state: (r) => lifecycle.pictureMayRecall(r.picture, r.national),
  }),
  'national.save': rule<NationalResource>({
    who: situationGlobalPolicy['national.coordinate'],
    state: (r) => lifecycle.nationalMayEdit(r.national),
  }),
  'national.close': rule<NationalResource>({
    who: situationGlobalPolicy['national.close'],
    state: (r) => lifecycle.nationalMayClose(r.national),
  }),
};

type StateRules = typeof stateRules;
export type StateAction = keyof StateRules;
export type ResourceOf<A extends StateAction> = ResourceOfRule<StateRules, A>;
export type { Decision };

/**
 * `decide` asks an action's role rule, then its state rule; `can` for a button; `authorize` for services,
 * inside the transaction after locking the rows whose state decides (404 without the role, a conflict with
 * the reason when the state does not allow it). The same questions for every module: platform/authz.ts.
 */
export const { decide, can, authorize } = stateRulesOf(stateRules);

// ---- Abilities: what the pages show, from the same rules -------------------------------------------

export interface ResponseAbilities {
  canApprove: boolean;
  canReturn: boolean;
  canReopen: boolean;
}

/** The county's buttons on a response (or on a respondent that has not started). */
export function responseAbilities(actor: Actor, r: ResponseResource, now = new Date()): ResponseAbilities {
  return {
    canApprove: can(actor, 'response.approve', r, now),
    canReturn: can(actor, 'response.return', r, now),
    canReopen: can(actor, 'response.reopen', r, now),
  };
}

export interface AnsweringAbilities {
  canSave: boolean;
  /** why the form is read-only, for the respondent */
  closedReason: string | undefined;
}

/** The respondent's form: editable, or read-only with the reason. */
export function answeringAbilities(actor: Actor, r: ResponseResource, now = new Date()): AnsweringAbilities {
  const d = decide(actor, 'response.save', r, now);
  return { canSave: d.allowed, closedReason: !d.allowed && d.refusal === 'state' ? d.reason : undefined };
}

export interface PictureAbilities {
  canEdit: boolean;
  canSubmit: boolean;
  canRecall: boolean;
  /** why a sent picture can no longer be recalled, for the county that may recall */
  recallRefused?: string | undefined;
}

export function pictureAbilities(actor: Actor, r: PictureResource, now = new Date()): PictureAbilities {
  const recall = decide(actor, 'picture.recall', r, now);
  return {
    canEdit: can(actor, 'picture.save', r, now),
    canSubmit: can(actor, 'picture.submit', r, now),
    canRecall: recall.allowed,
    recallRefused:
      !recall.allowed && recall.refusal === 'state' && lifecycle.isPictureFinal(r.picture)
        ? recall.reason
        : undefined,
  };
}

export interface NationalAbilities {
  canEdit: boolean;
  canClose: boolean;
}

export const nationalAbilities = (
  actor: Actor,
  r: NationalResource,
  now = new Date(),
): NationalAbilities => ({
  canEdit: can(actor, 'national.save', r, now),
  canClose: can(actor, 'national.close', r, now),
});

export interface CountyAbilities {
  /** open rounds, choose respondents, manage the county's questionnaires */
  canManage: boolean;
}

export const countyAbilities = (actor: Actor, r: CountyResource): CountyAbilities => ({
  canManage: situationPolicy['round.manage'](actor, r),
});

export interface RoundAbilities {
  canEdit: boolean;
  canAddOccasion: boolean;
  canClose: boolean;
  canCancel: boolean;
  canRemove: boolean;
  /** why a change the owner might look for is not offered (cancel or remove), for the round's page */
  cancelRefusal: string | undefined;
}

/** The owner's links on a round's page and the round form's parts, from the same rules as the services. */
export function roundAbilities(actor: Actor, r: RoundResource, now = new Date()): RoundAbilities {
  const canEdit = can(actor, 'round.edit', r, now);
  const cancel = decide(actor, 'round.cancel', r, now);
  return {
    canEdit,
    canAddOccasion: canEdit && lifecycle.roundMayAddOccasion(r) === true,
    canClose: can(actor, 'round.close', r, now),
    canCancel: cancel.allowed,
    canRemove: can(actor, 'round.remove', r, now),
    cancelRefusal: !cancel.allowed && cancel.refusal === 'state' ? cancel.reason : undefined,
  };
}
