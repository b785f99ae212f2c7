import type { Membership } from '../../../platform/authz.ts';
import { roleLabels } from '../../../platform/roles.ts';
import type { PageContext } from '../../../ui/context.ts';
import { countOf, formatDate } from '../../../platform/i18n.ts';
import { SummaryList, Table, Tag, type TagColour } from '../../../ui/components.tsx';
import { organisationTypeLabels } from '../../reference/index.ts';
import { responseStatusText, urls } from '../../situation/index.ts';
import { Layout } from '../../../ui/layout.tsx';
import { CONTENT_SLOT } from '../../../platform/kept-renders.ts';
import type { Colleague, CountySummary, MunicipalityReadiness, Task } from '../service.ts';

/** An organisation type's Swedish name, from the one list in reference (an unknown value as it is). */
export const organisationTypeLabel = (type: string): string =>
  (organisationTypeLabels as Readonly<Record<string, string>>)[type] ?? type;

export function NationalPage({
  ctx,
  counties,
}: {
  ctx: PageContext;
  counties: CountySummary[];
}): JSX.Element {
  const totals = counties.reduce((s, c) => ({ m: s.m + c.municipalities, p: s.p + c.people }), {
    m: 0,
    p: 0,
  });
  return (
    <Layout ctx={ctx} title="Nationell samordning">
      <p class="govuk-body-l">
        Överblick över de 21 länen: länsstyrelserna, deras kommuner och hur många personer som har roller i
        varje län.
      </p>
      <Table
        caption={`Län (${counties.length}), kommuner (${totals.m}), personer med roller (${totals.p})`}
        rows={counties}
        rowHeader={1}
        columns={[
          { header: 'Länskod', cell: (c) => <span safe>{c.code}</span> },
          {
            header: 'Län',
            cell: (c) => (
              <a class="govuk-link" href={`/${c.slug}/`} safe>
                {c.name}
              </a>
            ),
          },
          { header: 'Kommuner', numeric: true, cell: (c) => <span safe>{String(c.municipalities)}</span> },
          { header: 'Personer med roller', numeric: true, cell: (c) => <span safe>{String(c.people)}</span> },
        ]}
      />
    </Layout>
  );
}

export interface CountyWorkspaceView {
  countyName: string;
  countySlug: string;
  boardName: string;
  counts: { organisations: number; people: number; invitations: number };
  municipalities: MunicipalityReadiness[];
  canManagePeople: boolean;
}

/** The work room's page shell, with a slot where its kept content goes (see `reply.keptHtml`). */
export function CountyWorkspaceShell({
  ctx,
  boardName,
}: {
  ctx: PageContext;
  boardName: string;
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Länets arbete" caption={boardName}>
      {CONTENT_SLOT}
    </Layout>
  );
}

/** The work room's content: the same for every viewer who may do the same, so it is rendered once per version. */
export function CountyWorkspaceContent({ view }: { view: CountyWorkspaceView }): JSX.Element {
  const without = view.municipalities.filter((m) => m.reporters === 0).length;
  return (
    <>
      <ul class="sv-card-list">
        <li class="sv-card">
          <h2 class="govuk-heading-s">Personer och behörigheter</h2>
          <p class="govuk-body" safe>
            {`${countOf(view.counts.people, 'person', 'personer')} har roller i länet, ${countOf(view.counts.invitations, 'inbjudan', 'inbjudningar')} väntar.`}
          </p>
          <a class="govuk-link" href={`/${view.countySlug}/admin/personer`}>
            {view.canManagePeople ? 'Visa och bjud in personer' : 'Visa personer'}
          </a>
        </li>
        <li class="sv-card">
          <h2 class="govuk-heading-s">Lägesbild</h2>
          <p class="govuk-body">Rapporteringsomgångar, svar och den regionala lägesbilden.</p>
          <a class="govuk-link" href={`/${view.countySlug}/lagesbild`}>
            Till lägesbilden
          </a>
        </li>
        <li class="sv-card">
          <h2 class="govuk-heading-s">Organisationer</h2>
          <p class="govuk-body" safe>
            {`${countOf(view.counts.organisations, 'organisation', 'organisationer')} i ${view.countyName}.`}
          </p>
        </li>
        <li class="sv-card">
          <h2 class="govuk-heading-s">Råd för social hållbarhet</h2>
          <p class="govuk-body">Länets råd med medlemmar, grupper och deras personer.</p>
          <a class="govuk-link" href={`/${view.countySlug}/rad`}>
            Till länets råd
          </a>
        </li>
      </ul>
      <Table
        caption={`Kommunernas rapportörer (${without} av ${view.municipalities.length} saknar rapportör)`}
        rows={view.municipalities}
        rowHeader={1}
        columns={[
          { header: 'Kommunkod', cell: (m) => <span safe>{m.code}</span> },
          { header: 'Kommun', cell: (m) => <span safe>{m.name}</span> },
          {
            header: 'Rapportörer',
            numeric: true,
            cell: (m) =>
              m.reporters === 0 ? (
                <strong class="govuk-tag govuk-tag--yellow">Saknas</strong>
              ) : (
                <span safe>{String(m.reporters)}</span>
              ),
          },
        ]}
      />
    </>
  );
}

export interface OwnOrganisation {
  membership: Membership;
  countyName: string | null;
  orgNumber: string | null;
  people: Colleague[];
}

const taskColours: Record<NonNullable<Task['status']> | 'none', TagColour> = {
  none: 'grey',
  draft: 'blue',
  returned: 'orange',
  submitted: 'turquoise',
  approved: 'green',
};

/** The reporter's open tasks, nearest deadline first: what to answer, by when, and how far it has come. */
function OpenTasks({ tasks, manyOrganisations }: { tasks: Task[]; manyOrganisations: boolean }): JSX.Element {
  return (
    <section aria-labelledby="tasks" class="govuk-!-margin-bottom-8">
      <h2 class="govuk-heading-l" id="tasks">
        Att svara på
      </h2>
      {tasks.length === 0 ? (
        <p class="govuk-body">Ni har inga öppna rapporteringsuppdrag just nu.</p>
      ) : (
        <ul class="govuk-list sv-task-list">
          {tasks.map((t) => (
            <li class="sv-card govuk-!-margin-bottom-4">
              <h3 class="govuk-heading-m govuk-!-margin-bottom-2">
                <a class="govuk-link" href={urls.assignment(t.occasionId, t.organisationId)} safe>
                  {`${t.roundTitle}: ${t.occasionLabel}`}
                </a>
              </h3>
              <p class="govuk-body govuk-!-margin-bottom-1">
                <Tag text={responseStatusText(t.status ?? 'none')} colour={taskColours[t.status ?? 'none']} />{' '}
                <span safe>
                  {t.open
                    ? `Sista svarsdag ${formatDate(t.deadlineAt)} kl. 23.59`
                    : `Öppnar ${formatDate(t.opensAt)}, sista svarsdag ${formatDate(t.deadlineAt)}`}
                </span>
              </p>
              {manyOrganisations ? (
                <p class="govuk-body-s govuk-!-margin-bottom-0" safe>{`För ${t.organisationName}`}</p>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={urls.assignments()}>
          Alla uppdrag, även inskickade och avslutade
        </a>
      </p>
    </section>
  );
}

export function MyOrganisationPage({
  ctx,
  organisations,
  tasks,
}: {
  ctx: PageContext;
  organisations: OwnOrganisation[];
  /** the open tasks, first on the page */
  tasks: Task[];
}): JSX.Element {
  return (
    <Layout ctx={ctx} title="Min organisation">
      <OpenTasks tasks={tasks} manyOrganisations={organisations.length > 1} />
      {organisations.map((o) => (
        <section class="govuk-!-margin-bottom-8" aria-label={o.membership.organisationName}>
          <h2 class="govuk-heading-m" safe>
            {o.membership.organisationName}
          </h2>
          <SummaryList
            rows={[
              { key: 'Typ', value: organisationTypeLabel(o.membership.organisationType) },
              { key: 'Län', value: o.countyName ?? 'Nationell' },
              { key: 'Kommunkod', value: o.membership.municipalityCode ?? '–' },
              { key: 'Organisationsnummer', value: o.orgNumber ?? 'Ej angivet' },
              { key: 'Din roll', value: roleLabels[o.membership.role].sv },
            ]}
          />
          <Table
            caption="Personer i organisationen"
            rows={o.people}
            columns={[
              { header: 'Namn', cell: (p) => <span safe>{p.name}</span> },
              { header: 'Roll', cell: (p) => <span safe>{roleLabels[p.role].sv}</span> },
            ]}
          />
        </section>
      ))}
    </Layout>
  );
}
