import { safeMarkdown } from '../../../../platform/markdown.ts';
import {
  Button,
  Checkbox,
  Details,
  ErrorSummary,
  PostForm,
  Select,
  SummaryList,
  TextArea,
  TextInput,
  scopedErrors,
  type FormState,
} from '../../../../ui/components.tsx';
import { dayText, interventionStatusLabels } from '../../labels.ts';
import type { AreaRow, PriorityRow } from '../../priorities-repository.ts';
import type { PrioritiesOf } from '../../priorities.ts';
import type { MemberView } from '../../repository.ts';
import { interventionStatuses } from '../../tables.ts';
import { agendaTargetText } from '../../targets.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { Refusal, StatusTag, memberOptions, spanText, type RoomPage } from './parts.tsx';

export interface DecisionChoice {
  id: string;
  number: string;
  title: string;
  decidedOn: string;
}

/** The fields of a priority, for adding one and changing one. */
function PriorityFields({
  form,
  decisions,
  idPrefix,
}: {
  form: FormState;
  decisions: DecisionChoice[];
  idPrefix?: string;
}): JSX.Element {
  return (
    <>
      <TextInput name="name" label="Namn" form={form} idPrefix={idPrefix} maxLength={200} />
      <TextArea
        name="description"
        label="Beskrivning"
        form={form}
        idPrefix={idPrefix}
        rows={5}
        hint="Markdown går bra."
      />
      <Select
        name="decisionId"
        label="Beslut"
        hint="Rådets beslut om samverkansområdet, ur beslutsregistret."
        form={form}
        idPrefix={idPrefix}
        placeholder="Inget beslut valt"
        options={decisions.map((d) => ({
          value: d.id,
          label: `${d.number} ${d.title} (${dayText(d.decidedOn)})`,
        }))}
      />
      <TextInput
        name="validFrom"
        label="Gäller från"
        hint="ÅÅÅÅ-MM-DD"
        form={form}
        idPrefix={idPrefix}
        width="govuk-input--width-10"
      />
      <TextInput
        name="validUntil"
        label="Gäller till"
        hint="ÅÅÅÅ-MM-DD. Lämna tomt om beslutet gäller tills vidare."
        form={form}
        idPrefix={idPrefix}
        width="govuk-input--width-10"
      />
      <TextArea
        name="rusGoals"
        label="Mål i den regionala utvecklingsstrategin (RUS)"
        hint="Ett mål per rad."
        form={form}
        idPrefix={idPrefix}
      />
      <TextInput
        name="agendaTargets"
        label="Delmål i Agenda 2030"
        hint="Målets nummer, en punkt och delmålet, åtskilda med kommatecken, till exempel 10.2, 16.1, 5.2"
        form={form}
        idPrefix={idPrefix}
      />
    </>
  );
}

export const priorityValues = (p: PriorityRow): Record<string, string> => ({
  name: p.name,
  description: p.description,
  decisionId: p.decisionId ?? '',
  validFrom: p.validFrom,
  validUntil: p.validUntil ?? '',
  rusGoals: p.rusGoals.join('\n'),
  agendaTargets: p.agendaTargets.join(', '),
});

/** The council's priorities with their intervention areas and interventions; the admin adds one here. */
export function PrioritiesPage(
  p: RoomPage & { priorities: PrioritiesOf; decisions: DecisionChoice[]; form: FormState },
): JSX.Element {
  const { county, council } = p;
  const mayAdd = p.manages && p.editing.allowed;
  return (
    <CouncilRoom ctx={p.ctx} county={county} council={council} part="priorities" title="Prioriteringar">
      <ErrorSummary errors={p.form.errors} />
      <p class="govuk-body">
        <a class="govuk-link" href={urls.handling(county.slug, council.slug)}>
          Medlemmarnas hantering av prioriteringarna
        </a>
        {p.manages ? (
          <>
            {' · '}
            <a class="govuk-link" href={urls.progressImport(county.slug, council.slug)}>
              Uppdatera lägesrapporter från en CSV-fil
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      {p.priorities.length === 0 ? <p class="govuk-body">Rådet har inga samverkansområden ännu.</p> : ''}
      {p.priorities.map(({ priority, areas }) => (
        <section aria-labelledby={`p-${priority.id}`}>
          <h2 class="govuk-heading-m" id={`p-${priority.id}`}>
            <a class="govuk-link" href={urls.priority(county.slug, council.slug, priority.id)} safe>
              {priority.name}
            </a>
          </h2>
          <p class="govuk-body-s" safe>{`Gäller ${spanText(priority.validFrom, priority.validUntil)}`}</p>
          <AreaList areas={areas} county={county.slug} council={council.slug} />
        </section>
      ))}
      {mayAdd ? (
        <Details summary="Lägg till samverkansområde" open={Object.keys(p.form.errors).length > 0}>
          <PostForm action={urls.priorities(county.slug, council.slug)} csrfToken={p.ctx.csrfToken}>
            <PriorityFields form={p.form} decisions={p.decisions} />
            <Button>Lägg till samverkansområdet</Button>
          </PostForm>
        </Details>
      ) : (
        <Refusal editing={p.editing} />
      )}
    </CouncilRoom>
  );
}

function AreaList({
  areas,
  county,
  council,
}: {
  areas: PrioritiesOf[number]['areas'];
  county: string;
  council: string;
}): JSX.Element {
  if (areas.length === 0) return <p class="govuk-body">Inga insatsområden ännu.</p>;
  return (
    <ul class="govuk-list govuk-list--bullet">
      {areas.map(({ area, interventions }) => (
        <li>
          <span safe>{area.name}</span>
          {interventions.length > 0 ? (
            <ul class="govuk-list">
              {interventions.map((i) => (
                <li>
                  <a class="govuk-link" href={urls.intervention(county, council, i.id)} safe>
                    {i.name}
                  </a>{' '}
                  <StatusTag status={i.status} />
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

/** Which of the priority page's forms was posted: its errors and input go to that one. */
export type PriorityForm = 'edit' | 'area' | 'intervention';

/** A collaboration area: what was decided, its goals and targets, its intervention areas and interventions. */
export function PriorityPage(
  p: RoomPage & {
    priority: PriorityRow;
    areas: PrioritiesOf[number]['areas'];
    decisions: DecisionChoice[];
    members: MemberView[];
    posted: PriorityForm | undefined;
    form: FormState;
  },
): JSX.Element {
  const { county, council, priority } = p;
  const decision = p.decisions.find((d) => d.id === priority.decisionId);
  const mayChange = p.manages && p.editing.allowed;
  const formOf = (which: PriorityForm, initial: Record<string, string>): FormState =>
    p.posted === which ? p.form : { values: initial, errors: {} };
  const here = urls.priority(county.slug, council.slug, priority.id);
  return (
    <CouncilRoom ctx={p.ctx} county={county} council={council} part="priorities" title={priority.name}>
      <ErrorSummary errors={scopedErrors(p.form.errors, p.posted)} />
      {priority.description ? <div class="sv-prose">{safeMarkdown(priority.description)}</div> : ''}
      <SummaryList
        rows={[
          {
            key: 'Beslut',
            value: decision
              ? `${decision.number} ${decision.title}, ${dayText(decision.decidedOn)}`
              : 'Inget beslut angivet',
          },
          { key: 'Gäller', value: spanText(priority.validFrom, priority.validUntil) },
          { key: 'Mål i RUS', value: priority.rusGoals.join('\n') || 'Inga angivna' },
          {
            key: 'Agenda 2030',
            value: priority.agendaTargets.map(agendaTargetText).join('\n') || 'Inga angivna',
          },
        ]}
      />
      <h2 class="govuk-heading-m">Insatsområden</h2>
      {p.areas.length === 0 ? <p class="govuk-body">Inga insatsområden ännu.</p> : ''}
      {p.areas.map(({ area, interventions }) => (
        <section aria-labelledby={`a-${area.id}`}>
          <h3 class="govuk-heading-s" id={`a-${area.id}`} safe>
            {area.name}
          </h3>
          {area.purpose ? (
            <p class="govuk-body" safe>
              {area.purpose}
            </p>
          ) : (
            ''
          )}
          {area.targetGroup ? <p class="govuk-body" safe>{`Målgrupp: ${area.targetGroup}`}</p> : ''}
          {interventions.length > 0 ? (
            <ul class="govuk-list">
              {interventions.map((i) => (
                <li>
                  <a class="govuk-link" href={urls.intervention(county.slug, council.slug, i.id)} safe>
                    {i.name}
                  </a>{' '}
                  <span class="govuk-body-s" safe>{`(${i.ownerName})`}</span> <StatusTag status={i.status} />
                </li>
              ))}
            </ul>
          ) : (
            <p class="govuk-body-s">Inga insatser ännu.</p>
          )}
        </section>
      ))}
      {mayChange ? (
        <>
          <Details summary="Lägg till insatsområde" open={p.posted === 'area'}>
            <PostForm
              action={urls.priorityAreas(county.slug, council.slug, priority.id)}
              csrfToken={p.ctx.csrfToken}
            >
              <AreaFields form={formOf('area', {})} />
              <Button>Lägg till insatsområdet</Button>
            </PostForm>
          </Details>
          {p.areas.length > 0 ? (
            <Details summary="Lägg till insats" open={p.posted === 'intervention'}>
              <PostForm
                action={urls.priorityInterventions(county.slug, council.slug, priority.id)}
                csrfToken={p.ctx.csrfToken}
              >
                <InterventionFields
                  form={formOf('intervention', { status: 'planned', public: 'yes' })}
                  idPrefix="intervention"
                  areas={p.areas.map((a) => a.area)}
                  members={p.members}
                />
                <Button>Lägg till insatsen</Button>
              </PostForm>
            </Details>
          ) : (
            ''
          )}
          <Details summary="Ändra samverkansområdet" open={p.posted === 'edit'}>
            <PostForm action={here} csrfToken={p.ctx.csrfToken}>
              <PriorityFields
                form={formOf('edit', priorityValues(priority))}
                decisions={p.decisions}
                idPrefix="edit"
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

function AreaFields({ form }: { form: FormState }): JSX.Element {
  return (
    <>
      <TextInput name="name" label="Namn" form={form} idPrefix="area" maxLength={200} />
      <TextArea name="purpose" label="Syfte" form={form} idPrefix="area" />
      <TextInput name="targetGroup" label="Målgrupp" form={form} idPrefix="area" />
    </>
  );
}

/** The fields of an intervention, for adding one (on its priority's page) and changing one (on its own). */
export function InterventionFields({
  form,
  idPrefix,
  areas,
  members,
  statuses = interventionStatuses,
}: {
  form: FormState;
  idPrefix: string;
  areas: AreaRow[];
  members: MemberView[];
  statuses?: readonly (typeof interventionStatuses)[number][];
}): JSX.Element {
  const options = memberOptions(members);
  const chosen = new Set((form.values.participantIds ?? '').split(',').filter(Boolean));
  return (
    <>
      <Select
        name="areaId"
        label="Insatsområde"
        form={form}
        idPrefix={idPrefix}
        options={areas.map((a) => ({ value: a.id, label: a.name }))}
      />
      <TextInput name="name" label="Namn" form={form} idPrefix={idPrefix} maxLength={200} />
      <TextArea name="description" label="Beskrivning" form={form} idPrefix={idPrefix} rows={5} />
      <Select
        name="ownerOrganisationId"
        label="Ägare"
        hint="Organisationen som äger insatsen."
        form={form}
        idPrefix={idPrefix}
        placeholder="Välj organisation"
        options={options}
      />
      <div
        class={`govuk-form-group${form.errors.participantIds ? ' govuk-form-group--error' : ''}`}
        id={`${idPrefix}-participantIds`}
      >
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Deltagande organisationer</legend>
          {form.errors.participantIds ? (
            <p class="govuk-error-message" safe>
              {form.errors.participantIds}
            </p>
          ) : (
            ''
          )}
          <div class="govuk-checkboxes govuk-checkboxes--small">
            {options.map((o, i) => (
              <div class="govuk-checkboxes__item">
                <input
                  class="govuk-checkboxes__input"
                  id={`${idPrefix}-participantIds-${i}`}
                  name="participantIds"
                  type="checkbox"
                  value={o.value}
                  checked={chosen.has(o.value)}
                />
                <label
                  class="govuk-label govuk-checkboxes__label"
                  for={`${idPrefix}-participantIds-${i}`}
                  safe
                >
                  {o.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <TextInput
        name="startsOn"
        label="Startdatum"
        hint="ÅÅÅÅ-MM-DD"
        form={form}
        idPrefix={idPrefix}
        width="govuk-input--width-10"
      />
      <TextInput
        name="endsOn"
        label="Slutdatum"
        hint="ÅÅÅÅ-MM-DD. Lämna tomt om insatsen pågår tills vidare."
        form={form}
        idPrefix={idPrefix}
        width="govuk-input--width-10"
      />
      <Select
        name="status"
        label="Status"
        form={form}
        idPrefix={idPrefix}
        options={statuses.map((s) => ({ value: s, label: interventionStatusLabels[s] }))}
      />
      <TextInput
        name="indicators"
        label="Indikatorer"
        hint="Nyckeltal i Kolada, åtskilda med kommatecken, till exempel N00945"
        form={form}
        idPrefix={idPrefix}
      />
      <Checkbox
        name="public"
        label="Visa insatsen som exempel på rådets publika sida"
        form={form}
        idPrefix={idPrefix}
      />
    </>
  );
}
