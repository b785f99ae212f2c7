import {
  hasAnyRole,
  isSystemAdmin,
  stateRule,
  stateRulesOf,
  type Actor,
  type CountyResource,
  type Predicate,
  type ResourceOfRule,
} from '../../platform/authz.ts';
import * as lifecycle from './lifecycle.ts';

/**
 * The county's public pages. Its editors (länsredaktör) and admins write pages, news and contacts and publish
 * them; the county admin alone sets warning banners and the county's settings (review, support contact). The
 * national coordinator writes national news and banners for every county (global actions). Visitors read what
 * is published (public routes whose rules are lifecycle.ts's: what is public now).
 */
const edits = ((actor: Actor, r: CountyResource) =>
  isSystemAdmin(actor) ||
  hasAnyRole(actor, ['county_admin', 'county_editor'], r.countyCode)) satisfies Predicate<CountyResource>;

const administers = ((actor: Actor, r: CountyResource) =>
  isSystemAdmin(actor) ||
  hasAnyRole(actor, ['county_admin'], r.countyCode)) satisfies Predicate<CountyResource>;

const coordinates = (actor: Actor): boolean =>
  isSystemAdmin(actor) || hasAnyRole(actor, ['national_coordinator']);

export const sitePolicy = {
  /** the county's editorial pages: pages with drafts and history, news, contacts, files */
  'site.edit': edits,
  /** publish, schedule, unpublish a page or news item (lifecycle.mayPublish decides when) */
  'site.publish': edits,
  /** warning banners on the county's pages */
  'site.banner': administers,
  /** the county's site settings: review by a second editor, support contact */
  'site.settings': administers,
} as const;

export const siteGlobalPolicy = {
  /** national news on the national start page, and banners for every county */
  'site.national': coordinates,
} as const;

// ---- Actions on a page, news item, banner or contact in its state -----------------------------------------

export interface PageResource extends CountyResource {
  page: lifecycle.PageState;
  /** the page's draft, if it has one */
  draft: lifecycle.RevisionInfo | null;
  /** the county wants review by a second editor */
  requiresReview: boolean;
  /** who asks (the second-editor rule compares) */
  actorId: string | null;
}

export interface RevisionResource extends CountyResource {
  page: lifecycle.PageState;
  revision: lifecycle.RevisionInfo;
}

export interface BannerResource extends CountyResource {
  banner: lifecycle.BannerState;
}

export interface ContactResource extends CountyResource {
  contact: lifecycle.ContactState;
  replacement: lifecycle.ContactState | null;
}

const rule = stateRule;
const always = (): true => true;

const stateRules = {
  'page.edit': rule<PageResource>({ who: sitePolicy['site.edit'], state: always }),
  'page.requestReview': rule<PageResource>({
    who: sitePolicy['site.edit'],
    state: (r) => lifecycle.mayRequestReview(r.draft),
  }),
  'page.publish': rule<PageResource>({
    who: sitePolicy['site.publish'],
    state: (r) => lifecycle.mayPublish(r.draft, { requiresReview: r.requiresReview, actorId: r.actorId }),
  }),
  'page.unpublish': rule<PageResource>({
    who: sitePolicy['site.publish'],
    state: (r) => lifecycle.mayUnpublish(r.page),
  }),
  'page.cancelSchedule': rule<PageResource>({
    who: sitePolicy['site.publish'],
    state: (r, now) => lifecycle.mayCancelSchedule(r.page, now),
  }),
  'page.move': rule<PageResource>({ who: sitePolicy['site.edit'], state: (r) => lifecycle.mayMove(r.page) }),
  'page.restore': rule<RevisionResource>({
    who: sitePolicy['site.edit'],
    state: (r) => lifecycle.mayRestore(r.revision, r.page),
  }),
  'banner.edit': rule<BannerResource>({
    who: sitePolicy['site.banner'],
    state: (r, now) => lifecycle.mayEditBanner(r.banner, now),
  }),
  'banner.end': rule<BannerResource>({
    who: sitePolicy['site.banner'],
    state: (r, now) => lifecycle.mayEndBanner(r.banner, now),
  }),
  /** the coordinator changes or ends any banner: the national ones and each county's */
  'banner.editAny': rule<BannerResource>({
    who: (actor) => siteGlobalPolicy['site.national'](actor),
    state: (r, now) => lifecycle.mayEditBanner(r.banner, now),
  }),
  'banner.endAny': rule<BannerResource>({
    who: (actor) => siteGlobalPolicy['site.national'](actor),
    state: (r, now) => lifecycle.mayEndBanner(r.banner, now),
  }),
  'contact.replace': rule<ContactResource>({
    who: sitePolicy['site.edit'],
    state: (r) => lifecycle.mayReplaceContact(r.contact, r.replacement),
  }),
};

export const { decide, can, authorize } = stateRulesOf(stateRules);
export type SiteAction = keyof typeof stateRules;
export type SiteResourceOf<A extends SiteAction> = ResourceOfRule<typeof stateRules, A>;

/** What a viewer may do to a page now, for its buttons (the same rules the services ask under the lock). */
export function pageAbilities(actor: Actor, r: PageResource, now = new Date()) {
  return {
    edit: can(actor, 'page.edit', r, now),
    requestReview: can(actor, 'page.requestReview', r, now),
    publish: can(actor, 'page.publish', r, now),
    unpublish: can(actor, 'page.unpublish', r, now),
    cancelSchedule: can(actor, 'page.cancelSchedule', r, now),
    move: can(actor, 'page.move', r, now),
  };
}
export type PageAbilities = ReturnType<typeof pageAbilities>;
