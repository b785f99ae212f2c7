import type { Actor } from '../platform/authz.ts';
import type { Locale, Translate } from '../platform/i18n.ts';

export interface Flash {
  kind: 'success' | 'info';
  text: string;
}

export interface NavItem {
  href: string;
  label: string;
}

export interface CountyLink {
  slug: string;
  name: string;
}

/** Everything the layout needs about the request, built once per request; views never fetch data. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  actor: Actor;
  csrfToken: string;
  path: string;
  flash: Flash | undefined;
  nav: readonly NavItem[];
  counties: CountyLink[];
  currentCounty: CountyLink | undefined;
}
