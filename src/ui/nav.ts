import { isSystemAdmin, hasRole, type Actor } from '../platform/authz.ts';
import type { Role } from '../platform/roles.ts';
import type { Translate } from '../platform/i18n.ts';
import { findCountyByCode } from '../modules/reference/sweden.ts';
import type { NavItem } from './context.ts';

const slugOf = (code: string | null): string | undefined => findCountyByCode(code)?.slug;

/** The first county in which the actor holds one of the roles (its start page lives there). */
export function firstCountySlug(actor: Actor, roles: readonly Role[]): string | undefined {
  if (actor.kind !== 'user') return undefined;
  const m = actor.memberships.find((x) => roles.includes(x.role) && x.countyCode);
  return m ? slugOf(m.countyCode) : undefined;
}

/** Where each role lands after signing in; the first matching role decides. */
export function startPathFor(actor: Actor): string {
  if (isSystemAdmin(actor)) return '/admin';
  if (hasRole(actor, 'national_coordinator')) return '/nationellt';
  const county = firstCountySlug(actor, ['county_admin', 'county_editor']);
  if (county) return `/${county}/admin`;
  if (hasRole(actor, 'reporter')) return '/min-organisation';
  const council = firstCountySlug(actor, ['council_member']);
  if (council) return `/${council}/rad`;
  return '/';
}

/** Navigation by role: each item is shown only to those who may open it. */
export function navFor(actor: Actor, t: Translate): NavItem[] {
  const items: NavItem[] = [{ href: '/', label: t('nav.start') }];
  if (actor.kind !== 'user') return items;
  if (isSystemAdmin(actor)) items.push({ href: '/admin', label: t('nav.admin') });
  if (isSystemAdmin(actor) || hasRole(actor, 'national_coordinator')) {
    items.push({ href: '/nationellt', label: t('nav.national') });
    items.push({ href: '/nationellt/lagesbild', label: t('nav.nationalPicture') });
  }
  const seen = new Set<string>();
  for (const m of actor.memberships) {
    const slug = slugOf(m.countyCode);
    if (!slug) continue;
    if ((m.role === 'county_admin' || m.role === 'county_editor') && !seen.has(`a${slug}`)) {
      seen.add(`a${slug}`);
      items.push({ href: `/${slug}/admin`, label: t('nav.countyAdmin') });
      items.push({ href: `/${slug}/lagesbild`, label: t('nav.situation') });
    }
    if (m.role === 'council_member' && !seen.has(`c${slug}`)) {
      seen.add(`c${slug}`);
      items.push({ href: `/${slug}/rad`, label: t('nav.council') });
    }
  }
  if (hasRole(actor, 'reporter')) {
    items.push({ href: '/uppdrag', label: t('nav.assignments') });
    items.push({ href: '/min-organisation', label: t('nav.myOrganisation') });
  }
  return items;
}
