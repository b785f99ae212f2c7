import {
  hasAnyRole,
  isSystemAdmin,
  isUser,
  stateRule,
  stateRulesOf,
  type Actor,
  type CountyResource,
  type Predicate,
  type ResourceOfRule,
} from '../../platform/authz.ts';
import * as lifecycle from './lifecycle.ts';

/**
 * Councils. A county admin keeps the county's councils: forms, merges and dissolves them, and keeps their
 * members, bodies and people. The council's members see its internal parts through the workspace's
 * `council.view`; the public sees its public page.
 */
const keeps = ((actor: Actor, r: CountyResource) =>
  isSystemAdmin(actor) ||
  hasAnyRole(actor, ['county_admin'], r.countyCode)) satisfies Predicate<CountyResource>;

export const councilsPolicy = {
  /** form a council in the county, and see the county's councils with their history */
  'council.manage': keeps,
} as const;

/**
 * What the viewer of a council's internal pages is to it: `sitsIn` are the bodies of the council where the
 * viewer is one of the people (a representative by account or by e-mail address), found by the service.
 */
export interface SeatResource extends CountyResource {
  sitsIn: readonly string[];
}

/** One body of a council, for its internal parts (meetings, internal documents, people's addresses). */
export interface BodySeatResource extends SeatResource {
  bodyId: string;
}

/** A member organisation's own answer to an active council (its handling of a priority, its progress reports). */
export interface AnswerResource extends CouncilResource {
  organisationId: string;
}

const sits = (actor: Actor, r: SeatResource): boolean => isUser(actor) && r.sitsIn.length > 0;
const always = (): true => true;

/** A council of a county, in its state. */
export interface CouncilResource extends CountyResource, lifecycle.CouncilState {}

/** The councils to merge, all of the county in the URL. */
export interface MergeResource extends CountyResource {
  councils: lifecycle.CouncilState[];
}

/** A meeting of a body of a council, both in their states. */
export interface MeetingResource extends CountyResource {
  council: lifecycle.CouncilState;
  meeting: lifecycle.MeetingState;
}

/** A decision to be replaced by another (decided on `by.decidedOn`), in an active council. */
export interface ReplaceResource extends CountyResource {
  council: lifecycle.CouncilState;
  decision: lifecycle.DecisionDates & { id: string };
  by: { id?: string; decidedOn: string };
}

/** A council's document in its state. */
export interface DocumentResource extends CountyResource {
  council: lifecycle.CouncilState;
  document: { status: lifecycle.DocumentState };
}

/** Nothing changes in a council that has ended; then the thing's own rule. */
const inActive =
  <R extends { council: lifecycle.CouncilState }>(rule: (r: R, now: Date) => lifecycle.Verdict) =>
  (r: R, now: Date): lifecycle.Verdict => {
    const verdict = lifecycle.councilMayEdit(r.council);
    return verdict === true ? rule(r, now) : verdict;
  };

const stateRules = {
  /** the council's internal pages (its work room): its admins, and the people of any of its bodies */
  'council.enter': stateRule<SeatResource>({ who: (a, r) => keeps(a, r) || sits(a, r), state: always }),
  /** a body's internal parts: its meetings and papers, its internal documents, its people's addresses */
  'body.view': stateRule<BodySeatResource>({
    who: (a, r) => keeps(a, r) || (sits(a, r) && r.sitsIn.includes(r.bodyId)),
    state: always,
  }),
  /**
   * answer for a member organisation while the council is active: how it handles a priority, its
   * interventions' progress. The county's admins, and a council member of the county from that organisation.
   */
  'council.answer': stateRule<AnswerResource>({
    who: (actor, r) =>
      keeps(actor, r) ||
      (isUser(actor) &&
        actor.memberships.some(
          (m) =>
            m.role === 'council_member' &&
            m.countyCode === r.countyCode &&
            m.organisationId === r.organisationId,
        )),
    state: lifecycle.councilMayEdit,
  }),
  /** texts, members, bodies and their people */
  'council.edit': stateRule<CouncilResource>({ who: keeps, state: lifecycle.councilMayEdit }),
  'council.dissolve': stateRule<CouncilResource>({ who: keeps, state: lifecycle.councilMayDissolve }),
  /** a meeting's time, place and title; cancelling it */
  'meeting.edit': stateRule<MeetingResource>({
    who: keeps,
    state: inActive((r) => lifecycle.meetingMayEdit(r.meeting)),
  }),
  /** sending the invitation (kallelse) to the body's people, and again after a change */
  'meeting.invite': stateRule<MeetingResource>({
    who: keeps,
    state: inActive((r, now) => lifecycle.meetingMayInvite(r.meeting, now)),
  }),
  'meeting.agenda': stateRule<MeetingResource>({
    who: keeps,
    state: inActive((r) => lifecycle.meetingMayChangeAgenda(r.meeting)),
  }),
  /** attendance and minutes */
  'meeting.record': stateRule<MeetingResource>({
    who: keeps,
    state: inActive((r, now) => lifecycle.meetingMayRecord(r.meeting, now)),
  }),
  'meeting.hold': stateRule<MeetingResource>({
    who: keeps,
    state: inActive((r, now) => lifecycle.meetingMayBeHeld(r.meeting, now)),
  }),
  'decision.replace': stateRule<ReplaceResource>({
    who: keeps,
    state: inActive((r) => lifecycle.decisionMayBeReplaced(r.decision, r.by)),
  }),
  /** a document's texts, its new versions, withdrawing it */
  'document.change': stateRule<DocumentResource>({
    who: keeps,
    state: inActive((r) => lifecycle.documentMayChange(r.document)),
  }),
  'council.merge': stateRule<MergeResource>({
    who: keeps,
    state: (r) => lifecycle.councilsMayMerge(r.councils),
  }),
};

type StateRules = typeof stateRules;
export type StateAction = keyof StateRules;
export type ResourceOf<A extends StateAction> = ResourceOfRule<StateRules, A>;

/** The same questions as every module's (platform/authz.ts): the services under a lock, the pages for buttons. */
export const { decide, can, authorize } = stateRulesOf(stateRules);
