import type { PageContext } from '../../../../ui/context.ts';
import { LinkButton, Table } from '../../../../ui/components.tsx';
import { Layout } from '../../../../ui/layout.tsx';
import { dayText } from '../../labels.ts';
import type { CouncilRow } from '../../repository.ts';
import { urls } from '../../urls.ts';
import { CouncilStatusTag, type CountyOf } from './parts.tsx';

/** The county's councils page's title: also the council member's start page. */
export const councilsTitle = (county: Pick<CountyOf, 'name'>): string =>
  `Råd för social hållbarhet i ${county.name}`;

/**
 * The county's councils: for its admins every council, the active first and then those merged or dissolved
 * with their end dates, with forming and merging; for a council member the councils they sit in; for anyone
 * else with the county's council pages, a page that says there is nothing to show them.
 */
export function CouncilsPage({
  ctx,
  county,
  councils,
  manages,
}: {
  ctx: PageContext;
  county: CountyOf;
  councils: CouncilRow[];
  manages: boolean;
}): JSX.Element {
  const byId = new Map(councils.map((c) => [c.id, c]));
  const active = councils.filter((c) => c.status === 'active');
  const ended = councils.filter((c) => c.status !== 'active');
  const link = (c: CouncilRow) => (
    <a class="govuk-link" href={urls.overview(county.slug, c.slug)} safe>
      {c.name}
    </a>
  );
  return (
    <Layout ctx={ctx} title={councilsTitle(county)} caption={manages ? 'Länets råd' : 'Dina råd'}>
      {manages ? (
        <div class="govuk-button-group">
          <LinkButton href={urls.newCouncil(county.slug)} text="Bilda ett råd" />
          {active.length >= 2 ? (
            <LinkButton href={urls.mergeCouncils(county.slug)} text="Slå samman råd" secondary />
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      {councils.length === 0 ? (
        <p class="govuk-body">
          {manages
            ? 'Länet har inget råd ännu. Bilda det första med knappen ovan.'
            : 'Du sitter inte i någon grupp i länets råd, så det finns inget att visa här. Länets administratör lägger till rådets personer.'}
        </p>
      ) : (
        ''
      )}
      {active.length > 0 ? (
        <Table
          caption={manages ? 'Verksamma råd' : 'Råd där du sitter'}
          rows={active}
          columns={[
            { header: 'Råd', cell: link },
            { header: 'Bildades', cell: (c) => <span safe>{dayText(c.formedOn)}</span> },
            {
              header: 'Publik sida',
              cell: (c) => (
                <a class="govuk-link" href={urls.publicPage(county.slug, c.slug)}>
                  Publik sida<span class="govuk-visually-hidden" safe>{` för ${c.name}`}</span>
                </a>
              ),
            },
          ]}
        />
      ) : (
        ''
      )}
      {ended.length > 0 ? (
        <Table
          caption="Råd som har upphört"
          rows={ended}
          columns={[
            { header: 'Råd', cell: link },
            { header: 'Status', cell: (c) => <CouncilStatusTag status={c.status} /> },
            { header: 'Bildades', cell: (c) => <span safe>{dayText(c.formedOn)}</span> },
            {
              header: 'Upphörde',
              cell: (c) => {
                const into = c.mergedIntoId ? byId.get(c.mergedIntoId) : undefined;
                return (
                  <span safe>
                    {`${c.endedOn ? dayText(c.endedOn) : ''}${into ? ` (gick upp i ${into.name})` : ''}`}
                  </span>
                );
              },
            },
          ]}
        />
      ) : (
        ''
      )}
    </Layout>
  );
}
