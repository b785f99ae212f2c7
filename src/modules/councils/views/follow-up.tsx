import type { PageContext } from '../../../ui/context.ts';
import { SummaryList, Table } from '../../../ui/components.tsx';
import { followUpTitle } from '../export/follow-up-docx.ts';
import { figureText, spanText, type FollowUpReport, type InterventionFollowUp } from '../follow-up.ts';
import type { CouncilRow } from '../repository.ts';
import { urls } from '../urls.ts';
import { CouncilRoom } from './room.tsx';

export interface FollowUpPageProps {
  ctx: PageContext;
  county: { name: string; slug: string };
  council: Pick<CouncilRow, 'name' | 'slug' | 'status'>;
  report: FollowUpReport;
}

/**
 * The yearly follow-up report as a printable page of the work room (the same model as the Word file): a
 * summary, the year plan, then per priority its areas and interventions and the members' handling.
 */
export function FollowUpPage({ ctx, county, council, report: r }: FollowUpPageProps): JSX.Element {
  return (
    <CouncilRoom
      ctx={ctx}
      county={county}
      council={council}
      part="year"
      title={followUpTitle(r)}
      trail={[{ href: urls.yearPlan(county.slug, council.slug, r.year), label: String(r.year) }]}
    >
      <div class="sv-report">
        <p class="govuk-body" safe>{`Sammanställd ${r.madeOn}.`}</p>
        <ul class="govuk-list sv-no-print">
          <li>
            <a class="govuk-link" href={urls.followUp(county.slug, council.slug, r.year, 'docx')} safe>
              {`Ladda ner uppföljningen ${r.year} som Word-fil`}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={urls.followUp(county.slug, council.slug, r.year - 1, 'html')} safe>
              {`Uppföljning ${r.year - 1}`}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={urls.followUp(county.slug, council.slug, r.year + 1, 'html')} safe>
              {`Uppföljning ${r.year + 1}`}
            </a>
          </li>
        </ul>
        <section aria-labelledby="summary">
          <h2 class="govuk-heading-l" id="summary">
            Sammanfattning
          </h2>
          <Table
            caption={`Under ${r.year}`}
            captionSize="s"
            columns={[
              { header: 'Under året', cell: (row: [string, number]) => t(row[0]) },
              { header: 'Antal', cell: (row) => t(String(row[1])), numeric: true },
            ]}
            rows={[
              ['Samverkansområden', r.priorities.length],
              ['Insatser', r.totals.interventions],
              ['Lägesrapporter', r.totals.reports],
              ['Delmål med slutdatum under året', r.totals.milestonesDue],
              ['Delmål klara under året', r.totals.milestonesDone],
            ]}
          />
        </section>
        <section aria-labelledby="year-plan">
          <h2 class="govuk-heading-l" id="year-plan">
            Årshjulet
          </h2>
          <Table
            caption={`Årets steg ${r.year}`}
            captionSize="s"
            empty={`Det finns ingen plan för ${r.year}.`}
            columns={[
              { header: 'Steg', cell: (s: FollowUpReport['steps'][number]) => t(s.kindLabel) },
              { header: 'Rubrik', cell: (s) => t(s.title) },
              { header: 'Period', cell: (s) => t(spanText(s.startsOn, s.endsOn, 'Inga datum')) },
              { header: 'Status', cell: (s) => t(s.statusLabel) },
              {
                header: 'Bärs av',
                cell: (s) => t([s.round?.title, s.event?.title].filter(Boolean).join('; ')),
              },
            ]}
            rows={r.steps}
          />
        </section>
        {r.priorities.length === 0 ? (
          <p class="govuk-body" safe>{`Rådet hade inga beslutade samverkansområden ${r.year}.`}</p>
        ) : (
          ''
        )}
        {r.priorities.map((p) => (
          <section aria-labelledby={`priority-${p.id}`}>
            <h2 class="govuk-heading-l" id={`priority-${p.id}`} safe>
              {p.name}
            </h2>
            <p class="govuk-body" safe>
              {p.validity}
            </p>
            {p.description ? (
              <p class="govuk-body sv-prewrap" safe>
                {p.description}
              </p>
            ) : (
              ''
            )}
            {p.areas.map((a) => (
              <section aria-labelledby={`area-${a.id}`}>
                <h3 class="govuk-heading-m" id={`area-${a.id}`} safe>
                  {a.name}
                </h3>
                {a.purpose ? <p class="govuk-body" safe>{`Syfte: ${a.purpose}`}</p> : ''}
                {a.targetGroup ? <p class="govuk-body" safe>{`Målgrupp: ${a.targetGroup}`}</p> : ''}
                {a.interventions.length === 0 ? <p class="govuk-body">Inga insatser under året.</p> : ''}
                {a.interventions.map((i) => (
                  <Intervention i={i} />
                ))}
              </section>
            ))}
            <Table
              caption={`Medlemmarnas hantering av ${p.name}`}
              captionSize="m"
              empty="Rådet hade inga medlemmar under året."
              columns={[
                { header: 'Organisation', cell: (h: (typeof p.handling)[number]) => t(h.organisation) },
                { header: 'Hantering', cell: (h) => t(h.stateText) },
                { header: 'Kommentar', cell: (h) => t(h.comment) },
              ]}
              rows={p.handling}
            />
          </section>
        ))}
      </div>
    </CouncilRoom>
  );
}

/** A cell's text. */
const t = (s: string): JSX.Element => <span safe>{s}</span>;

function Intervention({ i }: { i: InterventionFollowUp }): JSX.Element {
  return (
    <article aria-labelledby={`intervention-${i.id}`} class="govuk-!-margin-bottom-8">
      <h4 class="govuk-heading-s" id={`intervention-${i.id}`} safe>
        {i.name}
      </h4>
      <SummaryList
        rows={[
          { key: 'Ägare', value: i.owner },
          ...(i.participants.length ? [{ key: 'Medverkande', value: i.participants.join(', ') }] : []),
          { key: 'Status', value: i.statusText },
          { key: 'Period', value: i.period },
        ]}
      />
      {i.description ? (
        <p class="govuk-body sv-prewrap" safe>
          {i.description}
        </p>
      ) : (
        ''
      )}
      {i.financing.length > 0 ? (
        <Table
          caption={`Finansiering av ${i.name}`}
          captionSize="s"
          columns={[
            {
              header: 'Finansiär',
              cell: (f: InterventionFollowUp['financing'][number]) =>
                t(f.description ? `${f.funder} (${f.description})` : f.funder),
            },
            { header: 'Belopp', cell: (f) => t(f.amount), numeric: true },
            { header: 'Period', cell: (f) => t(f.span) },
            { header: 'Tas över av', cell: (f) => t(f.takenOverBy) },
          ]}
          rows={i.financing}
        />
      ) : (
        ''
      )}
      {i.milestones.length > 0 ? (
        <Table
          caption={`Delmål för ${i.name}`}
          captionSize="s"
          columns={[
            { header: 'Delmål', cell: (m: InterventionFollowUp['milestones'][number]) => t(m.title) },
            { header: 'Slutdatum', cell: (m) => t(m.due) },
            { header: 'Läge', cell: (m) => t(m.done) },
          ]}
          rows={i.milestones}
        />
      ) : (
        ''
      )}
      {i.reports.length === 0 ? <p class="govuk-body">Ingen lägesrapport för året.</p> : ''}
      {i.reports.map((rep) => (
        <div class="govuk-inset-text">
          <p class="govuk-body govuk-!-font-weight-bold" safe>
            {`Lägesrapport ${rep.period} (${rep.statusText.toLowerCase()})`}
          </p>
          <p class="govuk-body sv-prewrap" safe>
            {rep.text || 'Ingen text.'}
          </p>
          {rep.figures.length > 0 ? (
            <Table
              caption={`Mått i lägesrapporten ${rep.period}`}
              captionSize="s"
              columns={[
                { header: 'Mått', cell: (f: (typeof rep.figures)[number]) => t(f.label) },
                { header: 'Värde', cell: (f) => t(figureText(f)), numeric: true },
              ]}
              rows={rep.figures}
            />
          ) : (
            ''
          )}
        </div>
      ))}
    </article>
  );
}
