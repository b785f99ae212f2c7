import { Select, Tag, emptyForm, type TagColour } from '../../../../ui/components.tsx';
import type { PageContext } from '../../../../ui/context.ts';
import { Layout } from '../../../../ui/layout.tsx';

export interface CalendarItem {
  href: string;
  title: string;
  summary: string;
  startsAt: Date;
  /** "15 juni 2026 klockan 12.30–15.45" */
  when: string;
  /** the address or "Digitalt" */
  place: string;
  /** the county's name, on the calendar of all of Sweden */
  countyName: string | undefined;
  tags: Array<{ text: string; colour: TagColour }>;
}

export interface CalendarLink {
  href: string;
  label: string;
}

export interface CalendarProps {
  ctx: PageContext;
  /** a county's calendar, or all of Sweden's */
  county: { slug: string; name: string } | undefined;
  /** "juni 2026" */
  monthLabel: string;
  /** the month shown, YYYY-MM (kept by the filter form) */
  month: string;
  previous: CalendarLink;
  next: CalendarLink;
  items: CalendarItem[];
  /** when the month has none: the month of the next event after it */
  nextEvent: CalendarLink | undefined;
  filter: { theme: string; county: string };
  themes: string[];
  /** the counties to filter by (the calendar of all of Sweden only) */
  counties: Array<{ slug: string; name: string }> | undefined;
  feeds: { ics: string; atom: string; rss: string | undefined };
  /** the page's own address (the filter form's action) */
  path: string;
}

/** The calendar of a county or of all of Sweden: one month of published events, filters, feeds. */
export function CalendarPage(p: CalendarProps): JSX.Element {
  const title = p.county ? `Evenemang i ${p.county.name}` : 'Evenemang i hela Sverige';
  const filtered = p.filter.theme !== '' || p.filter.county !== '';
  const form = emptyForm({ tema: p.filter.theme, lan: p.filter.county });
  return (
    <Layout
      ctx={p.ctx}
      title={title}
      caption="Kalender"
      breadcrumbs={
        p.county ? [{ href: `/${p.county.slug}/`, label: p.county.name }] : [{ href: '/', label: 'Start' }]
      }
    >
      <p class="govuk-body-l">
        Konferenser, föreläsningar och nätverksträffar om social hållbarhet. Anmälan görs på evenemangets
        sida.
      </p>
      <form method="get" action={p.path} class="sv-filters" aria-label="Filtrera evenemangen">
        <input type="hidden" name="manad" value={p.month} />
        <Select
          name="tema"
          label="Tema"
          form={form}
          placeholder="Alla teman"
          options={p.themes.map((t) => ({ value: t, label: t }))}
        />
        {p.counties ? (
          <Select
            name="lan"
            label="Län"
            form={form}
            placeholder="Alla län"
            options={p.counties.map((c) => ({ value: c.slug, label: c.name }))}
          />
        ) : (
          ''
        )}
        <button type="submit" class="govuk-button govuk-button--secondary">
          Visa evenemang
        </button>
      </form>
      <nav class="govuk-pagination govuk-pagination--block" aria-label="Månader">
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={p.previous.href} rel="prev">
            <span class="govuk-pagination__link-title">Föregående månad</span>
            <span class="govuk-visually-hidden">:</span>
            <span class="govuk-pagination__link-label" safe>
              {p.previous.label}
            </span>
          </a>
        </div>
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={p.next.href} rel="next">
            <span class="govuk-pagination__link-title">Nästa månad</span>
            <span class="govuk-visually-hidden">:</span>
            <span class="govuk-pagination__link-label" safe>
              {p.next.label}
            </span>
          </a>
        </div>
      </nav>
      <h2 class="govuk-heading-m" safe>
        {p.monthLabel.charAt(0).toUpperCase() + p.monthLabel.slice(1)}
      </h2>
      {p.items.length === 0 ? (
        <>
          <p class="govuk-body" safe>
            {filtered
              ? `Inga evenemang i ${p.monthLabel} som passar filtret.`
              : `Inga evenemang i ${p.monthLabel}.`}
          </p>
          {p.nextEvent ? (
            <p class="govuk-body">
              <a class="govuk-link" href={p.nextEvent.href} safe>
                {p.nextEvent.label}
              </a>
            </p>
          ) : (
            ''
          )}
        </>
      ) : (
        <ul class="govuk-list sv-event-list">
          {p.items.map((item) => (
            <li class="sv-event">
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                <a class="govuk-link" href={item.href} safe>
                  {item.title}
                </a>
              </h3>
              <p class="govuk-body-s sv-muted govuk-!-margin-bottom-1">
                <time datetime={item.startsAt.toISOString()} safe>
                  {item.when}
                </time>
                <span safe>{placeLine(item)}</span>
              </p>
              {item.summary ? (
                <p class="govuk-body govuk-!-margin-bottom-1" safe>
                  {item.summary}
                </p>
              ) : (
                ''
              )}
              {item.tags.map((t) => (
                <>
                  <Tag text={t.text} colour={t.colour} />{' '}
                </>
              ))}
            </li>
          ))}
        </ul>
      )}
      <h2 class="govuk-heading-m">Prenumerera</h2>
      <p class="govuk-body">
        Lägg till kalendern i din egen kalender så kommer nya evenemang och ändringar med av sig själva, eller
        följ nya evenemang i en flödesläsare.
      </p>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={p.feeds.ics}>
            Kalenderflöde (iCalendar)
          </a>
        </li>
        <li>
          <a class="govuk-link" href={p.feeds.atom}>
            Nyhetsflöde (Atom)
          </a>
        </li>
        {p.feeds.rss ? (
          <li>
            <a class="govuk-link" href={p.feeds.rss}>
              Nyhetsflöde (RSS)
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </Layout>
  );
}

/** " · Digitalt · Uppsala län": what follows the time in an event's line. */
const placeLine = (item: CalendarItem): string =>
  [item.place, item.countyName]
    .filter(Boolean)
    .map((x) => ` · ${x}`)
    .join('');
