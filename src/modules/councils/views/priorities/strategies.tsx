import {
  Button,
  Choices,
  Details,
  ErrorSummary,
  PostForm,
  TextArea,
  TextInput,
  scopedErrors,
  type FormState,
} from '../../../../ui/components.tsx';
import { strategyGoalKindLabels } from '../../labels.ts';
import type { StrategiesOf } from '../../strategies.ts';
import { strategyGoalKinds } from '../../tables.ts';
import { urls } from '../../urls.ts';
import { CouncilRoom } from '../room.tsx';
import { Refusal, type RoomPage } from './parts.tsx';

/** Which form was posted: a new strategy, or a goal of the strategy named. */
export type StrategyForm = { kind: 'strategy' } | { kind: 'goal'; strategyId: string };

/** The council's strategies: their visions and goal areas in order, with the interventions under each. */
export function StrategiesPage(
  p: RoomPage & { strategies: StrategiesOf; posted: StrategyForm | undefined; form: FormState },
): JSX.Element {
  const { county, council } = p;
  const mayChange = p.manages && p.editing.allowed;
  const prefix =
    p.posted?.kind === 'goal' ? `goal-${p.posted.strategyId}` : p.posted ? 'strategy' : undefined;
  const formOf = (id: string | undefined, initial: Record<string, string>): FormState =>
    prefix !== undefined && prefix === id ? p.form : { values: initial, errors: {} };
  return (
    <CouncilRoom ctx={p.ctx} county={county} council={council} part="strategies" title="Strategier">
      <ErrorSummary errors={scopedErrors(p.form.errors, prefix)} />
      {p.strategies.length === 0 ? <p class="govuk-body">Rådet har inga strategier ännu.</p> : ''}
      {p.strategies.map(({ strategy, goals }) => (
        <section aria-labelledby={`s-${strategy.id}`}>
          <h2 class="govuk-heading-m" id={`s-${strategy.id}`} safe>
            {`${strategy.name} ${strategy.fromYear}–${strategy.toYear}`}
          </h2>
          {strategy.description ? (
            <p class="govuk-body" safe>
              {strategy.description}
            </p>
          ) : (
            ''
          )}
          {goals.length === 0 ? (
            <p class="govuk-body">Inga visioner eller målområden ännu.</p>
          ) : (
            <ol class="govuk-list govuk-list--number">
              {goals.map(({ goal, interventions }) => (
                <li>
                  <strong safe>{`${strategyGoalKindLabels[goal.kind]}: ${goal.title}`}</strong>
                  {goal.text ? (
                    <p class="govuk-body" safe>
                      {goal.text}
                    </p>
                  ) : (
                    ''
                  )}
                  {interventions.length > 0 ? (
                    <ul class="govuk-list govuk-list--bullet">
                      {interventions.map((i) => (
                        <li>
                          <a
                            class="govuk-link"
                            href={urls.intervention(county.slug, council.slug, i.id)}
                            safe
                          >
                            {i.name}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ol>
          )}
          {mayChange ? (
            <Details summary="Lägg till vision eller målområde" open={prefix === `goal-${strategy.id}`}>
              <PostForm
                action={urls.strategyGoals(county.slug, council.slug, strategy.id)}
                csrfToken={p.ctx.csrfToken}
              >
                <Choices
                  name="kind"
                  label="Sort"
                  idPrefix={`goal-${strategy.id}`}
                  form={formOf(`goal-${strategy.id}`, { kind: 'vision' })}
                  options={strategyGoalKinds.map((k) => ({ value: k, label: strategyGoalKindLabels[k] }))}
                />
                <TextInput
                  name="title"
                  label="Vision eller målområde"
                  idPrefix={`goal-${strategy.id}`}
                  form={formOf(`goal-${strategy.id}`, {})}
                />
                <TextArea
                  name="text"
                  label="Beskrivning"
                  idPrefix={`goal-${strategy.id}`}
                  form={formOf(`goal-${strategy.id}`, {})}
                />
                <Button>Lägg till</Button>
              </PostForm>
            </Details>
          ) : (
            ''
          )}
        </section>
      ))}
      {mayChange ? (
        <Details summary="Lägg till strategi" open={prefix === 'strategy'}>
          <PostForm action={urls.strategies(county.slug, council.slug)} csrfToken={p.ctx.csrfToken}>
            <TextInput name="name" label="Namn" idPrefix="strategy" form={formOf('strategy', {})} />
            <TextInput
              name="fromYear"
              label="Första året"
              idPrefix="strategy"
              form={formOf('strategy', {})}
              width="govuk-input--width-4"
            />
            <TextInput
              name="toYear"
              label="Sista året"
              idPrefix="strategy"
              form={formOf('strategy', {})}
              width="govuk-input--width-4"
            />
            <TextArea
              name="description"
              label="Beskrivning"
              idPrefix="strategy"
              form={formOf('strategy', {})}
            />
            <Button>Lägg till strategin</Button>
          </PostForm>
        </Details>
      ) : (
        <Refusal editing={p.editing} />
      )}
    </CouncilRoom>
  );
}
