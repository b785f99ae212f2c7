import { formatDate } from '../../../platform/i18n.ts';
import type { PageContext } from '../../../ui/context.ts';
import { Table } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { urls } from '../urls.ts';
import type { ResponseStatus } from '../tables.ts';
import { StatusTag } from './parts.tsx';

export interface AssignmentItem {
  occasionId: string;
  occasionLabel: string;
  roundTitle: string;
  organisationId: string;
  organisationName: string;
  deadlineAt: Date;
  opensAt: Date;
  status: ResponseStatus | null;
  open: boolean;
}

export function AssignmentsPage({ ctx, items }: { ctx: PageContext; items: AssignmentItem[] }): JSX.Element {
  return (
    <Layout ctx={ctx} title="Mina uppdrag">
      <Table
        caption="Rapportering av lägesbild"
        rows={items}
        empty="Ni har inga rapporteringsuppdrag just nu."
        columns={[
          {
            header: 'Omgång och tillfälle',
            cell: (i) => (
              <a class="govuk-link" href={urls.assignment(i.occasionId, i.organisationId)} safe>
                {`${i.roundTitle}: ${i.occasionLabel}`}
              </a>
            ),
          },
          { header: 'Organisation', cell: (i) => <span safe>{i.organisationName}</span> },
          {
            header: 'Sista svarsdag',
            cell: (i) => <span safe>{`${formatDate(i.deadlineAt)}${i.open ? '' : ' (stängd)'}`}</span>,
          },
          { header: 'Status', cell: (i) => <StatusTag status={i.status ?? 'none'} /> },
        ]}
      />
    </Layout>
  );
}
