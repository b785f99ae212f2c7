/**
 * The eleven themes of a county board's work for social sustainability (seed 000), the same in every county.
 * Every county has one theme page per theme, created empty (unpublished) until its editors write it; news,
 * pages and search results are tagged with these keys. The key is stable; the slug is the page's address
 * (`/{county}/{slug}`) when it is created, and the page may be renamed later (its old address redirects).
 */
export const THEMES = [
  { key: 'integration', slug: 'integration', name: 'Integration' },
  { key: 'andts', slug: 'andts', name: 'ANDTS' },
  { key: 'violence', slug: 'mans-vald-mot-kvinnor', name: 'Mäns våld mot kvinnor' },
  { key: 'gender-equality', slug: 'jamstalldhet', name: 'Jämställdhet' },
  { key: 'crime-prevention', slug: 'brottsforebyggande-arbete', name: 'Brottsförebyggande arbete' },
  { key: 'human-rights', slug: 'manskliga-rattigheter', name: 'Mänskliga rättigheter' },
  { key: 'parenting-support', slug: 'foraldraskapsstod', name: 'Föräldraskapsstöd' },
  { key: 'personal-ombud', slug: 'personligt-ombud', name: 'Personligt ombud' },
  { key: 'disability', slug: 'funktionshinder', name: 'Funktionshinder' },
  {
    key: 'child-rights',
    slug: 'barnets-rattigheter',
    name: 'Barnets rättigheter och barnkonventionen',
  },
  {
    key: 'minorities',
    slug: 'nationella-minoriteter',
    name: 'Nationella minoriteter och minoritetsspråk',
  },
] as const;

export type ThemeKey = (typeof THEMES)[number]['key'];
export const THEME_KEYS = THEMES.map((t) => t.key) as unknown as readonly [ThemeKey, ...ThemeKey[]];

const byKey = new Map<string, (typeof THEMES)[number]>(THEMES.map((t) => [t.key, t]));
export const themeOf = (key: string): (typeof THEMES)[number] | undefined => byKey.get(key);
export const isThemeKey = (key: string): key is ThemeKey => byKey.has(key);

/**
 * Addresses directly under /{county}/ that belong to other pages of the product: a top-level page may not take
 * them as its slug (the routes with a fixed segment would win, and the page could never be reached).
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'redaktion',
  'kalender',
  'evenemang',
  'rad',
  'sok',
  'nyheter',
  'lagesbild',
  'filer',
  'sitemap.xml',
  'robots.txt',
  'flode',
  'om',
  'tillganglighet',
  'personuppgifter',
  'kakor',
  'kontakt',
  'static',
  'api',
]);
