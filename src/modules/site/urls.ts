import { FRAME_LINKS } from '../../ui/frame.ts';

/**
 * The addresses of the public pages and their editorial side, in one place: routes, views, feeds, the sitemap
 * and the search index use these. A county is named by its slug; a page by its path under the county.
 */
const editorial = (county: string): string => `/${county}/redaktion`;

export const urls = {
  // ---- Visitors --------------------------------------------------------------------------------------------
  /** the national start page: choose a county, national news */
  home: (): string => '/',
  /** a county's start page */
  countyHome: (county: string): string => `/${county}/`,
  /** a page by its path under the county ("integration" or "integration/nyanlanda") */
  page: (county: string, path: string): string => `/${county}/${path}`,
  /** national news, and one item */
  nationalNews: (): string => '/nyheter',
  nationalNewsItem: (slug: string): string => `/nyheter/${slug}`,
  nationalFeed: (format: 'atom' | 'rss'): string => `/nyheter/flode.${format}`,
  countyNews: (county: string): string => `/${county}/nyheter`,
  countyNewsItem: (county: string, slug: string): string => `/${county}/nyheter/${slug}`,
  countyFeed: (county: string, format: 'atom' | 'rss'): string => `/${county}/nyheter/flode.${format}`,
  /** search, nationally and in a county */
  search: (): string => '/sok',
  countySearch: (county: string): string => `/${county}/sok`,
  sitemap: (): string => '/sitemap.xml',
  countySitemap: (county: string): string => `/${county}/sitemap.xml`,
  robots: (): string => '/robots.txt',
  /** the public-sector frame: every page's footer links here */
  accessibility: (): string => FRAME_LINKS.accessibility,
  privacy: (): string => FRAME_LINKS.privacy,
  cookies: (): string => FRAME_LINKS.cookies,
  support: (): string => FRAME_LINKS.support,

  // ---- Editors (/{county}/redaktion/…) --------------------------------------------------------------------
  editorial,
  pages: (county: string): string => `${editorial(county)}/sidor`,
  newPage: (county: string): string => `${editorial(county)}/sidor/ny`,
  editPage: (county: string, pageId: string): string => `${editorial(county)}/sidor/${pageId}`,
  previewPage: (county: string, pageId: string): string =>
    `${editorial(county)}/sidor/${pageId}/forhandsvisning`,
  requestReview: (county: string, pageId: string): string =>
    `${editorial(county)}/sidor/${pageId}/granskning`,
  publishPage: (county: string, pageId: string): string => `${editorial(county)}/sidor/${pageId}/publicera`,
  unpublishPage: (county: string, pageId: string): string =>
    `${editorial(county)}/sidor/${pageId}/avpublicera`,
  cancelSchedule: (county: string, pageId: string): string =>
    `${editorial(county)}/sidor/${pageId}/avbryt-publicering`,
  movePage: (county: string, pageId: string): string => `${editorial(county)}/sidor/${pageId}/flytta`,
  pageImage: (county: string, pageId: string): string => `${editorial(county)}/sidor/${pageId}/bild`,
  pageFiles: (county: string, pageId: string): string => `${editorial(county)}/sidor/${pageId}/filer`,
  pageFileRemove: (county: string, pageId: string, fileId: string): string =>
    `${editorial(county)}/sidor/${pageId}/filer/${fileId}/ta-bort`,
  history: (county: string, pageId: string): string => `${editorial(county)}/sidor/${pageId}/historik`,
  revision: (county: string, pageId: string, revisionId: string): string =>
    `${editorial(county)}/sidor/${pageId}/historik/${revisionId}`,
  restore: (county: string, pageId: string, revisionId: string): string =>
    `${editorial(county)}/sidor/${pageId}/historik/${revisionId}/aterstall`,

  news: (county: string): string => `${editorial(county)}/nyheter`,
  newNews: (county: string): string => `${editorial(county)}/nyheter/ny`,
  editNews: (county: string, newsId: string): string => `${editorial(county)}/nyheter/${newsId}`,
  unpublishNews: (county: string, newsId: string): string =>
    `${editorial(county)}/nyheter/${newsId}/avpublicera`,
  deleteNews: (county: string, newsId: string): string => `${editorial(county)}/nyheter/${newsId}/ta-bort`,

  contacts: (county: string): string => `${editorial(county)}/kontakter`,
  newContact: (county: string): string => `${editorial(county)}/kontakter/ny`,
  editContact: (county: string, contactId: string): string => `${editorial(county)}/kontakter/${contactId}`,
  replaceContact: (county: string, contactId: string): string =>
    `${editorial(county)}/kontakter/${contactId}/ersatt`,

  banners: (county: string): string => `${editorial(county)}/varningar`,
  newBanner: (county: string): string => `${editorial(county)}/varningar/ny`,
  editBanner: (county: string, bannerId: string): string => `${editorial(county)}/varningar/${bannerId}`,
  endBanner: (county: string, bannerId: string): string =>
    `${editorial(county)}/varningar/${bannerId}/avsluta`,

  settings: (county: string): string => `${editorial(county)}/installningar`,

  // ---- The coordinator (/nationellt/redaktion/…) -----------------------------------------------------------
  nationalEditorial: (): string => '/nationellt/redaktion',
  nationalNewsList: (): string => '/nationellt/redaktion/nyheter',
  newNationalNews: (): string => '/nationellt/redaktion/nyheter/ny',
  editNationalNews: (newsId: string): string => `/nationellt/redaktion/nyheter/${newsId}`,
  unpublishNationalNews: (newsId: string): string => `/nationellt/redaktion/nyheter/${newsId}/avpublicera`,
  deleteNationalNews: (newsId: string): string => `/nationellt/redaktion/nyheter/${newsId}/ta-bort`,
  nationalBanners: (): string => '/nationellt/redaktion/varningar',
  newNationalBanner: (): string => '/nationellt/redaktion/varningar/ny',
  editNationalBanner: (bannerId: string): string => `/nationellt/redaktion/varningar/${bannerId}`,
  endNationalBanner: (bannerId: string): string => `/nationellt/redaktion/varningar/${bannerId}/avsluta`,
};
