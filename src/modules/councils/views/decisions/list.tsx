import type { Decision } from '../../../../platform/authz.ts';
import { formatDate } from '../../../../platform/i18n.ts';
import type { CountyRecord } from '../../../../platform/tenancy.ts';
import {
  Button,
  Choices,
  ErrorSummary,
  PostForm,
  Select,
  Table,
  Tag,
  TextArea,
  TextInput,
  type FormState,
} from '../../../../ui/components.tsx';
import type { PageContext } from '../../../../ui/context.ts';
import type { DecisionListed } from '../../decisions.ts';
import { DECISION_LIMITS } from '../../decisions.ts';
import { dayText, decisionStateLabels } from '../../labels.ts';
import type { DecisionState } from '../../lifecycle.ts';
import type { BodyRow, CouncilRow } from '../../repository.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { AdminSection } from '../work-parts.tsx';

export const stateColour = (s: DecisionState) =>
  s === 'in_force' ? 'green' : s === 'replaced' ? 'grey' : 'yellow';

export interface AgendaChoice {
  itemId: string;
  itemTitle: string;
  meetingTitle: string;
  startsAt: Date;
}

export interface DecisionsListData {
  county: Pick<CountyRecord, 'name' | 'slug'>;
  council: CouncilRow;
  decisions: DecisionListed[];
  bodies: BodyRow[];
  agendaChoices: AgendaChoice[];
  /** recording a decision: the county's admin while the council is active */
  recording: Decision;
}

/** The form's fields for a new decision (on the register's page; its replacement is chosen here too). */
function DecisionFields({ form, data }: { form: FormState; data: DecisionsListData }): JSX.Element {
  const inForce = data.decisions.filter((d) => d.state === 'in_force');
  return (
    <>
      <TextInput
        name="number"
        label="Beslutsnummer (frivilligt)"
        hint="Lämnas det tomt får beslutet nästa nummer för beslutsåret, i formen år:löpnummer"
        form={form}
        width="govuk-input--width-10"
        maxLength={DECISION_LIMITS.number}
      />
      <TextInput
        name="decidedOn"
        label="Beslutsdatum"
        hint="Som ÅÅÅÅ-MM-DD"
        form={form}
        width="govuk-input--width-10"
      />
      <Select
        name="bodyId"
        label="Beslutande grupp"
        form={form}
        placeholder="Välj grupp"
        options={data.bodies.map((b) => ({ value: b.id, label: b.name }))}
      />
      <TextInput name="title" label="Rubrik" form={form} maxLength={DECISION_LIMITS.title} />
      <TextArea
        name="text"
        label="Beslutstext"
        hint="Markdown går att använda"
        form={form}
        rows={8}
        maxLength={DECISION_LIMITS.text}
      />
      <Choices
        name="validity"
        label="Giltighet"
        form={form}
        options={[
          { value: 'until_further_notice', label: 'Gäller tills vidare' },
          { value: 'until_date', label: 'Gäller till ett slutdatum' },
        ]}
      />
      <TextInput
        name="validUntil"
        label="Slutdatum"
        hint="Bara om beslutet gäller till ett slutdatum, som ÅÅÅÅ-MM-DD"
        form={form}
        width="govuk-input--width-10"
      />
      <Select
        name="replacesId"
        label="Ersätter beslut (frivilligt)"
        hint="Det tidigare beslutet upphör att gälla och länkar till det nya"
        form={form}
        placeholder="Ersätter inget beslut"
        options={inForce.map((d) => ({ value: d.id, label: `${d.number} ${d.title}` }))}
      />
      <Select
        name="agendaItemId"
        label="Fattat under punkt (frivilligt)"
        form={form}
        placeholder="Ingen punkt"
        options={data.agendaChoices.map((i) => ({
          value: i.itemId,
          label: `${i.meetingTitle} (${formatDate(i.startsAt)}): ${i.itemTitle}`,
        }))}
      />
    </>
  );
}

/** The decision register (Beslut): every decision with its state, and recording a new one. */
export function DecisionsListPage({
  ctx,
  data,
  form,
}: {
  ctx: PageContext;
  data: DecisionsListData;
  form: FormState;
}): JSX.Element {
  const { county, council, decisions, bodies, recording } = data;
  const bodyName = new Map(bodies.map((b) => [b.id, b.name]));
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="decisions" title="Beslut">
      <ErrorSummary errors={form.errors} />
      <Table
        caption="Beslutsregister"
        rows={decisions}
        empty="Inga beslut är införda än."
        columns={[
          { header: 'Nummer', cell: (d) => <span safe>{d.number}</span> },
          {
            header: 'Beslut',
            cell: (d) => (
              <a class="govuk-link" href={urls.decision(county.slug, council.slug, d.id)} safe>
                {d.title}
              </a>
            ),
          },
          { header: 'Datum', cell: (d) => <span safe>{dayText(d.decidedOn)}</span> },
          { header: 'Grupp', cell: (d) => <span safe>{bodyName.get(d.bodyId) ?? ''}</span> },
          {
            header: 'Giltighet',
            cell: (d) => <Tag text={decisionStateLabels[d.state]} colour={stateColour(d.state)} />,
          },
        ]}
      />
      <AdminSection decision={recording} id="record" heading="För in ett beslut">
        <PostForm action={urls.decisions(county.slug, council.slug)} csrfToken={ctx.csrfToken}>
          <DecisionFields form={form} data={data} />
          <Button>För in beslutet</Button>
        </PostForm>
      </AdminSection>
    </CouncilRoom>
  );
}
