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

/** A warning banner shown on every page of a county (or of every county) while it is in force. */
export interface PageBanner {
  id: string;
  level: 'info' | 'warning' | 'critical';
  message: string;
  linkUrl: string | null;
  linkText: string | null;
}

/** The one wording of each level: the banner's heading on every page, the editors' forms and lists. */
export const bannerLevelLabels: Readonly<Record<PageBanner['level'], string>> = {
  info: 'Information',
  warning: 'Varning',
  critical: 'Allvarlig varning',
};

/** The banners in force for a request's county, with a version that changes whenever they do. */
export interface PageBanners {
  version: string;
  banners: readonly PageBanner[];
  /** the county board's support contact, inside a county's room */
  support?: CountySupport | undefined;
  /** the service's public address (config.publicUrl, no trailing slash), for canonical and shared links */
  publicUrl?: string | undefined;
}

export const NO_BANNERS: PageBanners = { version: '', banners: [] };

/**
 * Whom a visitor in a county's room contacts at the county board (the footer and task pages name them), with a
 * version that changes whenever they do.
 */
export interface CountySupport {
  version: string;
  /** the county board, e.g. "Länsstyrelsen i Uppsala län" */
  boardName: string;
  email: string | null;
  phone: string | null;
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
  /** the warning banners in force for the county in the address (or every county) */
  banners: readonly PageBanner[];
  /** the county board's support contact, inside a county's room */
  support?: CountySupport | undefined;
  /** the service's public address (config.publicUrl, no trailing slash), for canonical and shared links */
  publicUrl?: string | undefined;
}
