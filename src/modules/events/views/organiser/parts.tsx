import { Table, Tag, type TagColour } from '../../../../ui/components.tsx';
import { organisationTypeLabels, type OrganisationType } from '../../../reference/index.ts';
import { eventStatusLabels } from '../../labels.ts';
import type { Figures } from '../../repository.ts';
import type { EventStatus } from '../../tables.ts';

/** The county in whose pages these views stand. */
export interface CountyOf {
  code: string;
  name: string;
  slug: string;
}

const statusColours: Record<EventStatus, TagColour> = {
  draft: 'grey',
  published: 'green',
  cancelled: 'red',
};

/** An event's status in its one wording (labels.ts); the colour is never the only carrier. */
export function EventStatusTag({ status }: { status: EventStatus }): JSX.Element {
  return <Tag text={eventStatusLabels[status]} colour={statusColours[status]} />;
}

/** An event's or a series' figures, with the names of the municipalities they name. */
export interface FiguresView {
  figures: Figures;
  /** municipality code → name */
  municipalityNames: ReadonlyMap<string, string>;
}

const NOT_GIVEN = 'Inte angiven';

/**
 * The figures for the county's yearly follow-up: registrations and what became of them, attendance, and the
 * confirmed registrants by organisation type and by municipality. They stay after the registrants' personal
 * data is erased.
 */
export function FiguresTables({
  view,
  id,
  heading = 'Siffror för uppföljning',
}: {
  view: FiguresView;
  /** the section's id (a page may show more than one) */
  id: string;
  heading?: string;
}): JSX.Element {
  const f = view.figures;
  const rows: Array<[string, number]> = [
    ['Anmälningar totalt', f.registered],
    ['Bekräftade', f.confirmed],
    ['Erbjuden plats', f.offered],
    ['På väntelistan', f.waiting],
    ['Avbokade', f.cancelled],
    ['Deltog', f.attended],
    ['Uteblev', f.noShows],
    ['Tillagda utöver antalet platser', f.beyondCapacity],
  ];
  const typeName = (t: string | null): string =>
    t ? (organisationTypeLabels[t as OrganisationType] ?? t) : NOT_GIVEN;
  const municipalityName = (code: string | null): string =>
    code ? (view.municipalityNames.get(code) ?? code) : NOT_GIVEN;
  const count = (n: number) => <span safe>{n.toLocaleString('sv-SE')}</span>;
  return (
    <section aria-labelledby={id}>
      <h2 class="govuk-heading-m" id={id} safe>
        {heading}
      </h2>
      <Table
        caption="Anmälningar och deltagande"
        captionSize="s"
        rows={rows}
        columns={[
          { header: 'Vad', cell: ([label]) => <span safe>{label}</span> },
          { header: 'Antal', numeric: true, cell: ([, n]) => count(n) },
        ]}
      />
      {f.confirmed === 0 ? (
        <p class="govuk-body">
          Inga bekräftade anmälningar ännu, så inga siffror per typ av organisation eller kommun.
        </p>
      ) : (
        <>
          <Table
            caption="Bekräftade per typ av organisation"
            captionSize="s"
            rows={f.byOrganisationType}
            columns={[
              {
                header: 'Typ av organisation',
                cell: (r) => <span safe>{typeName(r.organisationType)}</span>,
              },
              { header: 'Bekräftade', numeric: true, cell: (r) => count(r.confirmed) },
              { header: 'Deltog', numeric: true, cell: (r) => count(r.attended) },
            ]}
          />
          <Table
            caption="Bekräftade per kommun"
            captionSize="s"
            rows={f.byMunicipality}
            columns={[
              {
                header: 'Kommun',
                cell: (r) => <span safe>{municipalityName(r.municipalityCode)}</span>,
              },
              { header: 'Bekräftade', numeric: true, cell: (r) => count(r.confirmed) },
              { header: 'Deltog', numeric: true, cell: (r) => count(r.attended) },
            ]}
          />
        </>
      )}
    </section>
  );
}

/** A list of links under a heading-less nav (the actions an organiser may take on a page). */
export function ActionLinks({
  label,
  links,
}: {
  label: string;
  links: Array<{ href: string; text: string } | false>;
}): JSX.Element {
  const shown = links.filter((l): l is { href: string; text: string } => l !== false);
  if (shown.length === 0) return <></>;
  return (
    <nav aria-label={label} class="govuk-!-margin-bottom-6">
      <ul class="govuk-list">
        {shown.map((l) => (
          <li>
            <a class="govuk-link" href={l.href} safe>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
