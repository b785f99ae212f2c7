import { Html } from '@kitajs/html';
import { safeMarkdown } from '../../../../platform/markdown.ts';
import {
  Button,
  Choices,
  Details,
  ErrorSummary,
  PostForm,
  Select,
  SummaryList,
  Table,
  TextArea,
  TextInput,
  scopedErrors,
  type FormState,
} from '../../../../ui/components.tsx';
import type {
  FinancingRow,
  InterventionRow,
  MilestoneRow,
  ProgressRow,
} from '../../interventions-repository.ts';
import { FIGURE_ROWS } from '../../interventions.ts';
import { dayText, interventionStatusLabels } from '../../labels.ts';
import { financingEndsUncovered, nextInterventionStatuses } from '../../lifecycle.ts';
import type { AreaRow, PriorityRow } from '../../priorities-repository.ts';
import type { MemberView } from '../../repository.ts';
import type { GoalRow, StrategyRow } from '../../strategies-repository.ts';
import { strategyGoalKindLabels } from '../../labels.ts';
import { koladaUrl, periodText } from '../../targets.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { InterventionFields } from './priorities.tsx';
import { Refusal, StatusTag, memberOptions, spanText, type RoomPage } from './parts.tsx';

/** Which of the intervention page's forms was posted. */
export type InterventionForm = 'edit' | 'financing' | 'milestone' | 'done' | 'progress' | 'goals';

export interface InterventionPageData {
  intervention: InterventionRow;
  area: AreaRow;
  priority: PriorityRow;
  areas: AreaRow[];
  members: MemberView[];
  /** names of every organisation the page names (members, former members, funders) */
  names: ReadonlyMap<string, string>;
  participants: string[];
  financing: FinancingRow[];
  milestones: MilestoneRow[];
  progress: ProgressRow[];
  /** the viewer may report progress and mark milestones (the admin, or a member of the owner) */
  mayReport: boolean;
  today: string;
  goals: Array<{ goal: GoalRow; strategy: StrategyRow }>;
  goalIds: string[];
}

export const interventionValues = (i: InterventionRow, participants: string[]): Record<string, string> => ({
  areaId: i.areaId,
  name: i.name,
  description: i.description,
  ownerOrganisationId: i.ownerOrganisationId,
  participantIds: participants.join(','),
  startsOn: i.startsOn ?? '',
  endsOn: i.endsOn ?? '',
  status: i.status,
  public: i.public ? 'yes' : '',
  indicators: i.indicators.join(', '),
});

const kronor = (n: number | null) => (n === null ? 'Inget belopp' : `${n.toLocaleString('sv-SE')} kr`);

/** An intervention: its facts, financing (warned of when it ends uncovered), milestones and progress. */
export function InterventionPage(
  p: RoomPage & InterventionPageData & { posted: InterventionForm | undefined; form: FormState },
): JSX.Element {
  const { county, council, intervention: i } = p;
  const here = urls.intervention(county.slug, council.slug, i.id);
  const nameOf = (id: string | null) => (id ? (p.names.get(id) ?? 'Okänd organisation') : '');
  const mayChange = p.manages && p.editing.allowed;
  const formOf = (which: InterventionForm, initial: Record<string, string>): FormState =>
    p.posted === which ? p.form : { values: initial, errors: {} };
  const uncovered = p.financing.filter((f) => financingEndsUncovered(f, p.today));
  const options = memberOptions(p.members);
  return (
    <CouncilRoom
      ctx={p.ctx}
      county={county}
      council={council}
      part="priorities"
      title={i.name}
      trail={[{ href: urls.priority(county.slug, council.slug, p.priority.id), label: p.priority.name }]}
    >
      <ErrorSummary errors={scopedErrors(p.form.errors, p.posted)} />
      {uncovered.map((f) => (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Varning</span>
            <span
              safe
            >{`Finansieringen från ${nameOf(f.funderOrganisationId)} upphör ${dayText(f.untilOn!)} och ingen är angiven att ta över.`}</span>
          </strong>
        </div>
      ))}
      {i.description ? <div class="sv-prose">{safeMarkdown(i.description)}</div> : ''}
      <SummaryList
        rows={[
          { key: 'Samverkansområde', value: p.priority.name },
          { key: 'Insatsområde', value: p.area.name },
          { key: 'Ägare', value: nameOf(i.ownerOrganisationId) },
          { key: 'Deltagande organisationer', value: p.participants.map(nameOf).join('\n') || 'Inga' },
          { key: 'Period', value: spanText(i.startsOn, i.endsOn) },
          { key: 'Status', value: interventionStatusLabels[i.status] },
          { key: 'Publik', value: i.public ? 'Ja, visas på rådets publika sida' : 'Nej' },
        ]}
      />
      <h2 class="govuk-heading-m">Indikatorer</h2>
      {i.indicators.length === 0 ? (
        <p class="govuk-body">Inga indikatorer kopplade.</p>
      ) : (
        <ul class="govuk-list">
          {i.indicators.map((kpi) => (
            <li>
              <a class="govuk-link" href={koladaUrl(kpi)} rel="noopener" safe>
                {`${kpi} i Kolada`}
              </a>
            </li>
          ))}
        </ul>
      )}
      <Table
        caption="Finansiering"
        rows={p.financing}
        empty="Ingen finansiering angiven."
        columns={[
          { header: 'Finansiär', cell: (f) => <span safe>{nameOf(f.funderOrganisationId)}</span> },
          { header: 'Belopp', numeric: true, cell: (f) => <span safe>{kronor(f.amountSek)}</span> },
          { header: 'Avser', cell: (f) => <span safe>{f.description}</span> },
          { header: 'Period', cell: (f) => <span safe>{spanText(f.fromOn, f.untilOn)}</span> },
          {
            header: 'Tar över efter',
            cell: (f) =>
              f.takenOverByOrganisationId ? (
                <span safe>{nameOf(f.takenOverByOrganisationId)}</span>
              ) : (
                <span>Ingen angiven</span>
              ),
          },
          ...(mayChange
            ? [
                {
                  header: 'Ta bort',
                  cell: (f: FinancingRow) => (
                    <PostForm
                      action={urls.financingRemove(county.slug, council.slug, i.id, f.id)}
                      csrfToken={p.ctx.csrfToken}
                    >
                      <Button variant="warning" small>
                        Ta bort
                        <span class="govuk-visually-hidden">
                          {Html.escapeHtml(
                            ` finansieringen från ${nameOf(f.funderOrganisationId)}, ${kronor(f.amountSek)}, ${spanText(f.fromOn, f.untilOn)}`,
                          )}
                        </span>
                      </Button>
                    </PostForm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Table
        caption="Delmål"
        rows={p.milestones}
        empty="Inga delmål ännu."
        columns={[
          { header: 'Delmål', cell: (m) => <span safe>{m.title}</span> },
          { header: 'Ska vara klart', cell: (m) => <span safe>{dayText(m.dueOn)}</span> },
          {
            header: 'Klart',
            cell: (m) => (m.doneOn ? <span safe>{dayText(m.doneOn)}</span> : <span>Inte ännu</span>),
          },
          ...(mayChange
            ? [
                {
                  header: 'Ta bort',
                  cell: (m: MilestoneRow) => (
                    <PostForm
                      action={urls.milestoneRemove(county.slug, council.slug, i.id, m.id)}
                      csrfToken={p.ctx.csrfToken}
                    >
                      <Button variant="warning" small>
                        Ta bort
                        <span class="govuk-visually-hidden">{Html.escapeHtml(` delmålet ${m.title}`)}</span>
                      </Button>
                    </PostForm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {p.mayReport && p.milestones.some((m) => !m.doneOn) ? (
        <Details summary="Markera ett delmål som klart" open={p.posted === 'done'}>
          <PostForm
            action={urls.interventionPart(county.slug, council.slug, i.id, 'delmal/klart')}
            csrfToken={p.ctx.csrfToken}
          >
            <Select
              name="milestoneId"
              label="Delmål"
              idPrefix="done"
              form={formOf('done', {})}
              options={p.milestones.filter((m) => !m.doneOn).map((m) => ({ value: m.id, label: m.title }))}
            />
            <TextInput
              name="doneOn"
              label="Klart den"
              hint="ÅÅÅÅ-MM-DD"
              idPrefix="done"
              form={formOf('done', { doneOn: p.today })}
              width="govuk-input--width-10"
            />
            <Button>Markera som klart</Button>
          </PostForm>
        </Details>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Strategiernas mål som insatsen bidrar till</h2>
      {p.goalIds.length === 0 ? (
        <p class="govuk-body">Inte kopplad till någon strategi.</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {p.goals
            .filter((g) => p.goalIds.includes(g.goal.id))
            .map((g) => (
              <li safe>{`${g.goal.title} (${g.strategy.name})`}</li>
            ))}
        </ul>
      )}
      {mayChange && p.goals.length > 0 ? (
        <Details summary="Koppla till strategiernas mål" open={p.posted === 'goals'}>
          <PostForm
            action={urls.interventionPart(county.slug, council.slug, i.id, 'mal')}
            csrfToken={p.ctx.csrfToken}
          >
            <Choices
              name="goalIds"
              label="Visioner och målområden"
              idPrefix="goals"
              multiple
              form={formOf('goals', { goalIds: p.goalIds.join(',') })}
              options={p.goals.map((g) => ({
                value: g.goal.id,
                label: `${strategyGoalKindLabels[g.goal.kind]}: ${g.goal.title} (${g.strategy.name})`,
              }))}
            />
            <Button>Spara kopplingarna</Button>
          </PostForm>
        </Details>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">Lägesrapporter</h2>
      {p.progress.length === 0 ? <p class="govuk-body">Inga lägesrapporter ännu.</p> : ''}
      {p.progress.map((r) => (
        <section aria-labelledby={`r-${r.id}`}>
          <h3 class="govuk-heading-s" id={`r-${r.id}`} safe>
            {`${r.period} (${periodText(r.period)})`}
          </h3>
          <p class="govuk-body sv-prewrap" safe>
            {r.text}
          </p>
          {r.figures.length > 0 ? (
            <ul class="govuk-list">
              {r.figures.map((f) => (
                <li safe>{`${f.label}: ${f.value.toLocaleString('sv-SE')}${f.unit ? ` ${f.unit}` : ''}`}</li>
              ))}
            </ul>
          ) : (
            ''
          )}
          <p class="govuk-body-s">
            Status efter perioden: <StatusTag status={r.status} />
          </p>
        </section>
      ))}
      {p.mayReport ? (
        <Details summary="Lämna lägesrapport" open={p.posted === 'progress'}>
          <PostForm
            action={urls.interventionPart(county.slug, council.slug, i.id, 'lagesrapport')}
            csrfToken={p.ctx.csrfToken}
          >
            <ProgressFields
              form={formOf('progress', { status: i.status })}
              statuses={nextInterventionStatuses(i.status)}
            />
            <Button>Spara lägesrapporten</Button>
          </PostForm>
        </Details>
      ) : (
        ''
      )}
      {mayChange ? (
        <>
          <Details summary="Lägg till finansiering" open={p.posted === 'financing'}>
            <PostForm
              action={urls.interventionPart(county.slug, council.slug, i.id, 'finansiering')}
              csrfToken={p.ctx.csrfToken}
            >
              <Select
                name="funderOrganisationId"
                label="Finansiär"
                idPrefix="financing"
                form={formOf('financing', {})}
                placeholder="Välj organisation"
                options={options}
              />
              <TextInput
                name="amountSek"
                label="Belopp i kronor"
                hint="Lämna tomt om finansieringen inte är ett belopp (personal, lokaler)."
                idPrefix="financing"
                form={formOf('financing', {})}
                width="govuk-input--width-10"
              />
              <TextInput
                name="description"
                label="Vad finansieringen täcker"
                idPrefix="financing"
                form={formOf('financing', {})}
              />
              <TextInput
                name="fromOn"
                label="Från"
                hint="ÅÅÅÅ-MM-DD"
                idPrefix="financing"
                form={formOf('financing', {})}
                width="govuk-input--width-10"
              />
              <TextInput
                name="untilOn"
                label="Till"
                hint="ÅÅÅÅ-MM-DD. Lämna tomt om finansieringen gäller tills vidare."
                idPrefix="financing"
                form={formOf('financing', {})}
                width="govuk-input--width-10"
              />
              <Select
                name="takenOverByOrganisationId"
                label="Vem tar över efter"
                idPrefix="financing"
                form={formOf('financing', {})}
                placeholder="Ingen angiven"
                options={options}
              />
              <Button>Lägg till finansieringen</Button>
            </PostForm>
          </Details>
          <Details summary="Lägg till delmål" open={p.posted === 'milestone'}>
            <PostForm
              action={urls.interventionPart(county.slug, council.slug, i.id, 'delmal')}
              csrfToken={p.ctx.csrfToken}
            >
              <TextInput name="title" label="Delmål" idPrefix="milestone" form={formOf('milestone', {})} />
              <TextInput
                name="dueOn"
                label="Ska vara klart"
                hint="ÅÅÅÅ-MM-DD"
                idPrefix="milestone"
                form={formOf('milestone', {})}
                width="govuk-input--width-10"
              />
              <Button>Lägg till delmålet</Button>
            </PostForm>
          </Details>
          <Details summary="Ändra insatsen" open={p.posted === 'edit'}>
            <PostForm action={here} csrfToken={p.ctx.csrfToken}>
              <InterventionFields
                form={formOf('edit', interventionValues(i, p.participants))}
                idPrefix="edit"
                areas={p.areas}
                members={p.members}
                statuses={nextInterventionStatuses(i.status)}
              />
              <Button>Spara ändringarna</Button>
            </PostForm>
          </Details>
        </>
      ) : (
        <Refusal editing={p.editing} />
      )}
    </CouncilRoom>
  );
}

/** A progress report's fields: the period, the text, figures and the status after the period. */
export function ProgressFields({
  form,
  statuses,
}: {
  form: FormState;
  statuses: ReadonlyArray<keyof typeof interventionStatusLabels>;
}): JSX.Element {
  return (
    <>
      <TextInput
        name="period"
        label="Period"
        hint="Ett år (2025), ett halvår (2025-H1, 2025-H2) eller ett tertial (2025-T1 … 2025-T3). En ny rapport för samma period ersätter den förra."
        idPrefix="progress"
        form={form}
        width="govuk-input--width-10"
      />
      <TextArea
        name="text"
        label="Hur har arbetet gått?"
        idPrefix="progress"
        form={form}
        rows={6}
        maxLength={10_000}
      />
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Siffror (frivilligt)</legend>
        {Array.from({ length: FIGURE_ROWS }, (_, n) => (
          <div class="sv-columns">
            <TextInput
              name={`figureLabel${n}`}
              label={`Vad siffra ${n + 1} visar`}
              idPrefix="progress"
              form={form}
            />
            <TextInput
              name={`figureValue${n}`}
              label={`Värde ${n + 1}`}
              idPrefix="progress"
              form={form}
              width="govuk-input--width-10"
            />
            <TextInput
              name={`figureUnit${n}`}
              label={`Enhet ${n + 1}`}
              idPrefix="progress"
              form={form}
              width="govuk-input--width-10"
            />
          </div>
        ))}
      </fieldset>
      <Select
        name="status"
        label="Insatsens status efter perioden"
        idPrefix="progress"
        form={form}
        options={statuses.map((s) => ({ value: s, label: interventionStatusLabels[s] }))}
      />
    </>
  );
}
