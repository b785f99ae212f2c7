import type { Children } from '@kitajs/html';
import type { Locale } from '../platform/i18n.ts';
import { bannerLevelLabels } from '../platform/page-context.ts';
import type { PageContext } from './context.ts';
import { CsrfField } from './components.tsx';
import { BRAND_COLOURS, FRAME_LINKS, SITE_DESCRIPTION } from './frame.ts';
import { FragmentMemo } from './memo.ts';

/** The header and the county list depend on few things (language, county, menu): rendered once per kind. */
const chromeMemo = new FragmentMemo();

export interface LayoutProps {
  ctx: PageContext;
  /** the page's one h1; the document title starts with it */
  title: string;
  children: Children;
  breadcrumbs?: Array<{ href: string; label: string }>;
  /** a caption shown above the h1, e.g. the county or organisation */
  caption?: string;
  /**
   * The language the page's own content (title, main) is written in: Swedish unless the page says
   * otherwise. A page translated by the interface language passes ctx.locale.
   */
  lang?: Locale;
  /** the page's address for search engines and shared links (a path; default: the request's path) */
  canonical?: string;
  /** a sentence or two about the page, for search results and shared links */
  description?: string;
  /** an image that represents the page when shared (a path or absolute address) */
  image?: string;
  /** what the page is to Open Graph: 'article' for news and pages with content, else 'website' */
  ogType?: 'website' | 'article';
  /** the page's news feed, announced to feed readers */
  feed?: { href: string; title: string };
}

/** The product's mark: two circles overlapping, the county boards and their partners working together. */
export function BrandMark({ size = 40 }: { size?: number }): JSX.Element {
  return (
    <svg
      class="sv-brand__mark"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 40 40"
      width={String(size)}
      height={String(size)}
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="15" cy="20" r="11" fill="none" stroke="currentColor" stroke-width="4" />
      <circle cx="25" cy="20" r="11" fill="none" stroke={BRAND_COLOURS.accent} stroke-width="4" />
      <path d="M20 10.2a11 11 0 0 1 0 19.6a11 11 0 0 1 0-19.6z" fill={BRAND_COLOURS.accent} />
    </svg>
  );
}

/**
 * The lang attribute for the interface's own texts (header, navigation, toolbar, footer): set only where
 * the interface language differs from the page's content, so that each part is read in its language
 * (WCAG 3.1.1 for the page, 3.1.2 for the parts).
 */
type ChromeLang = Locale | undefined;

function Header({ ctx, lang }: { ctx: PageContext; lang: ChromeLang }): JSX.Element {
  const active = ctx.nav.find((item) => item.href === ctx.path)?.href ?? '';
  const key = `header\0${ctx.locale}\0${lang ?? ''}\0${ctx.currentCounty?.slug ?? ''}\0${active}\0${ctx.nav
    .map((item) => `${item.href}\u0001${item.label}`)
    .join('\0')}`;
  return chromeMemo.get(key, () => HeaderHtml({ ctx, lang }));
}

function HeaderHtml({ ctx, lang }: { ctx: PageContext; lang: ChromeLang }): JSX.Element {
  const { t } = ctx;
  return (
    <header class="govuk-header sv-header" data-module="govuk-header" lang={lang}>
      <div class="govuk-header__container govuk-width-container sv-header__container">
        <div class="govuk-header__logo sv-header__logo">
          <a href="/" class="govuk-header__link govuk-header__link--homepage sv-brand">
            <BrandMark />
            <span class="sv-brand__text">
              <span class="govuk-header__logotype-text sv-brand__name" safe>
                {t('app.name')}
              </span>
              <span class="sv-brand__tagline" safe>
                {t('brand.tagline')}
              </span>
            </span>
          </a>
        </div>
        <div class="govuk-header__content sv-header__content">
          {ctx.currentCounty ? (
            <p class="sv-room">
              <span class="govuk-visually-hidden" safe>{`${t('brand.room')}: `}</span>
              <a class="govuk-header__link sv-room__link" href={`/${ctx.currentCounty.slug}/`}>
                <span class="sv-room__county" safe>
                  {ctx.currentCounty.name}
                </span>
                <span class="sv-room__board" safe>
                  {`Länsstyrelsen i ${ctx.currentCounty.name}`}
                </span>
              </a>
            </p>
          ) : (
            ''
          )}
          {ctx.nav.length > 0 ? (
            <nav aria-label={t('nav.main')} class="govuk-header__navigation">
              <button
                type="button"
                class="govuk-header__menu-button govuk-js-header-toggle"
                aria-controls="navigation"
                hidden
                safe
              >
                {t('nav.menu')}
              </button>
              <ul id="navigation" class="govuk-header__navigation-list">
                {ctx.nav.map((item) => (
                  <li
                    class={`govuk-header__navigation-item${
                      ctx.path === item.href ? ' govuk-header__navigation-item--active' : ''
                    }`}
                  >
                    <a
                      class="govuk-header__link"
                      href={item.href}
                      aria-current={ctx.path === item.href ? 'page' : undefined}
                      safe
                    >
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : (
            ''
          )}
        </div>
      </div>
    </header>
  );
}

function ToolBar({ ctx, lang }: { ctx: PageContext; lang: ChromeLang }): JSX.Element {
  const { t } = ctx;
  return (
    <div class="govuk-width-container sv-toolbar" lang={lang}>
      {chromeMemo.get(`counties\0${ctx.locale}\0${ctx.currentCounty?.slug ?? ''}`, () => (
        <CountySwitcher ctx={ctx} />
      ))}
      <div class="sv-toolbar__actions">
        <form method="post" action="/sprak" class="sv-inline-form">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="locale" value={ctx.locale === 'sv' ? 'en' : 'sv'} />
          <input type="hidden" name="next" value={ctx.path} />
          <button
            type="submit"
            class="govuk-button govuk-button--secondary sv-small-button"
            lang={ctx.locale === 'sv' ? 'en' : 'sv'}
            safe
          >
            {t('lang.switch')}
          </button>
        </form>
        {ctx.actor.kind === 'user' ? (
          <form method="post" action="/logga-ut" class="sv-inline-form">
            <CsrfField token={ctx.csrfToken} />
            <span class="govuk-body-s sv-user-name" safe>
              {ctx.actor.name}
            </span>
            <button type="submit" class="govuk-button govuk-button--secondary sv-small-button" safe>
              {t('nav.logout')}
            </button>
          </form>
        ) : (
          <a class="govuk-link" href="/logga-in" safe>
            {t('nav.login')}
          </a>
        )}
      </div>
    </div>
  );
}

function CountySwitcher({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <details class="govuk-details sv-county-switcher">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text" safe>
          {ctx.t('nav.counties')}
        </span>
      </summary>
      <div class="govuk-details__text">
        <ul class="govuk-list sv-county-list">
          {ctx.counties.map((c) => (
            <li>
              <a
                class="govuk-link"
                href={`/${c.slug}/`}
                aria-current={ctx.currentCounty?.slug === c.slug ? 'page' : undefined}
                safe
              >
                {c.name}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

function FlashBanner({ ctx, lang }: { ctx: PageContext; lang: ChromeLang }): JSX.Element {
  if (!ctx.flash) return <></>;
  const success = ctx.flash.kind === 'success';
  return (
    <div
      class={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby="flash-title"
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="flash-title" lang={lang} safe>
          {success ? ctx.t('flash.success') : ctx.t('flash.info')}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading" safe>
          {ctx.flash.text}
        </p>
      </div>
    </div>
  );
}

/**
 * The warning banners in force (weather, a crisis, an outage) on every page of the county: a region with a
 * heading that screen readers find and list, read in the page's order; never a live region or focus taken,
 * so nobody is interrupted mid-task. Always in Swedish, as the county board writes them.
 */
export function WarningBanners({ banners }: { banners: PageContext['banners'] }): JSX.Element {
  if (banners.length === 0) return '';
  return (
    <div class="sv-warnings" lang="sv">
      <div class="govuk-width-container">
        {banners.map((b) => (
          <section
            class={`sv-warning sv-warning--${b.level}`}
            aria-labelledby={`varning-${b.id}`}
            data-banner-id={b.id}
          >
            <h2 class="sv-warning__title govuk-heading-s" id={`varning-${b.id}`} safe>
              {bannerLevelLabels[b.level]}
            </h2>
            <p class="govuk-body sv-warning__message">
              <span safe>{b.message}</span>
              {b.linkUrl ? (
                <>
                  {' '}
                  <a class="govuk-link sv-warning__link" href={b.linkUrl} safe>
                    {b.linkText || 'Läs mer'}
                  </a>
                </>
              ) : (
                ''
              )}
            </p>
          </section>
        ))}
      </div>
    </div>
  );
}

/** The page shell: lang, skip link, header with county switcher, navigation by role, flash, footer. */
export function Layout({
  ctx,
  title,
  caption,
  children,
  breadcrumbs,
  lang = 'sv',
  canonical,
  description,
  image,
  ogType = 'website',
  feed,
}: LayoutProps): JSX.Element {
  const { t } = ctx;
  const chrome: ChromeLang = ctx.locale === lang ? undefined : ctx.locale;
  return (
    <>
      {'<!doctype html>'}
      <html lang={lang} class="govuk-template">
        <head>
          <meta charset="utf-8" />
          <title safe>{`${title} – ${t('app.name')}`}</title>
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <meta name="theme-color" content={BRAND_COLOURS.header} />
          <meta name="description" content={description ?? SITE_DESCRIPTION} />
          <SharingTags
            ctx={ctx}
            title={title}
            description={description ?? SITE_DESCRIPTION}
            canonical={canonical}
            image={image}
            ogType={ogType}
          />
          {feed ? (
            <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />
          ) : (
            ''
          )}
          <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/static/build/app.css" />
          <script type="module" src="/static/app.js"></script>
        </head>
        <body class="govuk-template__body">
          <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link" lang={chrome} safe>
            {t('nav.skip')}
          </a>
          <Header ctx={ctx} lang={chrome} />
          <ToolBar ctx={ctx} lang={chrome} />
          <WarningBanners banners={ctx.banners} />
          <div class="govuk-width-container">
            {breadcrumbs && breadcrumbs.length > 0 ? (
              <nav class="govuk-breadcrumbs" aria-label="Brödsmulor">
                <ol class="govuk-breadcrumbs__list">
                  {breadcrumbs.map((b) => (
                    <li class="govuk-breadcrumbs__list-item">
                      <a class="govuk-breadcrumbs__link" href={b.href} safe>
                        {b.label}
                      </a>
                    </li>
                  ))}
                </ol>
              </nav>
            ) : (
              ''
            )}
            <main class="govuk-main-wrapper" id="main-content">
              <FlashBanner ctx={ctx} lang={chrome} />
              {caption ? (
                <span class="govuk-caption-l" safe>
                  {caption}
                </span>
              ) : (
                ''
              )}
              <h1 class="govuk-heading-l" safe>
                {title}
              </h1>
              {children}
            </main>
          </div>
          <Footer ctx={ctx} lang={chrome} />
        </body>
      </html>
    </>
  );
}

/** The absolute address of a path on this service (as it is when publicUrl is unknown, in tests). */
function absoluteUrl(ctx: PageContext, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${ctx.publicUrl ?? ''}${path}`;
}

/** The canonical address and the Open Graph tags that shared links show (title, description, image). */
function SharingTags({
  ctx,
  title,
  description,
  canonical,
  image,
  ogType,
}: {
  ctx: PageContext;
  title: string;
  description: string;
  canonical: string | undefined;
  image: string | undefined;
  ogType: 'website' | 'article';
}): JSX.Element {
  const url = absoluteUrl(ctx, canonical ?? ctx.path);
  return (
    <>
      <link rel="canonical" href={url} />
      <meta property="og:site_name" content="Samverkan" />
      <meta property="og:locale" content="sv_SE" />
      <meta property="og:type" content={ogType} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      {image ? <meta property="og:image" content={absoluteUrl(ctx, image)} /> : ''}
    </>
  );
}

/**
 * Every page's footer, signed in or not: what a Swedish public-sector service must say (accessibility, personal
 * data, cookies, support) and, inside a county's room, whom to contact at its county board.
 */
function Footer({ ctx, lang }: { ctx: PageContext; lang: ChromeLang }): JSX.Element {
  const s = ctx.support;
  const key = `footer\0${ctx.locale}\0${lang ?? ''}\0${ctx.currentCounty?.slug ?? ''}\0${s?.boardName ?? ''}\0${s?.email ?? ''}\0${s?.phone ?? ''}`;
  return chromeMemo.get(key, () => FooterHtml({ ctx, lang }));
}

function FooterHtml({ ctx, lang }: { ctx: PageContext; lang: ChromeLang }): JSX.Element {
  const { t } = ctx;
  const support = ctx.support;
  const links = [
    { href: FRAME_LINKS.accessibility, label: t('footer.accessibility') },
    { href: FRAME_LINKS.privacy, label: t('footer.privacy') },
    { href: FRAME_LINKS.cookies, label: t('footer.cookies') },
    { href: FRAME_LINKS.support, label: t('footer.support') },
  ];
  return (
    <footer class="govuk-footer sv-footer" lang={lang}>
      <div class="govuk-width-container">
        <div class="sv-footer__columns">
          <div class="sv-footer__brand">
            <p class="sv-footer__name">
              <BrandMark size={32} />
              <span safe>{t('app.name')}</span>
            </p>
            <p class="govuk-body-s" safe>
              {t('footer.about')}
            </p>
          </div>
          {ctx.currentCounty ? (
            <div class="sv-footer__county">
              <h2 class="govuk-heading-s" safe>
                {t('footer.countyContact')}
              </h2>
              <p class="govuk-body-s" lang={lang ? 'sv' : undefined}>
                <span safe>{support?.boardName ?? `Länsstyrelsen i ${ctx.currentCounty.name}`}</span>
                {support?.email ? (
                  <>
                    <br />
                    <a class="govuk-footer__link" href={`mailto:${support.email}`} safe>
                      {support.email}
                    </a>
                  </>
                ) : (
                  ''
                )}
                {support?.phone ? (
                  <>
                    <br />
                    <a class="govuk-footer__link" href={`tel:${support.phone.replace(/[^+\d]/g, '')}`} safe>
                      {support.phone}
                    </a>
                  </>
                ) : (
                  ''
                )}
              </p>
            </div>
          ) : (
            ''
          )}
          <nav class="sv-footer__links" aria-labelledby="footer-links-title">
            <h2 class="govuk-heading-s" id="footer-links-title" safe>
              {t('footer.links')}
            </h2>
            <ul class="govuk-footer__list">
              {links.map((l) => (
                <li class="govuk-footer__list-item">
                  <a class="govuk-footer__link" href={l.href} safe>
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </footer>
  );
}
