import { formatDate } from '../../../platform/i18n.ts';
import { safeMarkdown } from '../../../platform/markdown.ts';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { NewsCard, NewsItemView } from '../news.ts';
import { THEMES } from '../themes.ts';

/** Where a list of news lives: a county's (its slug and name) or the national one. */
export interface NewsPlace {
  county: { slug: string; name: string } | undefined;
  /** the list's own address, and the start page above it */
  listUrl: string;
  homeUrl: string;
  feeds: { atom: string; rss: string };
}

export interface NewsListView {
  place: NewsPlace;
  items: NewsCard[];
  total: number;
  page: number;
  pages: number;
  /** the theme chosen, if any */
  themeKey: string | undefined;
}

const titleOf = (place: NewsPlace): string =>
  place.county ? `Nyheter från ${place.county.name}` : 'Nyheter från hela Sverige';

const breadcrumbsOf = (place: NewsPlace) => [
  { href: place.homeUrl, label: place.county ? place.county.name : 'Startsida' },
];

function listHref(place: NewsPlace, themeKey: string | undefined, page: number): string {
  const q = new URLSearchParams();
  if (themeKey) q.set('tema', themeKey);
  if (page > 1) q.set('sida', String(page));
  const s = q.toString();
  return s ? `${place.listUrl}?${s}` : place.listUrl;
}

/** One item in a list: its title as a link, its date and its lead. */
export function NewsSummary({ item }: { item: NewsCard }): JSX.Element {
  return (
    <li class="sv-news-item govuk-!-margin-bottom-6">
      <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
        <a class="govuk-link" href={item.url} safe>
          {item.title}
        </a>
      </h2>
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        <time datetime={item.publishedAt.toISOString()} safe>
          {formatDate(item.publishedAt)}
        </time>
      </p>
      {item.summary ? (
        <p class="govuk-body" safe>
          {item.summary}
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

export function FeedLinks({ feeds }: { feeds: NewsPlace['feeds'] }): JSX.Element {
  return (
    <p class="govuk-body-s">
      Följ nyheterna i din flödesläsare:{' '}
      <a class="govuk-link" href={feeds.rss} type="application/rss+xml">
        RSS
      </a>{' '}
      eller{' '}
      <a class="govuk-link" href={feeds.atom} type="application/atom+xml">
        Atom
      </a>
    </p>
  );
}

export function NewsListPage({ ctx, view }: { ctx: PageContext; view: NewsListView }): JSX.Element {
  const { place } = view;
  const theme = THEMES.find((t) => t.key === view.themeKey);
  return (
    <Layout
      ctx={ctx}
      title={theme ? `${titleOf(place)}: ${theme.name}` : titleOf(place)}
      breadcrumbs={breadcrumbsOf(place)}
    >
      <form method="get" action={place.listUrl} class="govuk-!-margin-bottom-6">
        <div class="govuk-form-group govuk-!-margin-bottom-2">
          <label class="govuk-label" for="tema">
            Visa nyheter om
          </label>
          <select class="govuk-select" id="tema" name="tema">
            <option value="">Alla teman</option>
            {THEMES.map((t) => (
              <option value={t.key} selected={t.key === view.themeKey}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          Visa
        </button>
      </form>
      {view.items.length === 0 ? (
        <p class="govuk-body">
          {theme ? 'Det finns inga nyheter om det temat just nu.' : 'Det finns inga nyheter just nu.'}
        </p>
      ) : (
        <ul class="govuk-list sv-news-list">
          {view.items.map((item) => (
            <NewsSummary item={item} />
          ))}
        </ul>
      )}
      {view.pages > 1 ? (
        <nav class="govuk-pagination" aria-label="Sidor med nyheter">
          {view.page > 1 ? (
            <div class="govuk-pagination__prev">
              <a
                class="govuk-link govuk-pagination__link"
                href={listHref(place, view.themeKey, view.page - 1)}
                rel="prev"
              >
                <span class="govuk-pagination__link-title">Nyare nyheter</span>
              </a>
            </div>
          ) : (
            ''
          )}
          {view.page < view.pages ? (
            <div class="govuk-pagination__next">
              <a
                class="govuk-link govuk-pagination__link"
                href={listHref(place, view.themeKey, view.page + 1)}
                rel="next"
              >
                <span class="govuk-pagination__link-title">Äldre nyheter</span>
              </a>
            </div>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
      {view.pages > 1 ? <p class="govuk-body-s" safe>{`Sida ${view.page} av ${view.pages}`}</p> : ''}
      <FeedLinks feeds={place.feeds} />
    </Layout>
  );
}

export function NewsItemPage({
  ctx,
  place,
  item,
}: {
  ctx: PageContext;
  place: NewsPlace;
  item: NewsItemView;
}): JSX.Element {
  return (
    <Layout
      ctx={ctx}
      title={item.title}
      breadcrumbs={[...breadcrumbsOf(place), { href: place.listUrl, label: 'Nyheter' }]}
    >
      <article class="sv-news-article">
        <p class="govuk-body-s">
          Publicerad{' '}
          <time datetime={item.publishedAt.toISOString()} safe>
            {formatDate(item.publishedAt)}
          </time>
        </p>
        {item.summary ? (
          <p class="govuk-body-l" safe>
            {item.summary}
          </p>
        ) : (
          ''
        )}
        {item.image ? (
          <img
            class="sv-news-image"
            src={item.image.src}
            srcset={item.image.srcset}
            width={String(item.image.width)}
            height={String(item.image.height)}
            alt={item.image.alt}
          />
        ) : (
          ''
        )}
        <div class="sv-news-body">{safeMarkdown(item.body)}</div>
        {item.themes.length > 0 ? (
          <>
            <h2 class="govuk-heading-s">Teman</h2>
            <ul class="govuk-list">
              {item.themes.map((t) => (
                <li>
                  <a class="govuk-link" href={listHref(place, t.key, 1)} safe>
                    {t.name}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
      </article>
      <p class="govuk-body">
        <a class="govuk-link" href={place.listUrl}>
          Fler nyheter
        </a>
      </p>
    </Layout>
  );
}
