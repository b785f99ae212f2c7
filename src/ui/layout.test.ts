import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { ANONYMOUS } from '../platform/authz.ts';
import { translator, type Locale } from '../platform/i18n.ts';
import type { PageContext } from './context.ts';
import { Layout } from './layout.tsx';

/** The language an element is in: its own lang, else the nearest ancestor's (WCAG 3.1.2 reads it so). */
function languageOf(el: HTMLElement | null): string | undefined {
  for (let e = el; e; e = e.parentNode) {
    const lang = e.getAttribute?.('lang');
    if (lang) return lang;
  }
  return undefined;
}

function context(locale: Locale): PageContext {
  const t = translator(locale);
  return {
    locale,
    t,
    actor: ANONYMOUS,
    csrfToken: 'token',
    path: '/uppsala/',
    flash: { kind: 'success', text: 'Sparat.' },
    nav: [{ href: '/', label: t('nav.start') }],
    counties: [{ slug: 'uppsala', name: 'Uppsala län' }],
    currentCounty: undefined,
    banners: [],
  };
}

async function render(locale: Locale, lang?: Locale): Promise<HTMLElement> {
  return parse(
    await Layout({
      ctx: context(locale),
      title: lang === 'en' ? 'Sign in' : 'Social hållbarhet i Uppsala län',
      ...(lang ? { lang } : {}),
      children: `<p id="content">${lang === 'en' ? 'Content' : 'Innehåll'}</p>`,
    }),
  );
}

describe('the page language and the interface language', () => {
  it('keeps a Swedish page Swedish in English mode, and marks the translated chrome as English', async () => {
    const doc = await render('en');
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('sv');
    expect(languageOf(doc.querySelector('h1'))).toBe('sv');
    expect(languageOf(doc.querySelector('#content'))).toBe('sv');
    expect(languageOf(doc.querySelector('nav.govuk-header__navigation a'))).toBe('en');
    expect(languageOf(doc.querySelector('.govuk-skip-link'))).toBe('en');
    expect(languageOf(doc.querySelector('.govuk-footer p'))).toBe('en');
    expect(languageOf(doc.querySelector('#flash-title'))).toBe('en');
    // the flash message is the page's own (Swedish) text
    expect(languageOf(doc.querySelector('.govuk-notification-banner__heading'))).toBe('sv');
    expect(languageOf(doc.querySelector('a[href="/logga-in"]'))).toBe('en');
    // the button offering Swedish is in Swedish
    expect(languageOf(doc.querySelector('form[action="/sprak"] button'))).toBe('sv');
  });

  it('follows a page that declares its content English', async () => {
    const doc = await render('en', 'en');
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(languageOf(doc.querySelector('nav.govuk-header__navigation a'))).toBe('en');
    expect(doc.querySelectorAll('body [lang="en"]')).toHaveLength(0);
  });

  it('needs no lang on the chrome when everything is Swedish', async () => {
    const doc = await render('sv');
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('sv');
    expect(doc.querySelectorAll('body [lang="sv"]')).toHaveLength(0);
    expect(languageOf(doc.querySelector('form[action="/sprak"] button'))).toBe('en');
  });
});

describe('English mode through the application', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('serves a Swedish page as lang="sv" with the navigation in lang="en"', async () => {
    const res = await t.app.inject({ url: '/uppsala/', cookies: { lang: 'en' } });
    expect(res.statusCode).toBe(200);
    const doc = parse(res.body);
    expect(doc.querySelector('h1')!.text).toBe('Social hållbarhet i Uppsala län');
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('sv');
    const nav = doc.querySelector('nav.govuk-header__navigation')!;
    expect(nav.querySelector('a')!.text.trim()).toBe('Home');
    expect(languageOf(nav)).toBe('en');
  });
});
