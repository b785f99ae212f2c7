import {
  CharacterCountInfo,
  characterCount,
  Choices,
  ErrorMessage,
  Hint,
  type FormState,
} from '../../../ui/components.tsx';
import { ANSWER_LIMITS, fieldName, MEASURE_PARTS, measureField } from '../answers.ts';
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
      <div {...groupAttrs} id={name}>
        <fieldset class="govuk-fieldset" aria-describedby={describedBy}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
            {q.label}
          </legend>
          <Hint id={name} text={hint} />
          {Array.from({ length: rows }, (_, i) => {
            const f = (part: keyof Measure) => measureField(q, i, part);
            const errorOf = (part: keyof Measure) => form.errors[f(part)];
            const groupClass = (part: keyof Measure) =>
              `govuk-form-group${errorOf(part) ? ' govuk-form-group--error' : ''}`;
            const describe = (part: keyof Measure, ...more: string[]) =>
              [errorOf(part) ? `${f(part)}-error` : '', ...more].filter(Boolean).join(' ') || undefined;
            const input = (part: keyof Measure, label: string, width = '') => (
              <div class={groupClass(part)}>
                <label class="govuk-label" for={f(part)} safe>
                  {label}
                </label>
                <ErrorMessage id={f(part)} message={errorOf(part)} />
                <input
                  class={`govuk-input ${width}${errorOf(part) ? ' govuk-input--error' : ''}`}
                  id={f(part)}
                  name={f(part)}
                  type="text"
                  value={form.values[f(part)] ?? ''}
                  readonly={readonly}
                  aria-describedby={describe(part)}
                />
              </div>
            );
            const filled = MEASURE_PARTS.some((p) => (form.values[f(p)] ?? '') !== '');
            return (
              <div class="sv-measure" id={`${name}-${i}`}>
                <h3 class="govuk-heading-s" safe>{`Åtgärd ${i + 1}`}</h3>
                <div
                  class={`${groupClass('description')} govuk-character-count`}
                  {...characterCount(ANSWER_LIMITS.measureDescription)}
                >
                  <label class="govuk-label" for={f('description')}>
                    Beskrivning
                  </label>
                  <ErrorMessage id={f('description')} message={errorOf('description')} />
                  <textarea
                    class={`govuk-textarea govuk-js-character-count${errorOf('description') ? ' govuk-textarea--error' : ''}`}
                    id={f('description')}
                    name={f('description')}
                    rows="2"
                    readonly={readonly}
                    aria-describedby={describe('description', `${f('description')}-info`)}
                    safe
                  >
                    {form.values[f('description')] ?? ''}
                  </textarea>
                  <CharacterCountInfo id={f('description')} max={ANSWER_LIMITS.measureDescription} />
                </div>
                <div class={groupClass('status')}>
                  <label class="govuk-label" for={f('status')}>
                    Status
                  </label>
                  <ErrorMessage id={f('status')} message={errorOf('status')} />
                  <select
                    class={`govuk-select${errorOf('status') ? ' govuk-select--error' : ''}`}
                    id={f('status')}
                    name={f('status')}
                    disabled={readonly}
                    aria-describedby={describe('status')}
                  >
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
                {readonly || (!filled && rows === 1) ? (
                  ''
                ) : (
                  <button
                    type="submit"
                    class="govuk-button govuk-button--warning sv-small-button"
                    name="intent"
                    value={`remove:${q.id}:${i}`}
                    formnovalidate
                    safe
                  >
                    {`Ta bort åtgärd ${i + 1}`}
                  </button>
                )}
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
    <div
      {...groupAttrs}
      class={`${groupAttrs.class}${isText ? ' govuk-character-count' : ''}`}
      {...(isText ? characterCount(ANSWER_LIMITS.text) : {})}
    >
      <label class="govuk-label govuk-label--s" for={name} safe>
        {q.label}
      </label>
      <Hint id={name} text={hint} />
      <ErrorMessage id={name} message={error} />
      {isText ? (
        <>
          <textarea
            class={`govuk-textarea govuk-js-character-count${error ? ' govuk-textarea--error' : ''}`}
            id={name}
            name={name}
            rows="4"
            readonly={readonly}
            aria-describedby={[describedBy, `${name}-info`].filter(Boolean).join(' ')}
            safe
          >
            {value}
          </textarea>
          <CharacterCountInfo id={name} max={ANSWER_LIMITS.text} />
        </>
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
