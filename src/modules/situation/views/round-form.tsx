import type { PageContext } from '../../../ui/context.ts';
import {
  Button,
  ErrorSummary,
  PostForm,
  Select,
  TextInput,
  type FormState,
  type Option,
} from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { occasionSlots } from '../schemas.ts';

/** Two occasions (a year's reporting) in view; the rest of the slots folded away below them. */
const VISIBLE_SLOTS = 2;
const OCCASION_PARTS = ['label', 'opens', 'deadline', 'locks', 'reminderDays'] as const;

function OccasionFields({ i, form }: { i: number; form: FormState }): JSX.Element {
  return (
    <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m" safe>
        {`Rapporteringstillfälle ${i}${i > 1 ? ' (frivilligt)' : ''}`}
      </legend>
      <TextInput
        name={`occasion${i}_label`}
        label="Benämning"
        hint={i % 2 === 1 ? 'Till exempel ”Före sommaren”' : 'Till exempel ”Oktober”'}
        form={form}
      />
      <TextInput
        name={`occasion${i}_opens`}
        label="Öppnar (ÅÅÅÅ-MM-DD)"
        width="govuk-input--width-10"
        form={form}
      />
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
        <TextInput name="title" label="Rubrik" form={form} />
        <TextInput
          name="topic"
          label="Ämne och syfte"
          hint="Vad omgången handlar om, som de svarande ser det"
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
