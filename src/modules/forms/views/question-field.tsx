import { Choices, ErrorMessage, Hint, type FormState } from '../../../ui/components.tsx';
import { fieldName, measureField } from '../answers.ts';
import {
  answerChoices,
  measureStatusLabels,
  measureStatuses,
  UNKNOWN,
  type Measure,
  type Question,
} from '../definition.ts';

/** One question as the respondent sees it; read-only in the builder's preview. */
export function QuestionField({
  q,
  form,
  readonly,
  condition = '',
}: {
  q: Question;
  form: FormState;
  readonly: boolean;
  /** the condition in words (conditionHint), shown as part of the hint */
  condition?: string;
}): JSX.Element {
  const name = fieldName(q);
  const error = form.errors[name];
  const value = form.values[name] ?? '';

  const hint = [q.help ?? '', condition].filter(Boolean).join(' ');
  // A small script shows a conditional question only when the answer it depends on allows it.
  const showIfAttrs = {
    'data-show-if': q.showIf ? fieldName({ id: q.showIf.questionId }) : undefined,
    'data-show-values': q.showIf ? q.showIf.anyOf.join(',') : undefined,
  };
  const groupAttrs = { class: `govuk-form-group${error ? ' govuk-form-group--error' : ''}`, ...showIfAttrs };
  const describedBy =
    [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  if (q.type === 'scale' || q.type === 'single' || q.type === 'yesno' || q.type === 'multiple') {
    // A scale's steps show their number beside their words: "4 – Stor påverkan".
    const options = answerChoices(q).map((c) =>
      q.type === 'scale' && c.value !== UNKNOWN && c.label !== c.value
        ? { ...c, label: `${c.value} – ${c.label}` }
        : c,
    );
    return (
      <Choices
        name={name}
        label={q.label}
        form={form}
        hint={hint}
        options={options}
        multiple={q.type === 'multiple'}
        disabled={readonly}
        attrs={showIfAttrs}
      />
    );
  }
  if (q.type === 'measures') {
    const rows = Number(form.values[`${name}_rows`] ?? '1');
    return (
      <div {...groupAttrs}>
        <fieldset class="govuk-fieldset" aria-describedby={describedBy}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
            {q.label}
          </legend>
          <Hint id={name} text={hint} />
          {Array.from({ length: rows }, (_, i) => {
            const f = (part: keyof Measure) => measureField(q, i, part);
            const input = (part: keyof Measure, label: string, width = '') => (
              <div class={`govuk-form-group${form.errors[f(part)] ? ' govuk-form-group--error' : ''}`}>
                <label class="govuk-label" for={f(part)} safe>
                  {label}
                </label>
                <ErrorMessage id={f(part)} message={form.errors[f(part)]} />
                <input
                  class={`govuk-input ${width}${form.errors[f(part)] ? ' govuk-input--error' : ''}`}
                  id={f(part)}
                  name={f(part)}
                  type="text"
                  value={form.values[f(part)] ?? ''}
                  readonly={readonly}
                  aria-describedby={form.errors[f(part)] ? `${f(part)}-error` : undefined}
                />
              </div>
            );
            return (
              <div class="sv-measure">
                <h3 class="govuk-heading-s" safe>{`Åtgärd ${i + 1}`}</h3>
                {input('description', 'Beskrivning')}
                <div class={`govuk-form-group${form.errors[f('status')] ? ' govuk-form-group--error' : ''}`}>
                  <label class="govuk-label" for={f('status')}>
                    Status
                  </label>
                  <ErrorMessage id={f('status')} message={form.errors[f('status')]} />
                  <select class="govuk-select" id={f('status')} name={f('status')} disabled={readonly}>
                    <option value="">Välj status</option>
                    {measureStatuses.map((s) => (
                      <option value={s} selected={form.values[f('status')] === s} safe>
                        {measureStatusLabels[s]}
                      </option>
                    ))}
                  </select>
                </div>
                {input('targetGroup', 'Målgrupp')}
                {input('responsible', 'Ansvarig organisation')}
                {input('startDate', 'Startdatum (ÅÅÅÅ-MM-DD)', 'govuk-input--width-10')}
              </div>
            );
          })}
          {readonly ? (
            ''
          ) : (
            <button
              type="submit"
              class="govuk-button govuk-button--secondary"
              name="intent"
              value={`add:${q.id}`}
            >
              Lägg till en åtgärd
            </button>
          )}
        </fieldset>
      </div>
    );
  }
  const isText = q.type === 'text';
  return (
    <div {...groupAttrs}>
      <label class="govuk-label govuk-label--s" for={name} safe>
        {q.label}
      </label>
      <Hint id={name} text={hint} />
      <ErrorMessage id={name} message={error} />
      {isText ? (
        <textarea
          class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
          id={name}
          name={name}
          rows="4"
          readonly={readonly}
          aria-describedby={describedBy}
          safe
        >
          {value}
        </textarea>
      ) : (
        <input
          class={`govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}`}
          id={name}
          name={name}
          type="text"
          inputmode="decimal"
          value={value}
          readonly={readonly}
          aria-describedby={describedBy}
        />
      )}
    </div>
  );
}
