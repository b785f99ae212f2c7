import type { Decision } from '../../../platform/authz.ts';
import type { FormState } from '../../../platform/validation.ts';
import type { PageContext } from '../../../ui/context.ts';
import {
  Button,
  ErrorSummary,
  PostForm,
  Select,
  TextArea,
  TextInput,
  type Option,
} from '../../../ui/components.tsx';
import { urls as eventUrls } from '../../events/index.ts';
import { urls as situationUrls } from '../../situation/index.ts';
import { dayText, yearStepStatusLabels } from '../labels.ts';
import type { CouncilRow } from '../repository.ts';
import { yearStepStatuses } from '../tables.ts';
import { urls } from '../urls.ts';
import { YEAR_MAX, YEAR_MIN, YEAR_STEP_LIMITS, type YearStepView } from '../year-plan.ts';
import { CouncilRoom } from './room.tsx';

type County = { name: string; slug: string };

function spanOf(step: Pick<YearStepView, 'startsOn' | 'endsOn'>): string {
  if (step.startsOn && step.endsOn) return `${dayText(step.startsOn)} – ${dayText(step.endsOn)}`;
  if (step.startsOn) return `Från ${dayText(step.startsOn)}`;
  if (step.endsOn) return `Till ${dayText(step.endsOn)}`;
  return 'Inga datum satta';
}

const statusColour = { planned: 'grey', ongoing: 'blue', done: 'green' } as const;

export interface YearPlanPageProps {
  ctx: PageContext;
  county: County;
  council: Pick<CouncilRow, 'name' | 'slug' | 'status'>;
  year: number;
  steps: YearStepView[];
  /** the county's admin: creates the year's steps and changes them (may the council change now, and if not why) */
  manages: boolean;
  editing: Decision;
}

/**
 * A council's year plan: the year's steps as an ordered list (the model's order is the year's), each with
 * its dates, status and what carries it; links to the year before and after; the admin's button that
 * creates the year's four steps, and a link to change each.
 */
export function YearPlanPage(p: YearPlanPageProps): JSX.Element {
  const { ctx, county, council, year, steps } = p;
  const may = p.manages && p.editing.allowed;
  return (
    <CouncilRoom ctx={ctx} county={county} council={council} part="year" title={`Årshjul ${year}`}>
      <nav class="sv-year-switch" aria-label="Välj år">
        <ul class="govuk-list">
          {year > YEAR_MIN ? (
            <li>
              <a class="govuk-link" href={urls.yearPlan(county.slug, council.slug, year - 1)} safe>
                {`← ${year - 1}`}
              </a>
            </li>
          ) : (
            ''
          )}
          {year < YEAR_MAX ? (
            <li>
              <a class="govuk-link" href={urls.yearPlan(county.slug, council.slug, year + 1)} safe>
                {`${year + 1} →`}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </nav>
      <p class="govuk-body">
        Samordningsgruppens grunduppdrag följer en modell för systematiskt och kunskapsbaserat arbete under
        året: en gemensam lägesbild, informations- och kunskapsspridning, en referensgrupp och därefter
        fortsatta och nya fokusområden.
      </p>
      {steps.length > 0 ? (
        <ol class="sv-timeline" aria-label={`Årets steg ${year}`}>
          {steps.map((s) => (
            <li class="sv-timeline__step">
              <h2 class="govuk-heading-m govuk-!-margin-bottom-1" safe>
                {s.title}
              </h2>
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                <span safe>{s.kindLabel}</span>
                {' · '}
                <span safe>{spanOf(s)}</span>
                {' · '}
                <strong class={`govuk-tag govuk-tag--${statusColour[s.status]}`} safe>
                  {s.statusLabel}
                </strong>
              </p>
              {s.notes ? (
                <p class="govuk-body sv-prewrap" safe>
                  {s.notes}
                </p>
              ) : (
                ''
              )}
              <ul class="govuk-list govuk-body-s">
                {s.round ? (
                  <li>
                    Lägesbild:{' '}
                    {p.manages ? (
                      <a class="govuk-link" href={situationUrls.round(county, s.round)} safe>
                        {s.round.title}
                      </a>
                    ) : (
                      <span safe>{s.round.title}</span>
                    )}
                  </li>
                ) : (
                  ''
                )}
                {s.event ? (
                  <li>
                    Evenemang:{' '}
                    {p.manages ? (
                      <a class="govuk-link" href={eventUrls.manageEvent(county.slug, s.event.id)} safe>
                        {s.event.title}
                      </a>
                    ) : s.event.status === 'published' ? (
                      <a class="govuk-link" href={eventUrls.event(county.slug, s.event.slug)} safe>
                        {s.event.title}
                      </a>
                    ) : (
                      <span safe>{s.event.title}</span>
                    )}
                  </li>
                ) : (
                  ''
                )}
              </ul>
              {may ? (
                <p class="govuk-body">
                  <a class="govuk-link" href={urls.yearStep(county.slug, council.slug, s.id)}>
                    Ändra<span class="govuk-visually-hidden" safe>{` ${s.title}`}</span>
                  </a>
                </p>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p class="govuk-body" safe>{`Det finns ingen plan för ${year} ännu.`}</p>
      )}
      {may && steps.length < 4 ? (
        <PostForm action={urls.yearPlan(county.slug, council.slug)} csrfToken={ctx.csrfToken}>
          <input type="hidden" name="ar" value={String(year)} />
          <Button>{steps.length === 0 ? 'Skapa årets steg' : 'Skapa årets saknade steg'}</Button>
        </PostForm>
      ) : (
        ''
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={urls.followUp(county.slug, council.slug, year, 'html')} safe>
          {`Uppföljning ${year}`}
        </a>
      </p>
    </CouncilRoom>
  );
}

export interface YearStepFormPageProps {
  ctx: PageContext;
  county: County;
  council: Pick<CouncilRow, 'name' | 'slug' | 'status'>;
  step: YearStepView;
  form: FormState;
  choices: { rounds: Option[]; events: Option[] };
}

/** The admin's form for one step of the year. */
export function YearStepFormPage(p: YearStepFormPageProps): JSX.Element {
  const { ctx, county, council, step, form } = p;
  const plan = urls.yearPlan(county.slug, council.slug, step.year);
  const withCurrent = (options: Option[], current: { id: string; title: string } | undefined) =>
    current && !options.some((o) => o.value === current.id)
      ? [{ value: current.id, label: current.title }, ...options]
      : options;
  return (
    <CouncilRoom
      ctx={ctx}
      county={county}
      council={council}
      part="year"
      title={`Ändra ${step.kindLabel.toLowerCase()} ${step.year}`}
      trail={[{ href: plan, label: String(step.year) }]}
    >
      <ErrorSummary errors={form.errors} />
      <PostForm action={urls.yearStep(county.slug, council.slug, step.id)} csrfToken={ctx.csrfToken}>
        <TextInput name="title" label="Rubrik" form={form} maxLength={YEAR_STEP_LIMITS.title} />
        <TextArea name="notes" label="Anteckningar" form={form} rows={5} maxLength={YEAR_STEP_LIMITS.notes} />
        <TextInput
          name="startsOn"
          label="Startdatum"
          hint="ÅÅÅÅ-MM-DD, till exempel 2026-01-15"
          form={form}
          width="govuk-input--width-10"
        />
        <TextInput
          name="endsOn"
          label="Slutdatum"
          hint="ÅÅÅÅ-MM-DD"
          form={form}
          width="govuk-input--width-10"
        />
        <Select
          name="status"
          label="Status"
          form={form}
          options={yearStepStatuses.map((s) => ({ value: s, label: yearStepStatusLabels[s] }))}
        />
        <Select
          name="roundId"
          label="Lägesbild som bär steget"
          hint="Länets egna och de nationella rapporteringsomgångarna"
          form={form}
          placeholder="Ingen"
          options={withCurrent(p.choices.rounds, step.round)}
        />
        <Select
          name="eventId"
          label="Evenemang som bär steget"
          hint="Länets evenemang under året"
          form={form}
          placeholder="Inget"
          options={withCurrent(p.choices.events, step.event)}
        />
        <Button>Spara</Button>
      </PostForm>
      <p class="govuk-body">
        <a class="govuk-link" href={plan}>
          Tillbaka till årshjulet
        </a>
      </p>
    </CouncilRoom>
  );
}

/** The form's values for a step as it is. */
export const yearStepValues = (s: YearStepView): Record<string, string> => ({
  title: s.title,
  notes: s.notes,
  startsOn: s.startsOn ?? '',
  endsOn: s.endsOn ?? '',
  status: s.status,
  roundId: s.roundId ?? '',
  eventId: s.eventId ?? '',
});
