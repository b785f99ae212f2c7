import type { PageContext } from '../../../ui/context.ts';
import { formatDate } from '../../../platform/i18n.ts';
import {
  Button,
  Checkbox,
  ErrorSummary,
  PostForm,
  Select,
  TextArea,
  TextInput,
  type FormState,
  type Option,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { Occasion, Round } from '../repository.ts';
import { occasionSlots, TEXT_LIMITS } from '../schemas.ts';

/** Two occasions (a year's reporting) in view; the rest of the slots folded away below them. */
const VISIBLE_SLOTS = 2;
const OCCASION_PARTS = ['label', 'opens', 'deadline', 'locks', 'reminderDays'] as const;

function OccasionFields({
  i,
  form,
  legend,
  opened,
}: {
  i: number;
  form: FormState;
  legend?: string;
  /** the occasion has opened: its opening date is shown, not asked */
  opened?: Date;
}): JSX.Element {
  return (
    <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m" safe>
        {legend ?? `Rapporteringstillfälle ${i}${i > 1 ? ' (frivilligt)' : ''}`}
      </legend>
      <TextInput
        name={`occasion${i}_label`}
        label="Benämning"
        hint={i % 2 === 1 ? 'Till exempel ”Före sommaren”' : 'Till exempel ”Oktober”'}
        maxLength={TEXT_LIMITS.occasionLabel}
        form={form}
      />
      {opened ? (
        <p class="govuk-body" safe>{`Öppnade ${formatDate(opened)}.`}</p>
      ) : (
        <TextInput
          name={`occasion${i}_opens`}
          label="Öppnar (ÅÅÅÅ-MM-DD)"
          width="govuk-input--width-10"
          form={form}
        />
      )}
      <TextInput
        name={`occasion${i}_deadline`}
        label="Sista svarsdag (ÅÅÅÅ-MM-DD)"
        hint="Svar tas emot till kl. 23.59 svensk tid den dagen"
        width="govuk-input--width-10"
        form={form}
      />
      <TextInput
        name={`occasion${i}_locks`}
        label="Låses (ÅÅÅÅ-MM-DD)"
        width="govuk-input--width-10"
        form={form}
      />
      <TextInput
        name={`occasion${i}_reminderDays`}
        label="Påminnelse, dagar före sista svarsdag"
        type="number"
        width="govuk-input--width-10"
        form={form}
      />
    </fieldset>
  );
}

export function RoundFormPage({
  ctx,
  form,
  action,
  caption,
  national,
  questionnaires,
  back,
}: {
  ctx: PageContext;
  form: FormState;
  action: string;
  caption: string;
  national: boolean;
  questionnaires: Option[];
  back: { href: string; label: string };
}): JSX.Element {
  const shareChecked = form.values.shareAnswersNationally === 'yes';
  // The extra occasions open when the user has written in them or they carry an error.
  const moreInUse = occasionSlots
    .slice(VISIBLE_SLOTS)
    .some((i) =>
      OCCASION_PARTS.some(
        (part) =>
          form.errors[`occasion${i}_${part}`] ||
          (part !== 'reminderDays' && form.values[`occasion${i}_${part}`]),
      ),
    );
  return (
    <Layout
      ctx={ctx}
      title={national ? 'Ny nationell rapporteringsomgång' : 'Ny rapporteringsomgång för länet'}
      caption={caption}
      breadcrumbs={[back]}
    >
      <ErrorSummary errors={form.errors} />
      <PostForm action={action} csrfToken={ctx.csrfToken}>
        <TextInput name="title" label="Rubrik" maxLength={TEXT_LIMITS.roundTitle} form={form} />
        <TextArea
          name="topic"
          label="Ämne och syfte"
          hint="Vad omgången handlar om, som de svarande ser det"
          rows={4}
          maxLength={TEXT_LIMITS.roundTopic}
          form={form}
        />
        <Select
          name="questionnaireVersionId"
          label="Formulär"
          placeholder="Välj formulär"
          options={questionnaires}
          form={form}
        />
        {national ? (
          <div class="govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small">
              <div class="govuk-checkboxes__item">
                <input
                  class="govuk-checkboxes__input"
                  id="shareAnswersNationally"
                  name="shareAnswersNationally"
                  type="checkbox"
                  value="yes"
                  checked={shareChecked}
                />
                <label class="govuk-label govuk-checkboxes__label" for="shareAnswersNationally">
                  Den nationella samordnaren får läsa svaren under inskickade regionala lägesbilder
                </label>
              </div>
            </div>
          </div>
        ) : (
          ''
        )}
        {occasionSlots.slice(0, VISIBLE_SLOTS).map((i) => (
          <OccasionFields i={i} form={form} />
        ))}
        <Checkbox
          name="isTest"
          label="Testomgång"
          hint="För att prova formulär och flöde. En testomgång kan tas bort så länge ingen har svarat, och de svarande får inga e-postmeddelanden om den."
          form={form}
        />
        <details class="govuk-details" open={moreInUse}>
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">Fler rapporteringstillfällen</span>
          </summary>
          <div class="govuk-details__text">
            {occasionSlots.slice(VISIBLE_SLOTS).map((i) => (
              <OccasionFields i={i} form={form} />
            ))}
          </div>
        </details>
        <Button>Öppna omgången</Button>
      </PostForm>
    </Layout>
  );
}

/** An occasion on the edit form: movable (with whether it has opened), or fixed with the reason. */
export interface EditableOccasion {
  occasion: Occasion;
  /** true, or why its dates can no longer move */
  movable: true | string;
  opened: boolean;
}

/**
 * Changing a round: its title and texts, the dates of each occasion that may still move, and one more
 * occasion. Respondents who have not sent their answer are told new dates by e-mail.
 */
export function RoundEditPage({
  ctx,
  form,
  action,
  caption,
  round,
  occasions,
  nextSequence,
  canAddOccasion,
  back,
}: {
  ctx: PageContext;
  form: FormState;
  action: string;
  caption: string;
  round: Round;
  occasions: EditableOccasion[];
  nextSequence: number;
  canAddOccasion: boolean;
  back: { href: string; label: string };
}): JSX.Element {
  const adding = ['label', 'opens', 'deadline', 'locks'].some(
    (p) => form.values[`occasion${nextSequence}_${p}`] || form.errors[`occasion${nextSequence}_${p}`],
  );
  return (
    <Layout ctx={ctx} title="Ändra omgången" caption={caption} breadcrumbs={[back]}>
      <ErrorSummary errors={form.errors} />
      <p class="govuk-body" safe>
        {`Ändringarna gäller ${round.title}. De svarande som inte har skickat in sitt svar får e-post när sista svarsdag eller låsdatum flyttas. Varje ändring sparas i omgångens historik.`}
      </p>
      <PostForm action={action} csrfToken={ctx.csrfToken}>
        <TextInput name="title" label="Rubrik" maxLength={TEXT_LIMITS.roundTitle} form={form} />
        <TextArea
          name="topic"
          label="Ämne och syfte"
          hint="Vad omgången handlar om, som de svarande ser det"
          rows={4}
          maxLength={TEXT_LIMITS.roundTopic}
          form={form}
        />
        {occasions.map(({ occasion, movable, opened }) =>
          movable === true ? (
            <OccasionFields
              i={occasion.sequence}
              form={form}
              legend={occasion.label}
              opened={opened ? occasion.opensAt : undefined}
            />
          ) : (
            <section class="govuk-!-margin-bottom-6" aria-labelledby={`fixed-${occasion.sequence}`}>
              <h2 class="govuk-heading-m" id={`fixed-${occasion.sequence}`} safe>
                {occasion.label}
              </h2>
              <p class="govuk-body" safe>
                {`Sista svarsdag ${formatDate(occasion.deadlineAt)}, låst ${formatDate(occasion.locksAt)}. ${movable}`}
              </p>
            </section>
          ),
        )}
        {canAddOccasion ? (
          <details class="govuk-details" open={adding}>
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">Lägg till ett rapporteringstillfälle</span>
            </summary>
            <div class="govuk-details__text">
              <OccasionFields i={nextSequence} form={form} legend="Nytt rapporteringstillfälle" />
            </div>
          </details>
        ) : (
          ''
        )}
        <div class="govuk-button-group">
          <Button>Spara ändringarna</Button>
          <a class="govuk-link" href={back.href}>
            Avbryt
          </a>
        </div>
      </PostForm>
    </Layout>
  );
}
