import type { ImageSources } from '../../../platform/files.ts';
import { formatDate } from '../../../platform/i18n.ts';
import { safeMarkdown } from '../../../platform/markdown.ts';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { CountyChooserMap } from '../../../ui/maps.tsx';
import type { ContactView } from '../contacts-view.ts';
import { urls } from '../urls.ts';

/** A news item as a start page lists it. */
export interface NewsListItem {
  href: string;
  title: string;
  summary: string;
  publishedAt: Date;
}

function NewsList({ items }: { items: NewsListItem[] }): JSX.Element {
  return (
    <ul class="govuk-list sv-news-list">
      {items.map((n) => (
        <li>
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href={n.href} safe>
              {n.title}
            </a>
          </h3>
          <p class="govuk-body-s sv-muted govuk-!-margin-bottom-1">
            <time datetime={n.publishedAt.toISOString()} safe>
              {formatDate(n.publishedAt)}
            </time>
          </p>
          {n.summary ? (
            <p class="govuk-body govuk-!-margin-bottom-0" safe>
              {n.summary}
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

/** A search box that asks the search page by GET (works without JavaScript). */
function SearchBox({ action, label, id }: { action: string; label: string; id: string }): JSX.Element {
  return (
    <form method="get" action={action} class="sv-search" role="search">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for={id} safe>
          {label}
        </label>
        <input class="govuk-input" id={id} name="q" type="search" autocomplete="off" />
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary">
        Sök
      </button>
    </form>
  );
}

export interface HomePageView {
  counties: Array<{ code: string; slug: string; name: string }>;
  news: NewsListItem[];
}

/** The national start page: what Samverkan is, a county to choose (map and list), the coordinator's news. */
export function HomePage({ ctx, view }: { ctx: PageContext; view: HomePageView }): JSX.Element {
  const en = ctx.locale === 'en';
  return (
    <Layout
      ctx={ctx}
      lang={ctx.locale}
      title={
        en ? 'Regional collaboration for social sustainability' : 'Regional samverkan för social hållbarhet'
      }
      description="Länsstyrelsernas sidor om social hållbarhet: välj ditt län för teman, nyheter, evenemang, råd och kontakter."
      feed={{ href: urls.nationalFeed('atom'), title: 'Nationella nyheter' }}
    >
      <div class="sv-intro">
        <p class="govuk-body-l">
          {en
            ? 'The county administrative boards, municipalities, regions and partner agencies work together here: the shared situational picture, indicators, councils, interventions, events and state grants.'
            : 'Här samverkar länsstyrelserna, kommunerna, regionerna och myndigheterna: den gemensamma lägesbilden, kunskapsunderlag, råd, insatser, evenemang och statsbidrag.'}
        </p>
      </div>

      <SearchBox action={urls.search()} label={en ? 'Search all counties' : 'Sök i alla län'} id="sok" />

      <section class="sv-section" aria-labelledby="valj-lan">
        <h2 class="govuk-heading-m" id="valj-lan">
          {en ? 'Choose your county' : 'Välj ditt län'}
        </h2>
        <div class="sv-choose-county">
          <CountyChooserMap
            title={en ? 'Map: choose a county' : 'Karta: välj län'}
            counties={view.counties.map((c) => ({
              code: c.code,
              name: c.name,
              href: urls.countyHome(c.slug),
            }))}
          />
          <ul class="govuk-list sv-county-list">
            {view.counties.map((c) => (
              <li>
                <a class="govuk-link" href={urls.countyHome(c.slug)} safe>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <div class="govuk-grid-row">
        <section class="govuk-grid-column-two-thirds sv-section" aria-labelledby="nyheter">
          <h2 class="govuk-heading-m" id="nyheter">
            {en ? 'National news' : 'Nationella nyheter'}
          </h2>
          {view.news.length > 0 ? (
            <NewsList items={view.news} />
          ) : (
            <p class="govuk-body">{en ? 'No news right now.' : 'Inga nyheter just nu.'}</p>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href={urls.nationalNews()}>
              {en ? 'All national news' : 'Alla nationella nyheter'}
            </a>
          </p>
        </section>
        <section class="govuk-grid-column-one-third sv-section" aria-labelledby="kalender">
          <h2 class="govuk-heading-m" id="kalender">
            {en ? 'Events' : 'Evenemang'}
          </h2>
          <p class="govuk-body">
            {en
              ? 'Conferences, lectures and network meetings on social sustainability in every county.'
              : 'Konferenser, föreläsningar och nätverksträffar om social hållbarhet i hela landet.'}
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href="/kalender">
              {en ? 'The calendar for all of Sweden' : 'Kalendern för hela Sverige'}
            </a>
          </p>
        </section>
      </div>
    </Layout>
  );
}

export interface CountyPageView {
  /** the county's address (/{slug}/…) */
  slug: string;
  countyName: string;
  boardName: string;
  /** the start page's published introduction; none: never written */
  intro:
    { title: string; summary: string; body: string; images: ReadonlyMap<string, ImageSources> } | undefined;
  themes: Array<{ href: string; title: string; summary: string }>;
  news: NewsListItem[];
  events: Array<{ href: string; title: string; when: string }>;
  councils: Array<{ href: string; name: string }>;
  contacts: ContactView[];
}

function ContactCard({ c }: { c: ContactView }): JSX.Element {
  return (
    <li>
      <p class="govuk-body govuk-!-margin-bottom-0">
        <strong safe>{c.name}</strong>
        {c.role ? (
          <>
            <br />
            <span safe>{c.role}</span>
          </>
        ) : (
          ''
        )}
        {c.email ? (
          <>
            <br />
            <a class="govuk-link" href={`mailto:${c.email}`} safe>
              {c.email}
            </a>
          </>
        ) : (
          ''
        )}
        {c.phone ? (
          <>
            <br />
            <span safe>{`Telefon ${c.phone}`}</span>
          </>
        ) : (
          ''
        )}
      </p>
    </li>
  );
}

/**
 * A county's start page for a resident: the introduction its editors wrote (or a plain one naming the county
 * board), the themes it has written about, the latest news, the next events, its councils and whom to contact.
 */
export function CountyPage({ ctx, view }: { ctx: PageContext; view: CountyPageView }): JSX.Element {
  const intro = view.intro;
  const summary =
    intro?.summary ||
    `${view.boardName} samordnar det regionala arbetet för social hållbarhet tillsammans med länets kommuner, regionen, myndigheter och civilsamhället.`;
  return (
    <Layout
      ctx={ctx}
      title={intro?.title || `Social hållbarhet i ${view.countyName}`}
      caption={view.boardName}
      description={summary}
      feed={{ href: urls.countyFeed(view.slug, 'atom'), title: `Nyheter från ${view.boardName}` }}
    >
      <div class="sv-intro">
        <p class="govuk-body-l" safe>
          {summary}
        </p>
        {intro?.body ? (
          <div class="govuk-body sv-prose">
            {safeMarkdown(intro.body, { images: (id) => intro.images.get(id) })}
          </div>
        ) : (
          ''
        )}
      </div>

      <SearchBox action={urls.countySearch(view.slug)} label={`Sök i ${view.countyName}`} id="sok" />

      {view.themes.length > 0 ? (
        <section class="sv-section" aria-labelledby="teman">
          <h2 class="govuk-heading-m" id="teman">
            Teman
          </h2>
          <ul class="sv-theme-list">
            {view.themes.map((t) => (
              <li>
                <h3 class="govuk-heading-s govuk-!-margin-bottom-0">
                  <a class="govuk-link" href={t.href} safe>
                    {t.title}
                  </a>
                </h3>
                {t.summary ? (
                  <p class="govuk-body-s" safe>
                    {t.summary}
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}

      <div class="govuk-grid-row">
        <section class="govuk-grid-column-one-half sv-section" aria-labelledby="nyheter">
          <h2 class="govuk-heading-m" id="nyheter">
            Nyheter
          </h2>
          {view.news.length > 0 ? (
            <NewsList items={view.news} />
          ) : (
            <p class="govuk-body">Inga nyheter just nu.</p>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href={urls.countyNews(view.slug)} safe>
              {`Alla nyheter från ${view.countyName}`}
            </a>
          </p>
        </section>
        <section class="govuk-grid-column-one-half sv-section" aria-labelledby="evenemang">
          <h2 class="govuk-heading-m" id="evenemang">
            Kommande evenemang
          </h2>
          {view.events.length > 0 ? (
            <ul class="govuk-list sv-news-list">
              {view.events.map((e) => (
                <li>
                  <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                    <a class="govuk-link" href={e.href} safe>
                      {e.title}
                    </a>
                  </h3>
                  <p class="govuk-body-s sv-muted govuk-!-margin-bottom-0" safe>
                    {e.when}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p class="govuk-body">Inga evenemang är inplanerade just nu.</p>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href={`/${view.slug}/kalender`} safe>
              {`Evenemang i ${view.countyName}`}
            </a>
          </p>
        </section>
      </div>

      {view.councils.length > 0 ? (
        <section class="sv-section" aria-labelledby="rad">
          <h2 class="govuk-heading-m" id="rad">
            Länets råd
          </h2>
          <ul class="govuk-list">
            {view.councils.map((c) => (
              <li>
                <a class="govuk-link" href={c.href} safe>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}

      <section class="sv-section" aria-labelledby="kontakt">
        <h2 class="govuk-heading-m" id="kontakt">
          Kontakt
        </h2>
        {view.contacts.length > 0 ? (
          <ul class="govuk-list sv-contact-list sv-columns">
            {view.contacts.map((c) => (
              <ContactCard c={c} />
            ))}
          </ul>
        ) : (
          <p class="govuk-body">
            <span safe>{`Frågor om arbetet i ${view.countyName} besvaras av ${view.boardName}. `}</span>
            <a class="govuk-link" href={urls.support()}>
              Kontakt och support
            </a>
          </p>
        )}
      </section>
    </Layout>
  );
}
