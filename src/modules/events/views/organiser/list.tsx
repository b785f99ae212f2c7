import type { PageContext } from '../../../../ui/context.ts';
import { Table } from '../../../../ui/components.tsx';
import { Layout } from '../../../../ui/layout.tsx';
import { whenOfEvent } from '../../labels.ts';
import type { Counts, EventRow, SeriesRow } from '../../repository.ts';
import { urls } from '../../urls.ts';
import { EventStatusTag, type CountyOf } from './parts.tsx';

/** The county's events as the organiser's list sorts them. */
export interface EventGroups {
  upcoming: EventRow[];
  drafts: EventRow[];
  past: EventRow[];
  cancelled: EventRow[];
}

function placesText(e: EventRow, counts: Counts | undefined): string {
  const taken = counts?.taken ?? 0;
  const waiting = counts?.waiting ?? 0;
  const places = e.capacity === null ? `${taken} anmälda` : `${taken} av ${e.capacity} platser`;
  return waiting ? `${places}, ${waiting} på väntelistan` : places;
}

function EventTable({
  caption,
  county,
  events,
  counts,
  empty,
}: {
  caption: string;
  county: CountyOf;
  events: EventRow[];
  counts: ReadonlyMap<string, Counts>;
  empty: string;
}): JSX.Element {
  if (events.length === 0) return <Empty caption={caption} text={empty} />;
  return (
    <Table
      caption={caption}
      empty={empty}
      rows={events}
      columns={[
        {
          header: 'Evenemang',
          cell: (e) => (
            <a class="govuk-link" href={urls.manageEvent(county.slug, e.id)} safe>
              {e.title}
            </a>
          ),
        },
        { header: 'När', cell: (e) => <span safe>{whenOfEvent(e.startsAt, e.endsAt)}</span> },
        { header: 'Status', cell: (e) => <EventStatusTag status={e.status} /> },
        { header: 'Anmälda', cell: (e) => <span safe>{placesText(e, counts.get(e.id))}</span> },
      ]}
    />
  );
}

/** A group with nothing in it: its heading (where its table's caption would be) and a sentence. */
function Empty({ caption, text }: { caption: string; text: string }): JSX.Element {
  return (
    <>
      <h2 class="govuk-heading-m" safe>
        {caption}
      </h2>
      <p class="govuk-body" safe>
        {text}
      </p>
    </>
  );
}

export function EventsListPage({
  ctx,
  county,
  groups,
  counts,
  series,
  canCreate,
}: {
  ctx: PageContext;
  county: CountyOf;
  groups: EventGroups;
  counts: ReadonlyMap<string, Counts>;
  series: SeriesRow[];
  canCreate: boolean;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Evenemang" caption={county.name}>
      <p class="govuk-body">
        Länets evenemang och föreläsningsserier. Ett evenemang syns i länets kalender när det är publicerat.
      </p>
      {canCreate ? (
        <div class="govuk-button-group">
          <a href={urls.organiser.newEvent(county.slug)} role="button" draggable="false" class="govuk-button">
            Skapa evenemang
          </a>
          <a class="govuk-link" href={urls.organiser.newSeries(county.slug)}>
            Skapa föreläsningsserie
          </a>
          <a class="govuk-link" href={urls.questionnaires(county.slug)}>
            Formulär för anmälningsfrågor och utvärderingar
          </a>
        </div>
      ) : (
        ''
      )}
      <EventTable
        caption="Kommande"
        county={county}
        events={groups.upcoming}
        counts={counts}
        empty="Inga kommande publicerade evenemang."
      />
      <EventTable
        caption="Utkast"
        county={county}
        events={groups.drafts}
        counts={counts}
        empty="Inga utkast."
      />
      <EventTable
        caption="Genomförda"
        county={county}
        events={groups.past}
        counts={counts}
        empty="Inga genomförda evenemang."
      />
      <EventTable
        caption="Inställda"
        county={county}
        events={groups.cancelled}
        counts={counts}
        empty="Inga inställda evenemang."
      />
      {series.length === 0 ? (
        <Empty caption="Föreläsningsserier" text="Inga föreläsningsserier ännu." />
      ) : (
        <Table
          caption="Föreläsningsserier"
          rows={series}
          columns={[
            {
              header: 'Serie',
              cell: (s) => (
                <a class="govuk-link" href={urls.organiser.series(county.slug, s.id)} safe>
                  {s.title}
                </a>
              ),
            },
            {
              header: 'År',
              cell: (s) => (
                <span safe>
                  {s.startYear === s.endYear ? String(s.startYear) : `${s.startYear}–${s.endYear}`}
                </span>
              ),
            },
          ]}
        />
      )}
    </Layout>
  );
}
