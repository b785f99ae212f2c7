import {
  hasAnyRole,
  hasRole,
  isSystemAdmin,
  memberOf,
  type Actor,
  type Predicate,
} from '../../platform/authz.ts';
import type { CountyResource } from '../../platform/authz.ts';

/**
 * Lägesbild. A respondent sees only its own organisation's answers; a county its own respondents; the
 * national coordinator the submitted regional pictures and, where the round allows, the answers beneath.
 */
export const situationPolicy = {
  /** the county's rounds, completeness and responses */
  'round.view': ((actor: Actor, r: CountyResource) =>
    isSystemAdmin(actor) ||
    hasAnyRole(actor, ['county_admin', 'county_editor'], r.countyCode)) satisfies Predicate<CountyResource>,
  /** open a county round, choose respondents, return, approve, reopen, submit the regional picture */
  'round.manage': ((actor: Actor, r: CountyResource) =>
    isSystemAdmin(actor) || hasRole(actor, 'county_admin', r.countyCode)) satisfies Predicate<CountyResource>,
  /** write the regional picture's summaries and choose quotes */
  'picture.edit': ((actor: Actor, r: CountyResource) =>
    isSystemAdmin(actor) ||
    hasAnyRole(actor, ['county_admin', 'county_editor'], r.countyCode)) satisfies Predicate<CountyResource>,
} as const;

export const situationGlobalPolicy = {
  /** open national rounds, follow counties, compile the national picture */
  'national.coordinate': (actor: Actor) => isSystemAdmin(actor) || hasRole(actor, 'national_coordinator'),
  /** answer for one's own organisation */
  'response.answer': (actor: Actor) => hasRole(actor, 'reporter'),
} as const;

/** Whether the actor may answer for this organisation: a reporter of that very organisation. */
export const mayRespondFor = (actor: Actor, organisationId: string): boolean =>
  actor.kind === 'user' &&
  actor.memberships.some((m) => m.role === 'reporter' && m.organisationId === organisationId);

export { memberOf };
