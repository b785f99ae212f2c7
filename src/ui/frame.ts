/**
 * The addresses of the public-sector frame every page's footer links to (the public pages module serves them
 * and names them in its urls.ts): here, so that the layout needs no module.
 */
export const FRAME_LINKS = {
  accessibility: '/om/tillganglighet',
  privacy: '/om/personuppgifter',
  cookies: '/om/kakor',
  support: '/om/kontakt',
} as const;

/** The product's colours, where markup (not the style sheet) needs them: the browser's theme colour. */
export const BRAND_COLOURS = { header: '#0a3d48', accent: '#f0a830' } as const;

/** The default description of a page for search engines and shared links. */
export const SITE_DESCRIPTION =
  'Samverkan är länsstyrelsernas gemensamma plattform för arbetet med social hållbarhet: länens teman, nyheter, evenemang, råd och kontakter.';
