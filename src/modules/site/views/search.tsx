import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { SEARCH_LIMITS } from '../../../platform/search.ts';
import { searchHref, type SearchPageView } from '../search-page.ts';
import { urls } from '../urls.ts';

const plural = (n: number): string => (n === 1 ? '1 träff' : `${n.toLocaleString('sv-SE')} träffar`);

function Checkboxes({
  name,
  legend,
  options,
  selected,
}: {
  name: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  selected: readonly string[];
}): JSX.Element {
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
          {legend}
        </legend>
        <div class="govuk-checkboxes govuk-checkboxes--small">
          {options.map((o, i) => (
            <div class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id={`${name}-${i}`}
                name={name}
                type="checkbox"
                value={o.value}
                checked={selected.includes(o.value)}
              />
              <label class="govuk-label govuk-checkboxes__label" for={`${name}-${i}`} safe>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The search form (a GET form: the question is in the address) and, once asked, the results with paging. */
export function SearchPage({ ctx, view }: { ctx: PageContext; view: SearchPageView }): JSX.Element {
  const { params, outcome } = view;
  const title = view.county ? `Sök i ${view.county.name}` : 'Sök';
  const crumbs = view.county
    ? [
        { href: urls.home(), label: 'Start' },
        { href: urls.countyHome(view.county.slug), label: view.county.name },
      ]
    : [{ href: urls.home(), label: 'Start' }];
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs}>
      <form method="get" action={view.action} role="search" class="govuk-!-margin-bottom-6">
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="q">
            Sökord
          </label>
          <div class="govuk-hint" id="q-hint">
            Sök bland sidor, nyheter, evenemang och dokument. ”Två ord” inom citattecken söker efter frasen,
            -ord utesluter ett ord.
          </div>
          <input
            class="govuk-input govuk-!-width-two-thirds"
            id="q"
            name="q"
            type="search"
            value={params.q}
            maxlength={String(SEARCH_LIMITS.query)}
            aria-describedby="q-hint"
            spellcheck="true"
          />
        </div>
        <details
          class="govuk-details"
          open={params.lan !== '' || params.tema.length > 0 || params.typ.length > 0}
        >
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">Avgränsa sökningen</span>
          </summary>
          <div class="govuk-details__text">
            {view.county ? (
              ''
            ) : (
              <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="lan">
                  Län
                </label>
                <select class="govuk-select" id="lan" name="lan">
                  <option value="">Alla län och nationellt</option>
                  {view.choices.counties.map((c) => (
                    <option value={c.value} selected={c.value === params.lan} safe>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <Checkboxes
              name="typ"
              legend="Typ av innehåll"
              options={view.choices.kinds}
              selected={params.typ}
            />
            <Checkboxes name="tema" legend="Tema" options={view.choices.themes} selected={params.tema} />
          </div>
        </details>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Sök
        </button>
      </form>

      {view.message ? (
        <p class="govuk-body" role="status" safe>
          {view.message}
        </p>
      ) : (
        ''
      )}
      {outcome ? <Results view={view} outcome={outcome} /> : ''}
    </Layout>
  );
}

function Results({
  view,
  outcome,
}: {
  view: SearchPageView;
  outcome: NonNullable<SearchPageView['outcome']>;
}): JSX.Element {
  if (outcome.total === 0)
    return (
      <div role="status">
        <h2 class="govuk-heading-m" safe>{`Inga träffar för ”${outcome.query}”`}</h2>
        <p class="govuk-body">Prova att</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>kontrollera stavningen</li>
          <li>använda färre eller andra ord</li>
          {view.params.lan || view.params.tema.length || view.params.typ.length ? (
            <li>ta bort avgränsningarna</li>
          ) : (
            ''
          )}
          {view.county ? (
            <li>
              <a class="govuk-link" href={searchHref(urls.search(), { ...view.params, sida: 1 })}>
                söka i hela landet
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </div>
    );
  const first = (outcome.page - 1) * SEARCH_LIMITS.pageSize + 1;
  return (
    <>
      <h2 class="govuk-heading-m" role="status" safe>
        {`${plural(outcome.total)} för ”${outcome.query}”`}
      </h2>
      {outcome.results.length === 0 ? (
        <p class="govuk-body">Sidan finns inte längre i resultaten.</p>
      ) : (
        <ol class="govuk-list sv-search-results" start={String(first)}>
          {outcome.results.map((r) => (
            <li class="govuk-!-margin-bottom-6">
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                <a class="govuk-link" href={r.url} safe>
                  {r.title}
                </a>
              </h3>
              <p class="govuk-body-s govuk-!-margin-bottom-1 sv-search-meta" safe>
                {[r.kindLabel, r.countyName, r.date].filter(Boolean).join(' · ')}
              </p>
              <Snippet safeSnippet={r.safeSnippet} />
            </li>
          ))}
        </ol>
      )}
      <Pagination view={view} page={outcome.page} pages={outcome.pages} />
    </>
  );
}

function Pagination({
  view,
  page,
  pages,
}: {
  view: SearchPageView;
  page: number;
  pages: number;
}): JSX.Element {
  if (pages <= 1) return <></>;
  const href = (p: number) => searchHref(view.action, view.params, p);
  // The first, the last and two on each side of the current page; gaps shown as an ellipsis.
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return (
    <nav class="govuk-pagination" aria-label="Sidor med sökresultat">
      {page > 1 ? (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={href(page - 1)} rel="prev">
            <span class="govuk-pagination__link-title">Föregående</span>
            <span class="govuk-visually-hidden"> sida</span>
          </a>
        </div>
      ) : (
        ''
      )}
      <ul class="govuk-pagination__list">
        {shown.map((p, i) => (
          <>
            {i > 0 && p - shown[i - 1]! > 1 ? (
              <li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>
            ) : (
              ''
            )}
            <li class={`govuk-pagination__item${p === page ? ' govuk-pagination__item--current' : ''}`}>
              <a
                class="govuk-link govuk-pagination__link"
                href={href(p)}
                aria-label={`Sida ${p}`}
                aria-current={p === page ? 'page' : undefined}
                safe
              >
                {String(p)}
              </a>
            </li>
          </>
        ))}
      </ul>
      {page < pages ? (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={href(page + 1)} rel="next">
            <span class="govuk-pagination__link-title">Nästa</span>
            <span class="govuk-visually-hidden"> sida</span>
          </a>
        </div>
      ) : (
        ''
      )}
    </nav>
  );
}

/** The snippet is escaped by the search (snippetHtmlOf in platform/search.ts); only its <mark> are markup. */
function Snippet({ safeSnippet }: { safeSnippet: string }): JSX.Element {
  return safeSnippet ? <p class="govuk-body govuk-!-margin-bottom-0">{safeSnippet}</p> : <></>;
}
