import { hasRole, isSystemAdmin, type Actor, type Policies } from './authz.ts';
import type { Translate } from './i18n.ts';
import type { NavEntry } from './module.ts';
import type { NavItem } from './page-context.ts';
import type { Role } from './roles.ts';
import { findCountyByCode, type CountyRecord } from './tenancy.ts';

/** The counties the actor holds a role in, in the order of its memberships. */
function actorCounties(actor: Actor): CountyRecord[] {
  if (actor.kind !== 'user') return [];
  const counties = actor.memberships.map((m) => findCountyByCode(m.countyCode));
  return [...new Set(counties.filter((c): c is CountyRecord => c !== undefined))];
}

/**
 * The main navigation: every module's entries, each shown only where the same policy that guards its route
 * allows it (a county entry once per county the actor works in).
 */
export function buildNavigation(entries: NavEntry[], policies: Policies) {
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.order - b.e.order || a.i - b.i);
  // The menu depends only on the actor's roles and counties (and the language): built once per kind of actor.
  const built = new Map<Translate, Map<string, readonly NavItem[]>>();
  return (actor: Actor, t: Translate): readonly NavItem[] => {
    const key =
      actor.kind === 'user' ? actor.memberships.map((m) => `${m.role}@${m.countyCode ?? ''}`).join(',') : '';
    let forLanguage = built.get(t);
    if (!forLanguage) built.set(t, (forLanguage = new Map<string, readonly NavItem[]>()));
    let items = forLanguage.get(key);
    if (!items) {
      if (forLanguage.size >= 1000) forLanguage.clear();
      forLanguage.set(key, (items = Object.freeze(build(actor, t))));
    }
    return items;
  };

  function build(actor: Actor, t: Translate): NavItem[] {
    const items: NavItem[] = [];
    const counties = actorCounties(actor);
    for (const { e } of sorted) {
      const access = e.access;
      if (access.kind === 'public') items.push({ href: e.href, label: t(e.label) });
      else if (actor.kind !== 'user') continue;
      else if (access.kind === 'signed-in') items.push({ href: e.href, label: t(e.label) });
      else if (access.kind === 'global' && policies.canGlobal(actor, access.action))
        items.push({ href: e.href, label: t(e.label) });
      else if (access.kind === 'county')
        for (const county of counties)
          if (policies.can(actor, access.action, { countyCode: county.code }))
            items.push({ href: e.href.replace(':county', county.slug), label: t(e.label) });
    }
    return items;
  }
}

/** The first county in which the actor holds one of the roles (its start page lives there). */
export function firstCountySlug(actor: Actor, roles: readonly Role[]): string | undefined {
  if (actor.kind !== 'user') return undefined;
  const m = actor.memberships.find((x) => roles.includes(x.role) && x.countyCode);
  return m ? findCountyByCode(m.countyCode)?.slug : undefined;
}

/** Where each role lands after signing in; the first matching role decides. */
export function startPathFor(actor: Actor): string {
  if (isSystemAdmin(actor)) return '/admin';
  if (hasRole(actor, 'national_coordinator')) return '/nationellt';
  const county = firstCountySlug(actor, ['county_admin']);
  if (county) return `/${county}/admin`;
  // An editor's work is the county's public pages.
  const editor = firstCountySlug(actor, ['county_editor']);
  if (editor) return `/${editor}/redaktion`;
  if (hasRole(actor, 'reporter')) return '/min-organisation';
  const council = firstCountySlug(actor, ['council_member']);
  if (council) return `/${council}/rad`;
  return '/';
}
